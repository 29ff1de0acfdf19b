"""Turn an uploaded or pasted document into pages of text: a PDF (its pages), a Word file
(paragraphs and tables in order) or plain text; anything unreadable raises `ConsultationError`
with a message fit to show a user."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from io import BytesIO
from typing import Any

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
    """The text of one page; `number` is None where the format has no pages (Word, pasted)."""

    number: int | None
    text: str


def _pdf_pages(data: bytes) -> tuple[list[Page], str]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileNotDecryptedError
        count = len(reader.pages)
        pages, characters = [], 0
        for i in range(min(count, MAX_PAGES)):  # counted page by page: stop at the limit
            pages.append(Page(i + 1, reader.pages[i].extract_text() or ""))
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
    return pages, note


def _docx_lines(document: Any) -> list[str]:
    """The document's paragraphs and table rows in order. A table row whose first cell is only
    a question number ("3", "Q3") is read as "3. <the next cell>", so the splitter sees it."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    characters = 0

    def add(*texts: str) -> None:
        nonlocal characters
        lines.extend(texts)
        characters += sum(map(len, texts))
        if characters > MAX_CHARACTERS:  # counted block by block, row by row: stop at the limit
            raise _too_long()

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            add(block.text)
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
    return lines


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


def _docx_pages(data: bytes) -> list[Page]:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
            unzipped, xml = _unpacked_size(archive)
            types = b""
            if "[Content_Types].xml" in names and unzipped <= MAX_UNZIPPED:
                types = archive.read("[Content_Types].xml")
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
    except (ConsultationError, MemoryError):
        raise
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
    if sum(len(p.text) for p in pages) > MAX_CHARACTERS:  # a Word file's last block, or text
        raise _too_long()
    if not any(p.text.strip() for p in pages):
        raise ConsultationError("We found no text in this document.")
    return pages, note
