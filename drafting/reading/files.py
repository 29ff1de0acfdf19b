"""Turn an uploaded or pasted document into pages of text: a PDF (its pages), a Word file
(paragraphs and tables in order) or plain text; anything unreadable raises `ConsultationError`
with a message fit to show a user."""

from __future__ import annotations

import math
import re
import zipfile
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from drafting.reading.numbering import WordNumbering

MAX_BYTES = 20_000_000
MAX_PAGES = 300
MAX_CHARACTERS = 2_000_000
# A Word file's parts as actually unpacked (not the sizes the file declares): more is a zip
# bomb, not a paper. Its XML, which is parsed into a tree several times its size, counts alone too.
MAX_UNZIPPED = 100_000_000
MAX_UNZIPPED_XML = 25_000_000
_CHUNK = 1 << 20


def _too_long() -> ConsultationError:
    return ConsultationError(
        f"This document has more than {MAX_CHARACTERS:,} characters of text; we read at most"
        f" {MAX_CHARACTERS:,}. Paste the parts that matter instead."
    )


class ConsultationError(ValueError):
    """A document that cannot be read; the message is fit to show a user."""


@dataclass(frozen=True)
class Page:
    """The text of one page; `number` is None where the format has no pages (Word, pasted).
    `kind` says how its lines were made: "pdf" (lines as printed, wrapped), "docx" (one line a
    paragraph or table cell) or "text" (as pasted)."""

    number: int | None
    text: str
    kind: str = "text"


@dataclass(frozen=True)
class Document:
    """A file read into pages, with a note for the group (or "") and the title the file itself
    gives (or ""): the largest text on a PDF's first page or its real metadata title, or a Word
    file's first heading."""

    pages: list[Page]
    note: str = ""
    title: str = ""


