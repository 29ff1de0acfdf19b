"""Journeys in a real browser, driven by headings, labels and roles as a person would: a first
letter downloaded as Word, a draft file saved and loaded again, and the first letter again with
the keyboard alone."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from reasons import QUICK_PICK, YES, load_situation_questions, suggest
from tests.browser.conftest import commit, go_to, heading, open_app
from tests.helpers import reasons_catalogue, word_text

GROUP = "Riverside Lunch Club"
SIGNATORY = "Ada Okonkwo"
EXAMPLES = (
    "Our Thursday lunch club fed 40 people a week until the grant ended in May 2026.",
    "Two of our three volunteers spent six evenings on the last tender form.",
)
FEEDBACK = re.compile(r"^It has a number")  # what the app says of each of EXAMPLES
# Two situation questions a small group answers yes to (by id, in the questionnaire's order).
QUESTIONS = {
    "saving_money": "Is saving money the main stated aim of the proposal?",
    "small_group": "Are you a small group with few or no paid staff?",
}


def ticked_reasons() -> list[int]:
    """The reasons the app ticks for a yes to each of QUESTIONS: the strongest few."""
    questions = load_situation_questions(reasons_catalogue())
    suggestions = suggest(questions, dict.fromkeys(QUESTIONS, YES))
    return [s.reason for s in suggestions[:QUICK_PICK]]


def check_letter(path: Path) -> None:
    text = word_text(path)
    for example in EXAMPLES:
        assert example in text
    assert GROUP in text
    assert SIGNATORY in text


def answer_yes(page: Page, question: str) -> None:
    group = page.get_by_role("radiogroup", name=question)
    group.get_by_text("Yes", exact=True).click()  # its label: Streamlit draws over the radio
    expect(group.get_by_role("radio", name="Yes")).to_be_checked()


def test_a_first_letter_downloads_as_word_with_the_examples_and_the_group(
    app_server, page, tmp_path
):
    ticked = ticked_reasons()
    open_app(page, app_server)
    page.get_by_role("button", name="Next: Your situation").click()
    expect(heading(page, "Your situation")).to_be_visible()
    for question in QUESTIONS.values():
        answer_yes(page, question)
    for reason in ticked:
        expect(page.get_by_role("checkbox", name=f"Reason {reason}:")).to_be_checked()
    page.get_by_role("button", name=f"Add {len(ticked)} ticked reasons and write your").click()
    expect(heading(page, "Local examples")).to_be_visible()
    for n, (reason, example) in enumerate(zip(ticked, EXAMPLES, strict=False), start=1):
        commit(page.get_by_label(f"Your local example for reason {reason}", exact=True), example)
        expect(page.get_by_text(FEEDBACK)).to_have_count(n)  # feedback under each example

    page.get_by_role("button", name="Next: About you").click()
    expect(heading(page, "About you and the consultation")).to_be_visible()
    sidebar = page.get_by_role("region", name="Sidebar")
    commit(page.get_by_label("Your group's name"), GROUP)
    expect(sidebar).not_to_contain_text("Add your group's name")
    commit(page.get_by_label("Who signs the letter"), SIGNATORY)
    expect(sidebar).not_to_contain_text("Add who signs the letter")

    go_to(page, "Your letter")
    expect(page.get_by_role("main")).to_contain_text(EXAMPLES[0])  # in the letter's preview
    with page.expect_download() as download:
        page.get_by_role("button", name="Word (.docx)", exact=True).click()
    assert download.value.suggested_filename.endswith(".docx")
    download.value.save_as(tmp_path / "letter.docx")
    check_letter(tmp_path / "letter.docx")


def test_a_draft_file_saved_and_loaded_again_brings_everything_back(
    app_server, page, tmp_path, catalogue
):
    reasons = [catalogue.reason(i) for i in (2, 20)]
    open_app(page, app_server)
    go_to(page, "Choose reasons")
    for n, reason in enumerate(reasons, start=1):
        page.get_by_text(f"Reason {reason.id}: {reason.title}").click()  # the tick box's label
        expect(page.get_by_text(f"You have chosen {n} reason")).to_be_visible()
    go_to(page, "Local examples")
    for reason, example in zip(reasons, EXAMPLES, strict=True):
        commit(page.get_by_label(f"Your local example for reason {reason.id}", exact=True), example)
    go_to(page, "About you", "About you and the consultation")
    commit(page.get_by_label("Your group's name"), GROUP)
    expect(page.get_by_role("region", name="Sidebar")).not_to_contain_text("Add your group's name")

    with page.expect_download() as download:
        page.get_by_role("button", name="Save your draft to a file").click()
    assert download.value.suggested_filename.endswith(".json")
    saved = tmp_path / "draft.json"
    download.value.save_as(saved)

    go_to(page, "Start", "Response Builder")
    page.get_by_role("button", name="Start a new response").click()
    page.get_by_role("button", name="Yes, clear it and start again").click()
    expect(page.get_by_text("You have a new, empty response")).to_be_visible()
    go_to(page, "About you", "About you and the consultation")
    expect(page.get_by_label("Your group's name")).to_have_value("")

    go_to(page, "Start", "Response Builder")
    uploader = page.get_by_role("region", name="Load a draft file")
    with page.expect_file_chooser() as chooser:
        uploader.get_by_role("button", name="Upload", exact=True).click()
    chooser.value.set_files(saved)
    expect(page.get_by_text(f"Loaded the draft for {GROUP} with 2 reasons.")).to_be_visible()

    go_to(page, "Local examples")
    for reason, example in zip(reasons, EXAMPLES, strict=True):
        expect(
            page.get_by_role("heading", name=f"Reason {reason.id}: {reason.title}")
        ).to_be_visible()
        expect(
            page.get_by_label(f"Your local example for reason {reason.id}", exact=True)
        ).to_have_value(example)
    go_to(page, "About you", "About you and the consultation")
    expect(page.get_by_label("Your group's name")).to_have_value(GROUP)


# The keyboard alone.
def tab_to(page: Page, target: Locator, *, backwards: bool = False, most: int = 150) -> None:
    """Press Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would.

    The target is found once (waiting for it to appear) and found again only if a rerun
    replaced it, so each key press costs one quick check, not a search of the page.
    """
    key = "Shift+Tab" if backwards else "Tab"
    element = target.element_handle()
    passed = []
    for _ in range(most):
        page.keyboard.press(key)
        state = element.evaluate(
            """e => e.isConnected ? e === document.activeElement || (() => {
                const f = document.activeElement;
                const name = f.getAttribute('aria-label') || f.labels?.[0]?.innerText
                    || f.innerText || '';
                return `${f.tagName.toLowerCase()} "${name.trim().slice(0, 50)}"`; })() : null"""
        )
        if state is None:
            element = target.element_handle()
            state = element.evaluate("e => e === document.activeElement")
        if state is True:
            return
        passed.append(state)
    raise AssertionError(f"{target} not reached with {most} x {key}; passed: {passed}")


def test_a_first_letter_with_the_keyboard_alone(app_server, page, tmp_path):
    """The first letter with Tab, Shift+Tab, Space, Enter and typing only: locators only read
    the page and check where the focus is, never act on it.

    Every Streamlit widget on the way is reachable and works by keyboard: buttons and the
    sidebar's links (Enter), radios (Space), text areas (typing; Tab away sends the text), text
    inputs (Enter sends) and the download button (Enter). What a keyboard user meets that a
    mouse user does not, all Streamlit's own behaviour:
    - each widget with help text puts a "Help for ..." button in the Tab order before it, and
      each heading a "Link to heading" anchor (up to 13 extra stops on Your situation);
    - a question not yet answered is one Tab stop, its first option ("Yes"), which Space picks;
      "No" and "Not sure" are reached with the arrow keys, as in any radio group;
    - going to another page leaves the focus on the page's body, not on its heading: the next
      Tab goes on from where the button or link just pressed was, which on the new page can be
      half-way down it, and nothing announces the new page.
    """
    ticked = ticked_reasons()
    page.goto(app_server.url)
    expect(heading(page, "Response Builder")).to_be_visible()
    tab_to(page, page.get_by_role("button", name="Next: Your situation"))
    page.keyboard.press("Enter")
    expect(heading(page, "Your situation")).to_be_visible()
    for question in QUESTIONS.values():
        yes = page.get_by_role("radiogroup", name=question).get_by_role("radio", name="Yes")
        tab_to(page, yes)
        page.keyboard.press("Space")
        expect(yes).to_be_checked()
    tab_to(page, page.get_by_role("button", name=f"Add {len(ticked)} ticked reasons and write"))
    page.keyboard.press("Enter")
    expect(heading(page, "Local examples")).to_be_visible()
    for n, (reason, example) in enumerate(zip(ticked, EXAMPLES, strict=False), start=1):
        box = page.get_by_label(f"Your local example for reason {reason}", exact=True)
        tab_to(page, box)
        page.keyboard.type(example)
        page.keyboard.press("Tab")  # leaving the box sends it
        expect(page.get_by_text(FEEDBACK)).to_have_count(n)  # feedback under each example

    tab_to(page, page.get_by_role("button", name="Next: About you"))
    page.keyboard.press("Enter")
    expect(heading(page, "About you and the consultation")).to_be_visible()
    sidebar = page.get_by_role("region", name="Sidebar")
    for label, text, missing in (
        ("Your group's name", GROUP, "Add your group's name"),
        ("Who signs the letter", SIGNATORY, "Add who signs the letter"),
    ):
        tab_to(page, page.get_by_label(label))
        page.keyboard.type(text)
        page.keyboard.press("Enter")  # a text input sends its value on Enter
        expect(sidebar).not_to_contain_text(missing)

    # Back up to the sidebar's link: the letter is the last step, whatever comes between.
    tab_to(page, sidebar.get_by_role("link", name="Your letter"), backwards=True)
    page.keyboard.press("Enter")
    expect(heading(page, "Your letter")).to_be_visible()
    tab_to(page, page.get_by_role("button", name="Word (.docx)", exact=True))
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    download.value.save_as(tmp_path / "letter.docx")
    check_letter(tmp_path / "letter.docx")
