"""Small things a first-time user met, checked in a real browser: a wrong file refused in words,
the keyboard staying on a reason as it moves, and a warning before unsaved typing is lost."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from tests.browser.conftest import SAMPLE_DRAFT, go_to, load_draft_file, open_app, settled

# The smallest PNG: a 1x1 transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def test_a_picture_dropped_on_load_a_draft_file_is_refused_in_words(app_server, page, tmp_path):
    picture = tmp_path / "photo.png"
    picture.write_bytes(PNG)
    open_app(page, app_server)
    uploader = page.get_by_role("region", name="Load a draft file")
    uploader.locator("input[type=file]").set_input_files(picture)
    expect(
        page.get_by_text("We could not load photo.png: This file is not a draft")
    ).to_be_visible()
    expect(page.get_by_text("Nothing has changed.")).to_be_visible()


def test_moving_a_reason_by_keyboard_keeps_the_focus_on_it(app_server, page):
    open_app(page, app_server)
    load_draft_file(page)  # reasons 2 then 20
    go_to(page, "Choose reasons")
    page.get_by_text("Put your reasons in order", exact=True).click()
    up = page.get_by_role("button", name="Move Reason 20 up")
    up.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("1. Reason 20:")).to_be_visible()
    settled(page)  # the list redrawn, without the old buttons
    # At the top, its Up button is off: the focus moves to its Down button, not the page top.
    expect(page.get_by_role("button", name="Move Reason 20 down")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_text("2. Reason 20:")).to_be_visible()
    settled(page)
    expect(page.get_by_role("button", name="Move Reason 20 up")).to_be_focused()


def test_moving_a_reason_twice_the_same_way_keeps_the_focus_on_it(app_server, page, tmp_path):
    draft = json.loads(SAMPLE_DRAFT.read_text(encoding="utf-8"))
    draft["reasons"] += [{"id": 5, "example": ""}, {"id": 9, "example": ""}]
    four = tmp_path / "four-reasons.json"
    four.write_text(json.dumps(draft), encoding="utf-8")
    open_app(page, app_server)
    load_draft_file(page, four)  # reasons 2, 20, 5, 9
    go_to(page, "Choose reasons")
    page.get_by_text("Put your reasons in order", exact=True).click()
    down = page.get_by_role("button", name="Move Reason 2 down")
    down.focus()
    for place in (2, 3):  # the same button each time: the keyboard stays on it
        page.keyboard.press("Enter")
        expect(page.get_by_text(f"{place}. Reason 2:")).to_be_visible()
        settled(page)
        expect(down).to_be_focused()


def test_leaving_with_typing_not_yet_saved_asks_first(app_server, page):
    open_app(page, app_server)
    go_to(page, "About you", "About you and the consultation")
    page.get_by_role("textbox", name="About your group").click()
    page.keyboard.type("A lunch club since 2011")  # not yet left, so not yet saved
    expect(page.get_by_text("to apply")).to_be_visible()
    with page.expect_event("dialog") as asked:
        page.close(run_before_unload=True)
    assert asked.value.type == "beforeunload"
    asked.value.dismiss()  # stay on the page
    expect(page.get_by_role("textbox", name="About your group")).to_have_value(
        "A lunch club since 2011"
    )


def test_saved_typing_leaves_without_a_question(app_server, page):
    open_app(page, app_server)
    go_to(page, "About you", "About you and the consultation")
    box = page.get_by_role("textbox", name="About your group")
    box.fill("A lunch club since 2011")
    box.press("Tab")
    settled(page)
    with page.expect_event("close"):  # a question would keep the page open
        page.close(run_before_unload=True)
