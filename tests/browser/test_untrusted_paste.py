"""Untrusted documents in a real browser (issue 25): 150 kB of "a." pasted is read in the
worker while the server goes on answering; pictures of the paste's reading
and of the edit box."""

import re
import threading
import time
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    SCREENSHOTS,
    go_to,
    heading,
    load_draft_file,
    settled,
)


@pytest.fixture(autouse=True)
def patient():
    """Wait up to a minute for what a person waits for: these tests read documents on a
    machine shared with other work."""
    expect.set_options(timeout=60_000)
    yield
    expect.set_options(timeout=5_000)


def open_slowly(page, server) -> None:
    """The Start page, waited for as long as a machine shared with other work needs."""
    page.goto(server.url)
    expect(heading(page, "Response Builder")).to_be_visible(timeout=60_000)


def health_pauses(url: str, stop: threading.Event, pauses: list[float]) -> None:
    """The longest each /_stcore/health request took, polled until `stop`."""
    while not stop.is_set():
        start = time.monotonic()
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=120) as answer:
            answer.read()
        pauses.append(time.monotonic() - start)
        time.sleep(0.2)


def test_pasted_dots_are_read_while_the_server_answers(page, app_server):
    open_slowly(page, app_server)
    page.get_by_text("Or paste its text").click()
    box = page.get_by_label("The consultation's text")
    box.fill("a." * 75_000)
    box.press("Control+Enter")
    stop, pauses = threading.Event(), []
    watcher = threading.Thread(target=health_pauses, args=(app_server.url, stop, pauses))
    watcher.start()
    try:
        page.get_by_role("button", name="Read the pasted text").click()
        expect(page.get_by_text("What we found in the pasted text")).to_be_visible(timeout=90_000)
    finally:
        stop.set()
        watcher.join()
    assert max(pauses) < 5  # before: no answer for 51 s
    for width, name in ((1280, "wide"), (390, "phone")):
        page.set_viewport_size({"width": width, "height": 900})
        settled(page)
        page.screenshot(path=SCREENSHOTS / f"issue25-pasted-dots-{name}.png", full_page=True)


def test_the_edit_box_with_its_limit_saves_an_edit(page, app_server):
    open_slowly(page, app_server)
    load_draft_file(page)
    go_to(page, "Your letter")
    page.get_by_role("button", name="Edit").first.click()
    box = page.get_by_role("textbox", name=re.compile("^Your words for this"))
    expect(box).to_be_visible()
    box.fill("Our own closing words.")
    box.press("Control+Enter")
    expect(page.get_by_text("Our own closing words.")).to_be_visible()
    expect(heading(page, "Your letter")).to_be_visible()
    for width, name in ((1280, "wide"), (390, "phone")):
        page.set_viewport_size({"width": width, "height": 900})
        settled(page)
        page.screenshot(path=SCREENSHOTS / f"issue25-edit-box-{name}.png", full_page=True)
