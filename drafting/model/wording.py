"""Wording helpers the app and the letters share, each defined once.

>>> plural(2, "reason"), and_list(["1", "2", "3a"]), long_date(dt.date(2026, 11, 25))
('2 reasons', '1, 2 and 3a', '25 November 2026')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence


def long_date(day: dt.date) -> str:
    """Format a date the British way, e.g. 25 November 2026."""
    return f"{day.day} {day:%B %Y}"


def plural(count: int, word: str, many: str | None = None) -> str:
    """Write a count with its noun: `plural(1, "reason")` is '1 reason', 2 gives '2 reasons'."""
    return f"{count:,} {word if count == 1 else many or word + 's'}"


def and_list(items: Sequence[str]) -> str:
    """Join items as English does: `and_list(["1", "2", "3a"])` is '1, 2 and 3a'."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
