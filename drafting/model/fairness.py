"""Was the consultation fair? The checklist of fair-process concerns, and what each adds.

The concerns live in `reasons/fairness.toml` (read by `reasons/fairness.py`). Each
concern a group ticks gives the letter a paragraph naming the principle and its source, and a
matching ask; the concern about time also gets a sentence with the consultation's length,
worked out from the dates the group entered:

    >>> length_sentence(dt.date(2026, 12, 1), dt.date(2027, 1, 5))
    'This consultation runs for 35 days (5 weeks), from 1 December 2026 to 5 January 2027.'
    >>> [c.id for c in concerns()][:2]
    ['formative', 'information']
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from drafting.model.draft import Draft
from drafting.model.selection import toggle
from drafting.model.wording import long_date
from reasons.catalogue import LawSentence, applies, with_law
from reasons.fairness import Source, concerns

ADVISED_WEEKS = 12  # what local compacts often expect, where appropriate


@dataclass(frozen=True)
class RaisedConcern:
    """A ticked concern as a letter template sees it: the checklist's words, the sentence on
    the consultation's length (time only, when both dates are known), and the group's note.
    `for_sector` gives it as a letter to a council or an NHS body has it."""

    id: str
    title: str
    summary: str
    paragraph: str
    ask: str
    detail: str
    note: str
    sources: tuple[Source, ...]
    law: tuple[LawSentence, ...] = ()

    def for_sector(self, consulting: str) -> RaisedConcern:
        """The concern with the law sentences and sources that apply when a body of kind
        `consulting` consults, and only those."""
        return dataclasses.replace(
            self,
            paragraph=with_law(self.paragraph, self.law, consulting),
            sources=tuple(s for s in self.sources if applies(s.sector, consulting)),
            law=(),
        )


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
            law=concern.law,
        )
        for concern in concerns()
        if concern.id in ticked
    ]


def set_concern(draft: Draft, concern_id: str, ticked: bool) -> None:
    """Tick or untick a concern; its note is kept either way."""
    toggle(draft.fairness, concern_id, ticked)


def set_note(draft: Draft, concern_id: str, note: str) -> None:
    """Keep the group's note on a concern (what happened locally); an empty note is dropped."""
    if note.strip():
        draft.fairness_notes[concern_id] = note
    else:
        draft.fairness_notes.pop(concern_id, None)
