"""Load and validate the signals (`signals.toml`): phrases in a consultation document that tie a
passage to one of the reasons.

    >>> signal = next(s for s in load_signals() if s.id == "price_quality")
    >>> signal.reason, bool(signal.pattern.search("Price 60%, quality 40%"))
    (2, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reasons.catalogue import (
    FOLDER,
    REASON_COUNT,
    CatalogueError,
    RecordFields,
    read_toml,
)

SIGNALS_FILE = FOLDER / "signals.toml"
SIGNAL_FIELDS = ("id", "name", "reason", "phrases", "dates")
_NUMBER = r"\d+(?:[.,]\d+)?"
_WORD = r"[\w'’-]+"


@dataclass(frozen=True)
class Signal:
    """A kind of proposal that matters to a group, the reason it ties to, and its phrases."""

    id: str
    name: str
    reason: int
    phrases: tuple[str, ...]
    pattern: re.Pattern[str]
    dates: bool = False


def _starts_with_word(phrase: str) -> bool:
    return bool(re.match(r"[\w#*]", phrase))


def _rest(phrase: str) -> str:
    """The expression for a phrase, less the word boundary at its start."""
    parts = []
    for token in phrase.split():
        pieces = re.split(r"([#*])", token)
        parts.append(
            "".join(_NUMBER if p == "#" else _WORD if p == "*" else re.escape(p) for p in pieces)
        )
    end = r"(?!\w)" if re.search(r"[\w#*]$", phrase) else ""
    return r"\s+".join(parts) + end


def phrase_pattern(phrase: str) -> str:
    """The regular expression for an editor's phrase: whole words only (where it starts or ends
    with a word), line breaks as spaces, `#` any number and `*` any one word.

    >>> bool(re.search(phrase_pattern("price #%"), "Price\\n60% of the score", re.I))
    True
    """
    return (r"(?<!\w)" if _starts_with_word(phrase) else "") + _rest(phrase)


def signal_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One expression for all of a signal's phrases, capitals ignored. The phrases that start
    with a word share one word boundary in front: five times faster on a long document than a
    boundary for each."""
    words = [_rest(p) for p in phrases if _starts_with_word(p)]
    others = [phrase_pattern(p) for p in phrases if not _starts_with_word(p)]
    alternatives = ([r"(?<!\w)(?:" + "|".join(words) + ")"] if words else []) + others
    return re.compile("|".join(f"(?:{a})" for a in alternatives), re.I)


def _phrases(f: RecordFields) -> tuple[str, ...]:
    value = f.record.get("phrases")
    if not isinstance(value, list) or not value:
        raise CatalogueError(f"{f.where}: field 'phrases' must be a list of phrases in quotes")
    phrases = []
    for i, phrase in enumerate(value, start=1):
        if not isinstance(phrase, str) or not phrase.strip():
            raise CatalogueError(f"{f.where}: phrase {i} in field 'phrases' must be some words")
        if phrase.strip() in ("#", "*"):
            raise CatalogueError(f"{f.where}: phrase {i} ('{phrase}') needs at least one word")
        phrases.append(phrase.strip().lower())
    return tuple(phrases)


def load_signals(path: Path = SIGNALS_FILE) -> tuple[Signal, ...]:
    """Read and validate the signals file.

    Raises CatalogueError naming the signal and field for a missing or malformed field, a
    reason outside 1 to 26, or an id used twice.
    """
    data = read_toml(path)
    file = path.name
    signals = []
    for i, raw in enumerate(RecordFields(file, "top level", data).tables("signals"), start=1):
        where = f"signal {raw.get('id', f'#{i}')}" if isinstance(raw, dict) else f"signal #{i}"
        f = RecordFields(file, where, raw, SIGNAL_FIELDS)
        signal_id = f.text("id", max_len=40)
        if not re.fullmatch(r"[a-z0-9_]+", signal_id):
            raise CatalogueError(f"{f.where}: field 'id' must be lowercase letters, digits and _")
        reason = f.integer("reason")
        if not 1 <= reason <= REASON_COUNT:
            raise CatalogueError(
                f"{f.where}: field 'reason' is {reason}, not a reason number (1 to {REASON_COUNT})"
            )
        phrases = _phrases(f)
        pattern = signal_pattern(phrases)
        signals.append(
            Signal(signal_id, f.text("name", max_len=80), reason, phrases, pattern, f.flag("dates"))
        )
    ids = [s.id for s in signals]
    if not signals or len(set(ids)) != len(ids):
        raise CatalogueError(f"{file}: signals must be listed, each id once")
    return tuple(signals)


@cache
def signals() -> tuple[Signal, ...]:
    """The signals file, read once."""
    return load_signals()
