"""Answers for an online survey: one block to paste under each of the consultation's questions."""

from drafting import ChosenReason, Draft, Question
from drafting.letter.survey import survey_answers


def test_each_question_gets_its_answer_then_its_reasons_with_the_examples(catalogue):
    draft = Draft(
        reasons=[ChosenReason(2, "Price is 70% of the marks."), ChosenReason(20, "")],
        questions=[
            Question("Do you agree with the proposal?", [2, 20], "No, we do not.", "1"),
            Question("What else should we consider?", [], "", "3a"),
        ],
    )
    first, second = survey_answers(draft, catalogue)
    assert (first.heading, first.question) == ("Question 1", "Do you agree with the proposal?")
    paragraphs = first.text.split("\n\n")
    assert paragraphs[0] == "No, we do not."
    assert paragraphs[1].startswith(catalogue.reason(2).title)
    assert paragraphs[1].endswith("From our own experience: Price is 70% of the marks.")
    assert paragraphs[2] == f"{catalogue.reason(20).title}. {catalogue.reason(20).summary}"
    assert second.heading == "Question 3a"
    assert second.text == "We have no comment on this question."


def test_reasons_linked_to_no_question_go_in_a_last_block(catalogue):
    draft = Draft(
        reasons=[ChosenReason(2, "Ours."), ChosenReason(26, "Also ours.")],
        questions=[Question("Do you agree?", [2], "")],
    )
    *_, last = survey_answers(draft, catalogue)
    assert last.heading == "Other points"
    assert last.text.startswith(catalogue.reason(26).title) and "Also ours." in last.text


def test_without_questions_each_reason_is_its_own_block(catalogue):
    draft = Draft(reasons=[ChosenReason(26, "The 2024 contract failed."), ChosenReason(19)])
    answers = survey_answers(draft, catalogue)
    assert [a.heading for a in answers] == ["Reason 26", "Reason 19"]
    assert answers[0].text.endswith("From our own experience: The 2024 contract failed.")
    assert answers[1].question == catalogue.reason(19).title


def test_what_the_group_typed_is_kept_exactly(catalogue):
    typed = "{{ 7*7 }} <b>not bold</b> [link](http://x)"
    draft = Draft(reasons=[ChosenReason(2, typed)], questions=[Question("Q?", [2], typed)])
    (answer,) = survey_answers(draft, catalogue)
    assert answer.text.startswith(typed) and answer.text.endswith(typed)
