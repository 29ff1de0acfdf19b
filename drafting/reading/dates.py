"""Find a consultation's opening and closing dates in its sentences."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import pairwise

from drafting.reading.sentences import Sentence

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}


_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))


# A date as documents write it. The year may be left off ("8 November to 19 December 2021",
# "close on Friday 3 December"): the sentence's other date gives it. A day glued to the word
# before it ("start date02 December 2013") still counts. Two-digit years are this century's.
DATE = re.compile(
    rf"""(?<![\d/.])(?:
        (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})\b\.?
            (?:,?\s+(?P<y1>20\d\d)\b)?
      | (?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>20\d\d)\b
      | (?P<d3>\d{{1,2}})[/.](?P<m3>\d{{1,2}})[/.](?P<y3>(?:20)?\d\d)(?![\d/.])
      | (?P<y4>20\d\d)-(?P<m4>\d\d)-(?P<d4>\d\d)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)


# A sentence that can give the consultation's dates talks about responding.
_ABOUT_RESPONDING = re.compile(
    r"\b(?:consult\w*|respon\w*|survey|questionnaire|comments?|views|feedback|have your say"
    r"|closing date|deadline|closes|return (?:it|this|the|your|completed)|engagement)\b",
    re.I,
)


# "in consultation with the director" is about who decides, not about responding.
# Nor is a tender's deadline for bids.
_NOT_RESPONDING = re.compile(
    r"\bin consultation with\b|\b(?:tender )?submission deadline\b|\btender deadline\b"
    r"|\bdeadline for (?:tenders|bids|clarification)\b",
    re.I,
)


# Words just before a date that make it the closing date, or the opening date.
_CLOSES = re.compile(
    r"\b(?:clos\w*|deadline|ends?|ending|no later than|by|until|till|last day)\b", re.I
)


_OPENS = re.compile(
    r"\b(?:opens?|opened|opening|launch\w*|start\w*|begins?|began|from|commenc\w*|between"
    r"|period)\b",
    re.I,
)


@dataclass(frozen=True)
class _Found:
    """A date found in a sentence: where it is, and its day, month and year (None if left off)."""

    start: int
    end: int
    day: int
    month: int
    year: int | None

    def date(self, year: int | None = None) -> dt.date | None:
        try:
            return dt.date(self.year or year or 0, self.month, self.day)
        except ValueError:
            return None  # 31 February, or no year to give it


def _found_dates(text: str) -> list[_Found]:
    found = []
    for match in DATE.finditer(text):
        g = match.groupdict()
        if g["m1"]:
            day, month, year = g["d1"], _MONTHS[g["m1"].lower()], g["y1"]
        elif g["m2"]:
            day, month, year = g["d2"], _MONTHS[g["m2"].lower()], g["y2"]
        elif g["m3"]:
            day, month, year = g["d3"], int(g["m3"]), g["y3"]
            year = f"20{year}" if len(year) == 2 else year
        else:
            day, month, year = g["d4"], int(g["m4"]), g["y4"]
        if 1 <= int(day) <= 31 and 1 <= int(month) <= 12:
            found.append(
                _Found(
                    match.start(), match.end(), int(day), int(month), int(year) if year else None
                )
            )
    return found


def _dated(found: list[_Found]) -> list[tuple[_Found, dt.date]]:
    """The dates of a sentence, each given a year: its own, else the year that puts it in order
    with the nearest date that has one ("8 November to 19 December 2021": 2021; "13 October
    2021 ... close on 3 December": 2021; "2 December to 28 February 2014": 2013)."""
    dated = []
    for i, f in enumerate(found):
        if f.year:
            if d := f.date():
                dated.append((f, d))
            continue
        after = next((g for g in found[i + 1 :] if g.year), None)
        before = next((g for g in reversed(found[:i]) if g.year), None)
        d = None
        if after and (later := after.date()):
            d = f.date(later.year)
            if d and d > later:
                d = f.date(later.year - 1)
        elif before and (earlier := before.date()):
            d = f.date(earlier.year)
            if d and d < earlier:
                d = f.date(earlier.year + 1)
        if d:
            dated.append((f, d))
    return dated


