"""A response from many voices, in a real browser: the coordinator makes a story link; three
people send stories from 390 px phone pages (one by name, one without it, one for the group's
information only); the coordinator uses two in reasons' examples and the Word letter quotes
them as each allowed, leaving the third out; a committee member comments on the third
paragraph and the coordinator sees it beside that paragraph; a partner signs on and, once
accepted, signs every template."""

from __future__ import annotations

import re

import docx
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import (
    SCREENSHOTS,
    commit,
    fit_window_to_page,
    go_to,
    load_draft_file,
    no_error_shown,
    open_app,
    settled,
)

PHONE = {"width": 390, "height": 844}
STORIES = (
    (
        "I have come every Friday since 2012; it is the only hot meal I cook for.",
        "Ann Lee",
        "member",
        "Quote me by name",
    ),
    (
        "Without the club I would not leave the flat from one week to the next.",
        "Bob Hart",
        "minibus driver",
        "Quote me without my name",
    ),
    (
        "My son has no other place to go in the holidays.",
        "Cara Diaz",
        "parent",
        "For the group's information only",
    ),
)
COMMENT = "Say how many members come each week."


def link_shown(page: Page, kind: str) -> str:
    """The address of the newest link of `kind` on the coordinator's page."""
    codes = page.locator("code").filter(has_text=f"?{kind}=")
    expect(codes.last).to_be_visible()
    return codes.last.inner_text().strip()


def on_a_phone(browser: Browser, url: str, name: str):
    """A new person's phone: a 390 px page open at `url`."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(url)
    expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()
    return context, page


def picture(page: Page, name: str) -> None:
    settled(page)
    no_error_shown(page)
    fit_window_to_page(page, width=PHONE["width"], least=PHONE["height"])
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


def send_story(browser: Browser, url: str, story: tuple[str, str, str, str], n: int) -> None:
    text, name, role, consent = story
    context, page = on_a_phone(browser, url, "Share your story")
    expect(page.get_by_text("What would you lose if the Friday club closed?")).to_be_visible()
    commit(page.get_by_role("textbox", name="Your story", exact=True), text)
    commit(page.get_by_role("textbox", name="Your name (optional)", exact=True), name)
    commit(page.get_by_role("textbox", name="Your role (optional)", exact=True), role)
    page.get_by_text(consent, exact=True).click()
    page.get_by_role("button", name="Send your story").click()
    expect(page.get_by_text("your story has been sent")).to_be_visible()
    expect(page.get_by_role("textbox", name="Your story", exact=True)).to_have_value("")
    if n == 1:
        picture(page, "link-story-phone")
    context.close()


def story_card(page: Page, text: str):
    return page.locator("[class*='st-key-story_']").filter(has_text=text[:30])


def test_a_response_from_many_voices(app_server, browser, page, tmp_path):
    expect.set_options(timeout=20_000)  # a long journey on a shared machine
    # The coordinator's draft, and a story link.
    open_app(page, app_server)
    load_draft_file(page)
    go_to(page, "Local examples")
    page.get_by_text("Collect members' stories", exact=True).click()
    commit(
        page.get_by_role("textbox", name="Your question for them", exact=True),
        "What would you lose if the Friday club closed?",
    )
    page.get_by_role("button", name="Make a story link").click()
    story_url = link_shown(page, "story")
    assert story_url.startswith(app_server.url)

    for n, story in enumerate(STORIES, start=1):
        send_story(browser, story_url, story, n)

    # The inbox: two stories used in reasons, the third kept as background.
    page.reload()
    expect(story_card(page, STORIES[2][0])).to_be_visible()
    expect(
        story_card(page, STORIES[2][0]).get_by_role("button", name="Use in the letter")
    ).to_have_count(0)
    story_card(page, STORIES[0][0]).get_by_role("button", name="Use in the letter").click()
    expect(story_card(page, STORIES[0][0])).to_have_count(0)
    second = story_card(page, STORIES[1][0])
    second.get_by_label("Use it in the example of").click()
    page.get_by_role("option", name=re.compile(r"^Reason 20:")).click()
    second.get_by_role("button", name="Use in the letter").click()
    expect(story_card(page, STORIES[1][0])).to_have_count(0)
    story_card(page, STORIES[2][0]).get_by_role("button", name="Keep as background").click()
    expect(story_card(page, STORIES[2][0])).to_have_count(0)

    # Comment and sign-on links, from the letter page.
    go_to(page, "Your letter")
    page.get_by_text("Ask your committee and partner groups", exact=True).click()
    page.get_by_role("button", name="Make a comment link").click()
    comment_url = link_shown(page, "comment")
    page.get_by_role("button", name="Make a sign-on link").click()
    signon_url = link_shown(page, "signon")

    context, phone = on_a_phone(browser, comment_url, "Comment on the letter")
    box = phone.get_by_role("textbox", name="Your comment on paragraph 3", exact=True)
    row = phone.get_by_test_id("stHorizontalBlock").filter(has=box)
    paragraph = row.get_by_test_id("stMarkdown").first.inner_text().strip()
    commit(box, COMMENT)
    row.get_by_role("button", name="Send comment").click()
    expect(phone.get_by_text("your comment has been sent")).to_be_visible()
    picture(phone, "link-comment-phone")
    context.close()

    context, phone = on_a_phone(browser, signon_url, "Sign on")
    commit(
        phone.get_by_role("textbox", name="Your group's name", exact=True),
        "Hillside Tenants Association",
    )
    commit(
        phone.get_by_role("textbox", name="Who signs for it (optional)", exact=True), "Sam Okafor"
    )
    commit(phone.get_by_role("textbox", name="Their role (optional)", exact=True), "Chair")
    phone.get_by_role("button", name="Sign the letter").click()
    expect(phone.get_by_text("once ")).to_be_visible()
    picture(phone, "link-signon-phone")
    context.close()

    # Back with the coordinator: the comment beside its paragraph, the sign-on to accept.
    page.reload()
    preview = page.locator(".st-key-letter_preview")
    comment = preview.get_by_text(COMMENT)
    expect(comment).to_be_visible()
    above = preview.get_by_text(paragraph[:60]).bounding_box()
    below = comment.bounding_box()
    assert 0 < below["y"] - (above["y"] + above["height"]) < 120  # right under that paragraph
    page.get_by_role("button", name="Accept").click()
    expect(page.get_by_text("They now sign your letter.")).to_be_visible()
    expect(preview.get_by_text("Sam Okafor, Chair, Hillside Tenants Association")).to_be_visible()
    fit_window_to_page(page)
    page.screenshot(path=SCREENSHOTS / "link-letter-with-comment.png", full_page=True)

    # The Word letters: quoted as each allowed, the third left out, the partner signing.
    for button, name in (
        ("Word (.docx)", "formal"),
        ("Letter to councillors (.docx)", "councillors"),
    ):
        with page.expect_download() as download:
            page.get_by_role("button", name=button).click()
        path = tmp_path / f"{name}.docx"
        download.value.save_as(path)
        text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
        assert re.search(r"Ann Lee \(member\) told us in \w+: \u201cI have come every Friday", text)
        assert re.search(r"One member told us in \w+: \u201cWithout the club", text)
        assert "Bob Hart" not in text and "minibus driver" not in text
        assert "My son has no other place" not in text and "Cara Diaz" not in text
        assert "Hillside Tenants Association" in text
