"""Clean a document's pages before anything is read from them.

A PDF printed from a browser carries the date and time, the page's title, its address and "1/2"
on every page; a council's own PDF repeats its running header and footer and numbers its pages;
PDF text has ligatures ("ﬁ") and soft hyphens. All of that goes, so it never reaches a question,
a quote or the way to respond. Answer boxes ("Strongly agree  Agree  Disagree", "(Tick one
box)") are recognised here too: they are a question's options, never text.

    >>> [p.text for p in clean_pages([Page(1, "12/5/26, 5:06 PM Have your say\\nThe ﬁrst line"
    ...     "\\nfile:///tmp/page.html 1/2", "pdf")])]
    ['The first line']

Every expression here runs in time linear in the line it reads (no nested repetition), and
answer-box tests look only at lines of at most `MAX_BOX_LINE` characters.
"""

from __future__ import annotations

import re
from collections import Counter

from drafting.reading.files import Page

_PLAIN = str.maketrans(
    {
        "ﬀ": "ff",
        "ﬁ": "fi",
        "ﬂ": "fl",
        "ﬃ": "ffi",
        "ﬄ": "ffl",
        "ﬅ": "st",
        "ﬆ": "st",
        "\u00ad": "",  # soft hyphen
        "\u00a0": " ",
        "\u200b": "",
    }
)


# A browser's header: the date and time it printed ("12/5/26, 5:06 PM", "05/12/2026, 17:06"),
# then the page's title.
_PRINTED_AT = re.compile(
    r"^\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d\d(?::\d\d)?(?: ?[AaPp]\.?[Mm]\.?)?(?: |$)"
)
# A browser's footer: the page's address, then "n/m"; or an address alone that is a local file.
_ADDRESS_AND_COUNT = re.compile(r"^(?:https?|file)://\S+ +\d{1,3} ?/ ?\d{1,3}$", re.I)
_LOCAL_FILE = re.compile(r"^file:/\S*$", re.I)
# A page number on its own: "7", "Page 7", "Page 7 of 12", "7 of 12", "7/12", "- 7 -".
_PAGE_NUMBER = re.compile(
    r"^(?:page )?\d{1,4}(?: ?(?:of|/) ?\d{1,4})?$|^[-–—] ?\d{1,4} ?[-–—]$", re.I
)

MAX_BOX_LINE = 160

# At least one of these makes a line of box words an answer (not "to", "at all", "other").
_BOX_ANSWERS = frozenset(
    """agree disagree neutral support oppose yes no know sure unsure satisfied dissatisfied
    unsatisfied good poor fair excellent important unimportant likely unlikely applicable n/a
    always often sometimes rarely never""".split()  # noqa: SIM905 (a list a person can read)
)
# The words answer boxes are made of: the answers and the words around them.
_BOX_WORDS = _BOX_ANSWERS | frozenset(
    """strongly neither nor tend to don't dont not very fairly quite slightly somewhat
    extremely at all na prefer say other""".split()  # noqa: SIM905
)
_BOX_MARKS = re.compile(r"[☐☑☒□■▢○◯●◻◼❏❑]|\[ ?\]|\( ?\)")
_TICK_INSTRUCTION = re.compile(
    r"^\W*(?:please )?(?:tick|select|choose|circle|mark|cross)\b[^.?!]{0,80}"
    r"\b(?:box|boxes|apply|applies|one|answer|option|options|want|like|response)\b",
    re.I,
)
_WORD = re.compile(r"[A-Za-z/'’]+")


def plain(text: str) -> str:
    """Text with ligatures, soft hyphens and no-break spaces made plain."""
    return text.translate(_PLAIN)


def is_tick_instruction(line: str) -> bool:
    """ "(Tick one box)", "Please tick as many boxes as you want": how to answer, not text."""
    line = line.strip()
    return len(line) <= MAX_BOX_LINE and bool(_TICK_INSTRUCTION.match(line))


