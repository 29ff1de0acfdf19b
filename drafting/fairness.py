"""Was the consultation fair? The checklist of fair-process concerns, and what each adds.

The concerns live in `reasons/fairness.toml`, data a non-programmer edits, checked on load. Each
concern a group ticks gives the letter a paragraph naming the principle and its source, and a
matching ask; the concern about time also gets a sentence with the consultation's length,
worked out from the dates the group entered:

    >>> length_sentence(dt.date(2026, 12, 1), dt.date(2027, 1, 5))
    'This consultation runs for 35 days (5 weeks), from 1 December 2026 to 5 January 2027.'
    >>> [c.id for c in concerns()][:2]
    ['formative', 'information']
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from drafting.calendar import long_date
from reasons.catalogue import CatalogueError, RecordFields, read_toml

if TYPE_CHECKING:
    from drafting.draft import Draft

FAIRNESS_FILE = Path(__file__).resolve().parent.parent / "reasons" / "fairness.toml"
ADVISED_WEEKS = 12  # what the Compact and many local compacts expect, where appropriate
CONCERN_FIELDS = (
    "id",
    "title",
    "question",
    "help",
    "principle",
    "summary",
    "paragraph",
    "ask",
    "dates",
    "sources",
)
SOURCE_FIELDS = ("publisher", "title", "year", "url", "sector")


@dataclass(frozen=True)
class Source:
    """Where a principle comes from: a case, an Act or a guide, with its year."""

    title: str
    year: int
    publisher: str = ""
    url: str = ""
    sector: str = "both"

    @property
    def citation(self) -> str:
        """E.g. 'UK Supreme Court, R (Moseley) v Haringey LBC [2014] UKSC 56 (2014)'."""
        lead = f"{self.publisher}, " if self.publisher else ""
        return f"{lead}{self.title} ({self.year})"


@dataclass(frozen=True)
class Concern:
    """One item of the checklist; `dates` marks the concern about time."""

    id: str
    title: str
    question: str
    help: str
    principle: str
    summary: str
    paragraph: str
    ask: str
    sources: tuple[Source, ...]
    dates: bool = False


@dataclass(frozen=True)
class RaisedConcern:
    """A ticked concern as a letter template sees it: the checklist's words, the sentence on
    the consultation's length (time only, when both dates are known), and the group's note."""

    id: str
    title: str
    summary: str
    paragraph: str
    ask: str
    detail: str
    note: str
    sources: tuple[Source, ...]


def load_concerns(path: Path = FAIRNESS_FILE) -> tuple[Concern, ...]:
    """Read and check the checklist file.

    Raises CatalogueError naming the concern and field for a missing or malformed field, an id
    used twice, more than one concern marked `dates`, or a concern without sources.
    """
    file = path.name
    found = []
    for i, raw in enumerate(RecordFields(file, "top level", read_toml(path)).tables("concerns")):
        name = raw.get("id", f"#{i + 1}") if isinstance(raw, dict) else f"#{i + 1}"
        f = RecordFields(file, f"concern {name}", raw, CONCERN_FIELDS)
        sources = []
        for j, raw_source in enumerate(f.tables("sources"), start=1):
            s = RecordFields(file, f"concern {name} source {j}", raw_source, SOURCE_FIELDS)
            publisher = s.text("publisher") if "publisher" in raw_source else ""
            sources.append(
                Source(s.text("title"), s.integer("year"), publisher, s.url(), s.sector())
            )
        if not sources:
            raise CatalogueError(f"{f.where}: needs at least one [[concerns.sources]] table")
        found.append(
            Concern(
                id=f.text("id", max_len=40),
                title=f.text("title", max_len=80),
                question=f.text("question", max_len=200),
                help=f.text("help", max_len=400),
                principle=f.text("principle", max_len=200),
                summary=f.text("summary", max_len=300),
                paragraph=f.text("paragraph"),
                ask=f.text("ask", max_len=300),
                sources=tuple(sources),
                dates=f.flag("dates"),
            )
        )
    ids = [c.id for c in found]
    if not found or len(set(ids)) != len(ids):
        raise CatalogueError(f"{file}: concerns must be listed, each id once")
    if sum(c.dates for c in found) > 1:
        raise CatalogueError(f"{file}: only one concern may have 'dates = true'")
    return tuple(found)


@cache
def concerns() -> tuple[Concern, ...]:
    """The checklist from `reasons/fairness.toml`, read once."""
    return load_concerns()


def concern_ids() -> frozenset[str]:
    return frozenset(c.id for c in concerns())


def consultation_days(opens: dt.date | None, closes: dt.date | None) -> int | None:
    """Days from opening to closing, or None if a date is missing or they are the wrong way."""
    if opens is None or closes is None or closes < opens:
        return None
    return (closes - opens).days


def _length(days: int) -> str:
    """E.g. '84 days (12 weeks)' or '36 days (about 5 weeks)'."""
    weeks, rest = divmod(days, 7)
    if rest:
        weeks = max(1, round(days / 7))
    unit = "week" if weeks == 1 else "weeks"
    return f"{days} days ({'about ' if rest else ''}{weeks} {unit})"


def length_sentence(opens: dt.date | None, closes: dt.date | None) -> str:
    """The letter's sentence on how long the consultation runs, or "" without both dates."""
    days = consultation_days(opens, closes)
    if days is None:
        return ""
    return (
        f"This consultation runs for {_length(days)}, from {long_date(opens)} to"
        f" {long_date(closes)}."
    )


