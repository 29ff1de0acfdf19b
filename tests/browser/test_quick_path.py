"""The quick path, as a coordinator with one evening takes it: from a fresh start to a Word
letter with three reasons and three two-sentence examples, by the labels on the page.

The test counts what it costs the coordinator: every interaction (a click, a key, a field
filled) and the words shown in the main column of each page before the letter, and prints both.
"""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import heading, open_app, settled
from tests.helpers import word_text

MOST_INTERACTIONS = 25
# 800 before issue 22 asked where the group stands (about 40 words on Your situation) and issue
# 25 showed the way back (about 50 words a newcomer must read: on Start, that the link is the only
# key to the draft, and beside the draft's first save, its link with Copy).
MOST_WORDS = 900
EXAMPLES = (
    "Our bid for the 2023 lunch club grant took 40 unpaid hours. Two volunteers gave up their"
    " evenings for a month, so the Tuesday drop-in closed.",
    "Since March 2025 the council has asked for monthly returns on 12 measures. Our one"
    " part-time worker now spends a day a month on them instead of visiting people.",
    "At the Marsh Lane hall we feed 35 people every Thursday. Most of them would eat alone"
    " at home if the club closed.",
)
GROUP, SIGNATORY, BODY = "Marsh Lane Day Club", "Ada Okonkwo", "Hillshire County Council"

# What a page shows that is not words: the names of Streamlit's icons, drawn from a font.
WORDS_SHOWN = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    const count = (text) => text.split(/\\s+/).filter(Boolean).length;
    const icons = [...main.querySelectorAll('[data-testid="stIconMaterial"]')]
        .reduce((n, icon) => n + count(icon.innerText), 0);
    return count(main.innerText) - icons;
}"""


class Coordinator:
    """Drives the page and keeps count of the interactions and of the words each page shows."""

    def __init__(self, page: Page):
        self.page = page
        self.interactions = 0
        self.words: dict[str, int] = {}

    def click(self, target: Locator) -> None:
        target.click()
        self.interactions += 1

    def type_in(self, box: Locator, text: str) -> None:
        """Fill a box and leave it with Tab, which saves it: two interactions."""
        box.fill(text)
        box.press("Tab")
        self.interactions += 2
        expect(box).to_have_value(text)

    def read(self, title: str) -> None:
        """Count the words the page shows now, as the coordinator leaves it."""
        settled(self.page)
        self.words[title] = self.page.evaluate(WORDS_SHOWN)


def test_the_quick_path_reaches_a_word_letter_in_few_steps_and_few_words(
    app_server, page, tmp_path
):
    me = Coordinator(page)
    open_app(page, app_server)
    me.read("Start")
    me.click(page.get_by_role("button", name="Write your first letter"))

    expect(heading(page, "Your situation")).to_be_visible()
    for group, choice in (
        ("Where you stand", "We oppose it"),
        ("How far it has gone", "Consulting on a proposal"),
    ):  # the group's stance, in one question: the letter states none until it is chosen
        me.click(page.get_by_role("radiogroup", name=group).get_by_text(choice, exact=True))
    for question in (
        "Is saving money the main stated aim of the proposal?",
        "Are you a small group with few or no paid staff?",
    ):
        me.click(page.get_by_role("radiogroup", name=question).get_by_text("Yes", exact=True))
    add = page.get_by_role("button", name="Add 3 ticked reasons and write your examples")
    expect(add).to_be_enabled()
    me.read("Your situation")
    me.click(add)

    expect(heading(page, "Local examples")).to_be_visible()
    boxes = page.get_by_label("Your local example for reason")
    expect(boxes).to_have_count(3)
    for n, example in enumerate(EXAMPLES, start=1):
        me.type_in(boxes.nth(n - 1), example)
        expect(page.get_by_text(re.compile(r"^It has "))).to_have_count(n)  # its feedback
    me.read("Local examples")
    me.click(page.get_by_role("button", name="Next: About you"))

    expect(heading(page, "About you and the consultation")).to_be_visible()
    for label, text in (
        ("Your group's name", GROUP),
        ("Who signs the letter", SIGNATORY),
        ("Who is consulting", BODY),
    ):
        me.type_in(page.get_by_label(label), text)
    method = page.get_by_role("radiogroup", name="How does the consultation take responses?")
    me.click(method.get_by_text("By email", exact=True))
    expect(page.get_by_role("region", name="Sidebar")).to_contain_text("Your letter (ready)")
    me.read("About you")
    me.click(page.get_by_role("button", name="Skip to your letter"))

    expect(heading(page, "Your letter")).to_be_visible()
    with page.expect_download() as download:
        me.click(page.get_by_role("button", name="Word (.docx)", exact=True))
    download.value.save_as(tmp_path / "letter.docx")
    letter = word_text(tmp_path / "letter.docx")

    words = sum(me.words.values())
    print(
        f"\nQuick path: {me.interactions} interactions; {words} words shown before the letter"
        f" ({', '.join(f'{page} {n}' for page, n in me.words.items())})."
    )
    for example in EXAMPLES:
        assert example in letter
    assert GROUP in letter and SIGNATORY in letter and BODY in letter
    assert me.interactions <= MOST_INTERACTIONS
    assert words <= MOST_WORDS
