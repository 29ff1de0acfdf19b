"""Come back: an example typed in a real browser is there after a reload, and after the server
is killed (SIGKILL) mid-session and started again, at the same link."""

import re

from playwright.sync_api import expect

from bench.appserver import AppServer
from drafting.store import DraftStore
from tests.helpers import wait_until

EXAMPLE = "Our Thursday lunch club lost its grant in May 2026; 40 people ate alone."


def first_example(data, draft_id: str) -> str:
    """The first example of the draft stored on disk under `draft_id` ("" if none)."""
    stored = DraftStore(data).load(draft_id)
    return stored.draft.reasons[0].example if stored and stored.draft.reasons else ""


def test_an_example_survives_a_reload_and_a_killed_server(tmp_path, page):
    server = AppServer(tmp_path)
    server.start()
    try:
        page.goto(server.url)
        page.get_by_role("link", name="Choose reasons").click()
        page.get_by_text("Reason 20: Small local groups may not survive").click()
        page.get_by_role("link", name="Local examples").click()
        box = page.get_by_label("Your local example for reason 20")
        box.fill(EXAMPLE)
        box.press("Tab")  # a text area commits on blur
        expect(page).to_have_url(re.compile(r"draft=[A-Za-z0-9_-]{32}"))  # stored once changed
        draft_id = re.search(r"draft=([A-Za-z0-9_-]{32})", page.url).group(1)
        # The autosave is real: the store on disk holds the example.
        wait_until(lambda: first_example(tmp_path, draft_id) == EXAMPLE, "the example not saved")

        page.reload()
        expect(page.get_by_label("Your local example for reason 20")).to_have_value(EXAMPLE)

        server.stop(kill=True)
        server.start()
        page.goto(f"{server.url}/examples?draft={draft_id}")
        expect(page.get_by_label("Your local example for reason 20")).to_have_value(EXAMPLE)
        assert draft_id in page.url
    finally:
        server.stop()
