"""The way back in real Chromium: a draft's link shown when it is first stored, and Start's list
of the drafts opened in this browser, kept in its localStorage only: it lists them with their
names, reopens one, forgets one or all, and no request to the server carries the list."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    SCREENSHOTS,
    commit,
    fit_window_to_page,
    go_to,
    heading,
    open_app,
    settled,
)

KEY = "response-builder-drafts"


@pytest.fixture(autouse=True)
def patient():
    """Wait up to 30 s for what should appear: a busy machine runs a first page slowly."""
    expect.set_options(timeout=30_000)
    yield
    expect.set_options(timeout=5_000)


def start_a_draft(page, server, name: str) -> str:
    open_app(page, server)
    go_to(page, "About you", "About you and the consultation")
    commit(page.get_by_label("Your group's name"), name)
    expect(page.get_by_text("This link is the only key to your draft")).to_be_visible()
    page.wait_for_url(re.compile(r"draft=[A-Za-z0-9_-]{32}"))
    return re.search(r"draft=([A-Za-z0-9_-]{32})", page.url).group(1)


def test_start_lists_the_drafts_opened_in_this_browser_and_forgets_them(app_server, page):
    sent = []
    page.on("request", lambda request: sent.append((request.url, request.post_data or "")))
    first = start_a_draft(page, app_server, "Hillside Lunch Club")
    link_box = page.get_by_test_id("stCode").filter(has_text="draft=")
    expect(link_box).to_contain_text(f"?draft={first}")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copy the link").click()
    expect(page.get_by_role("button", name="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()").endswith(f"?draft={first}")
    mail = page.get_by_role("link", name="Email it to me")
    assert mail.get_attribute("href").startswith("mailto:?subject=")
    SCREENSHOTS.mkdir(exist_ok=True)
    fit_window_to_page(page)
    settled(page)
    page.screenshot(path=SCREENSHOTS / "new-link.png", full_page=True)
    page.get_by_role("button", name="I have kept it").click()
    expect(page.get_by_text("This link is the only key")).to_have_count(0)

    page.goto(app_server.url)  # a new visit, without the link, in the same browser
    second = start_a_draft(page, app_server, "Riverside Tenants")
    page.goto(app_server.url)
    expect(heading(page, "Response Builder")).to_be_visible()
    recent = page.locator(".rb-recent")
    expect(recent.get_by_role("link")).to_have_count(2)
    expect(recent.get_by_role("link").first).to_have_text("Riverside Tenants")  # newest first
    stored = page.evaluate(f"localStorage.getItem('{KEY}')")
    assert first in stored and second in stored
    for width, name in ((1280, "start-recent-wide.png"), (390, "start-recent-phone.png")):
        fit_window_to_page(page, width)
        settled(page)
        page.screenshot(path=SCREENSHOTS / name, full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})

    recent.get_by_role("link", name="Hillside Lunch Club").click()
    page.wait_for_url(re.compile(f"draft={first}"))
    go_to(page, "About you", "About you and the consultation")
    expect(page.get_by_label("Your group's name")).to_have_value("Hillside Lunch Club")

    go_to(page, "Start", "Response Builder")
    page.get_by_role("button", name="Forget Riverside Tenants").click()
    expect(recent.get_by_role("link")).to_have_count(1)
    page.get_by_role("button", name="Forget them all").click()
    expect(recent.get_by_role("link")).to_have_count(0)
    expect(recent).to_have_text("")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None

    # The list never went to the server: no request held both drafts' ids, or the store's key.
    for url, body in sent:
        assert KEY not in url + body
        assert not (first in url + body and second in url + body)
