"""Reading the file itself: Word's own list numbering put back, the title a file gives, and a
plain refusal (saying how to save it as .docx or PDF) for the kinds we do not read."""

import zipfile
from io import BytesIO

import docx
import pytest
from fpdf import FPDF

from drafting.reading.files import ConsultationError, read_document
from drafting.reading.reader import read_consultation
from tests.data.consultations.make_forms import make_docx, parse


def word(marked_up: str) -> bytes:
    out = BytesIO()
    make_docx(parse(marked_up), out)
    return out.getvalue()


def test_word_list_numbering_is_put_back_in_front_of_each_question():
    data = word("# Have your say\n{q}1. Do you agree?\nYes\n{q}2. Why?\n{q}5. Anything else?\n")
    assert "1. Do you agree?\n" in read_document(data).pages[0].text
    found = read_consultation(data)
    assert [(q.number, q.text) for q in found.questions] == [
        ("1", "Do you agree?"),
        ("2", "Why?"),
        ("5", "Anything else?"),
    ]


def test_word_numbering_with_a_bracket_and_bullets_from_styles():
    document = docx.Document()
    document.add_paragraph("A point", style="List Bullet")
    document.add_paragraph("First question?", style="List Number")
    document.add_paragraph("Second question?", style="List Number")
    out = BytesIO()
    document.save(out)
    text = read_document(out.getvalue()).pages[0].text
    assert text.splitlines() == ["• A point", "1. First question?", "2. Second question?"]


def test_the_first_heading_of_a_word_file_is_its_title():
    data = word("Draft for comment\n# Future of day services\n## Background\nText.\n")
    assert read_document(data).title == "Future of day services"
    assert read_consultation(data).title == "Future of day services"


def pdf(lines: list[tuple[int, str]], title: str = "") -> bytes:
    document = FPDF()
    document.add_page()
    if title:
        document.set_title(title)
    for size, text in lines:
        document.set_font("Helvetica", size=size)
        document.multi_cell(0, size / 2, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(document.output())


def test_the_largest_text_on_a_pdfs_first_page_is_its_title_joined_across_lines():
    data = pdf(
        [
            (24, "Adults Social Care Day Opportunities"),
            (24, "Consultation 2019"),
            (11, "Birmingham City Council is consulting on its draft strategy."),
            (11, "The consultation commenced on 8 April 2019 and runs until 4 August 2019."),
        ]
    )
    assert read_consultation(data).title == (
        "Adults Social Care Day Opportunities Consultation 2019"
    )


@pytest.mark.parametrize(
    ("metadata", "title"),
    [
        ("Consultation on the future of lunch clubs", "Consultation on the future of lunch clubs"),
        ("kent_young_carers.html", ""),  # a file name
        ("Microsoft Word - draft3.docx", ""),
    ],
)
def test_a_pdfs_metadata_title_counts_only_where_it_reads_as_one(metadata, title):
    data = pdf([(11, "We propose to tender.")] * 3, title=metadata)
    assert read_document(data).title == title


def odt() -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"{\\rtf1\\ansi\\deff4 Consultation on day services}", "Rich Text file (.rtf)"),
        (odt(), "OpenDocument file (.odt)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old-style Word file (.doc)"),
    ],
)
def test_files_we_do_not_read_get_a_plain_refusal_saying_how_to_save_them(data, kind):
    with pytest.raises(ConsultationError, match=r"\.docx.*PDF|PDF.*\.docx") as refused:
        read_consultation(data)
    assert kind in str(refused.value)
