"""Splitting a consultation's pasted questions, keeping their own numbering."""

import pytest

from drafting.model.draft import Draft, Question
from drafting.model.questions import add_pasted, describe, label, split_questions, unanswered
from drafting.model.wording import and_list


def split(text: str) -> list[tuple[str, str]]:
    return [(q.number, q.text) for q in split_questions(text)]


@pytest.mark.parametrize(
    ("pasted", "expected"),
    [
        ("1. Do you agree?\n2. Why?", [("1", "Do you agree?"), ("2", "Why?")]),
        ("1) Do you agree?\n2) Why?", [("1", "Do you agree?"), ("2", "Why?")]),
        ("(1) Do you agree?\n(2) Why?", [("1", "Do you agree?"), ("2", "Why?")]),
        ("Q1. Do you agree?\nQ2 Why?", [("1", "Do you agree?"), ("2", "Why?")]),
        ("Question 1: Do you agree?", [("1", "Do you agree?")]),
        ("Question 4 - Do you agree?", [("4", "Do you agree?")]),
        ("QUESTION 7\nDo you agree?", [("7", "Do you agree?")]),
        ("3a. Do you agree?\n3b) Why?", [("3a", "Do you agree?"), ("3b", "Why?")]),
        ("4.1 Do you agree?\n4.2 Why?", [("4.1", "Do you agree?"), ("4.2", "Why?")]),
        ("12: Do you agree?", [("12", "Do you agree?")]),
    ],
)
def test_the_consultations_own_numbering_is_kept(pasted, expected):
    assert split(pasted) == expected


def test_lettered_parts_take_their_questions_number():
    pasted = "3. How would the change affect you?\n(a) In the first year\nb) Later on\n4. Why?"
    assert [n for n, _ in split(pasted)] == ["3", "3a", "3b", "4"]


def test_a_question_that_wraps_over_lines_stays_whole():
    pasted = (
        "1. To what extent do you agree with the\nproposal to commission the\nservice?\n2. Why?"
    )
    assert split(pasted) == [
        ("1", "To what extent do you agree with the proposal to commission the service?"),
        ("2", "Why?"),
    ]


def test_answer_options_and_bullets_are_dropped():
    pasted = (
        "Q1. Do you agree with the proposal?\n☐ Strongly agree\n☐ Agree\n"
        "• Neither agree nor disagree\n- Disagree\nStrongly disagree\nDon't know\n"
        "Q2. Please explain your answer.\nYes / No"
    )
    assert split(pasted) == [
        ("1", "Do you agree with the proposal?"),
        ("2", "Please explain your answer."),
    ]


def test_unnumbered_text_is_one_question_a_line():
    pasted = "Do you agree?\n\n  Why or why not?  \r\nAnything else?"
    assert split(pasted) == [("", "Do you agree?"), ("", "Why or why not?"), ("", "Anything else?")]


@pytest.mark.parametrize(
    "line",
    ["2026 was the year the grant was cut.", "12", "10 people use the service"],
)
def test_a_number_at_the_start_of_a_sentence_is_not_a_question(line):
    assert split(f"1. What is your view?\n{line}") == [("1", f"What is your view? {line}")]


def test_an_introduction_before_the_first_question_is_left_out():
    pasted = "Please answer the questions below.\n1. Do you agree?"
    assert split(pasted) == [("1", "Do you agree?")]


def test_nothing_pasted_gives_no_questions():
    assert split_questions("") == [] and split_questions(" \n\n\t") == []


def test_a_very_long_question_is_cut_to_the_drafts_limit():
    (question,) = split_questions("1. " + "word " * 1000)
    assert len(question.text) == 2_000


def test_what_users_type_comes_through_unchanged():
    pasted = "1. {{ 7*7 }} <b>Ydych chi'n cytuno?</b> ŵ ŷ “quoted” 😀"
    assert split(pasted) == [("1", "{{ 7*7 }} <b>Ydych chi'n cytuno?</b> ŵ ŷ “quoted” 😀")]


def test_a_question_is_labelled_by_its_number_or_else_its_place():
    assert label(Question("Why?", number="3a"), 5) == "3a"
    assert label(Question("Why?"), 5) == "5"


def test_questions_with_no_answer_and_no_reason_are_flagged():
    questions = [
        Question("Answered", [], "Yes.", number="1"),
        Question("Linked", [2], "", number="2"),
        Question("Neither", [], "  ", number="3a"),
        Question("Unnumbered, neither", [], ""),
    ]
    assert unanswered(questions) == ["3a", "4"]


@pytest.mark.parametrize(
    ("pasted", "said"),
    [
        ("1. A?\n2. B?\n3a. C?", "Found 3 questions: 1, 2 and 3a."),
        ("Q5. A?", "Found 1 question: 5."),
        ("A?\nB?", "Found 2 questions, one to a line."),
        ("", "No questions found yet. Paste them numbered, or one to a line."),
    ],
)
def test_the_app_can_say_what_a_paste_was_split_into(pasted, said):
    assert describe(split_questions(pasted)) == said


def test_pasted_questions_are_added_after_the_existing_ones_and_the_paste_cleared():
    draft = Draft(questions=[Question("Already here?", number="1")])
    draft.questions_paste = "2. Do you agree?\n3. Why?"
    assert add_pasted(draft, limit=50) == (2, 0)
    assert [q.number for q in draft.questions] == ["1", "2", "3"]
    assert draft.questions_paste == ""


def test_pasting_past_the_limit_adds_what_fits_and_keeps_the_paste():
    draft = Draft(questions=[Question("Q", number=str(n)) for n in range(49)])
    draft.questions_paste = "50. A?\n51. B?"
    assert add_pasted(draft, limit=50) == (1, 1)
    assert len(draft.questions) == 50 and draft.questions_paste == "50. A?\n51. B?"


@pytest.mark.parametrize(
    ("items", "joined"),
    [([], ""), (["1"], "1"), (["1", "2"], "1 and 2"), (["1", "2", "3a"], "1, 2 and 3a")],
)
def test_lists_are_joined_as_english_does(items, joined):
    assert and_list(items) == joined
