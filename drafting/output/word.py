"""The Word file (.docx): A4, the group's letterhead, real headings, paragraphs and lists.

Paragraphs are written straight into the document's XML from properties read once from the
styles of a blank letter: about three times quicker than python-docx's `add_paragraph`, and
`tests/test_word_api.py` checks that both ways give the same document, part by part.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re

from drafting.letter.blocks import Block, Letter, Line
from drafting.text import LINK

FONT = "Arial"
PROPERTY_LIMIT = 255  # the most characters Word (and python-docx) take in a file property

# Characters XML 1.0 (and so Word) cannot hold: the C0 controls but tab, newline and carriage
# return, and the two non-characters. Word files leave them out; every other export keeps them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
LANGUAGE = "en-GB"
SIGNING_SPACE_PT = 42  # room to sign by hand above the name

# Word's XML names, spelt out: python-docx (and its `qn`) loads only when a file is made.
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_ParagraphProperties = dict[str, tuple[str, dict[str, str]]]  # kind: (tag, w: attributes)
_STYLES = {
    "title": "Heading 1",
    "heading": "Heading 2",
    "subheading": "Heading 3",
    "bullets": "List Bullet",
    "numbered": "List Number",
}


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
            for j, text in enumerate(LINK.split(piece)):
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
