"""The Streamlit app under AppTest: every page loads, and a group's journeys work end to end.

Widgets are found by their keys. Downloads are built only when clicked, so `downloads` runs
each download button's file builder as a click would, and returns the file the browser gets.
"""

import copy
import dataclasses
import datetime as dt
import io
import re

import docx
import pytest

from drafting import ChosenReason, Draft, Question, assemble, draft_to_json, parse_draft, to_text
from tests.helpers import (
    BAD_DRAFTS,
    DATA,
    HOSTILE,
    PAGES,
    edit_block,
    go,
    in_order,
    open_app,
    preview,
    saved,
    texts,
    tick_box,
    ticks,
)


# Every page loads.
@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("which", ["empty", "full"])
def test_every_page_loads_without_an_error(page, which, full_draft):
    at = open_app(full_draft if which == "full" else None, page)
    assert not at.exception
    assert not at.error
    assert at.title[0].value  # the page drew its heading
    assert "National Coalition for Independent Action" in at.sidebar.caption[-1].value


# The first letter, fast.
def test_journey_from_situation_to_a_word_letter(downloads, catalogue):
    at = open_app(page="situation")
    at.radio(key="situation_small_group").set_value("yes").run()
    # The strongest three are ticked; the fourth is one click away.
    assert ticks(at) == {19: True, 20: True, 6: True, 16: False}
    assert at.checkbox[0].label == "Reason 19: Tendering costs time and money"
    at.button(key="situation_add").click().run()
    assert at.title[0].value == "Local examples"  # straight on to the examples
    assert in_order(at) == [19, 20, 6]
    go(at, "examples")  # AppTest reruns the page it last switched to itself
    assert not at.main.info  # no boxes telling the group what it has not done yet
    first = "Our bid for the lunch club took 40 unpaid hours in March 2026."
    second = "Two of the six groups on the grant list have closed since 2024."
    at.text_area(key="example_19").input(first)
    at.text_area(key="example_20").input(second).run()
    assert "It has a number and a date or period" in texts(at.main.caption)

    go(at, "details")
    at.text_input(key="group_name").input("Hillside Community Café")
    at.text_input(key="group_signatory").input("Maria Lopez")
    at.text_input(key="consultation_body").input("Hillside District Council")
    at.date_input(key="consultation_closes").set_value(dt.date(2027, 1, 31))
    at.button(key="asks_add").click().run()
    at.text_area(key="asks_0").input("Keep the current grants.").run()
    draft = saved(at)
    assert draft.consultation.closes == "2027-01-31"
    assert draft.asks == ["Keep the current grants."]

    go(at, "letter")
    at.radio(key="letter_template").set_value("councillors").run()
    shown = preview(at)
    assert "What we have seen" in shown and "Dear Councillor," in shown  # councillors
    assert first in shown and second in shown
    assert "Keep the current grants." in shown

    files = downloads(at)
    name, word = files["download_docx"]
    assert name == f"response-hillside-district-council-{dt.date.today().isoformat()}.docx"
    letter = "\n".join(p.text for p in docx.Document(io.BytesIO(word)).paragraphs)
    assert first in letter and second in letter and "Maria Lopez" in letter
    assert parse_draft(files["download_json"][1]) == saved(at)
    assert second in files["download_csv"][1].decode("utf-8")
    assert files["download_txt"][0].endswith(".txt")
    assert files["download_md"][0].endswith(".md")


# Come back tomorrow: load a draft file.
def test_loading_the_sample_draft_fills_every_page():
    at = open_app()
    upload = (DATA / "sample-draft.json").read_bytes()
    at.file_uploader(key="start_upload").set_value(("sample.json", upload, "application/json"))
    at.run()
    assert "Loaded the draft for Hillside Community Café with 2 reasons" in at.success[0].value
    sample = parse_draft(upload)

    go(at, "details")
    assert at.text_input(key="group_name").value == "Hillside Community Café"
    assert at.date_input(key="consultation_closes").value == dt.date(2027, 1, 31)
    assert at.text_area(key="asks_0").value == sample.asks[0]

    go(at, "reasons")
    ticked = [n for n in range(1, 27) if at.checkbox(key=f"reason_{n}").value]
    assert ticked == [2, 20]

    go(at, "examples")
    for chosen in sample.reasons:
        assert at.text_area(key=f"example_{chosen.id}").value == chosen.example

    go(at, "letter")
    assert at.radio(key="letter_tone").value == "collaborative"
    assert sample.reasons[1].example in preview(at)