def is_answer_boxes(line: str) -> bool:
    """A line of answer options only: "Strongly agree Agree Neither agree nor disagree",
    "Yes / No / Don't know", "☐ Yes ☐ No"."""
    line = line.strip()
    if not line or len(line) > MAX_BOX_LINE:
        return False
    words = [w.lower().strip("/'") for w in _WORD.findall(_BOX_MARKS.sub(" ", line))]
    words = [w for w in words if w]
    if not words:
        return bool(_BOX_MARKS.search(line))
    return (
        all(w in _BOX_WORDS for w in words)
        and any(w in _BOX_ANSWERS for w in words)
        and not re.search(r"\d", line)
        and not line.rstrip().endswith("?")
    )


# The labels answer boxes carry, longest first, to split "Strongly agree Agree Disagree".
_LABELS = sorted(
    (
        "neither agree nor disagree",
        "neither satisfied nor dissatisfied",
        "neither support nor oppose",
        "strongly agree",
        "tend to agree",
        "tend to disagree",
        "strongly disagree",
        "strongly support",
        "strongly oppose",
        "very satisfied",
        "fairly satisfied",
        "fairly dissatisfied",
        "very dissatisfied",
        "very important",
        "fairly important",
        "not very important",
        "not at all important",
        "don't know",
        "dont know",
        "not sure",
        "prefer not to say",
        "not applicable",
        "agree",
        "disagree",
        "support",
        "oppose",
        "neutral",
        "unsure",
        "yes",
        "no",
    ),
    key=lambda label: -len(label.split()),
)


def split_answer_boxes(line: str) -> list[str]:
    """A line of answer boxes as its options: "Strongly agree Agree Disagree" gives ["Strongly
    agree", "Agree", "Disagree"]; a line it cannot split wholly into known labels stays whole.
    """
    words = _WORD.findall(_BOX_MARKS.sub(" ", line))
    options: list[str] = []
    i = 0
    while i < len(words):
        for label in _LABELS:
            size = len(label.split())
            if " ".join(words[i : i + size]).lower().replace("’", "'") == label:
                options.append(" ".join(words[i : i + size]))
                i += size
                break
        else:
            return [line.strip()]
    return options


def _key(line: str) -> str:
    """A line as it repeats from page to page: numbers may change ("Page 3", "Page 4")."""
    return re.sub(r"\d+", "#", line.strip().lower())


def _repeated(pages: list[list[str]]) -> set[str]:
    """Lines among the first and last three of a page that recur on most pages: running headers
    and footers. Needs three pages or more (two pages share too much by chance)."""
    if len(pages) < 3:
        return set()
    seen: Counter[str] = Counter()
    for lines in pages:
        kept = [line for line in lines if line.strip()]
        seen.update({_key(line) for line in kept[:3] + kept[-3:]})
    least = max(3, (len(pages) * 3 + 4) // 5)  # three fifths of the pages, at least three
    return {key for key, count in seen.items() if count >= least and 1 < len(key) <= 120}


def _is_furniture(line: str, kind: str) -> bool:
    """A browser's header or footer, or a page number (a Word file has none in its text)."""
    line = line.strip()
    return bool(
        _PRINTED_AT.match(line)
        or _ADDRESS_AND_COUNT.match(line)
        or _LOCAL_FILE.match(line)
        or (kind != "docx" and len(line) <= 20 and _PAGE_NUMBER.match(line))
    )


def clean_pages(pages: list[Page]) -> list[Page]:
    """The pages without what repeats on every page, page numbers and a browser's header and
    footer; ligatures, soft hyphens and no-break spaces made plain."""
    lines = [plain(page.text).splitlines() for page in pages]
    repeated = _repeated(lines) if pages and pages[0].kind == "pdf" else set()
    cleaned = []
    for page, page_lines in zip(pages, lines, strict=True):
        kept = [
            line
            for line in page_lines
            if not _is_furniture(line, page.kind) and not (repeated and _key(line) in repeated)
        ]
        cleaned.append(Page(page.number, "\n".join(kept), page.kind))
    return cleaned
