"""The bars a letter is held to, as an officer with 200 responses would check them: the
group's examples whole, no quotation left open, a short list of distinct asks on the group's
side, few sentences that open with a worry, no council-only law in a letter to the NHS, and
not too many stock words in the short templates.

    >>> worry_openings("We fear it will close. Our café is full. We are concerned too.")
    2
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.letter.asks import ask_kind
from drafting.letter.blocks import Letter
from drafting.letter.length import asks, duplicate_asks
from drafting.letter.ownwords import body, measure, typed_texts
from drafting.letter.phrasing import consulting_sector
from drafting.letter.templates import TemplateInfo
from drafting.model.draft import Draft
from drafting.text import sentences

MOST_WORRIES = 2
WORRY = re.compile(r"^\W*(we fear|we are worried|we are concerned|our worry)\b", re.IGNORECASE)
# Council procurement law and policy that does not hold when the NHS buys health care.
NHS_FORBIDDEN = (
    "Procurement Act",
    "National Procurement Policy Statement",
    "Best Value",
    "most advantageous tender",
)


@dataclass(frozen=True)
class LetterBars:
    """One letter against the bars (see `passes` for the limits)."""

    examples_whole: bool
    open_quotes: int
    asks: int
    duplicate_asks: int
    contradicting_asks: int
    worry_openings: int
    nhs_forbidden: tuple[str, ...]
    stock_words: int
    stock_bar: int | None

    @property
    def failures(self) -> list[str]:
        """Each bar the letter misses, in words."""
        found = [
            (not self.examples_whole, "an example is not whole"),
            (self.open_quotes > 0, "a quotation is left open"),
            (self.asks > 6, f"{self.asks} asks"),
            (self.duplicate_asks > 0, "two asks say the same"),
            (self.contradicting_asks > 0, "an ask contradicts the position"),
            (self.worry_openings > MOST_WORRIES, f"{self.worry_openings} worry openings"),
            (bool(self.nhs_forbidden), f"names {', '.join(self.nhs_forbidden)}"),
            (
                self.stock_bar is not None and self.stock_words > self.stock_bar,
                f"{self.stock_words} stock words",
            ),
        ]
        return [said for failed, said in found if failed]


def _flat(text: str) -> str:
    return " ".join(text.split())


def letter_text(letter: Letter) -> str:
    """The whole letter, annex included, each block on a line."""
    return "\n".join(b.text for b in letter.blocks)


def examples_whole(draft: Draft, letter: Letter, template: str) -> bool:
    """Whether every sentence of every example (those not left out of this template) stands
    whole in the letter."""
    text = _flat(letter_text(letter))
    return all(
        _flat(sentence) in text
        for r in draft.reasons
        if not draft.leaves_out(template, r.id)
        for sentence in sentences(r.example)
        if sentence.strip()
    )


def open_quotes(letter: Letter) -> int:
    """The blocks that open a quotation and do not close it (curly or straight double quotes)."""
    return sum(
        1
        for text in (t for b in letter.blocks for t in b.texts)
        if text.count("\u201c") != text.count("\u201d") or text.count('"') % 2
    )


def worry_openings(text: str) -> int:
    """How many sentences open with a worry ("We fear", "We are worried", "We are concerned")."""
    return sum(1 for line in text.splitlines() for s in sentences(line) if WORRY.match(s.strip()))


def letter_bars(draft: Draft, letter: Letter, info: TemplateInfo) -> LetterBars:
    """Measure one letter against every bar."""
    found = asks(letter)
    text = body(letter)
    everything = letter_text(letter)
    own = measure(text, typed_texts(draft))
    supports = draft.position.startswith("support")
    nhs = consulting_sector(draft) == "nhs"
    return LetterBars(
        examples_whole=examples_whole(draft, letter, info.id),
        open_quotes=open_quotes(letter),
        asks=len(found),
        duplicate_asks=len(duplicate_asks(draft, letter)),
        contradicting_asks=sum(supports and ask_kind(a) == "instead" for a in found),
        worry_openings=worry_openings(text),
        nhs_forbidden=tuple(t for t in NHS_FORBIDDEN if nhs and t.lower() in everything.lower()),
        stock_words=own.total - own.own,
        stock_bar=info.stock,
    )
