"""Find the passages of a consultation document that tie the proposal to a reason (the
phrases in `reasons/signals.toml`), each quoted as written with its page."""

from __future__ import annotations

from dataclasses import dataclass

from drafting.reading.details import Sentence
from reasons.signals import signals

MAX_QUOTE = 300
MOST_COUNTED = 3


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


def find_signals(sentences: list[Sentence], short_period: Sentence | None = None) -> list[Passage]:
    """One passage per signal found: the signals found most often first (counting up to
    MOST_COUNTED times, so a phrase a long paper repeats does not bury the rest), then in the
    file's order. The passage quoted is the first that states something, else the first
    question that names it; a signal with `dates` is also found from `short_period`. A passage
    that another signal of the same reason found already is not listed twice."""
    hits: list[tuple[int, int, Passage]] = []
    for order, signal in enumerate(signals()):
        found: list[Passage] = []
        count = 0
        for sentence in sentences:
            for match in signal.pattern.finditer(sentence.text):
                count += 1
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
            first = next((p for p in found if not p.quote.endswith("?")), found[0])
            hits.append((-min(count, MOST_COUNTED), order, first))
    passages = [passage for *_, passage in sorted(hits, key=lambda h: h[:2])]
    seen = set()
    unique = []
    for passage in passages:
        if (passage.reason, passage.quote) not in seen:
            seen.add((passage.reason, passage.quote))
            unique.append(passage)
    return unique
