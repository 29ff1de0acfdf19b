"""A consultation's opening and closing dates, in the forms real documents write them."""

import pytest

from drafting.reading.dates import find_dates
from drafting.reading.files import Page
from drafting.reading.sentences import document_sentences


def dates(text: str) -> tuple[str | None, str | None]:
    opens, closes, _ = find_dates(document_sentences([Page(None, text)]))
    return (opens.isoformat() if opens else None, closes.isoformat() if closes else None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A range that shares its year (and its month) with the second date.
        ("The consultation runs 8 November to 19 December 2021.", ("2021-11-08", "2021-12-19")),
        (
            "Have your say from 4 to 26 September 2022 on our proposals.",
            ("2022-09-04", "2022-09-26"),
        ),
        # Across the turn of a year.
        (
            "Consultation period 2nd December 2013 to 28th February 2014.",
            ("2013-12-02", "2014-02-28"),
        ),
        ("The consultation runs 2 December to 28 February 2014.", ("2013-12-02", "2014-02-28")),
        (
            "The consultation will commence on Tuesday 7th May 2024 and close on Friday 2nd"
            " August 2024.",
            ("2024-05-07", "2024-08-02"),
        ),
        (
            "An eight week consultation had commenced on Wednesday 13 October 2021 which was due"
            " to close on Friday 3 December.",
            ("2021-10-13", "2021-12-03"),
        ),
        (
            "The public consultation took place between 23 December 2021 and 24 March 2022;",
            ("2021-12-23", "2022-03-24"),
        ),
        (
            "Please fill in this form and return it to us by the 23rd September 2011",
            (None, "2011-09-23"),
        ),
        ("Closes 7 Jan 2018", (None, "2018-01-07")),
        ("Closed 29 Jun 2018\nOpened 9 Apr 2018", ("2018-04-09", "2018-06-29")),
        (
            "Consultation start date02 December 2013\nConsultation end date28 February 2014",
            ("2013-12-02", "2014-02-28"),
        ),
        ("Survey closing date: 12/01/24", (None, "2024-01-12")),
    ],
)
def test_dates_as_documents_write_them(text, expected):
    assert dates(text) == expected


def test_a_bare_range_under_a_line_about_the_consultation_counts():
    text = "3. Public engagement and consultation\nComplete  8 November to 19 December 2021"
    assert dates(text) == ("2021-11-08", "2021-12-19")


@pytest.mark.parametrize(
    "text",
    [
        # Dates that are not the consultation's.
        "Contracts run from 1st April 2024 to 31st March 2025.",
        "Authority is delegated, in consultation with the director, to implement it from"
        " 1 April 2018.",
        "Publication date: 28/07/2022",
        "The consultation opens in May 2026.",  # no day: not a date to put in the draft
    ],
)
def test_dates_that_are_not_the_consultations_are_left(text):
    assert dates(text) == (None, None)


def test_a_range_wins_over_a_single_date_said_before_it():
    text = (
        "The consultation is on funding that will be in place from 1 October 2023-2027.\n"
        "The consultation on the proposals will run from 4 July to 26 September 2022."
    )
    assert dates(text) == ("2022-07-04", "2022-09-26")