# A PDF's metadata title that is not a title: a file name, a word processor's label, a template.
_NOT_A_TITLE = re.compile(
    r"\.(?:html?|pdf|docx?|odt|rtf|txt|aspx?|php)$|^(?:microsoft word|untitled|document\d*$"
    r"|slide \d|powerpoint|title$)",
    re.I,
)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _pdf_title(reader: Any) -> str:
    """The largest text on the first page, joined across its lines, where it is larger than the
    page's usual text; else the metadata title, where it reads as a title."""
    runs: list[tuple[float, str]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip():
            scale = math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
            runs.append((round(size * scale, 1), text))

    try:
        reader.pages[0].extract_text(visitor_text=visit)
    except Exception:  # a damaged first page: the text itself was read already
        runs = []
    if runs:
        amount: dict[float, int] = {}
        for size, text in runs:
            amount[size] = amount.get(size, 0) + len(text.strip())
        usual = max(amount, key=lambda size: amount[size])
        largest = max(amount)
        # The title comes before the running text starts, and is one group of runs.
        first = next(i for i, (size, _) in enumerate(runs) if size >= 0.95 * largest)
        before = sum(len(text) for size, text in runs[:first] if size < 0.95 * largest)
        group = []
        for size, text in runs[first:]:
            if size < 0.95 * largest and text.strip():
                break
            group.append(text)
        if largest >= 1.2 * usual and before < 300:
            title = _flat(" ".join(group))
            title = re.sub(r"(?<=[a-z])- (?=[a-z])", "-", title)  # "borough- wide" wrapped
            if 4 <= len(title) <= 250:
                return title
    try:
        meta = reader.metadata.title if reader.metadata else None
    except Exception:
        meta = None
    meta = _flat(str(meta or ""))
    if 8 <= len(meta) <= 250 and " " in meta and not _NOT_A_TITLE.search(meta):
        return meta
    return ""


def _pdf_pages(data: bytes) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileNotDecryptedError
        count = len(reader.pages)
        pages, characters = [], 0
        for i in range(min(count, MAX_PAGES)):  # counted page by page: stop at the limit
            pages.append(Page(i + 1, reader.pages[i].extract_text() or "", "pdf"))
            characters += len(pages[-1].text)
            if characters > MAX_CHARACTERS:
                raise _too_long()
    except (FileNotDecryptedError, DependencyError):
        raise ConsultationError(
            "This PDF is protected by a password, so we cannot read it. Open it, copy its text"
            " and paste it here instead, or ask the council for an unprotected copy."
        ) from None
    except (ConsultationError, MemoryError):
        raise
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
    return Document(pages, note, _pdf_title(reader))


def _docx_lines(document: Any) -> tuple[list[str], str]:
    """The document's paragraphs and table rows in order, each numbered paragraph with the
    label Word shows ("3.", "b)"), and the text of its first heading (or "").

    A table row whose first cell is only a question number ("3", "Q3") is read as
    "3. <the next cell>", so the splitter sees it."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    numbering = WordNumbering(document)
    lines: list[str] = []
    characters = 0

    def add(*texts: str) -> None:
        nonlocal characters
        lines.extend(texts)
        characters += sum(map(len, texts))
        if characters > MAX_CHARACTERS:  # counted block by block, row by row: stop at the limit
            raise _too_long()

    title = ""
    before = 0  # characters of text before the first heading: a title comes first
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = block.text
            style = block.style.name if block.style is not None else ""
            if re.match(r"(?:Heading \d|Title)$", style or ""):
                if not title and text.strip() and before < 300:
                    title = _flat(text)
            else:
                before += len(text.strip())
            label = numbering.label(block) if text.strip() else ""
            add(f"{label} {text}" if label else text)
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
            add(*cells)
        add("")
    return lines, title


def _unpacked_size(archive: zipfile.ZipFile) -> tuple[int, int]:
    """The bytes the archive's entries unpack to (all, and XML alone), counted as they are
    unpacked, a chunk at a time, and never past the limits: what a zip declares can lie."""
    total = xml = 0
    for item in archive.infolist():
        with archive.open(item) as entry:
            while chunk := entry.read(_CHUNK):
                total += len(chunk)
                if not item.filename.endswith((".xml", ".rels")):
                    continue
                xml += len(chunk)
                if xml > MAX_UNZIPPED_XML:
                    return total, xml
            if total > MAX_UNZIPPED:
                return total, xml
    return total, xml


def _docx_pages(data: bytes) -> Document:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
            unzipped, xml = _unpacked_size(archive)
            types = b""
            mimetype = b""
            if "[Content_Types].xml" in names and unzipped <= MAX_UNZIPPED:
                types = archive.read("[Content_Types].xml")
            if "mimetype" in names and unzipped <= MAX_UNZIPPED:
                mimetype = archive.read("mimetype")[:100]
    except MemoryError:
        raise
    except Exception:  # zipfile raises many kinds of error on a damaged file (zlib, EOF...)
        raise ConsultationError(
            "This Word file is damaged; save it again, or paste its text."
        ) from None
    if unzipped > MAX_UNZIPPED or xml > MAX_UNZIPPED_XML:
        raise ConsultationError(
            f"This Word file unpacks to more than {MAX_UNZIPPED // 1_000_000} MB (or more than"
            f" {MAX_UNZIPPED_XML // 1_000_000} MB of text and layout), more than we read. Save"
            " it as a PDF, or paste the parts that matter."
        )
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise ConsultationError(
            "This is an OpenDocument file (.odt), which we do not read. In LibreOffice or Word,"
            " choose File, Save As, and save it as a Word document (.docx) or export it as a PDF,"
            " then upload that; or paste its text."
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
        lines, title = _docx_lines(docx.Document(BytesIO(data)))
    except (ConsultationError, MemoryError):
        raise
    except Exception:  # python-docx and lxml raise many kinds of error on a damaged file
        raise ConsultationError(
            "This Word file is damaged; save it again, or paste its text."
        ) from None
    return Document([Page(None, "\n".join(lines), "docx")], "", title)


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


def read_document(data: bytes) -> Document:
    """Read a PDF, Word (.docx) or text file into its pages, a note for the group (or "") and
    the title the file gives (or "").

    The kind is told from the file's first bytes, not its name. Raises ConsultationError for an
    empty, huge, protected, scanned, macro-enabled, damaged or unknown file, and for the kinds
    we do not read (an old Word .doc, an .rtf, an OpenDocument .odt), saying how to save them as
    a .docx or a PDF.
    """
    if not data.strip():
        raise ConsultationError("This file is empty.")
    if len(data) > MAX_BYTES:
        raise ConsultationError(
            f"This file is {len(data) / 1_000_000:.0f} MB; we read files of at most"
            f" {MAX_BYTES // 1_000_000} MB. Paste the parts that matter instead."
        )
    if data[:1024].lstrip().startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        document = _pdf_pages(data)
    elif data.startswith(b"PK\x03\x04"):
        document = _docx_pages(data)
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ConsultationError(
            "This is an old-style Word file (.doc), which we do not read. In Word, choose File,"
            " Save As, and pick Word Document (.docx) or PDF, then upload that; or paste its text."
        )
    elif data.lstrip()[:5] == b"{\\rtf":
        raise ConsultationError(
            "This is a Rich Text file (.rtf), which we do not read. Open it in Word or LibreOffice,"
            " choose File, Save As, and pick Word Document (.docx) or PDF, then upload that; or"
            " paste its text."
        )
    else:
        document = Document(_text_pages(data))
    if sum(len(p.text) for p in document.pages) > MAX_CHARACTERS:  # a text file
        raise _too_long()
    if not any(p.text.strip() for p in document.pages):
        raise ConsultationError("We found no text in this document.")
    return document


def read_pages(data: bytes) -> tuple[list[Page], str]:
    """Read a PDF, Word (.docx) or text file into its pages and a note for the group (or "");
    see `read_document`."""
    document = read_document(data)
    return document.pages, document.note
