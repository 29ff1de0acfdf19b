"""Find a consultation's details in its text: title, public body, reference, opening and
closing dates, and how to respond."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from drafting.model.draft import MEDIUM_TEXT
from drafting.reading.files import Page
from drafting.text import DOCUMENT_SENTENCE_BREAK, EMAIL, WEB_ADDRESS

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"""\b(?:
        (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})\.?,?\s+(?P<y1>20\d\d)
      | (?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>20\d\d)
      | (?P<d3>\d{{1,2}})[/.](?P<m3>\d{{1,2}})[/.](?P<y3>20\d\d)
      | (?P<y4>20\d\d)-(?P<m4>\d\d)-(?P<d4>\d\d)
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)

# A sentence that can give the consultation's dates talks about responding.
_ABOUT_RESPONDING = re.compile(
    r"\b(?:consult\w*|respon\w*|survey|comments?|views|feedback|have your say|closing date"
    r"|deadline)\b",
    re.I,
)

# Words just before a date that make it the closing date, or the opening date.
_CLOSES = re.compile(r"\b(?:clos\w*|deadline|ends?|ending|no later than|by|until|last day)\b", re.I)
_OPENS = re.compile(r"\b(?:opens?|opened|opening|launch\w*|start\w*|begins?|began|from)\b", re.I)

# A paragraph or question number at the start of a line: "4.1", "3.", "Q2", "(b)".
_LEADING_NUMBER = re.compile(
    r"^\s*(?:(?:q|question)\s*\d{1,3}[a-z]?[.):]?|\d{1,3}(?:\.\d{1,3})+|\(?\d{1,3}[a-z]?[.):])\s+",
    re.I,
)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")
_BODY = re.compile(
    r"""\b(?:
        (?:London|Royal)\s+Borough\s+of\s+[A-Z][\w'-]+(?:\s+(?:and|upon|on)\s+[A-Z][\w'-]+)*
      | (?:[A-Z][\w'-]+\s+){1,4}
        (?:City\s+|County\s+|Borough\s+|District\s+|Metropolitan\s+Borough\s+)?Council
      | NHS\s+(?:[A-Z][\w'-]+\s+){1,6}
        (?:Integrated\s+Care\s+Board|ICB|Foundation\s+Trust|Trust|Clinical\s+Commissioning\s+Group)
      | (?:[A-Z][\w'-]+\s+){1,4}Combined\s+Authority
    )""",
    re.VERBOSE,
)

# Capitalised words that can start a sentence before a body's name: not part of the name.
_NOT_BODY_START = re.compile(r"^(?:(?:The|This|Our|A|An|Dear|Your|Please|Each|Every)\s+)+")
_REFERENCE = re.compile(
    r"\b(?:our\s+|consultation\s+|procurement\s+|tender\s+)?ref(?:erence)?(?:\s+(?:number|no\.?))?"
    r"\s*[:.]?\s*(?P<ref>[A-Z0-9][A-Z0-9/_.\-]{2,40})",
    re.I,
)
_LABELS = {
    # [^\S\n]*: a line's own indent (\s* would run on through every blank line from each).
    "title": re.compile(r"^[^\S\n]*(?:consultation\s+)?title\s*:\s*(.{5,200})$", re.I | re.M),
    "body": re.compile(
        r"^[^\S\n]*(?:public body|organisation|organization|published by|consulting body)\s*:"
        r"\s*(.{3,150})$",
        re.I | re.M,
    ),
}
_TITLE_WORDS = re.compile(
    r"\b(?:consultation|proposals?|review|have your say|future of|redesign)\b", re.I
)


def _date(match: re.Match[str]) -> dt.date | None:
    g = match.groupdict()
    try:
        if g["y1"]:
            return dt.date(int(g["y1"]), _MONTHS[g["m1"].lower()], int(g["d1"]))
        if g["y2"]:
            return dt.date(int(g["y2"]), _MONTHS[g["m2"].lower()], int(g["d2"]))
        if g["y3"]:
            return dt.date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        return dt.date(int(g["y4"]), int(g["m4"]), int(g["d4"]))
    except ValueError:
        return None  # 31 February and the like


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Sentence:
    text: str  # whitespace collapsed, otherwise as written
    page: int | None


def _paragraphs(text: str) -> list[str]:
    """Split a page's lines into paragraphs: at a blank line, at a numbered line, and after a
    short line with no closing punctuation (a heading) when the next line starts a new one."""
    paragraphs: list[list[str]] = [[]]
    for line in text.splitlines():
        line = line.strip()
        previous = paragraphs[-1][-1] if paragraphs[-1] else ""
        heading = (
            previous
            and len(previous) < 60
            and not previous.endswith((".", ",", ";", ":", "-"))
            and line[:1].isupper()
        )
        if not line or _LEADING_NUMBER.match(line) or heading:
            paragraphs.append([])
        if line:
            paragraphs[-1].append(line)
    return [" ".join(p) for p in paragraphs if p]


def document_sentences(pages: list[Page]) -> list[Sentence]:
    """The document's sentences with their pages, whitespace collapsed and any paragraph or
    question number in front left out."""
    found = []
    for page in pages:
        for paragraph in _paragraphs(page.text):
            for sentence in DOCUMENT_SENTENCE_BREAK.split(_LEADING_NUMBER.sub("", paragraph)):
                if text := _flat(sentence):
                    found.append(Sentence(text, page.number))
    return found


