"""Under AppTest: the group's stance is its own choice (asked on Your situation, never a
default), and the small fixes of issue 22 on About you, Local examples and Your letter."""

import re

from drafting import ChosenReason, Draft
from drafting.advice.feedback import example_feedback
from drafting.text import slug
from tests import letter_samples
from tests.helpers import draft_of, go, open_app, preview, saved, texts


def sidebar(at) -> str:
    return texts(at.sidebar.markdown)


def test_a_new_draft_has_no_position_until_the_group_chooses_one_on_your_situation():
    at = open_app(Draft(reasons=[ChosenReason(20, "Four groups have closed.")]), "situation")
    assert at.radio(key="situation_position").value is None
    assert at.radio(key="situation_stage").value is None
    assert "Say where you stand" in sidebar(at)
    go(at, "letter")
    assert not re.search(r"We (do not support|oppose|could support|support)", preview(at))
    go(at, "situation")
    at.radio(key="situation_position").set_value("support_with_changes").run()
    at.radio(key="situation_stage").set_value("early").run()
    assert "Say where you stand" not in sidebar(at)
    assert (saved(at).position, saved(at).stage) == ("support_with_changes", "early")
    go(at, "letter")
    assert "We could support the direction of these plans only with the changes" in preview(at)


def test_the_where_you_stand_panel_stays_open_after_each_choice():
    at = open_app(Draft(), "details")
    panel = at.expander[[e.label for e in at.expander].index("Where you stand")]
    assert panel.proto.expanded
    before = panel.proto.id
    at.selectbox(key="position").set_value("oppose").run()
    at.selectbox(key="stage").set_value("tender").run()
    panel = at.expander[[e.label for e in at.expander].index("Where you stand")]
    assert panel.proto.id == before and panel.proto.expanded  # the same panel, still open


def test_alternatives_and_asks_that_contradict_the_position_are_flagged_where_chosen():
    draft = letter_samples.early_changes()
    draft.asks.append("Set the tender aside.")
    at = open_app(draft, "details")
    warned = texts(at.warning)
    assert "so your letter leaves out Grant funding and Keep it in-house" in warned
    assert "\u201cSet the tender aside.\u201d asks to stop the proposal" in warned
    at.selectbox(key="position").set_value("oppose").run()
    assert "leaves out" not in texts(at.warning)
    assert "requests" not in texts(at.info)
    draft_of(at).asks.extend(f"Ask number {n}." for n in range(5))
    at.run()
    assert "You have 8 requests." in texts(at.info)


def test_the_sidebar_counts_the_examples_typed_on_local_examples_at_once():
    draft = Draft(reasons=[ChosenReason(i, "") for i in (2, 14, 20)])
    at = open_app(draft, "examples")
    assert "3 reasons have no local example" in sidebar(at)
    for i in (2, 14, 20):
        at.text_area(key=f"example_{i}").input(f"Seen here in 2025, reason {i}.").run()
    assert "no local example" not in sidebar(at)


def test_each_edit_button_names_what_it_edits_and_the_page_shows_one_length():
    at = open_app(letter_samples.rich(), "letter")
    labels = [b.label for b in at.button if (b.key or "").startswith("edit_")]
    assert len(labels) > 10 and len(set(labels)) > len(labels) * 0.8
    assert all(label.startswith("Edit \u201c") for label in labels)
    said = texts(at.markdown)
    assert said.count("**Length:**") == 1 and "of the 1,800 this template allows" in said
    assert "[Go to the downloads](#downloads)" in said
    assert "words, about" not in said  # no second length


def test_an_email_over_its_length_on_the_groups_words_says_so_and_lets_it_leave_one_out():
    draft = letter_samples.wordy()
    at = open_app(draft, "letter")
    assert "your own words alone take more than that" in texts(at.warning)
    at.multiselect(key="left_out_email").set_value([9]).run()
    assert saved(at).left_out == ["email:9"]
    assert "your own words alone" not in texts(at.warning)
    assert draft.reasons[1].example not in preview(at)
    assert draft.reasons[1].example == saved(at).reasons[1].example  # kept in the draft


def test_the_draft_and_profile_uploaders_are_limited_to_3_mb():
    at = open_app()
    for key in ("start_upload", "start_profile"):
        uploader = next(e for e in at.get("file_uploader") if e.proto.id.endswith(key))
        assert uploader.proto.max_upload_size_mb == 3


def test_a_file_name_is_cut_between_words():
    name = slug("Recommissioning the Eastfield and Westfield new carer centres 2026")
    assert name == "recommissioning-the-eastfield-and-westfield-new"


def test_an_example_without_quotation_marks_is_not_said_to_hold_a_persons_words():
    assert "a person's own words" not in example_feedback("Jan told us the bus had stopped.").has
    assert (
        "a person's own words" in example_feedback("Jan told us: \u201cThe bus stopped.\u201d").has
    )


def test_a_sentence_found_in_the_documents_text_is_quoted_beside_the_reason():
    draft = Draft(
        reasons=[ChosenReason(14, "A national charity won the last contract.")],
        document_text="Introduction.\fWe propose to let a single contract for the borough."
        " Prices will be fixed for five years.",
    )
    at = open_app(draft, "examples")
    at.text_input(key="quote_query_14").input("single contract").run()
    picks = at.radio(key="quote_pick_14")
    assert len(picks.options) == 1
    at.button(key="quote_use_14").click().run()
    assert saved(at).reasons[0].quote.text == "We propose to let a single contract for the borough."
    assert saved(at).reasons[0].quote.page == 2
    go(at, "letter")
    assert "Your document proposes \u2018We propose to let a single contract" in preview(at)