BAD_FILES = [
    *[(path.name, path.read_bytes()) for path in sorted(BAD_DRAFTS.glob("*.json"))],
    ("photo.json", b"\x89PNG\r\n\x1a\n\x00\x00"),
    ("notes.json", b"Dear council, we object."),
]


@pytest.mark.parametrize(("name", "content"), BAD_FILES, ids=[name for name, _ in BAD_FILES])
def test_a_bad_draft_file_leaves_the_current_draft_untouched(name, content, app_sample, downloads):
    before = copy.deepcopy(app_sample)
    at = open_app(app_sample)
    at.file_uploader(key="start_upload").set_value((name, content, "application/json")).run()
    assert not at.exception
    message = at.error[0].value
    assert "We could not load" in message and "Nothing has changed" in message
    if name == "unknown-reason.json":
        assert "42" in message
    go(at, "letter")  # the draft file downloaded now is the draft from before
    assert parse_draft(downloads(at)["download_json"][1]) == before


# Nothing chosen yet.
@pytest.mark.parametrize(
    ("page", "button"), [("examples", "examples_choose"), ("letter", "letter_choose")]
)
def test_an_empty_selection_says_what_to_do_next(page, button):
    at = open_app(page=page)
    assert "chosen" in at.info[0].value and "reason" in at.info[0].value
    assert not at.error
    at.button(key=button).click().run()
    assert at.checkbox(key="reason_1")  # now on the reasons page


# The group's own edits, block by block.
def test_an_edit_keeps_its_place_and_is_marked_stale_when_its_text_changes(
    app_sample, downloads, catalogue
):
    at = open_app(app_sample, "letter")
    assert "made from your answers" in texts(at.info)
    edited = edit_block(at, "salutation", lambda t: t.replace("Dear", "Dear Ms Rahman and", 1))
    assert edited in preview(at)
    assert "your own words in 1 place" in texts(at.info)
    assert not at.warning
    word = docx.Document(io.BytesIO(downloads(at)["download_docx"][1]))
    assert edited in [p.text for p in word.paragraphs]
    styles = {p.text: p.style.name for p in word.paragraphs}
    assert styles[f"Response to {app_sample.consultation.title}"] == "Heading 1"  # keeps its shape

    at.radio(key="letter_tone").set_value("firm").run()  # the opening changes, not the salutation
    assert not at.warning
    edit_block(at, "closing", lambda t: t + " We would welcome a meeting.")
    at.radio(key="letter_tone").set_value("formal").run()  # the closing's words change
    assert "1 edit replaced text that your answers have changed" in at.warning[0].value
    stale = at.container(key="stale_downloads_closing")
    assert "We would welcome a meeting." in stale.markdown[1].value  # shown as typed
    assert "We would welcome a meeting." in downloads(at)["download_txt"][1].decode()
    at.button(key="use_new_downloads_closing").click().run()
    assert not at.warning
    assert "We would welcome a meeting." not in preview(at)
    assert edited in preview(at)


def test_a_stale_edit_can_be_kept_and_each_template_keeps_its_own_edits(app_sample):
    at = open_app(app_sample, "letter")
    edit_block(at, "reason-20-example", lambda t: t + " It closed in March.")
    go(at, "examples").text_area(key="example_20").input("A different example now.").run()
    go(at, "letter")
    assert at.container(key="stale_preview_reason-20-example")
    at.button(key="keep_preview_reason-20-example").click().run()
    assert not at.warning
    assert "It closed in March." in preview(at)
    at.radio(key="letter_template").set_value("email").run()
    assert "It closed in March." not in preview(at)
    at.radio(key="letter_template").set_value("formal").run()
    assert "It closed in March." in preview(at)


def test_an_edit_can_be_cancelled(app_sample):
    at = open_app(app_sample, "letter")
    at.button(key="edit_closing").click().run()
    at.text_area(key="edit_text_closing").input("Not this.")
    at.button(key="edit_cancel_closing").click().run()
    assert "made from your answers" in texts(at.info)
    assert "your own words" not in texts(at.info)
    assert "Not this." not in preview(at)


def test_an_old_whole_letter_edit_is_split_into_block_edits(app_sample, catalogue):
    text = to_text(assemble(app_sample, catalogue)).replace("Dear", "Dear Ms Rahman and", 1)
    text += "\nA paragraph we added at the end.\n"
    app_sample.letter_edit.text = text
    old = parse_draft(draft_to_json(app_sample))
    at = open_app(old, "letter")
    assert "earlier version of this app" in texts(at.info)
    shown = preview(at)
    assert "Dear Ms Rahman and" in shown and "A paragraph we added at the end." in shown
    # The changed paragraph is an edit of its own block; the added one joins the block before.
    # (The letter ends with its annex, so the paragraph added at the end joins the annex's last.)
    assert [e.block for e in saved(at).edits] == ["salutation", "annex-reason-20-more"]
    assert saved(at).letter_edit.text == ""


