"""Under AppTest: where the group stands (About you) drives the letter, and the letter page
says how long the letter is against its template's budget and what a bare reason gives."""

from drafting import ChosenReason, Draft
from tests.helpers import go, open_app, preview, saved, texts


def test_position_stage_summary_agreement_and_alternatives_reach_the_letter(app_sample):
    at = open_app(app_sample, "details")
    at.selectbox(key="position").set_value("support_with_changes").run()
    at.selectbox(key="stage").set_value("early").run()
    at.text_input(key="summary").input("Fund neighbourhood groups directly.").run()
    at.text_area(key="agree").input("We agree that carers need help earlier.").run()
    at.multiselect(key="alternatives").set_value(["grants", "psr-direct"]).run()
    draft = saved(at)  # what the group gets back at its link
    assert (draft.position, draft.stage) == ("support_with_changes", "early")
    assert draft.alternatives == ["grants", "psr-direct"]
    go(at, "letter")
    shown = preview(at)
    assert "We could support the direction of these plans only with the changes" in shown
    assert "your early engagement on" in shown
    assert "In one sentence" not in shown and "Fund neighbourhood groups directly." in shown
    assert "We agree that carers need help earlier." in shown
    assert "Grant funding" not in shown  # it replaces the proposal the group could support
    assert "Provider Selection Regime" not in shown  # a district council is consulting


def test_the_letter_page_shows_the_budget_and_what_a_bare_reason_gives(app_sample):
    app_sample.template = "email"
    app_sample.reasons.append(ChosenReason(14, ""))
    at = open_app(app_sample, "letter")
    said = texts(at.caption) + texts(at.warning)
    said += texts(at.markdown)
    assert "of the 500 this template allows." in said
    assert "1 reason without an example: the letter names each" in said


def test_the_questions_template_without_questions_says_so():
    at = open_app(Draft(reasons=[ChosenReason(2, "Price is 70%.")], template="questions"), "letter")
    assert "no consultation questions" in texts(at.warning)
