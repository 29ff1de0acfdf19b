"""Deadlines: the countdown, and the calendar file with its reminder three days before."""

import datetime as dt

import pytest

from drafting import Draft
from drafting.model.deadline import days_left, has_closed, reminder_time
from drafting.model.wording import long_date
from drafting.output.ics import deadline_ics, draft_deadline_ics

STAMP = dt.datetime(2026, 11, 25, 12, 30, tzinfo=dt.UTC)


def unfold(ics: str) -> list[str]:
    """The calendar file's content lines, with folded lines joined again (RFC 5545, 3.1)."""
    return ics.replace("\r\n ", "").split("\r\n")


@pytest.mark.parametrize(
    ("closes", "left", "closed"),
    [
        (None, None, False),
        ((2027, 1, 31), 67, False),
        ((2026, 11, 25), 0, False),
        ((2026, 11, 24), -1, True),
    ],
)
def test_the_countdown_to_the_closing_date(closes, left, closed):
    day = dt.date(*closes) if closes else None
    assert days_left(day, dt.date(2026, 11, 25)) == left
    assert has_closed(day, dt.date(2026, 11, 25)) is closed


def test_dates_are_written_the_british_way():
    assert long_date(dt.date(2027, 1, 3)) == "3 January 2027"


def test_the_calendar_file_has_an_all_day_event_and_a_reminder_three_days_before():
    lines = unfold(deadline_ics("Community support", dt.date(2027, 1, 31), stamp=STAMP))
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert "DTSTART;VALUE=DATE:20270131" in lines and "DTEND;VALUE=DATE:20270201" in lines
    assert "DTSTAMP:20261125T123000Z" in lines
    assert "SUMMARY:Consultation closes: Community support" in lines
    # 9am three days before the (midnight) start of the closing day.
    assert "TRIGGER:-P2DT15H" in lines
    assert dt.datetime(2027, 1, 31) - dt.timedelta(days=2, hours=15) == reminder_time(
        dt.date(2027, 1, 31)
    )
    assert lines.index("BEGIN:VALARM") < lines.index("TRIGGER:-P2DT15H") < lines.index("END:VALARM")


def test_every_line_ends_crlf_and_long_lines_fold_without_splitting_a_character():
    title = "Ymgynghoriad ar wasanaethau cymunedol ŵ ŷ " * 5 + "😀"
    ics = deadline_ics(title, dt.date(2027, 1, 31), stamp=STAMP)
    raw = ics.encode("utf-8")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert b"\n" not in raw.replace(b"\r\n", b"")
    summary = next(line for line in unfold(ics) if line.startswith("SUMMARY:"))
    assert summary == f"SUMMARY:Consultation closes: {title.strip()}"


def test_text_is_escaped_so_a_title_cannot_add_a_property():
    title = "Care; support, and\nBEGIN:VEVENT \\ done\x07"
    lines = unfold(deadline_ics(title, dt.date(2027, 1, 31), stamp=STAMP))
    summary = next(line for line in lines if line.startswith("SUMMARY:"))
    assert summary == "SUMMARY:Consultation closes: Care\\; support\\, and\\nBEGIN:VEVENT \\\\ done"
    assert lines.count("BEGIN:VEVENT") == 1


def test_the_same_consultation_keeps_the_same_event_identity():
    first = deadline_ics("A", dt.date(2027, 1, 31), stamp=STAMP, uid_seed="draft1")
    again = deadline_ics(
        "A", dt.date(2027, 1, 31), stamp=STAMP + dt.timedelta(1), uid_seed="draft1"
    )
    other = deadline_ics("A", dt.date(2027, 1, 31), stamp=STAMP, uid_seed="draft2")
    uid = [line for line in unfold(first) if line.startswith("UID:")]
    assert uid == [line for line in unfold(again) if line.startswith("UID:")]
    assert uid != [line for line in unfold(other) if line.startswith("UID:")]


def test_a_drafts_calendar_file_says_where_to_send_the_response(sample):
    lines = unfold(draft_deadline_ics(sample, stamp=STAMP))
    description = next(line for line in lines if line.startswith("DESCRIPTION:Send"))
    assert description == (
        "DESCRIPTION:Send your response to Commissioning Team\\, Hillside District Council by"
        " 31 January 2027. Reference: HDC/2026/17."
    )
    assert (
        "SUMMARY:Consultation closes: Proposals to Commission Community Support Services" in lines
    )


def test_a_draft_without_a_closing_date_has_no_calendar_file():
    with pytest.raises(ValueError, match="no closing date"):
        draft_deadline_ics(Draft(), stamp=STAMP)
