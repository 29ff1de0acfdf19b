"""Render an assembled Letter as Word, Markdown or plain text, and the chosen reasons as CSV.

Every exporter walks the same Letter blocks, so the formats never disagree about content.

    >>> from drafting.letter import parse_letter
    >>> letter = parse_letter('<h1>Our response</h1><p>We object.</p>')
    >>> to_text(letter)
    'Our response\\n\\nWe object.\\n'
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
import unicodedata
from collections.abc import Callable

from drafting.draft import Draft
from drafting.letter import Block, Letter, Line, Piece, Span
from reasons.catalogue import Catalogue

FORMATS = {"docx": "Word document", "md": "Markdown", "txt": "Plain text"}
FONT = "Arial"
PROPERTY_LIMIT = 255  # the most characters Word (and python-docx) take in a file property

# Characters XML 1.0 (and so Word) cannot hold: the C0 controls but tab, newline and carriage
# return, and the two non-characters. Word files leave them out; every other export keeps them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&!])")
_URL = re.compile(r"(https?://[^\s<>\"]*[^\s<>\".,;:)])")  # kept by re.split
LANGUAGE = "en-GB"
SIGNING_SPACE_PT = 42  # room to sign by hand above the name
_MD_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))", re.MULTILINE)

# Word's XML names, spelt out: python-docx (and its `qn`) loads only when a file is made.
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_STYLES = {
    "title": "Heading 1",
    "heading": "Heading 2",
    "subheading": "Heading 3",
    "bullets": "List Bullet",
    "numbered": "List Number",
}
_ParagraphProperties = dict[str, tuple[str, dict[str, str]]]  # kind: (tag, w: attributes)


def _paragraph_properties(document) -> _ParagraphProperties:
    """Each block kind's one paragraph property, as python-docx writes it: its style, right
    alignment, or room to sign (in twentieths of a point). Style ids are looked up by name
    once: python-docx looks the name (and the default style) up for every paragraph."""
    properties = {
        kind: ("pStyle", {"val": document.styles[name].style_id}) for kind, name in _STYLES.items()
    }
    properties["sender"] = properties["date"] = ("jc", {"val": "right"})
    properties["signature"] = ("spacing", {"before": str(SIGNING_SPACE_PT * 20)})
    return properties


def _docx_paragraph(
    part, paragraph, block: Block, line: Line, properties: _ParagraphProperties
) -> None:
    """Fill an empty w:p with a block's line: its paragraph property, then runs and links."""
    if block.kind in properties:
        tag, attributes = properties[block.kind]
        _add(_add(paragraph, "pPr"), tag, **attributes)
    for span in line:
        for i, piece in enumerate(_NOT_XML.sub("", span.text).split("\n")):
            if i:
                _add(_add(paragraph, "r"), "br")
            bold = span.bold or block.kind == "reference"
            for j, text in enumerate(_URL.split(piece)):
                if j % 2:
                    _docx_link(part, paragraph, text)
                else:
                    _docx_run(paragraph, text, bold, span.italic)


def _add(parent, tag: str, **attributes: str):
    """Append a `w:` element to `parent`. Straight lxml: a letter's runs are many, and
    python-docx's run API finds each child's place in the schema one call at a time."""
    child = parent.makeelement(_W + tag, {_W + name: value for name, value in attributes.items()})
    parent.append(child)
    return child


