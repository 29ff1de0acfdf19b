"""The Word file is written straight into its XML (drafting/output/word.py) because that is about
three times quicker than python-docx's API. This keeps the shortcut honest: the same letters
built through python-docx's own API (`add_paragraph`, `add_run`, `add_break`, style names,
`alignment`, `space_before`) give the same document, every part of the file compared after
canonical XML, for every template (each in every tone for one draft).

Only links have no API in python-docx, so both ways write them with the same helper.
"""

import datetime as dt
import io
import zipfile

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from lxml import etree

from drafting import TONES, Letter, assemble, list_templates, to_docx
from drafting.letter.blocks import Block, Span
from drafting.output import word
from tests.helpers import LETTER_DATE
from tests.letter_samples import samples

MADE = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
ALIGNED_RIGHT = ("sender", "date")


def api_paragraph(document, block, line) -> None:
    """One line of a block through python-docx's API, as its documentation shows."""
    style = word._STYLES.get(block.kind)
    paragraph = document.add_paragraph(style=document.styles[style] if style else None)
    if block.kind in ALIGNED_RIGHT:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if block.kind == "signature":
        paragraph.paragraph_format.space_before = Pt(word.SIGNING_SPACE_PT)
    for span in line:
        for i, piece in enumerate(word._NOT_XML.sub("", span.text).split("\n")):
            if i:
                paragraph.add_run().add_break()
            for j, text in enumerate(word.LINK.split(piece)):
                if j % 2:
                    word._docx_link(document.part, paragraph._p, text)
                elif text:
                    run = paragraph.add_run(text)
                    run.bold = True if span.bold or block.kind == "reference" else None
                    run.italic = True if span.italic else None


def api_docx(letter: Letter, author: str) -> bytes:
    """The Word file through python-docx's API, from the same blank letter (styles, page,
    footers: python-docx's advice is to keep styling in the starting document)."""
    letterhead, _ = word._letterhead()
    document = docx.Document(io.BytesIO(letterhead))
    properties = document.core_properties
    properties.title = word._property(letter.title)
    properties.author = properties.last_modified_by = word._property(author)
    properties.comments = ""
    properties.created = properties.modified = MADE
    properties.language = word.LANGUAGE
    reference = next((b.text for b in letter.blocks if b.kind == "reference"), "")
    header = document.sections[0].header.paragraphs[0]
    header.text = word._NOT_XML.sub("", " \u2013 ".join(t for t in (letter.title, reference) if t))
    for block in letter.blocks:
        for line in block.items:
            api_paragraph(document, block, line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def parts(data: bytes) -> dict[str, bytes]:
    """Every part of a Word file, XML parts in canonical form (attribute order, namespaces)."""
    found = {}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            content = z.read(name)
            if name.endswith((".xml", ".rels")):
                content = etree.tostring(etree.fromstring(content), method="c14n")
            found[name] = content
    return found


def assert_same_document(letter: Letter, author: str = "Hillside Café") -> None:
    direct, api = parts(to_docx(letter, author, made=MADE)), parts(api_docx(letter, author))
    assert sorted(direct) == sorted(api)
    for name in direct:
        assert direct[name] == api[name], name


# Every sample in every template in its own tone, and the richest in every tone too.
LETTERS = [(name, template.id, None) for name in samples() for template in list_templates()]
LETTERS += [("rich", template.id, tone) for template in list_templates() for tone in TONES]


@pytest.mark.parametrize(("name", "template", "tone"), LETTERS)
def test_the_xml_writer_and_python_docx_api_give_the_same_document(name, template, tone, catalogue):
    letter = assemble(samples()[name], catalogue, template=template, tone=tone, today=LETTER_DATE)
    assert_same_document(letter)


def test_the_same_document_with_tabs_breaks_links_styles_and_control_characters():
    line = (
        Span("Bold start, ", bold=True),
        Span("italic\tafter a tab, ", italic=True),
        Span("a break\nthen a link https://example.org/a?b=1. and\x07 a bell"),
    )
    letter = Letter(
        "A title \x0b with a control",
        tuple(
            Block(kind, (line,), f"b-{kind}")
            for kind in (*word._STYLES, *ALIGNED_RIGHT, "signature", "reference", "paragraph")
        ),
    )
    assert_same_document(letter, author="Grŵp \x01 Cymraeg")


def test_the_comparison_finds_a_difference():
    # The check can fail: a letter whose API build leaves a paragraph unstyled is caught.
    letter = Letter("T", (Block("heading", ((Span("Our position"),),), "h"),))
    direct = parts(to_docx(letter, "x", made=MADE))
    document = docx.Document(io.BytesIO(word._letterhead()[0]))
    document.add_paragraph("Our position")  # no heading style
    document.core_properties.created = document.core_properties.modified = MADE
    out = io.BytesIO()
    document.save(out)
    assert direct["word/document.xml"] != parts(out.getvalue())["word/document.xml"]
