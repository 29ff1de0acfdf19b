"""One list of asks: the group's own first, then each stock ask that says something new."""

from __future__ import annotations

import functools

from drafting.letter.ownwords import words

_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "by",
        "can",
        "could",
        "do",
        "does",
        "for",
        "from",
        "has",
        "have",
        "how",
        "in",
        "into",
        "is",
        "it",
        "its",
        "it's",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "should",
        "so",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "us",
        "we",
        "what",
        "when",
        "whether",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
        "your",
        "ask",
        "please",
        "make",
        "sure",
    ]
)


def _stem(word: str) -> str:
    for end in ("ing", "ed", "es", "s"):
        if word.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    return word


@functools.lru_cache(maxsize=2048)
def _content(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in words(text) if w not in _STOP)


def same_ask(a: str, b: str) -> bool:
    """Whether two asks say much the same thing: half the content words of the shorter one
    (or more) are in the other.

        >>> same_ask("Pause the tender until the equality impact assessment is published.",
        ...          "Publish an equality impact assessment before any decision is taken.")
        True
    """
    ca, cb = _content(a), _content(b)
    if not ca or not cb:
        return False
    return len(ca & cb) / min(len(ca), len(cb)) >= 0.5


def merge_asks(own: list[str], stock: list[str]) -> list[str]:
    """One list of asks: the group's own first, as typed, then each catalogue ask that says
    something new. An ask like an earlier one is merged into it, the fuller wording kept in the
    earlier place; a catalogue ask never replaces the group's own words."""
    merged: list[tuple[str, bool]] = []
    for text in (t for t in own if t.strip()):  # the group's own, a repeat of itself merged
        match = next((i for i, (kept, _) in enumerate(merged) if same_ask(kept, text)), None)
        if match is None:
            merged.append((text, True))
        elif len(text) > len(merged[match][0]):
            merged[match] = (text, True)
    for text in stock:
        match = next((i for i, (kept, _) in enumerate(merged) if same_ask(kept, text)), None)
        if match is None:
            merged.append((text, False))
        elif not merged[match][1] and len(text) > len(merged[match][0]):
            merged[match] = (text, False)
    return [text for text, _ in merged]


@functools.lru_cache(maxsize=64)
def merged_asks(own: tuple[str, ...], stock: tuple[str, ...]) -> tuple[str, ...]:
    # Kept: the same asks are merged again for each template, tone and cover email.
    return tuple(merge_asks(list(own), list(stock)))
