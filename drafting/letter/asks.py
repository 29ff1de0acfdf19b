"""A letter's asks: the group's own first, then the stock asks about something new, at most
six, none that pulls against the group's position."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from drafting.letter.ownwords import words
from drafting.model.draft import Draft
from drafting.model.wording import and_list
from reasons.phrases import ask_subjects

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


MOST_ASKS = 6  # the most numbered asks a letter makes (more only if the group typed more)


@dataclass(frozen=True)
class Asks:
    """A letter's asks: `first` (for a group that opposes: what to do instead, and what holds
    either way), `ahead` (for a group that opposes: what to do if the proposal goes ahead
    anyway), and the group's own asks left out because they contradict its position."""

    first: tuple[str, ...] = ()
    ahead: tuple[str, ...] = ()
    contradicting: tuple[str, ...] = ()

    @property
    def all(self) -> tuple[str, ...]:
        return self.first + self.ahead


def _phrase_text(text: str) -> str:
    return f" {' '.join(words(text))} "


@functools.lru_cache(maxsize=2048)
def ask_subjects_of(text: str) -> frozenset[str]:
    """The subjects an ask is about (from reasons/asks.toml), perhaps none.

    >>> sorted(ask_subjects_of("Set the tender aside and keep the lunch clubs' grants."))
    ['grants', 'stop']
    """
    found = _phrase_text(text)
    return frozenset(
        name
        for name, subject in ask_subjects()["subjects"].items()
        if any(f" {w} " in found for w in subject["words"])
    )


def ask_kind(text: str, reason: int | None = None) -> str:
    """Whether an ask is "instead" of the proposal, for if it goes "ahead", or holds "either"
    way: by its subjects (one to stop the proposal makes it "instead"), else (for a reason's
    own ask) by the reason."""
    subjects = ask_subjects()["subjects"]
    kinds = {subjects[name]["kind"] for name in ask_subjects_of(text)}
    if reason in ask_subjects()["ahead_reasons"] and kinds <= {"ahead", "either"}:
        return "ahead"
    return next((k for k in ("instead", "ahead", "either") if k in kinds), "either")


def same_own_ask(a: str, b: str) -> bool:
    """Whether two of the group's own asks are one typed twice: the words of one (beyond the
    small ones) all in the other. Two on one subject may well ask different things."""
    ca, cb = _content(a), _content(b)
    return bool(ca and cb) and (ca <= cb or cb <= ca)


def says_the_same(a: str, b: str) -> bool:
    """Whether a stock ask says what another says: about one subject, or in much the same
    words."""
    return bool(ask_subjects_of(a) & ask_subjects_of(b)) or same_ask(a, b)


def merge_asks(own: list[str], stock: list[str]) -> list[str]:
    """One list of asks: the group's own first, as typed (a repeat of itself merged, the
    fuller wording kept), then each stock ask about something new: by subject (lots, grants,
    the options appraisal...) or by its words.

        >>> merge_asks(["Split any contract into local lots."],
        ...            ["Remove barriers, for example by dividing the contract into local lots.",
        ...             "Publish the options appraisal."])
        ['Split any contract into local lots.', 'Publish the options appraisal.']
    """
    merged: list[str] = []
    for text in (t.strip() for t in own if t.strip()):
        match = next((i for i, kept in enumerate(merged) if same_own_ask(kept, text)), None)
        if match is None:
            merged.append(text)
        elif len(text) > len(merged[match]):
            merged[match] = text
    for text in stock:
        if not any(says_the_same(kept, text) for kept in merged):
            merged.append(text)
    return merged


@functools.lru_cache(maxsize=64)
def letter_asks(own: tuple[str, ...], stock: tuple[tuple[str, str], ...], oppose: bool) -> Asks:
    """The letter's asks from the group's own and the stock asks (each with its kind), at most
    MOST_ASKS unless the group typed more. A group that does not oppose is never given an ask
    to stop the proposal: its own such asks are left out (and shown to it as contradicting its
    position), the stock ones dropped. A group that opposes gets the asks for if the proposal
    goes ahead after the rest."""
    kinds = {text: kind for text, kind in stock}
    for text in own:
        kinds.setdefault(text.strip(), ask_kind(text))
    own_kept = [t for t in own if oppose or kinds[t.strip()] != "instead"]
    contradicting = tuple(t.strip() for t in own if t not in own_kept and t.strip())
    stock_kept = [t for t, kind in stock if oppose or kind != "instead"]
    merged = merge_asks(own_kept, stock_kept)
    mine = sum(1 for t in merged if t in {o.strip() for o in own_kept})
    merged = merged[: max(MOST_ASKS, mine)]
    if not oppose:
        return Asks(tuple(merged), (), contradicting)
    first = tuple(t for t in merged if kinds.get(t, "either") != "ahead")
    ahead = tuple(t for t in merged if kinds.get(t, "either") == "ahead")
    return Asks(first, ahead, contradicting)


def stance_conflicts(draft: Draft, alternative_titles: dict[str, str]) -> list[tuple[str, str]]:
    """What the group chose that pulls against its position, said plainly, each with where it
    was chosen ("alternatives" or "asks"): for a group that supports the proposal (even with
    changes), the alternatives that replace it and its own asks to stop it. The letter leaves
    these out; the group decides which side to keep."""
    if not draft.position.startswith("support"):
        return []
    said: list[tuple[str, str]] = []
    instead = [
        alternative_titles.get(a, a)
        for a in draft.alternatives
        if a in ask_subjects()["instead_alternatives"]
    ]
    if instead:
        said.append(
            (
                "alternatives",
                f"You could support the proposal, so your letter leaves out {and_list(instead)}:"
                " these replace the proposal rather than change it. Choose \u201cWe oppose"
                " it\u201d as your position to propose them, or take them out here.",
            )
        )
    stops = [a.strip() for a in draft.asks if a.strip() and ask_kind(a) == "instead"]
    for ask in stops:
        said.append(
            (
                "asks",
                f"\u201c{ask}\u201d asks to stop the proposal, which you could support, so"
                " your letter leaves it out. Change the ask, or choose \u201cWe oppose it\u201d"
                " as your position.",
            )
        )
    return said