def _docx_link(part, paragraph, url: str) -> None:
    """A link a reader can follow: a w:hyperlink to `url`, showing the address itself."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    link = _add(paragraph, "hyperlink")
    link.set(_R_ID, part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
    run = _add(link, "r")
    properties = _add(run, "rPr")
    _add(properties, "rStyle", val="Hyperlink")
    _add(properties, "color", val="1F4E9A")
    _add(properties, "u", val="single")
    _add(run, "t").text = url


def _docx_run(paragraph, text: str, bold: bool, italic: bool) -> None:
    if not text:
        return
    run = _add(paragraph, "r")
    properties = _add(run, "rPr")  # on every run, empty for plain text, as before
    if bold:
        _add(properties, "b")
    if italic:
        _add(properties, "i")
    if "\t" in text:
        run.text = text  # the run is python-docx's CT_R: each tab becomes a <w:tab/>
        return
    t = _add(run, "t")
    t.text = text
    if text.strip() != text:
        t.set(_XML_SPACE, "preserve")  # keep the spaces at either end


def _set_up_styles(document) -> None:
    from docx.shared import Cm, Pt, RGBColor

    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(8)
    for level, size in ((1, 16), (2, 13), (3, 11.5)):
        heading = document.styles[f"Heading {level}"]
        heading.font.name = FONT
        heading.font.size = Pt(size)
        heading.font.color.rgb = RGBColor(0x1F, 0x2A, 0x44)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    _set_language(document)


def _set_language(document) -> None:
    """British English for spelling and grammar checks: the default of every style."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    for old in properties.findall(qn("w:lang")):
        properties.remove(old)
    language = OxmlElement("w:lang")
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        language.set(qn(attribute), LANGUAGE)
    properties.append(language)


def _field(paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind, text in (
        ("begin", None),
        (None, code),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        run = paragraph.add_run()
        if kind:
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), kind)
            run._r.append(mark)
        elif text == code:
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = f" {code} "
            run._r.append(instruction)
        else:
            run.text = text


def _headers_and_footers(document) -> None:
    """Page numbers at the foot of every page; from page two, a header at the right for the
    title and reference (the first page has the letterhead)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for footer in (section.footer, section.first_page_footer):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("Page ")
        _field(paragraph, "PAGE")
        paragraph.add_run(" of ")
        _field(paragraph, "NUMPAGES")


@functools.cache
def _letterhead() -> tuple[bytes, _ParagraphProperties]:
    """A blank letter, made once per process: the page, styles, language, footers and header
    that every letter shares, with each block kind's paragraph property. Every Word file opens
    its own document from these bytes, as a document is changed in place."""
    import docx

    document = docx.Document()
    _set_up_styles(document)
    _headers_and_footers(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), _paragraph_properties(document)


def _property(text: str) -> str:
    """Fit text to a Word file property: no control characters, at most 255 characters."""
    text = _NOT_XML.sub("", text)
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "…"


def to_docx(letter: Letter, author: str = "", made: dt.datetime | None = None) -> bytes:
    """Return the letter as a Word (.docx) file: A4, Arial 11 pt, real heading and list styles,
    British English, page numbers, the title and reference at the head of pages after the first,
    room to sign above the name, and every web address a link.

    Characters Word cannot hold (control characters other than tab and line breaks) are left
    out; every other character typed reaches the file. The file's properties name the group
    as its author and `made` (default: now) as when it was created, not python-docx's own.
    """
    import docx  # python-docx and pandas load only when a file is made: a faster start

    letterhead, paragraph_properties = _letterhead()
    document = docx.Document(io.BytesIO(letterhead))
    properties = document.core_properties
    properties.title = _property(letter.title)
    properties.author = properties.last_modified_by = _property(author)
    properties.comments = ""
    properties.created = properties.modified = made or dt.datetime.now(dt.UTC)
    properties.language = LANGUAGE
    reference = next((b.text for b in letter.blocks if b.kind == "reference"), "")
    header = document.sections[0].header.paragraphs[0]
    header.text = _NOT_XML.sub("", " \u2013 ".join(t for t in (letter.title, reference) if t))
    body_end = document.element.body.sectPr  # the page set-up closes the body
    for block in letter.blocks:
        for line in block.items:
            paragraph = body_end.makeelement(_W + "p", {})
            body_end.addprevious(paragraph)
            _docx_paragraph(document.part, paragraph, block, line, paragraph_properties)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def escape_markdown(text: str) -> str:
    """Backslash-escape what Markdown would read as formatting, links, HTML or a heading."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _markdown_line(line: Line, indent: str) -> str:
    def styled(span: Span) -> str:
        text = escape_markdown(span.text)
        marks = ("**" if span.bold else "") + ("*" if span.italic else "")
        core = text.strip()
        if not marks or not core:
            return text
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        return f"{lead}{marks}{core}{marks[::-1]}{trail}"

    return "".join(styled(s) for s in line).replace("\n", "  \n" + indent)


