"""How much of a letter is the group's own writing, against the app's template text.

Officers often group identical or near-identical responses and count them as one; what they
weigh is local evidence. So the Letter page shows this share, and nudges when it is low.

The measure compares the final letter with a "stock" letter: the same draft, template, tone
and date with everything the group wrote taken out (examples, context, answers, asks, what the
group says about itself, notes on the consultation's fairness). Every word the final letter has
beyond the stock letter's words is the group's own. Words are counted as a bag (order ignored),
which is exact for a letter made from the answers; in an edited letter the words the group added
or changed count as its own (words it deleted count for nothing).

    >>> measure("We object. Our lunch club closed in May.", "We object.")
    OwnWords(own=6, total=8)
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from drafting.assembly import assemble
from drafting.draft import Draft
from drafting.export import to_text
from drafting.letter import Letter
from reasons.catalogue import Catalogue

LOW_SHARE = 0.2  # below this, nudge the group to add its own evidence
_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(frozen=True)
class OwnWords:
    """How many of a letter's words are the group's own, of how many in all."""

    own: int
    total: int

    @property
    def share(self) -> float:
        return self.own / self.total if self.total else 0.0

    @property
    def percent(self) -> int:
        return round(self.share * 100)

    @property
    def low(self) -> bool:
        return self.share < LOW_SHARE


def _words(text: str) -> Counter[str]:
    return Counter(word.lower() for word in _WORD.findall(text))


def measure(final_text: str, stock_text: str) -> OwnWords:
    """Count the words of `final_text` that are not among the words of `stock_text`."""
    final, stock = _words(final_text), _words(stock_text)
    own = sum((final - stock).values())
    return OwnWords(own, sum(final.values()))


def without_own_writing(draft: Draft) -> Draft:
    """A copy of the draft with everything the group wrote itself left out."""
    stock = copy.deepcopy(draft)
    stock.context = ""
    stock.asks = []
    stock.group.about = ""
    stock.fairness_notes = {}
    for reason in stock.reasons:
        reason.example = ""
    for question in stock.questions:
        question.answer = ""
    return stock


def measure_letter(draft: Draft, catalogue: Catalogue, final: Letter, today: dt.date) -> OwnWords:
    """Measure the group's own share of `final`, the letter it will send (made from `draft`
    on `today`, or its own edit of it)."""
    stock = assemble(without_own_writing(draft), catalogue, today=today)
    return measure(to_text(final), to_text(stock))


def own_words_note(result: OwnWords, missing_examples: int = 0) -> str:
    """Say, in plain English, how much of the letter is the group's own, with a nudge if low."""
    said = f"About {result.percent}% of this letter is in your own words."
    if not result.low:
        return f"{said} Your local evidence is what makes a response count."
    hint = (
        f" {missing_examples} of your reasons {'has' if missing_examples == 1 else 'have'} no"
        " local example yet."
        if missing_examples
        else ""
    )
    return (
        f"{said} Officers often group identical or near-identical responses together and count"
        " them as one; what they weigh is local evidence. Add what you have seen yourself: an"
        f" example for each reason, an answer to each question, or a note on how the"
        f" consultation has been run.{hint}"
    )
