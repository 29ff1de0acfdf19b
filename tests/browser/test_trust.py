"""Trust in a real browser (issue 12): the first edit after the server was restarted under an
open tab is kept on screen and stored; a file over the upload limit gets the app's own message
on the page."""

import re
import time

from playwright.sync_api import expect

from bench.appserver import AppServer
from drafting.store import DraftStore
from tests.browser.conftest import commit, go_to, heading


def stored_name(data, draft_id: str, timeout: float = 15) -> str:
    """The group name stored under `draft_id`, once it stops changing."""
    deadline = time.monotonic() + timeout
    name = None
    while time.monotonic() < deadline:
        stored = DraftStore(data).load(draft_id)
        if stored and stored.draft.group.name == name:
            return name
        name = stored.draft.group.name if stored else None
        time.sleep(0.3)
    return name


def test_the_first_edit_after_a_restarted_server_is_kept_and_stored(tmp_path, page):
    server = AppServer(tmp_path)
    server.start()
    try:
        page.goto(server.url)
        expect(heading(page, "Response Builder")).to_be_visible()
        go_to(page, "About you", "About you and the consultation")
        box = page.get_by_label("Your group's name")
        commit(box, "Before the restart")
        expect(page).to_have_url(re.compile(r"draft=[A-Za-z0-9_-]{32}"))
        draft_id = re.search(r"draft=([A-Za-z0-9_-]{32})", page.url).group(1)
        assert stored_name(tmp_path, draft_id) == "Before the restart"

        server.stop()  # the session is lost, as after a laptop slept past Streamlit's TTL
        server.start()
        expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=30_000)
        commit(box, "The first edit after the restart")
        page.wait_for_timeout(2_000)  # long enough for a rerun to have put the old text back
        expect(box).to_have_value("The first edit after the restart")
        assert stored_name(tmp_path, draft_id) == "The first edit after the restart"
    finally:
        server.stop()
