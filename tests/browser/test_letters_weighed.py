"""Issue 22's fixes that only a browser shows: the sidebar counting examples as they are typed
(each example box reruns alone), the jump to the downloads on a phone, and the preview's Edit
buttons each named for what it edits."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SAMPLE_DRAFT, commit, go_to, load_draft_file, open_app, settled


@pytest.fixture(autouse=True)
def patient():
    """A busy shared machine can take more than the default 5 s to draw a page."""
    expect.set_options(timeout=30_000)
    yield
    expect.set_options(timeout=5_000)


def _draft_without_examples(tmp_path):
    data = json.loads(SAMPLE_DRAFT.read_text(encoding="utf-8"))
    data["reasons"] = [{"id": i, "example": ""} for i in (2, 14, 20)]
    path = tmp_path / "three-reasons.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_the_sidebar_counts_examples_as_they_are_typed(app_server, page, tmp_path):
    open_app(page, app_server)
    load_draft_file(page, _draft_without_examples(tmp_path))
    go_to(page, "Local examples")
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("3 reasons have no local example")).to_be_visible()
    for i in (2, 14, 20):
        box = page.get_by_label(f"Your local example for reason {i}", exact=True)
        commit(box, f"Seen here in 2025 ({i}).")
        settled(page)
    expect(sidebar.get_by_text(re.compile("no local example"))).to_have_count(0)


def test_on_a_phone_the_letter_page_jumps_to_the_downloads(app_server, page):
    open_app(page, app_server)
    load_draft_file(page)
    go_to(page, "Your letter")
    page.set_viewport_size({"width": 390, "height": 844})
    settled(page)
    word = page.get_by_role("button", name="Word (.docx)")
    expect(word).not_to_be_in_viewport()
    page.get_by_role("link", name="Go to the downloads").click()
    expect(page.get_by_role("heading", name="Download")).to_be_in_viewport()


def test_each_edit_button_is_named_for_what_it_edits(app_server, page):
    open_app(page, app_server)
    load_draft_file(page)
    go_to(page, "Your letter")
    settled(page)
    preview = page.locator(".st-key-letter_preview")
    names = [
        b.get_attribute("aria-label") or b.inner_text()
        for b in preview.get_by_role("button", name=re.compile("^Edit \u201c")).all()
    ]
    assert len(names) > 10 and len(set(names)) > 0.8 * len(names)
    expect(preview.get_by_role("button", name=re.compile("^Edit \u201cDear "))).to_be_visible()
