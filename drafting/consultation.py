"""Read a consultation document and find what a group would otherwise type.

A PDF (pages kept), a Word file (paragraphs and tables, in order) or text pasted from a web page
becomes a `Reading`: the title, public body, reference, opening and closing dates, how to respond,
the numbered questions in order (the question splitter on the document's own lines), and the
passages that tie the proposal to a reason, each quoted as written with its page.

    >>> found = read_consultation(b"Have your say on day services\\nThe consultation closes on"
    ...     b" 31 January 2027.\\nQ1. Do you agree with a single lead provider?")
    >>> found.closes, [(q.number, q.text) for q in found.questions]
    ('2027-01-31', [('1', 'Do you agree with a single lead provider?')])
    >>> [(s.reason, s.quote) for s in found.signals][:1]
    [(14, 'Do you agree with a single lead provider?')]

Anything that cannot be read raises one `ConsultationError` with a message fit to show a user.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from drafting.draft import MEDIUM_TEXT, Draft, Question, Quote
from drafting.fairness import is_short
from drafting.questions import split_questions
from drafting.selection import set_chosen
from drafting.wording import plural
from reasons.signals import signals

MAX_BYTES = 20_000_000
MAX_PAGES = 300
MAX_CHARACTERS = 2_000_000
MAX_UNZIPPED = 200_000_000  # a Word file's parts, unpacked: more is a zip bomb, not a paper
MAX_QUOTE = 300
MOST_COUNTED = 3
SHOWN_FIRST = 5  # suggestions the app shows before "more"
MAX_QUESTIONS = 50  # the draft's limit on questions


class ConsultationError(ValueError):
    """A document that cannot be read; the message is fit to show a user."""


@dataclass(frozen=True)
class Page:
    """The text of one page; `number` is None where the format has no pages (Word, pasted)."""

    number: int | None
    text: str


@dataclass(frozen=True)
class Passage:
    """A passage that ties the proposal to a reason, quoted as written, with its page."""

    reason: int
    quote: str
    page: int | None
    signal: str  # the signal's name, e.g. "One lead or single provider"


@dataclass
class Reading:
    """What was found in a consultation document; empty text or None where nothing was."""

    title: str = ""
    body: str = ""
    reference: str = ""
    opens: str | None = None
    closes: str | None = None
    respond_to: str = ""
    questions: list[Question] = field(default_factory=list)
    signals: list[Passage] = field(default_factory=list)
    pages: int | None = None  # how many pages the document has, where it has pages
    note: str = ""  # something the group should know about the reading, e.g. pages left out

    def suggestions(self) -> list[Passage]:
        """The reasons to suggest: one passage for each reason, best first."""
        best: dict[int, Passage] = {}
        for passage in self.signals:
            best.setdefault(passage.reason, passage)
        return list(best.values())

    def to_json(self) -> dict[str, Any]:
        """The command line's JSON object."""
        return {
            "title": self.title,
            "body": self.body,
            "reference": self.reference,
            "opens": self.opens,
            "closes": self.closes,
            "respond_to": self.respond_to,
            "questions": [f"{q.number}. {q.text}" if q.number else q.text for q in self.questions],
            "signals": [
                {"reason": s.reason, "quote": s.quote, "page": s.page} for s in self.signals
            ],
        }


# Reading the file ----------------------------------------------------------------------------


def _pdf_pages(data: bytes) -> tuple[list[Page], str]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileNotDecryptedError
        count = len(reader.pages)
        pages = [
            Page(i + 1, reader.pages[i].extract_text() or "") for i in range(min(count, MAX_PAGES))
        ]
    except (FileNotDecryptedError, DependencyError):
        raise ConsultationError(
            "This PDF is protected by a password, so we cannot read it. Open it, copy its text"
            " and paste it here instead, or ask the council for an unprotected copy."
        ) from None
    except Exception:  # pypdf raises many kinds of error on a damaged file (zlib, limits...)
        raise ConsultationError(
            "This PDF is damaged or not a PDF we can read. Try saving it again, or paste its text."
        ) from None
    if not any(len(p.text.strip()) > 20 for p in pages):
        raise ConsultationError(
            "This PDF has no text we can read: it is probably a scan (pictures of pages). Ask the"
            " council for a version with text, or type or paste the parts that matter."
        )
    note = (
        f"Only the first {MAX_PAGES} of its {count} pages were read." if count > MAX_PAGES else ""
    )
    return pages, note