def find_dates(sentences: list[Sentence]) -> tuple[dt.date | None, dt.date | None, Sentence | None]:
    """(opens, closes, the sentence that gives the closing date)."""
    opens = closes = None
    where = None
    for sentence in sentences:
        if not _ABOUT_RESPONDING.search(sentence.text):
            continue  # "the new contract starts on 1 April 2027" is not the opening date
        matches = [(m, d) for m in _DATE.finditer(sentence.text) if (d := _date(m))]
        if (
            len(matches) >= 2
            and closes is None
            and re.search(r"\bfrom\b|\bbetween\b|\bruns\b", sentence.text, re.I)
        ):
            first, last = matches[0][1], matches[-1][1]
            if first < last:
                opens = opens or first
                closes, where = last, sentence
                continue
        for m, d in matches:
            # The nearest word before the date says which date it is.
            before = sentence.text[max(0, m.start() - 60) : m.start()]
            close_at = max((w.end() for w in _CLOSES.finditer(before)), default=-1)
            open_at = max((w.end() for w in _OPENS.finditer(before)), default=-1)
            if closes is None and close_at > open_at:
                closes, where = d, sentence
            elif opens is None and open_at > close_at:
                opens = d
    if opens and closes and opens > closes:
        opens = None
    return opens, closes, where


def find_title(pages: list[Page], body: str) -> str:
    """A "Title:" line, else the first line near the top that names a consultation (a title
    that wraps onto a line starting in lower case is joined up), else the first line."""
    if match := _LABELS["title"].search(pages[0].text):
        return _flat(match[1])
    lines = [_flat(line) for line in pages[0].text.splitlines()[:20]]
    for i in range(len(lines) - 1, 0, -1):
        if lines[i][:1].islower() and lines[i - 1] and not lines[i - 1].endswith((".", ":")):
            lines[i - 1 : i + 1] = [f"{lines[i - 1]} {lines[i]}"]
    lines = [
        line
        for line in lines
        if 8 <= len(line) <= 200
        and line != body
        and not _DATE.search(line)
        and not re.fullmatch(
            r"(?:page\s*)?\d+(?:\s*of\s*\d+)?|contents|consultation( document)?", line, re.I
        )
    ]
    for line in lines:
        if _TITLE_WORDS.search(line) and not line.endswith(("?", ",")):
            return line.rstrip(".:")
    return lines[0].rstrip(".:") if lines else ""


def find_body(text: str) -> str:
    """A "Published by:" line, else the first council, NHS body or combined authority named
    near the start ("The Council" alone names none)."""
    if match := _LABELS["body"].search(text):
        return _flat(match[1])
    for match in _BODY.finditer(text[:20_000]):
        name = _flat(_NOT_BODY_START.sub("", match[0]))
        if len(name.split()) >= 2:
            return name
    return ""


def find_reference(text: str) -> str:
    for match in _REFERENCE.finditer(text):
        ref = match["ref"].rstrip(".")
        if re.search(r"\d", ref):
            return ref
    return ""


_RESPOND = re.compile(
    r"\b(?:respon\w*|reply|send|return|e-?mail|write|post|complete|survey|online|views"
    r"|comments?|have your say)\b",
    re.I,
)
_SURVEY = re.compile(
    r"survey|consult|haveyoursay|have-your-say|citizenspace|questionnaire|forms?\b|engage", re.I
)
_POST_TO = re.compile(
    r"(?:write to|(?:post|send) (?:it |them |this |your (?:response|form) )?to|address\s*:"
    r"|by post\s*(?:to)?\s*:?)\s*",
    re.I,
)


def find_respond_to(text: str) -> str:
    """How to respond, as the document gives it: its e-mail address, survey link and postal
    address, each the first one near words about responding (else the first one)."""

    def near_respond(match: re.Match[str]) -> bool:
        return bool(_RESPOND.search(text[max(0, match.start() - 200) : match.start()]))

    found = []
    emails = list(EMAIL.finditer(text))
    if emails:
        found.append(next((m for m in emails if near_respond(m)), emails[0])[0])
    urls = [m for m in WEB_ADDRESS.finditer(text) if _SURVEY.search(m[0]) or near_respond(m)]
    if urls:
        found.append(urls[0][0].rstrip(".,;:)"))
    for match in _POSTCODE.finditer(text):
        before = text[max(0, match.start() - 200) : match.start()]
        starts = [m.end() for m in _POST_TO.finditer(before)]
        if not starts and "freepost" not in before.lower():
            continue
        start = starts[-1] if starts else before.lower().rfind("freepost")
        address = (before[start:] + match[0]).strip(" ,:\n")
        # An address set out one part to a line gets commas; one written in a sentence (with
        # its own commas) has only wrapped lines.
        joint = " " if "," in address else ", "
        found.append(re.sub(r"\s+", " ", re.sub(r"(?<!\s)\s*\n\s*", joint, address)))
        break
    return "; ".join(found)[:MEDIUM_TEXT]