# Between the two dates of a range: "to", "until", "and" (after "between"), a dash, or words
# about opening and closing ("commenced on 8 April 2019 and runs until 4 August 2019").
_RANGE_LINK = re.compile(
    r"^[\s,]*(?:[-–—]|(?:to|till|until|through)\b)|\b(?:until|till|clos\w*|ends?|ending"
    r"|deadline)\b",
    re.I,
)
_BETWEEN = re.compile(r"\bbetween\s*$", re.I)
_AND = re.compile(r"^[\s,]*and\b", re.I)


# A consultation page's status line: "Closed 29 Jun 2018", "Opens 9 April 2026".
_STATUS_LINE = re.compile(
    r"^(?:opens?|opened|opening date|closes?|closed|closing date|start date|end date|dates?)\b",
    re.I,
)


def _about_responding(sentence: str) -> bool:
    if len(sentence) <= 60 and _STATUS_LINE.match(sentence):
        return True
    return bool(_ABOUT_RESPONDING.search(_NOT_RESPONDING.sub(" ", sentence)))


def find_dates(sentences: list[Sentence]) -> tuple[dt.date | None, dt.date | None, Sentence | None]:
    """(opens, closes, the sentence that gives the closing date).

    Only sentences about responding count ("the new contract starts on 1 April 2027" does
    not); a short line that is only a range of dates counts when the line before it is about
    responding (a timeline's "Public engagement and consultation" over "8 November to 19
    December 2021"). A range ("from 4 July to 26 September 2022", "Consultation period 2nd
    December 2013 to 28th February 2014", "commenced on 8 April 2019 and runs until 4 August
    2019") gives both dates and wins over single dates; otherwise the nearest word before a
    date says which it is ("closes on", "by", "from", "commenced")."""
    dated: list[tuple[Sentence, list[tuple[_Found, dt.date]]]] = []
    previous = ""
    for sentence in sentences:
        text = sentence.text
        found = _dated(_found_dates(text)) if _DATE_HINT.search(text) else []
        responding = _about_responding(text)
        if not responding and len(found) >= 2 and len(text.split()) <= 12:
            responding = _about_responding(previous)
        previous = text
        if found and responding:
            dated.append((sentence, found))
    for sentence, found in dated:
        if span := _day_range(sentence.text):
            return *span, sentence
        for (first, start), (second, end) in pairwise(found):
            between = sentence.text[first.end : second.start]
            linked = _RANGE_LINK.search(between) or (
                _AND.match(between) and _BETWEEN.search(sentence.text[: first.start])
            )
            if start < end and len(between) <= 120 and linked:
                return start, end, sentence
    opens = closes = None
    where = None
    for sentence, found in dated:
        for f, d in found:
            # The nearest word before the date says which date it is.
            before = sentence.text[max(0, f.start - 60) : f.start]
            close_at = max((w.end() for w in _CLOSES.finditer(before)), default=-1)
            open_at = max((w.end() for w in _OPENS.finditer(before)), default=-1)
            if closes is None and close_at > open_at:
                closes, where = d, sentence
            elif opens is None and open_at > close_at:
                opens = d
    if opens and closes and opens > closes:
        opens = None
    return opens, closes, where


_DATE_HINT = re.compile(r"\d")


# Two days of one month: "from 4 to 26 September 2022", "4-26 September 2022".
_DAY_RANGE = re.compile(
    rf"""(?<![\d/.])(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:[-–—]|to|until)\s*
        (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH})\b\.?,?\s+(?P<y>20\d\d)\b""",
    re.IGNORECASE | re.VERBOSE,
)


def _day_range(text: str) -> tuple[dt.date, dt.date] | None:
    if not (match := _DAY_RANGE.search(text)):
        return None
    month, year = _MONTHS[match["m"].lower()], int(match["y"])
    try:
        start = dt.date(year, month, int(match["d1"]))
        end = dt.date(year, month, int(match["d2"]))
    except ValueError:
        return None
    return (start, end) if start < end else None
