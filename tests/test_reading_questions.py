"""A consultation's own questions as groups have them, with answer boxes kept apart as the
question's options and nothing else glued on."""

import pytest

from drafting.reading.files import Page
from drafting.reading.questions import find_questions


def questions(text: str, kind: str = "text") -> list[tuple[str, str, list[str]]]:
    return [(q.number, q.text, options) for q, options in find_questions([Page(None, text, kind)])]


def test_a_paste_with_a_blank_line_under_each_question_heading():
    text = (
        "Question 1\n\nDo you agree with the priorities?\n\nQuestion 2\n\nWhat should we change?\n"
    )
    assert questions(text) == [
        ("1", "Do you agree with the priorities?", []),
        ("2", "What should we change?", []),
    ]


def test_a_number_with_no_full_stop_and_tick_boxes_under_it():
    text = (
        "1 What do you like best about day services?\n"
        "- Please tick as many boxes as you want\n"
        "/ a. Meeting people\n/ b. Gaining skills\nc. Building confidence\n"
        "2 Day services are usually in one building. What stops you going to activities in your\n"
        "local community?\n"
        "3a What support would you like?\n"
    )
    assert questions(text) == [
        (
            "1",
            "What do you like best about day services?",
            ["Meeting people", "Gaining skills", "Building confidence"],
        ),
        (
            "2",
            "Day services are usually in one building. What stops you going to activities in"
            " your local community?",
            [],
        ),
        ("3a", "What support would you like?", []),
    ]


def test_a_line_of_answer_boxes_is_the_questions_options_even_without_a_question_mark():
    text = (
        "1. Overall, how satisfied are you with your local area as a place to\n"
        "Very satisfied Fairly satisfied Neither satisfied nor dissatisfied Dont know\n"
        "Some text about the council.\n"
    )
    assert questions(text) == [
        (
            "1",
            "Overall, how satisfied are you with your local area as a place to",
            [
                "Very satisfied",
                "Fairly satisfied",
                "Neither satisfied nor dissatisfied",
                "Dont know",
            ],
        )
    ]


@pytest.mark.parametrize(
    ("line", "text"),
    [
        (
            "5. What other ways would you be interested in? (Please tick/select all that apply)",
            "What other ways would you be interested in?",
        ),
        (
            "* 8. Do you have any further comments? * Please note that roads are not ours.",
            "Do you have any further comments?",
        ),
    ],
)
def test_instructions_and_notes_are_not_part_of_a_question(line, text):
    assert [q[1] for q in questions(line)] == [text]


def test_the_numbers_a_word_file_puts_back_are_read():
    assert questions("1. Do you agree?\n2. Why?", "docx") == [
        ("1", "Do you agree?", []),
        ("2", "Why?", []),
    ]


def test_lettered_parts_under_a_question_stay_questions():
    text = "3. How could the service work with groups?\n(a) during the change\n(b) once running"
    assert [(q[0], q[1]) for q in questions(text)] == [
        ("3", "How could the service work with groups?"),
        ("3a", "during the change"),
        ("3b", "once running"),
    ]


def test_frequently_asked_questions_are_not_questions_to_respondents():
    text = "Q1. When does the consultation run?\nA. From 24 May to 15 August 2021.\n"
    assert questions(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "1. Option 1- Lead Provider Model (Recommended)\nThis option is recommended.",
        "1. Approved the award of grant funding until 31 March\n2024,to:\nBharat Lunch Club",
        "12 organisations responded to the survey.",
    ],
)
def test_numbered_lines_that_ask_nothing_are_not_questions(text):
    assert questions(text) == []
