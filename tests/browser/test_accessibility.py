"""Accessibility: axe-core (bundled by `axe-playwright-python`) on every page of the app, with the
sample draft loaded and with an empty one.

No serious or critical violation may come from our own content. One from Streamlit's own markup
passes only if it is in STREAMLIT_ALLOWED below, with the reason it cannot be fixed here. Every
rule found, of any impact, is listed per page at the end of the pytest run.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from drafting import draft_from_dict
from drafting.store import DraftStore
from drafting.store.links import Links
from tests.browser.conftest import (
    PAGES,
    SAMPLE_DRAFT,
    fit_window_to_page,
    go_to,
    load_draft_file,
    no_error_shown,
    open_app,
    settled,
)

FAILING = {"serious", "critical"}

# Violations in Streamlit's own markup, which only a change to Streamlit can fix, as (axe rule
# id, a CSS selector the offending element matches, why it cannot be fixed here). An element
# matching one is counted as Streamlit's, whatever the impact; any other is ours.
# Today axe 4.12 finds no serious or critical violation in Streamlit 1.67's own markup on these
# pages. The serious one it did find, `color-contrast` on every caption and on a selected
# segmented-control option, came from the colours of Streamlit's default light theme, so it is
# fixed in .streamlit/config.toml, not listed here.
STREAMLIT_ALLOWED: tuple[tuple[str, str, str], ...] = (
    (
        "presentation-role-conflict",  # minor
        '[data-testid="stFileUploaderDropzone"]',
        "st.file_uploader draws its drop zone as <section role='presentation' tabindex='-1'>"
        " with an aria-label (the widget's label); a presentational element should carry no"
        " global ARIA attribute. No option of st.file_uploader changes this markup, and the"
        " uploader is the only way to load a draft file.",
    ),
)


@dataclass(frozen=True)
class Finding:
    page: str
    rule: str
    impact: str
    certain: bool  # a violation; otherwise one axe could not decide ("needs review")
    targets: tuple[str, ...]  # axe's selectors of the elements
    snippets: tuple[str, ...]  # the start of each element's HTML
    allowed: tuple[bool, ...]  # for each element: excused by STREAMLIT_ALLOWED?
    help: str

    @property
    def fails(self) -> bool:
        return self.certain and self.impact in FAILING and not all(self.allowed)

    def describe(self) -> str:
        """For example `heading-order (moderate) x1, ours`, or `color-contrast (serious) x3` when
        axe could not decide."""
        text = f"{self.rule} ({self.impact}) x{len(self.targets)}"
        if not self.certain:
            return text
        ours, theirs = self.allowed.count(False), self.allowed.count(True)
        if not theirs:
            return f"{text}, ours"
        if not ours:
            return f"{text}, Streamlit's (allowed)"
        return f"{text}: {ours} ours, {theirs} Streamlit's (allowed)"


def summary(view: str, findings: list[Finding]) -> str:
    """One line for the report: the violations axe found on a view, then what needs review."""
    found = "; ".join(f.describe() for f in findings if f.certain) or "no violations"
    review = "; ".join(f.describe() for f in findings if not f.certain)
    return f"{view}: {found}" + (f" | needs review: {review}" if review else "")


def allowed_in_streamlit(page: Page, rule: str, target: list[str]) -> bool:
    """Whether the element axe names (`target`: one selector, or a list when inside frames) is
    one of Streamlit's that STREAMLIT_ALLOWED excuses for `rule`."""
    patterns = [pattern for rule_id, pattern, _ in STREAMLIT_ALLOWED if rule_id == rule]
    if not patterns or len(target) != 1:
        return False
    return page.evaluate(
        "([target, patterns]) => { const e = document.querySelector(target);"
        " return !!e && patterns.some(p => e.matches(p)); }",
        [target[0], patterns],
    )


def audit(page: Page, name: str) -> list[Finding]:
    """Run axe-core on the page as it is now: its violations, then what it could not decide."""
    results = Axe().run(page, options={"resultTypes": ["violations", "incomplete"]}).response
    return [
        Finding(
            page=name,
            rule=rule["id"],
            impact=rule["impact"],
            certain=certain,
            targets=tuple(" ".join(node["target"]) for node in rule["nodes"]),
            snippets=tuple(node["html"][:160] for node in rule["nodes"]),
            allowed=tuple(
                allowed_in_streamlit(page, rule["id"], node["target"]) for node in rule["nodes"]
            ),
            help=rule["help"],
        )
        for certain, kind in ((True, "violations"), (False, "incomplete"))
        for rule in results[kind]
    ]


def none_failing(findings: list[Finding]) -> None:
    """Fail on any serious or critical violation of ours, listing each with its elements."""
    failing = [f for f in findings if f.fails]
    assert not failing, "\n".join(
        f"{f.page}: {f.describe()}: {f.help}\n    " + "\n    ".join(f.snippets) for f in failing
    )


