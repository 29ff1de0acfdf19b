"""Trust in a real browser (issue 12): the first edit after the server was restarted under an
open tab is kept on screen and stored; a file over the upload limit gets the app's own message
on the page."""

import json
import re
from pathlib import Path

import docx
from playwright.sync_api import expect

from bench.appserver import AppServer
from drafting.store import DraftStore
from tests.browser.conftest import (
    SAMPLE_DRAFT,
    commit,
    go_to,
    heading,
    load_draft_file,
    open_app,
    settled,
)
from tests.helpers import wait_until

EXTRAS = "Home :material/home: smile :smile: colour :red[in red] maths $x$ and :blue-background[b]"


def stored(data, draft_id: str, read):
    """`read(draft)` of the draft stored under `draft_id` (None if there is none)."""
    found = DraftStore(data).load(draft_id)
    return read(found.draft) if found else None


def wait_until_stored(data, draft_id: str, read, value) -> None:
    wait_until(lambda: stored(data, draft_id, read) == value, f"{value!r} was not stored")


def group_name(draft) -> str:
    return draft.group.name


def response_method(draft) -> str:
    return draft.consultation.response_method


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
        wait_until_stored(tmp_path, draft_id, group_name, "Before the restart")

        server.stop()  # the session is lost, as after a laptop slept past Streamlit's TTL
        server.start()
        expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=30_000)
        commit(box, "The first edit after the restart")
        # The new session's first run stores the edit rather than put the stored text back;
        # once that run has ended, the box still shows the edit.
        wait_until_stored(tmp_path, draft_id, group_name, "The first edit after the restart")
        settled(page)
        expect(box).to_have_value("The first edit after the restart")
        assert stored(tmp_path, draft_id, group_name) == "The first edit after the restart"
    finally:
        server.stop()


def test_the_first_choice_after_a_restarted_server_is_kept_and_stored(tmp_path, page):
    """As for a text box, above: an option chosen just after the server lost the session."""
    server = AppServer(tmp_path)
    server.start()
    try:
        page.goto(server.url)
        go_to(page, "About you", "About you and the consultation")
        methods = page.get_by_role("radiogroup", name="How does the consultation take responses?")
        methods.get_by_text("By email", exact=True).click()  # its label, drawn over the radio
        expect(page).to_have_url(re.compile(r"draft=[A-Za-z0-9_-]{32}"))
        draft_id = re.search(r"draft=([A-Za-z0-9_-]{32})", page.url).group(1)
        wait_until_stored(tmp_path, draft_id, response_method, "email")

        server.stop()
        server.start()
        expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=30_000)
        methods.get_by_text("By post", exact=True).click()
        wait_until_stored(tmp_path, draft_id, response_method, "letter")
        settled(page)
        expect(methods.get_by_role("radio", name="By post")).to_be_checked()
        assert stored(tmp_path, draft_id, response_method) == "letter"
    finally:
        server.stop()


def draft_file(tmp_path: Path, change) -> Path:
    """The sample draft with `change(data)` applied, as a file to load."""
    data = json.loads(SAMPLE_DRAFT.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "changed-draft.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_long_title_and_group_name_still_download_as_word(app_server, page, tmp_path):
    """A title over about 243 characters stopped the Word download (issue 12)."""

    def long_names(data):
        data["consultation"]["title"] = "Proposals " + "t" * 290
        data["group"]["name"] = "Group " + "n" * 294

    open_app(page, app_server)
    load_draft_file(page, draft_file(tmp_path, long_names))
    go_to(page, "Your letter")
    with page.expect_download() as download:
        page.get_by_role("button", name="Word (.docx)", exact=True).click()
    download.value.save_as(tmp_path / "letter.docx")
    document = docx.Document(str(tmp_path / "letter.docx"))
    assert "Proposals " + "t" * 290 in "\n".join(p.text for p in document.paragraphs)
    assert document.core_properties.author.startswith("Group nnn")


def test_streamlit_markdown_extras_show_as_typed_in_the_preview(app_server, page, tmp_path):
    """`:material/home:`, `:smile:` and `:red[...]` once became an icon, an emoji and red
    text in the letter's preview (issue 12); the preview shows them as typed."""
    open_app(page, app_server)
    load_draft_file(page, draft_file(tmp_path, lambda d: d["reasons"][0].update(example=EXTRAS)))
    go_to(page, "Your letter")
    preview = page.locator(".st-key-letter_preview")
    expect(preview).to_contain_text(EXTRAS)
    # The letter's own text holds no icon (the Edit buttons beside each paragraph have theirs).
    text = preview.locator("[data-testid=stMarkdownContainer]")
    expect(text.locator("[data-testid=stIconMaterial]")).to_have_count(0)


def test_a_file_over_the_limit_is_refused_in_words_on_the_page(app_server, page, tmp_path):
    """A draft file over 3 MB was refused by the browser with only a hover tooltip (issue 12).
    Since issue 22 the uploader itself holds draft files to the draft's 3 MB
    (`max_upload_size`), so such a file never reaches the app: the uploader must say why in
    words on the page, beside the file's name, and nothing is loaded."""
    big = tmp_path / "big-draft.json"
    big.write_text('{"schema": "response-builder/draft@1", "context": "' + "x" * 4_000_000 + '"}')
    open_app(page, app_server)
    uploader = page.get_by_role("region", name="Load a draft file")
    uploader.locator("input[type=file]").set_input_files(big)
    refusal = uploader.get_by_role("alert")
    expect(refusal).to_be_visible()
    expect(refusal).to_have_text(re.compile(r"File must be 3(\.0)? ?MB or smaller"))
    expect(uploader.get_by_text("big-draft.json")).to_be_visible()
    settled(page)
    expect(page.get_by_text(re.compile(r"^Loaded the draft for "))).to_have_count(0)


BROKEN_DOWNLOAD = """
from app_pages import widgets


def broken():
    raise ValueError("a file that cannot be made")


widgets.download("Broken file (.txt)", broken, "broken.txt", key="broken")
"""


def test_a_download_that_fails_says_so_on_the_page(tmp_path, page):
    """Whatever goes wrong while a file is made, the page says so under its button instead of
    doing nothing (issue 12): the app's download helper, with a builder that fails."""
    script = tmp_path / "broken_download.py"
    script.write_text(BROKEN_DOWNLOAD, encoding="utf-8")
    server = AppServer(tmp_path, script=script)
    server.start()
    try:
        page.goto(server.url)
        page.get_by_role("button", name="Broken file (.txt)").click()
        expect(page.get_by_test_id("stDownloadButtonError")).to_have_text(
            "Failed to generate file for download"
        )
    finally:
        server.stop()


def test_the_link_is_in_the_address_bar_from_the_first_change_even_a_tick(app_server, page):
    """A draft is stored at its first change (issue 12); a tick in the reasons list reruns only
    the list, and once left the link out of the address bar, so a reload lost the draft."""
    open_app(page, app_server)
    go_to(page, "Choose reasons")
    page.get_by_text("Reason 20: ").first.click()
    expect(page.get_by_text("You have chosen 1 reason")).to_be_visible()
    expect(page).to_have_url(re.compile(r"draft=[A-Za-z0-9_-]{32}"))
    page.reload()
    expect(page.get_by_text("You have chosen 1 reason")).to_be_visible()