def length_note(opens: dt.date | None, closes: dt.date | None) -> str:
    """Tell the group in the app how long its consultation runs, against the 12 weeks.

    >>> length_note(dt.date(2026, 12, 1), dt.date(2027, 1, 5))[:60]
    'This consultation runs for 35 days (5 weeks): shorter than t'
    """
    if opens is None or closes is None:
        return (
            "Enter the dates the consultation opened and closes on the About you page, and"
            " this will say how long it runs."
        )
    days = consultation_days(opens, closes)
    if days is None:
        return "The opening date is after the closing date: check both dates on the About you page."
    if days < ADVISED_WEEKS * 7:
        return (
            f"This consultation runs for {_length(days)}: shorter than the {ADVISED_WEEKS}"
            " weeks many local compacts expect."
        )
    return (
        f"This consultation runs for {_length(days)}: as long as the {ADVISED_WEEKS} weeks many"
        " local compacts expect."
    )


def is_short(opens: dt.date | None, closes: dt.date | None) -> bool:
    """Whether both dates are known and the consultation runs for under 12 weeks."""
    days = consultation_days(opens, closes)
    return days is not None and days < ADVISED_WEEKS * 7


def raised(draft: Draft) -> list[RaisedConcern]:
    """The concerns the group ticked, in the checklist's order, ready for a letter."""
    ticked = set(draft.fairness)
    c = draft.consultation
    return [
        RaisedConcern(
            id=concern.id,
            title=concern.title,
            summary=concern.summary,
            paragraph=concern.paragraph,
            ask=concern.ask,
            detail=length_sentence(c.opening_date, c.closing_date) if concern.dates else "",
            note=draft.fairness_notes.get(concern.id, "").strip(),
            sources=concern.sources,
        )
        for concern in concerns()
        if concern.id in ticked
    ]


def set_concern(draft: Draft, concern_id: str, ticked: bool) -> None:
    """Tick or untick a concern; its note is kept either way."""
    if ticked and concern_id not in draft.fairness:
        draft.fairness.append(concern_id)
    elif not ticked and concern_id in draft.fairness:
        draft.fairness.remove(concern_id)


def set_note(draft: Draft, concern_id: str, note: str) -> None:
    """Keep the group's note on a concern (what happened locally); an empty note is dropped."""
    if note.strip():
        draft.fairness_notes[concern_id] = note
    else:
        draft.fairness_notes.pop(concern_id, None)