def click_then_see(name: str, shown):
    """Click the text `name` (a tab, an expander, a button), then wait for `shown(page)`."""

    def show(page: Page) -> None:
        page.get_by_text(name, exact=True).click()
        expect(shown(page)).to_be_visible()

    return show


def read_reason_2(page: Page) -> None:
    """Choose Reason 2 in the reasons page's "read in full" panel and wait for its text."""
    page.get_by_label("Read a reason in full, with the national evidence").click()
    page.get_by_role("option", name="Reason 2:").click()
    expect(
        page.locator(".st-key-reason_in_full").get_by_text("Local evidence that makes it count:")
    ).to_be_visible()


def edit_opening(page: Page) -> None:
    """Press Edit beside the letter's opening paragraph and wait for its text box. The mouse
    then moves away: the text box's help icon opens where Edit was, and a tooltip still fading
    in under the pointer is not what the page shows."""
    page.locator(".st-key-edit_opening button").click()
    expect(page.get_by_role("textbox", name="Your words for this paragraph")).to_be_visible()
    page.mouse.move(0, 0)


# What a page shows only after a click, audited too when a draft is loaded: (page's link, what
# the view is called in the summary, how to open it).
MORE_VIEWS = (
    (
        "Start",
        "asking to start again",
        click_then_see(
            "Start a new response",
            lambda page: page.get_by_role("button", name="Yes, clear it and start again"),
        ),
    ),
    (
        "Choose reasons",
        "reason 2 in full",
        read_reason_2,
    ),
    (
        "Choose reasons",
        "reasons in order",
        click_then_see(
            "Put your reasons in order",
            lambda page: page.get_by_role("button", name="Move Reason 2 down"),
        ),
    ),
    ("Your letter", "editing a paragraph", edit_opening),
)


@pytest.mark.parametrize("draft", ["sample draft", "empty draft"])
def test_no_page_has_a_serious_accessibility_violation_of_ours(app_server, page, axe_report, draft):
    open_app(page, app_server)
    if draft == "sample draft":
        load_draft_file(page)
    findings = []

    def check(view: str) -> None:
        settled(page)
        no_error_shown(page)
        fit_window_to_page(page)  # axe skips what a scrolled panel hides
        page.mouse.move(0, 0)  # audit things at rest, not under the mouse after a click
        found = audit(page, view)
        axe_report.append(summary(f"{view} ({draft})", found))
        findings.extend(found)

    for link, title in PAGES:
        if link != "Start":  # open already; following its link again would start a rerun
            go_to(page, link, title)
        check(link)
        if draft == "sample draft":
            for _, view, show in (v for v in MORE_VIEWS if v[0] == link):
                show(page)
                check(f"{link}, {view}")
    none_failing(findings)


# Streamlit puts a widget's label, Markdown and all, in the aria-label a screen reader reads out.
MARKDOWN = re.compile(r"\*\*|:[a-z]+\[|:material/")


def test_no_control_is_named_with_markdown_syntax(app_server, page):
    """A control's aria-label is read out as written: Markdown in it comes out as "star star",
    "colon gray" and so on (as a screen reader's punctuation setting allows), and a voice
    control user has to guess what to say. axe accepts any name that is not empty."""
    open_app(page, app_server)
    load_draft_file(page)
    named = {}
    for link, title in PAGES:
        if link != "Start":
            go_to(page, link, title)
        if link == "Your situation":  # so that it shows its suggested reasons
            # The first yes/no question: "Where you stand" and "How far it has gone" come first.
            yes = page.get_by_role("radio", name="Yes", exact=True)
            question = page.get_by_role("radiogroup").filter(has=yes).first
            question.get_by_text("Yes", exact=True).click()
            expect(page.get_by_role("button", name=re.compile(r"^Add \d+ ticked"))).to_be_visible()
        settled(page)
        for name in page.evaluate(
            "() => [...document.querySelectorAll('[aria-label]')]"
            ".map(e => e.getAttribute('aria-label'))"
        ):
            if MARKDOWN.search(name):
                named.setdefault(link, []).append(name.replace("\n", " ")[:70])
    assert not named, "\n".join(
        f"{link}: {len(names)} names, such as {names[0]!r}" for link, names in named.items()
    )


@pytest.mark.parametrize("kind", ["story", "comment", "signon"])
def test_the_link_pages_have_no_serious_accessibility_violation_of_ours(
    app_server, page, axe_report, kind
):
    """The story, comment and sign-on pages, as a member or partner sees them on a phone."""
    draft = draft_from_dict(json.loads(SAMPLE_DRAFT.read_text(encoding="utf-8")))
    with DraftStore(app_server.data) as store:
        draft_id, _ = store.create(draft)
        link = Links(store).make(draft_id, kind, "What would you lose if the club closed?")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{app_server.url}/?{kind}={link}")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    settled(page)
    no_error_shown(page)
    fit_window_to_page(page, width=390, least=844)
    page.mouse.move(0, 0)
    findings = audit(page, f"{kind} link")
    axe_report.append(summary(f"{kind} link (390 px)", findings))
    none_failing(findings)