# Everything typed survives moving between pages.
def test_a_typed_example_survives_a_switch_to_another_page_and_back(app_sample):
    at = open_app(app_sample, "examples")
    at.text_area(key="example_2").input("Price was scored at 70% in the 2026 tender.").run()
    go(at, "details")
    go(at, "examples")
    assert at.text_area(key="example_2").value == "Price was scored at 70% in the 2026 tender."


def test_situation_answers_survive_a_switch_to_another_page_and_back():
    at = open_app(page="situation")
    at.radio(key="situation_large_bidder").set_value("not sure").run()
    go(at, "reasons")
    go(at, "situation")
    assert at.radio(key="situation_large_bidder").value == "not sure"


# User text is data.
def test_user_text_appears_literally_in_the_preview_and_the_edit_box():
    draft = Draft(reasons=[ChosenReason(2, HOSTILE)])
    draft.group.name = "[Our group](http://x)"
    at = open_app(draft, "letter")
    shown = preview(at)
    assert HOSTILE in shown and "[Our group](http://x)" in shown
    assert "49" not in shown
    raw = "\n".join(m.value for m in at.container(key="letter_preview").markdown)
    for escaped in (r"\[link\](", r"\<script\>", r"\$5", r"\{\{ 7\*7 \}\}", r"\# not"):
        assert escaped in raw
    at.button(key="edit_reason-2-example").click().run()
    assert HOSTILE in at.text_area(key="edit_text_reason-2-example").value


# The steps, one by one.
def test_the_strongest_suggestions_are_ticked_and_the_group_can_change_them():
    at = open_app(page="situation")
    at.radio(key="situation_saving_money").set_value("yes").run()
    at.radio(key="situation_small_group").set_value("yes").run()
    assert [reason for reason, ticked in ticks(at).items() if ticked] == [26, 19, 2]
    assert at.expander[0].label == "5 more reasons that fit"
    tick_box(at, 2).uncheck()
    tick_box(at, 20).check().run()
    assert at.button(key="situation_add").label == "Add 3 ticked reasons and write your examples"
    at.button(key="situation_add").click().run()
    assert in_order(at) == [26, 19, 20]  # on Local examples
    go(at, "situation")
    assert "Already in your letter: 3 reasons (26, 19, 20)." in texts(at.caption)
    assert [reason for reason, ticked in ticks(at).items() if ticked] == [2, 8, 6]


def test_a_new_answer_ticks_the_strongest_reasons_afresh():
    at = open_app(page="situation")
    at.radio(key="situation_large_bidder").set_value("yes").run()
    tick_box(at, 14).uncheck().run()
    at.radio(key="situation_small_group").set_value("yes").run()
    # 20 now fits two answers and comes first; the untick was for another list.
    assert [reason for reason, ticked in ticks(at).items() if ticked] == [20, 14, 19]


def test_unticking_a_reason_keeps_its_example_until_it_is_ticked_again(app_sample):
    at = open_app(app_sample, "reasons")
    assert "2 reasons" in at.markdown[0].value
    at.checkbox(key="reason_2").uncheck().run()
    assert saved(at).reason_ids == [20]
    assert "example is kept" in at.toast[0].value
    assert "1 reason" in at.markdown[0].value
    at.checkbox(key="reason_2").check().run()
    go(at, "examples")
    assert in_order(at) == [20, 2]
    assert at.text_area(key="example_2").value == (
        "The draft specification scores price at 70% and quality at 30%."
    )


def test_search_and_theme_filter_narrow_the_list():
    at = open_app(page="reasons")
    at.text_input(key="reasons_search").input("human rights").run()
    assert [c.key for c in at.checkbox] == ["reason_24"]
    at.text_input(key="reasons_search").input("").run()
    at.selectbox(key="reasons_theme").set_value("users").run()
    assert [c.key for c in at.checkbox] == ["reason_23", "reason_24", "reason_25"]
    at.text_input(key="reasons_search").input("nothing matches this").run()
    assert not at.checkbox
    assert "No reason matches" in at.info[0].value


