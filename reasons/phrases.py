"""The letter's wording for each tone of voice (`tones.toml`) and each position and stage
(`positions.toml`): data a non-programmer edits, checked on load.

A tone changes how the letter puts things, never what it says or asks:

    >>> sorted(tone_phrases()) == sorted(TONES)
    True
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reasons.catalogue import CatalogueError, read_toml

HERE = Path(__file__).resolve().parent
TONES_FILE = HERE / "tones.toml"
POSITIONS_FILE = HERE / "positions.toml"
TONES = ("formal", "firm", "collaborative")
POSITIONS = ("oppose", "support_with_changes", "support_with_concerns")
STAGES = ("early", "formal", "tender")


def load_tones(path: Path = TONES_FILE) -> dict[str, dict[str, str]]:
    """Read a tones file: for each tone, the phrases templates use. Every tone has every key."""
    tones = read_toml(path)
    keys = {tone: set(phrases) for tone, phrases in tones.items()}
    if set(tones) != set(TONES) or len({frozenset(k) for k in keys.values()}) != 1:
        raise CatalogueError(f"{path.name}: needs tones {TONES} with the same phrases")
    return tones


def load_positions(path: Path = POSITIONS_FILE) -> dict[str, dict[str, str]]:
    """Read a positions file: for each position and stage, the position sentence and the ask
    it leads to. The same in every tone: a tone never changes what the group asks."""
    positions = read_toml(path)
    wanted = {f"{stage}{part}" for stage in STAGES for part in ("", "_ask")}
    if set(positions) != set(POSITIONS) or any(set(p) != wanted for p in positions.values()):
        raise CatalogueError(
            f"{path.name}: needs positions {POSITIONS}, each with {sorted(wanted)}"
        )
    return positions


@cache
def tone_phrases() -> dict[str, dict[str, str]]:
    """The phrases of `reasons/tones.toml`, read once."""
    return load_tones()


@cache
def position_phrases() -> dict[str, dict[str, str]]:
    """The sentences of `reasons/positions.toml`, read once."""
    return load_positions()


ASKS_FILE = HERE / "asks.toml"
ASK_KINDS = ("instead", "ahead", "either")


@cache
def ask_subjects() -> dict:
    """The subjects of `reasons/asks.toml` (each with its kind and words), and which reasons'
    asks and which alternatives assume the proposal goes ahead or replace it, read once."""
    data = read_toml(ASKS_FILE)
    bad = [name for name, s in data["subjects"].items() if s.get("kind") not in ASK_KINDS]
    if bad:
        raise CatalogueError(f"{ASKS_FILE.name}: subject {bad[0]} needs a kind of {ASK_KINDS}")
    return data
