"""A letter's length against its template's budget, what to cut first, and the other measures a
reader notices: the group's own share, sentence openings used again and again, two asks that
say the same thing, a passage printed twice.

    >>> sentence_openings("We fear it will. We fear it will not. Our café is full.")
    [('we fear it will', 2), ('our café is full', 1)]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from drafting.letter.asks import same_own_ask, says_the_same
from drafting.letter.blocks import Letter
from drafting.letter.ownwords import OwnWords, body, measure, typed_texts, words
from drafting.letter.templates import TemplateInfo
from drafting.model.draft import Draft
from drafting.model.wording import and_list
from drafting.text import sentences

OPENING_WORDS = 4
REPEAT_WORDS = 8  # a passage of at least this many words printed twice is a repeat


@dataclass(frozen=True)
class Length:
    """Words in the letter's body, the template's budget (None: none set) and, when over it,
    what the group can do (the app has already dropped every piece of stock text it can)."""

    words: int
    budget: int | None
    cut_first: tuple[str, ...] = ()

    @property
    def over(self) -> bool:
        return self.budget is not None and self.words > self.budget

    @property
    def note(self) -> str:
        if self.budget is None:
            return f"{self.words:,} words from the greeting to the signature."
        if not self.over:
            return f"{self.words:,} words of the {self.budget:,} this template allows."
        return (
            f"This letter is {self.words:,} words, over the {self.budget:,} this template"
            " allows, because your own words alone take more than that: we never cut them. "
            + " ".join(self.cut_first)
        )


@dataclass(frozen=True)
class LetterMeasures:
    words: int
    own: OwnWords
    top_opening: tuple[str, int]
    duplicate_asks: tuple[tuple[str, str], ...]
    repeated: tuple[str, ...]


def _sentences(text: str) -> list[str]:
    return [s for line in text.splitlines() for s in sentences(line)]


def sentence_openings(text: str) -> list[tuple[str, int]]:
    """The first four words (lower case) of each sentence of at least four words, with how
    often each is used, in order of first use."""
    found = Counter()
    for sentence in _sentences(text):
        w = words(sentence)
        if len(w) >= OPENING_WORDS:
            found[" ".join(w[:OPENING_WORDS])] += 1
    return list(found.items())


def asks(letter: Letter) -> list[str]:
    """The letter's numbered asks (the items of its numbered lists)."""
    return [t for b in letter.blocks if b.kind == "numbered" for t in b.texts]


def duplicate_asks(draft: Draft, letter: Letter) -> list[tuple[str, str]]:
    """Pairs of numbered asks that say the same thing: about one subject or in much the same
    words (two of the group's own: one typed twice, as two on one subject may ask different
    things)."""
    found, own = asks(letter), {a.strip() for a in draft.asks}
    return [
        (a, b)
        for i, a in enumerate(found)
        for b in found[i + 1 :]
        if (same_own_ask(a, b) if a in own and b in own else says_the_same(a, b))
    ]


def repeated_passages(text: str) -> list[str]:
    """Sentences (of at least REPEAT_WORDS words) printed more than once in `text`."""
    seen = Counter(
        " ".join(w) for w in (words(s) for s in _sentences(text)) if len(w) >= REPEAT_WORDS
    )
    return [s for s, n in seen.items() if n > 1]


def letter_measures(draft: Draft, letter: Letter, info: TemplateInfo) -> LetterMeasures:
    """Every measure of a letter's body that the templates are judged by."""
    text = body(letter)
    openings = sentence_openings(text)
    top = max(openings, key=lambda o: o[1]) if openings else ("", 0)
    return LetterMeasures(
        len(text.split()),
        measure(text, typed_texts(draft)),
        top,
        tuple(duplicate_asks(draft, letter)),
        tuple(repeated_passages(text)),
    )


def length_report(draft: Draft, letter: Letter, info: TemplateInfo) -> Length:
    """The body's length against the template's budget and, when over it (on the group's own
    words alone: `assemble` drops stock text first), what the group can do: leave some
    examples out of this template, shorten the longest, or choose a longer template."""
    count = len(body(letter).split())
    if info.budget is None or count <= info.budget:
        return Length(count, info.budget)
    longest = sorted(
        (r for r in draft.reasons if r.example.strip() and not draft.leaves_out(info.id, r.id)),
        key=lambda r: -len(r.example.split()),
    )[:2]
    advice = [
        "Leave some examples out of this letter (they stay in your draft and in the"
        " other templates), or shorten them"
        + (
            ": the longest are "
            + and_list([f"reason {r.id} ({len(r.example.split())} words)" for r in longest])
            + "."
            if longest
            else "."
        )
    ]
    if info.id != "formal":
        advice.append("Or choose the formal response, which has room for more.")
    return Length(count, info.budget, tuple(advice))