def test_chosen_reasons_can_be_put_in_order(app_sample):
    at = open_app(app_sample, "reasons")
    at.segmented_control(key="reasons_view").set_value("order").run()
    assert at.button(key="move_up_2").disabled and at.button(key="move_down_20").disabled
    at.button(key="move_up_20").click().run()
    assert in_order(at) == [20, 2]
    assert at.button(key="move_up_20").disabled and not at.button(key="move_up_2").disabled
    at.button(key="move_down_20").click().run()
    assert in_order(at) == [2, 20]


def scripts(at) -> list[str]:
    """The scripts the last run put in the page (st.html allowed to run them)."""
    return [h.proto.body for h in at.get("html") if h.proto.unsafe_allow_javascript]


def test_the_page_scripts_run_in_the_app_page_itself(app_sample):
    """The leave-page question and the keyboard focus after a move: scripts of the app's own,
    in the page (st.html), not in an iframe reaching out to its parent."""
    at = open_app(app_sample, "reasons")
    at.segmented_control(key="reasons_view").set_value("order").run()
    assert [s for s in scripts(at) if "beforeunload" in s]
    at.button(key="move_up_20").click().run()
    first = [s for s in scripts(at) if '"Move Reason 20 down"' in s]  # its Up button is off
    at.button(key="move_down_20").click().run()
    again = [s for s in scripts(at) if '"Move Reason 20 up"' in s]
    assert len(first) == len(again) == 1
    assert not [s for s in scripts(at) if "parent.document" in s or "window.parent" in s]
    at.button(key="move_up_20").click().run()  # the same move again: a new script, so it runs
    assert [s for s in scripts(at) if '"Move Reason 20 down"' in s] not in ([], first)


def test_starting_again_asks_first_when_there_is_something_to_lose(app_sample, downloads):
    before = copy.deepcopy(app_sample)
    at = open_app(app_sample)
    at.button(key="start_new").click().run()
    assert "clears everything" in at.warning[0].value
    at.button(key="start_new_cancel").click().run()
    go(at, "letter")  # cancelled: the draft file is the draft from before
    assert parse_draft(downloads(at)["download_json"][1]) == before
    go(at, "start")
    at.button(key="start_new").click().run()
    at.button(key="start_new_yes").click().run()
    assert "new, empty response" in at.success[0].value
    go(at, "details")
    assert at.text_input(key="group_name").value == ""
    go(at, "letter")
    assert "chosen" in at.info[0].value and "reason" in at.info[0].value


def test_an_empty_draft_starts_again_without_a_question():
    at = open_app()
    at.button(key="start_new").click().run()
    assert not at.warning
    assert "new, empty response" in at.success[0].value


def test_a_warning_when_an_example_names_a_person(app_sample):
    at = open_app(app_sample, "examples")
    at.text_area(key="example_2").input("Mrs Patel rang us on 07700 900123.").run()
    warning = at.warning[0].value
    assert "a phone number" in warning and "Mrs Patel" in warning and "published" in warning
    at.text_area(key="example_2").input("One member, aged 84, rang us.").run()
    assert not at.warning


def test_co_signatories_and_the_copy_list_can_be_added_and_removed(app_sample):
    at = open_app(app_sample, "details")
    at.button(key="cosign_add").click().run()
    at.text_input(key="cosign_0_group").input("Hillside Tenants")
    at.text_input(key="cosign_0_name").input("Sam Okafor").run()
    at.button(key="copy_add").click().run()
    at.button(key="copy_add").click().run()
    at.text_input(key="copy_0").input("Cllr Jane Doe")
    at.text_input(key="copy_1").input("Hillside Healthwatch").run()
    assert [(c.group, c.name) for c in saved(at).co_signatories] == [
        ("Hillside Tenants", "Sam Okafor")
    ]
    at.button(key="copy_remove_0").click().run()
    assert saved(at).copy_to == ["Hillside Healthwatch"]
    assert at.text_input(key="copy_0").value == "Hillside Healthwatch"
    go(at, "letter")
    shown = preview(at)
    assert "Sam Okafor, Hillside Tenants" in shown and "Hillside Healthwatch" in shown


def test_the_sidebar_shows_what_is_missing_and_the_days_left(app_sample):
    app_sample.reasons.append(ChosenReason(5))
    app_sample.consultation.closes = (dt.date.today() + dt.timedelta(days=9)).isoformat()
    at = open_app(app_sample, "details")
    sidebar = texts(at.sidebar.markdown) + texts(at.sidebar.info)
    assert "1 reason has no local example" in sidebar
    assert "closes in 9 days" in sidebar
    at.text_input(key="group_name").input("").run()
    assert "Add your group's name" in texts(at.sidebar.markdown)