def _docx_lines(document: Any) -> list[str]:
    """The document's paragraphs and table rows in order. A table row whose first cell is only
    a question number ("3", "Q3") is read as "3. <the next cell>", so the splitter sees it."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
            continue
        assert isinstance(block, Table)
        for row in block.rows:
            cells: list[str] = []
            for cell in row.cells:
                text = cell.text.strip()
                if text and (not cells or cells[-1] != text):  # merged cells repeat
                    cells.append(text)
            if len(cells) > 1 and re.fullmatch(
                r"(?:q(?:uestion)?\s*)?\d{1,3}[a-z]?[.)]?", cells[0], re.I
            ):
                cells[:2] = [f"{cells[0].rstrip('.)')}. {cells[1]}"]
            lines.extend(cells)
        lines.append("")
    return lines


def _docx_pages(data: bytes) -> list[Page]:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
            unzipped = sum(item.file_size for item in archive.infolist())
            types = b""
            if "[Content_Types].xml" in names and unzipped <= MAX_UNZIPPED:
                types = archive.read("[Content_Types].xml")
    except Exception:  # zipfile raises many kinds of error on a damaged file (zlib, EOF...)
        raise ConsultationError(
            "This Word file is damaged; save it again, or paste its text."
        ) from None
    if unzipped > MAX_UNZIPPED:
        raise ConsultationError(
            f"This Word file unpacks to {unzipped / 1_000_000:,.0f} MB; we read at most"
            f" {MAX_UNZIPPED // 1_000_000} MB. Save it as a PDF, or paste the parts that matter."
        )
    if "word/vbaProject.bin" in names or b"macroEnabled" in types:
        raise ConsultationError(
            "This is a Word file with macros (.docm), which we do not open. Save it as an ordinary"
            " Word document (.docx) or a PDF, or paste its text."
        )
    if "word/document.xml" not in names:
        raise ConsultationError(
            "This file is not a Word document (.docx). Upload a PDF or a Word file, or paste"
            " the text."
        )
    import docx

    try:
        return [Page(None, "\n".join(_docx_lines(docx.Document(BytesIO(data)))))]
    except Exception:  # python-docx and lxml raise many kinds of error on a damaged file
        raise ConsultationError(
            "This Word file is damaged; save it again, or paste its text."
        ) from None


def _text_pages(data: bytes) -> list[Page]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConsultationError(
            "This is not a PDF, a Word file or plain text, so we cannot read it."
        ) from None
    controls = sum(1 for c in text[:10_000] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 10:
        raise ConsultationError(
            "This is not a PDF, a Word file or plain text, so we cannot read it."
        )
    return [Page(None, text)]


def read_pages(data: bytes) -> tuple[list[Page], str]:
    """Read a PDF, Word (.docx) or text file into its pages, and a note for the group (or "").

    The kind is told from the file's first bytes, not its name. Raises ConsultationError for an
    empty, huge, protected, scanned, macro-enabled, damaged or unknown file.
    """
    if not data.strip():
        raise ConsultationError("This file is empty.")
    if len(data) > MAX_BYTES:
        raise ConsultationError(
            f"This file is {len(data) / 1_000_000:.0f} MB; we read files of at most"
            f" {MAX_BYTES // 1_000_000} MB. Paste the parts that matter instead."
        )
    note = ""
    if data[:1024].lstrip().startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        pages, note = _pdf_pages(data)
    elif data.startswith(b"PK\x03\x04"):
        pages = _docx_pages(data)
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ConsultationError(
            "This is an old-style Word file (.doc). Save it as a .docx or a PDF, or paste its text."
        )
    else:
        pages = _text_pages(data)
    total = sum(len(p.text) for p in pages)
    if total > MAX_CHARACTERS:
        raise ConsultationError(
            f"This document has {total:,} characters of text; we read at most {MAX_CHARACTERS:,}."
            " Paste the parts that matter instead."
        )
    if not any(p.text.strip() for p in pages):
        raise ConsultationError("We found no text in this document.")
    return pages, note


# Finding the details -----------------------------------------------------------------------

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
# A sentence ends at . ! or ? before a space and a capital ("4.1" and "11.59pm" go on).
_SENTENCE_END = re.compile(r"(?<=\w[.!?])\s+(?=[A-Z(“\"'‘])|(?<=[)’”\"'%][.!?])\s+")
# A paragraph or question number at the start of a line: "4.1", "3.", "Q2", "(b)".
_LEADING_NUMBER = re.compile(
    r"^\s*(?:(?:q|question)\s*\d{1,3}[a-z]?[.):]?|\d{1,3}(?:\.\d{1,3})+|\(?\d{1,3}[a-z]?[.):])\s+",
    re.I,
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\"']+", re.I)
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
    "title": re.compile(r"^\s*(?:consultation\s+)?title\s*:\s*(.{5,200})$", re.I | re.M),
    "body": re.compile(
        r"^\s*(?:public body|organisation|organization|published by|consulting body)\s*:"
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
class _Sentence:
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


def _sentences(pages: list[Page]) -> list[_Sentence]:
    """The document's sentences with their pages, whitespace collapsed and any paragraph or
    question number in front left out."""
    found = []
    for page in pages:
        for paragraph in _paragraphs(page.text):
            for sentence in _SENTENCE_END.split(_LEADING_NUMBER.sub("", paragraph)):
                if text := _flat(sentence):
                    found.append(_Sentence(text, page.number))
    return found


def _dates(sentences: list[_Sentence]) -> tuple[dt.date | None, dt.date | None, _Sentence | None]:
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


def _title(pages: list[Page], body: str) -> str:
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


def _body(text: str) -> str:
    """A "Published by:" line, else the first council, NHS body or combined authority named
    near the start ("The Council" alone names none)."""
    if match := _LABELS["body"].search(text):
        return _flat(match[1])
    for match in _BODY.finditer(text[:20_000]):
        name = _flat(_NOT_BODY_START.sub("", match[0]))
        if len(name.split()) >= 2:
            return name
    return ""


def _reference(text: str) -> str:
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


def _respond_to(text: str) -> str:
    """How to respond, as the document gives it: its e-mail address, survey link and postal
    address, each the first one near words about responding (else the first one)."""

    def near_respond(match: re.Match[str]) -> bool:
        return bool(_RESPOND.search(text[max(0, match.start() - 200) : match.start()]))

    found = []
    emails = list(_EMAIL.finditer(text))
    if emails:
        found.append(next((m for m in emails if near_respond(m)), emails[0])[0])
    urls = [m for m in _URL.finditer(text) if _SURVEY.search(m[0]) or near_respond(m)]
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
        found.append(re.sub(r"\s+", " ", re.sub(r"\s*\n\s*", joint, address)))
        break
    return "; ".join(found)[:MEDIUM_TEXT]


# The questions -----------------------------------------------------------------------------

_QUESTION_LIKE = re.compile(
    r"\?|^\s*(?:q|question)\s*\d|^\W*(?:\d{1,3}[a-z]?[.):]?\s+)?(?:please|tell us|describe"
    r"|explain|list|give us)\b",
    re.I,
)
_MAY_BE_NUMBERED = re.compile(r"\s*\(?(?:q|\d)", re.I)  # a quick look before the splitter's
_LETTERED_LINE = re.compile(r"^\s*\(?[a-z]\)\s+\S", re.I)


def _is_numbered(line: str) -> bool:
    """Whether the splitter reads `line` as the start of a numbered question. A heading such as
    "Question 1" has no text of its own, so a stand-in "?" is added for the splitter to keep it."""
    return bool(_MAY_BE_NUMBERED.match(line)) and any(
        q.number for q in split_questions(f"{line} ?")
    )


def _question_lines(pages: list[Page]) -> list[str]:
    """The lines of the document's questions: a numbered line that reads as a question, the
    lines that continue it until a sentence ends, and any lettered parts under it."""
    lines = [line.strip() for page in pages for line in page.text.splitlines()]
    kept: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not (line and _is_numbered(line)):
            i += 1
            continue
        block = [line]
        j = i + 1
        while (
            j < len(lines)
            and len(block) < 6
            and lines[j]
            and not block[-1].endswith(("?", ".", ":"))
            and not _is_numbered(lines[j])
        ):
            block.append(lines[j])
            j += 1
        while j < len(lines) and _LETTERED_LINE.match(lines[j]):
            block.append(lines[j])
            j += 1
        if _QUESTION_LIKE.search(" ".join(block)):
            kept.extend(block)
        i = j
    return kept


def find_questions(pages: list[Page]) -> list[Question]:
    """The document's numbered questions in order, each once (a form that repeats them at the
    end does not list them twice). Section headings such as "4.1 Background" are left out."""
    found: list[Question] = []
    seen = set()
    for question in split_questions("\n".join(_question_lines(pages))):
        key = question.number or question.text
        if question.number and key not in seen:
            seen.add(key)
            found.append(question)
    return found[:MAX_QUESTIONS]


# The signals -------------------------------------------------------------------------------


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


def find_signals(
    sentences: list[_Sentence], short_period: _Sentence | None = None
) -> list[Passage]:
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


def read_consultation(data: bytes) -> Reading:
    """Read a consultation document (PDF, .docx or text) and find its details, questions and
    signals. Raises ConsultationError if it cannot be read."""
    pages, note = read_pages(data)
    text = "\n".join(p.text for p in pages)
    sentences = _sentences(pages)
    body = _body(text)
    opens, closes, closing_sentence = _dates(sentences)
    short = closing_sentence if is_short(opens, closes) else None
    return Reading(
        title=_title(pages, body),
        body=body,
        reference=_reference(text),
        opens=opens.isoformat() if opens else None,
        closes=closes.isoformat() if closes else None,
        respond_to=_respond_to(text),
        questions=find_questions(pages),
        signals=find_signals(sentences, short),
        pages=len(pages) if pages[0].number else None,
        note=note,
    )


# Into the draft and the letter -------------------------------------------------------------


def quote_sentence(quote: Quote) -> str:
    """The letter's sentence for a chosen reason's quote, or "" without one.

    >>> quote_sentence(Quote("One integrated and unified service model.", 4))
    'Your document proposes ‘One integrated and unified service model’ (page 4).'
    """
    text = quote.text.strip().rstrip(".")
    if not text:
        return ""
    page = f" (page {quote.page})" if quote.page else ""
    return f"Your document proposes ‘{text}’{page}."


def fill_draft(draft: Draft, reading: Reading, chosen: list[Passage]) -> list[str]:
    """Fill the draft from a reading the group has confirmed (and perhaps corrected).

    The details found replace the draft's (a detail not found leaves the draft's as it is); the
    questions are added after any the draft holds, except those it has already, up to its
    limit; each chosen passage's reason is added, and given the quote if it has none (a passage
    already quoted for another reason is not quoted twice). Return
    what was filled, in words, e.g. ["the title", "3 questions", "2 reasons (2 with a quote)"].
    """
    filled = []
    details = {
        "title": reading.title,
        "body": reading.body,
        "reference": reading.reference,
        "opens": reading.opens or "",
        "closes": reading.closes or "",
        "respond_to": reading.respond_to,
    }
    words = {
        "title": "the title",
        "body": "the public body",
        "reference": "the reference",
        "opens": "the opening date",
        "closes": "the closing date",
        "respond_to": "how to respond",
    }
    for name, value in details.items():
        if value.strip():
            setattr(draft.consultation, name, value.strip())
            filled.append(words[name])
    have = {(q.number, q.text.strip()) for q in draft.questions}
    new = [q for q in reading.questions if (q.number, q.text.strip()) not in have]
    new = new[: max(0, MAX_QUESTIONS - len(draft.questions))]
    draft.questions.extend(Question(text=q.text, number=q.number) for q in new)
    if new:
        filled.append(plural(len(new), "question"))
    quoted = 0
    used = {r.quote.text for r in draft.reasons}
    for passage in chosen:
        set_chosen(draft, passage.reason, True)
        reason = next(r for r in draft.reasons if r.id == passage.reason)
        # A passage that two reasons answer is quoted once in the letter, under the first.
        if not reason.quote.text.strip() and passage.quote not in used:
            reason.quote = Quote(passage.quote, passage.page)
            used.add(passage.quote)
            quoted += 1
    if chosen:
        filled.append(f"{plural(len(chosen), 'reason')} ({quoted} with a quote)")
    return filled