def _plain_line(line: Line, indent: str) -> str:
    return "".join(s.text for s in line).replace("\n", "\n" + indent)


def _block_pieces(block: Block, line_text: Callable[[Line, str], str], marks: dict) -> list[str]:
    """Each piece of a block (a list: each item, with its marker) in one export's form."""
    if block.kind not in ("bullets", "numbered"):
        return [marks.get(block.kind, "") + line_text(block.items[0], "")]
    items = []
    for n, item in enumerate(block.items, start=1):
        marker = f"{n}. " if block.kind == "numbered" else "- "
        items.append(marker + line_text(item, " " * len(marker)))
    return items


def _render(letter: Letter, line_text: Callable[[Line, str], str], heading_marks: dict) -> str:
    parts = ["\n".join(_block_pieces(b, line_text, heading_marks)) for b in letter.blocks]
    return "\n\n".join(parts) + "\n"


_MARKDOWN_HEADINGS = {"title": "# ", "heading": "## ", "subheading": "### "}


def to_markdown(letter: Letter) -> str:
    """Return the letter as Markdown; user text is escaped so it renders exactly as typed."""
    return _render(letter, _markdown_line, _MARKDOWN_HEADINGS)


def markdown_pieces(letter: Letter) -> list[tuple[Piece, str]]:
    """Each piece of the letter with its Markdown, as `to_markdown` writes it (the preview
    shows these, one by one, each with its own edit button)."""
    return [
        (piece, text)
        for block in letter.blocks
        for piece, text in zip(
            block.pieces(), _block_pieces(block, _markdown_line, _MARKDOWN_HEADINGS), strict=True
        )
    ]


def to_text(letter: Letter) -> str:
    """Return the letter as plain text, ready to paste into an email."""
    return _render(letter, _plain_line, {})


def _safe_cell(value: str) -> str:
    """Stop a spreadsheet reading a cell as a formula: prefix =, +, -, @ with an apostrophe."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def reasons_csv(draft: Draft, catalogue: Catalogue) -> str:
    """Return the chosen reasons, in the letter's order, with the group's examples as CSV
    (every cell quoted)."""
    rows = [
        {
            "order": n,
            "id": chosen.id,
            "title": catalogue.reason(chosen.id).title,
            "theme": catalogue.theme(catalogue.reason(chosen.id).theme).title,
            "example": _safe_cell(chosen.example),
            "source": catalogue.source_of(chosen.id),
        }
        for n, chosen in enumerate(draft.reasons, start=1)
    ]
    columns = ["order", "id", "title", "theme", "example", "source"]
    import pandas as pd

    # Every cell in quotes: a line break inside an example (even a lone carriage return, which
    # a draft file can carry) then stays inside its cell instead of starting a new row.
    return pd.DataFrame(rows, columns=columns).to_csv(
        index=False, lineterminator="\n", quoting=csv.QUOTE_ALL
    )


def slug(text: str) -> str:
    """Make text safe in a file name: `slug("Café & Co")` is 'cafe-co' (at most 50 characters)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:50].rstrip("-")


def file_name(
    draft: Draft, extension: str, today: dt.date | None = None, kind: str = "response"
) -> str:
    """Name a download after the consultation and the date, e.g.
    `response-proposals-to-commission-community-support-2026-11-25.docx`; `kind` replaces the
    first word (e.g. "councillors", "deadline")."""
    c = draft.consultation
    title = slug(c.title.strip() or c.body.strip()) or "consultation"
    return f"{kind}-{title}-{(today or dt.date.today()).isoformat()}.{extension}"


def render(letter: Letter, fmt: str, author: str = "") -> bytes:
    """Return the letter's file content in one of FORMATS (docx, md, txt)."""
    if fmt == "docx":
        return to_docx(letter, author)
    if fmt == "md":
        return to_markdown(letter).encode("utf-8")
    if fmt == "txt":
        return to_text(letter).encode("utf-8")
    raise ValueError(f"Unknown format '{fmt}'; choose from {', '.join(FORMATS)}.")
