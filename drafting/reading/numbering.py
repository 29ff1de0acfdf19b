"""Word's own list numbering: the label ("3.", "b)", "iv.", "•") Word shows before a numbered
paragraph, which is not in the paragraph's text, worked out from the file's numbering part
(numbering.xml) as Word counts it."""

from __future__ import annotations

import re
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        while n >= value:
            out, n = out + letters, n - value
    return out


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    return str(n)


class WordNumbering:
    """Word's own list numbering (numbering.xml): the label ("3.", "b)", "•") each numbered
    paragraph shows, which is not in its text. Counters run per list, as Word counts them: a
    numbering instance with a start override restarts its list; a level restarts when a level
    above it moves on."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstract -> ilvl -> ...
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstract, starts)
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        try:
            root = document.part.numbering_part.element
        except Exception:  # no numbering part: nothing is numbered
            return
        for abstract in root.iter(f"{_W}abstractNum"):
            levels = {}
            for lvl in abstract.iter(f"{_W}lvl"):
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                start = lvl.find(f"{_W}start")
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{_W}val", "") if text is not None else "",
                    int(start.get(f"{_W}val", "1")) if start is not None else 1,
                )
            self.levels[abstract.get(f"{_W}abstractNumId", "")] = levels
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            starts = {}
            for override in num.iter(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                if start is not None:
                    starts[int(override.get(f"{_W}ilvl", "0"))] = int(start.get(f"{_W}val", "1"))
            if ref is not None:
                self.nums[num.get(f"{_W}numId", "")] = (ref.get(f"{_W}val", ""), starts)

    @staticmethod
    def _num_pr(paragraph: Any) -> tuple[str, int] | None:
        """The paragraph's (numId, level), its own or its style's."""
        element = paragraph._p.pPr
        style = paragraph.style
        while True:
            num_pr = element.find(f"{_W}numPr") if element is not None else None
            if num_pr is not None:
                num_id = num_pr.find(f"{_W}numId")
                ilvl = num_pr.find(f"{_W}ilvl")
                if num_id is not None:
                    level = int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0
                    return num_id.get(f"{_W}val", ""), level
            if style is None:
                return None
            element = style.element.pPr
            style = style.base_style

    def label(self, paragraph: Any) -> str:
        """The label Word shows before `paragraph`, or "" if it is not numbered."""
        found = self._num_pr(paragraph) if self.nums else None
        if not found or found[0] not in self.nums or found[0] == "0":
            return ""
        num_id, level = found
        abstract, starts = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if level not in levels:
            return ""
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in starts.items():
                counters[lvl] = start - 1
        counters[level] = counters.get(level, levels[level][2] - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > level]:
            del counters[deeper]
        fmt, text, _ = levels[level]
        if fmt == "bullet" or fmt == "none":
            return "•" if fmt == "bullet" else ""

        def value(match: re.Match[str]) -> str:
            lvl = int(match[1]) - 1
            n = counters.get(lvl, levels.get(lvl, ("decimal", "", 1))[2])
            return _format_number(n, levels.get(lvl, ("decimal", "", 1))[0])

        return re.sub(r"%([1-9])", value, text).strip()
