"""Come back: an example typed in a real browser is there after a reload, and after the server
is killed (SIGKILL) mid-session and started again, at the same link."""

import re
import time

from playwright.sync_api import expect

from bench.appserver import AppServer
from drafting.store import DraftStore

EXAMPLE = "Our Thursday lunch club lost its grant in May 2026; 40 people ate alone."


def wait_for_saved(data, draft_id: str, text: str, timeout: float = 15) -> None:
    """Wait until the store on disk holds `text` as the first example (the autosave is real)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        stored = DraftStore(data).load(draft_id)
        if stored and stored.draft.reasons and stored.draft.reasons[0].example == text:
            return
        time.sleep(0.1)
    raise AssertionError(f"the example was not saved within {timeout} s")


def test_an_example_survives_a_reload_and_a_killed_server(tmp_path, page):
    server = AppServer(tmp_path)
    server.start()
    try:
        page.goto(server.url)
        page.get_by_role("link", name="Choose reasons").click()
        page.get_by_text("20. Small local groups may not survive").click()
        page.get_by_role("link", name="Local examples").click()
        box = page.get_by_label("Your local example for reason 1")
        box.fill(EXAMPLE)
        box.press("Tab")  # a text area commits on blur
        expect(page).to_have_url(re.compile(r"draft=[A-Za-z0-9_-]{32}"))  # stored once changed
        draft_id = re.search(r"draft=([A-Za-z0-9_-]{32})", page.url).group(1)
        wait_for_saved(tmp_path, draft_id, EXAMPLE)

        page.reload()
        expect(page.get_by_label("Your local example for reason 1")).to_have_value(EXAMPLE)

        server.stop(kill=True)
        server.start()
        page.goto(f"{server.url}/examples?draft={draft_id}")
        expect(page.get_by_label("Your local example for reason 1")).to_have_value(EXAMPLE)
        assert draft_id in page.url
    finally:
        server.stop()