def test_a_draft_naming_an_unknown_template_gets_the_formal_one(app_sample):
    app_sample.template = "fancy"
    at = open_app(app_sample, "letter")
    assert "fancy" in at.warning[0].value
    assert at.radio(key="letter_template").value == "formal"
    assert "Our reasons" in preview(at)


def test_reasons_can_be_added_and_taken_out_on_the_letter_page(app_sample, catalogue):
    at = open_app(app_sample, "letter")
    at.multiselect(key="letter_reasons").select(26).run()
    assert catalogue.reason(26).paragraph in preview(at)
    at.multiselect(key="letter_reasons").unselect(2).run()
    assert catalogue.reason(2).title not in preview(at)
    at.multiselect(key="letter_reasons").select(2).run()  # back in, with its example kept
    assert "The draft specification scores price at 70% and quality at 30%." in preview(at)


@pytest.mark.parametrize("page", ["details", "letter"])
def test_every_download_builds_for_a_draft_with_every_field_at_its_limit(page, downloads):
    """A title over about 243 characters once stopped the Word download with no word (issue
    12). Every download on the page builds for a draft whose every single field is full."""
    draft = Draft(reasons=[ChosenReason(20, "e" * 10_000), ChosenReason(2, "=1+1\r" * 2_000)])
    for part in (draft.group, draft.consultation):
        for field in dataclasses.fields(part):
            if "max" in field.metadata:  # every text field (a tick has no length)
                setattr(part, field.name, field.name[0] * field.metadata["max"])
    draft.consultation.opens, draft.consultation.closes = "2026-11-01", "2027-01-31"
    at = open_app(draft, page)
    assert not at.exception
    files = downloads(at)
    assert files and all(content for _, content in files.values())


def test_a_survey_consultation_gets_one_answer_to_paste_per_question(app_sample):
    app_sample.questions = [Question("Do you agree with the proposal?", [2], "No.", "1")]
    at = open_app(app_sample, "details")
    at.radio(key="consultation_response_method").set_value("survey").run()
    assert saved(at).consultation.response_method == "survey"
    go(at, "letter")
    assert "Your answers for the online survey" in [h.value for h in at.header]
    shown = re.sub(r"\\(.)", r"\1", texts(at.markdown))  # Markdown escapes undone
    assert "**Question 1:** Do you agree with the proposal?" in shown
    first, other = (c.value for c in at.code if "draft=" not in c.value)  # not the link
    assert first.startswith("No.\n\nPrice comes before quality.")
    assert app_sample.reasons[0].example in first
    assert app_sample.reasons[1].example in other  # reason 20, linked to no question
    at = open_app(app_sample, "details")
    at.radio(key="consultation_response_method").set_value("email").run()
    go(at, "letter")
    assert "Your answers for the online survey" not in [h.value for h in at.header]


def test_questions_and_fairness_greets_an_empty_draft_without_warnings():
    at = open_app(page="questions")
    assert not at.main.warning and not at.main.info and not at.main.error
    at.button(key="question_add").click().run()  # a blank question is not yet unanswered
    assert "No answer and no reason" not in texts(at.main.caption)


def test_choose_reasons_shows_no_stray_value(app_sample):
    at = open_app(app_sample, "reasons")
    at.segmented_control(key="reasons_view").set_value("order").run()
    assert "None" not in texts(at.main.markdown)
    assert at.button(key="move_up_20").label == "Move Reason 20 up"


def test_examples_one_reason_at_a_time(app_sample):
    at = open_app(app_sample, "examples")
    assert [t.key for t in at.text_area] == ["example_2", "example_20", "examples_context"]
    at.segmented_control(key="examples_view").set_value("one").run()
    assert [t.key for t in at.text_area] == ["example_2", "examples_context"]
    assert at.button(key="examples_prev").disabled
    at.button(key="examples_next").click().run()
    assert [t.key for t in at.text_area] == ["example_20", "examples_context"]
    assert at.button(key="examples_next").disabled
    assert "Reason 2 of 2 in your letter" in texts(at.caption)


def test_an_example_naming_someone_without_a_title_is_flagged(app_sample):
    at = open_app(app_sample, "examples")
    at.text_area(key="example_2").input("Doreen Smith, 84, now eats alone.").run()
    assert "a name (Doreen Smith)" in at.warning[0].value.replace("\\", "")
    assert "published" in at.warning[0].value
