"""Search the reasons catalogue's table (`Catalogue.frame()`) by words and theme.

>>> from reasons.catalogue import load_catalogue
>>> frame = load_catalogue().frame()
>>> list(filter_reasons(frame, "human rights")["id"])
[24]
"""

from __future__ import annotations

import pandas as pd

SEARCHED = ("title", "summary", "paragraph", "prompt", "evidence", "theme_title")


def filter_reasons(frame: pd.DataFrame, text: str = "", theme: str | None = None) -> pd.DataFrame:
    """Return the rows that hold every word of `text` (any case, as typed: no patterns) and,
    if given, belong to the theme with id `theme`. A number also matches the reason's number.
    """
    words = text.casefold().split()
    if not words and not theme:  # the usual case, on every rerun of Choose reasons
        return frame
    keep = frame["theme"] == theme if theme else pd.Series(True, index=frame.index)
    if words:
        first, *others = SEARCHED
        haystack = frame[first].str.cat([frame[c] for c in others], sep=" ").str.casefold()
        for word in words:
            hit = haystack.str.contains(word, regex=False)
            if word.isdigit():
                hit |= frame["id"] == int(word)
            keep &= hit
    return frame[keep]
