"""Feedback on a local example: what makes it bite, and one thing it could add."""

import pytest

from drafting.advice.feedback import example_feedback


@pytest.mark.parametrize(
    ("text", "has"),
    [
        ("We feed 40 people.", ("a number",)),
        ("Forty people came.", ("a number",)),
        ("It costs £300.", ("a number",)),
        ("Since 2019 things got worse.", ("a number", "a date or period")),
        ("Every Thursday afternoon it is full.", ("a date or period",)),
        ("Our drop-in at the Marsh Lane centre is full.", ("a place",)),
        ("We work in Hillside.", ("a place",)),
        ("The van stopped, so members stay at home.", ("a place", "a consequence")),
        ('One member said "it is all I have".', ("a number", "a person's own words")),
    ],
)
def test_each_thing_that_makes_an_example_bite_is_found(text, has):
    assert example_feedback(text).has == has


def test_a_month_after_in_is_a_date_not_a_place():
    feedback = example_feedback("It closed in May.")
    assert "a date or period" in feedback.has
    assert "a place" not in feedback.has


def test_a_vague_example_is_told_the_first_thing_to_add():
    feedback = example_feedback("Things are hard for people.")
    assert feedback.has == ()
    assert feedback.could_add == ("a number", "a date or period", "a place", "a consequence")
    assert feedback.note == "A start. Add how many or how much."


def test_a_strong_example_is_told_so():
    text = (
        "Since May 2025, 12 members at the Hillside hall have eaten alone, because the van ended."
    )
    feedback = example_feedback(text)
    assert feedback.could_add == ()
    assert feedback.note == (
        "It has a number, a date or period, a place and a consequence. That makes it count."
    )


def test_quoting_someone_reminds_the_group_to_ask_first():
    note = example_feedback("Our oldest member told us: 'I only talk to people here.'").note
    assert "a person's own words" in note
    assert "only if they agree" in note and "published" in note


def test_an_empty_example_gets_no_feedback():
    assert example_feedback("  \n").note == ""
