"""Find the passages of a consultation document that tie the proposal to a reason (the
phrases in `reasons/signals.toml`), each quoted as written with its page."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from drafting.reading.sentences import Sentence
from reasons.signals import signals

MAX_QUOTE = 300
MOST_COUNTED = 3


PER_SIGNAL = 3  # passages kept for one signal: the group picks the quote that fits best


@dataclass(frozen=True)
class Passage:
    """A passage that ties the proposal to a reason, quoted as written, with its page."""

    reason: int
    quote: str
    page: int | None
    signal: str  # the signal's name, e.g. "One lead or single provider"


def _quote(sentence: str, start: int, end: int) -> str:
    """The sentence as written, cut to MAX_QUOTE characters around the phrase found."""
    if len(sentence) <= MAX_QUOTE:
        return sentence
    room = (MAX_QUOTE - (end - start)) // 2
    left = max(0, min(start - room, len(sentence) - MAX_QUOTE))
    text = sentence[left : left + MAX_QUOTE]
    if left > 0:
        text = "…" + text.split(" ", 1)[-1]
    if left + MAX_QUOTE < len(sentence):
        text = text.rsplit(" ", 1)[0] + "…"
    return text


def _kind(passage: Passage) -> int:
    """0 for a statement, 1 for a heading-like line (a few words, no full stop), 2 for a
    question: the order a signal's passages are offered in."""
    if passage.quote.endswith("?"):
        return 2
    if len(passage.quote.split()) < 8 and not passage.quote.endswith((".", ";", ":", "!", "…")):
        return 1
    return 0


def _is_fragment(quote: str) -> bool:
    """A heading or a scrap of one ("Our care provider partnership"): not worth quoting."""
    return not quote.endswith((".", "?", "!", ";")) and len(quote.split(maxsplit=5)) <= 5


def find_signals(
    sentences: list[Sentence], short_period: Sentence | None = None, title: str = ""
) -> list[Passage]:
    """Up to PER_SIGNAL passages per signal found, each a different sentence: first every
    signal's best passage, the signals found most often first (counting up to MOST_COUNTED
    times, so a phrase a long paper repeats does not bury the rest), then in the file's order;
    then every signal's second passage, and so on. A signal's passages are those that state
    something, in the document's order, then the questions that name it; a signal with
    `dates` is also found from `short_period`. A passage that another signal of the same
    reason found already is not listed twice; the document's `title` is never quoted."""
    hits: list[tuple[int, int, Passage]] = []
    # Headings and the document's title are not quotes; judged once, not once per signal.
    quotable = [
        s
        for s in sentences
        if not _is_fragment(s.text) and not (title and s.text.startswith(title))
    ]
    for order, signal in enumerate(signals()):
        found: list[Passage] = []
        count = 0  # times it is named, counted up to MOST_COUNTED
        for sentence in quotable:
            matches = signal.pattern.finditer(sentence.text)
            if (match := next(matches, None)) is None:
                continue
            count += 1 + sum(1 for _ in islice(matches, max(0, MOST_COUNTED - count - 1)))
            quote = _quote(sentence.text, match.start(), match.end())
            found.append(Passage(signal.reason, quote, sentence.page, signal.name))
        if not found and signal.dates and short_period is not None:
            count = 1
            found.append(
                Passage(
                    signal.reason, _quote(short_period.text, 0, 0), short_period.page, signal.name
                )
            )
        if found:
            # Statements first, then headings and questions that name it; each sentence once.
            ordered = sorted(found, key=_kind)
            kept: list[Passage] = []
            for passage in ordered:
                if all(passage.quote != k.quote for k in kept):
                    kept.append(passage)
            for rank, passage in enumerate(kept[:PER_SIGNAL]):
                hits.append((rank, -min(count, MOST_COUNTED), order, passage))
    passages = [passage for *_, passage in sorted(hits, key=lambda h: h[:3])]
    seen = set()
    unique = []
    for passage in passages:
        if (passage.reason, passage.quote) not in seen:
            seen.add((passage.reason, passage.quote))
            unique.append(passage)
    return unique
