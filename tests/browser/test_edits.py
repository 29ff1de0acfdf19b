"""Edits that keep their shape, in a real browser: a paragraph of the formal letter edited in
place, the Word download holding the edit and every heading, bold title and numbered ask, and a
stale edit marked beside the downloads. Also: a message queued by a widget inside a fragment
shows at once, and pictures of the letter page, wide and on a phone."""

from __future__ import annotations

import json

import docx
from playwright.sync_api import Page, expect

from drafting import assemble, draft_from_dict
from tests.browser.conftest import (
    SAMPLE_DRAFT,
    SCREENSHOTS,
    commit,
    fit_window_to_page,
    go_to,
    load_draft_file,
    no_error_shown,
    open_app,
    settled,
)
from tests.helpers import reasons_catalogue

OUR_WORDS = "Our café saw the same: the last tender scored price at 70%, and we lost two staff."
NEW_EXAMPLE = "Since the tender was announced, two of the six groups have stopped taking referrals."
CHANGED_EXAMPLE = "The new specification now scores price at 80% and quality at 20%."
STALE_WARNING = "replaced text that your answers have changed since"


def edit_in_place(page: Page, block: str, text: str) -> None:
    """With the keyboard: Enter on the Edit button beside a block of the preview, type the new
    text in the box that takes the focus, save with Ctrl+Enter; the focus comes back to Edit."""
    settled(page)
    edit = page.locator(f".st-key-edit_{block} button")
    edit.focus()
    page.keyboard.press("Enter")
    box = page.get_by_role("textbox", name="Your words for this paragraph")
    expect(box).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    page.keyboard.press("Control+Enter")
    expect(page.get_by_text("with your own words in 1 place")).to_be_visible()
    expect(edit).to_be_focused()


def expected_shape(example_20: str) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """What the unedited letter holds (headings with their Word styles, bold titles, numbered
    asks), from the core, for the sample draft with reason 20's new example."""
    data = json.loads(SAMPLE_DRAFT.read_text(encoding="utf-8"))
    data["reasons"][1]["example"] = example_20
    letter = assemble(draft_from_dict(data), reasons_catalogue())
    styles = {"title": "Heading 1", "heading": "Heading 2", "subheading": "Heading 3"}
    headings = [(styles[b.kind], b.text) for b in letter.blocks if b.kind in styles]
    bold = [s.text for b in letter.blocks for line in b.items for s in line if s.bold]
    asks = [p.text for p in letter.pieces() if p.kind == "numbered"]
    return headings, bold, asks


def test_an_edit_keeps_the_letters_shape_in_word_and_a_stale_one_is_marked(
    app_server, page, tmp_path
):
    open_app(page, app_server)
    load_draft_file(page)
    go_to(page, "Your letter")
    edit_in_place(page, "reason-2-example", OUR_WORDS)
    preview = page.locator(".st-key-letter_preview")
    expect(preview).to_contain_text(OUR_WORDS)

    go_to(page, "Local examples")
    commit(page.get_by_label("Your local example for reason 20"), NEW_EXAMPLE)
    go_to(page, "Your letter")
    expect(preview).to_contain_text(NEW_EXAMPLE)
    expect(page.get_by_text("with your own words in 1 place")).to_be_visible()
    expect(page.get_by_text(STALE_WARNING)).to_have_count(0)
    with page.expect_download() as download:
        page.get_by_role("button", name="Word (.docx)", exact=True).click()
    path = tmp_path / "letter.docx"
    download.value.save_as(path)

    word = docx.Document(str(path))
    texts = [p.text for p in word.paragraphs]
    assert OUR_WORDS in texts
    assert any(NEW_EXAMPLE in t for t in texts)
    headings, bold, asks = expected_shape(NEW_EXAMPLE)
    assert [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Head")] == (
        headings
    )
    bold_runs = [r.text for p in word.paragraphs for r in p.runs if r.bold]
    for title in bold:  # but reason 2's, which led the paragraph the group replaced
        assert title in bold_runs or title == "Price comes before quality."
    assert [p.text for p in word.paragraphs if p.style.name == "List Number"] == asks

    go_to(page, "Local examples")
    commit(page.get_by_label("Your local example for reason 2", exact=True), CHANGED_EXAMPLE)
    go_to(page, "Your letter")
    expect(page.get_by_text(f"1 edit {STALE_WARNING}")).to_be_visible()
    beside_downloads = page.locator(".st-key-stale_downloads_reason-2-example")
    expect(beside_downloads).to_contain_text(OUR_WORDS)
    expect(beside_downloads).to_contain_text(CHANGED_EXAMPLE)
    expect(page.locator(".st-key-stale_preview_reason-2-example")).to_be_visible()
    no_error_shown(page)

    SCREENSHOTS.mkdir(exist_ok=True)
    for name, width in (("wide", 1366), ("phone", 390)):
        settled(page)
        fit_window_to_page(page, width=width)
        page.screenshot(path=SCREENSHOTS / f"letter-edits-{name}.png", full_page=True)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Keep my edit").first.click()
    expect(page.get_by_text(STALE_WARNING)).to_have_count(0)
    expect(preview).to_contain_text(OUR_WORDS)


def test_unticking_a_reason_with_an_example_says_the_example_is_kept(app_server, page, catalogue):
    open_app(page, app_server)
    load_draft_file(page)
    go_to(page, "Choose reasons")
    reason = catalogue.reason(20)
    page.get_by_text(f"Reason 20: {reason.title}").first.click()  # the tick box's label
    expect(page.get_by_text("You have chosen 1 reason")).to_be_visible()
    expect(
        page.get_by_text("Reason 20 is out of your letter, but its example is kept")
    ).to_be_visible()
