"""A group's own edit of its letter becomes a Letter again, so every download can use it."""

import io

import docx

from drafting import assemble, letter_from_text, to_docx, to_markdown, to_text
from tests.conftest import LETTER_DATE


def test_blocks_between_blank_lines_become_paragraphs_and_line_breaks_stay():
    letter = letter_from_text(
        "Response to Proposals",
        "Response to Proposals\n\n\n3 Station Road\nHillside\r\n \r\nWe object.",
    )
    assert [(b.kind, b.text) for b in letter.blocks] == [
        ("title", "Response to Proposals"),
        ("paragraph", "3 Station Road\nHillside"),
        ("paragraph", "We object."),
    ]
    assert letter.title == "Response to Proposals"


def test_an_empty_edit_gives_an_empty_letter():
    assert letter_from_text("T", " \n\n ").blocks == ()


def test_the_plain_text_of_an_unedited_letter_round_trips(sample, catalogue):
    letter = assemble(sample, catalogue, today=LETTER_DATE)
    again = letter_from_text(letter.title, to_text(letter))
    assert to_text(again) == to_text(letter)


def test_an_edited_letter_reaches_word_and_markdown_as_typed():
    text = "Response\n\nWe changed this line {{ 7*7 }} <b>ŵ</b>\nand this one [link](http://x)."
    letter = letter_from_text("Response", text)
    document = docx.Document(io.BytesIO(to_docx(letter)))
    assert [p.text for p in document.paragraphs] == [
        "Response",
        "We changed this line {{ 7*7 }} <b>ŵ</b>\nand this one [link](http://x).",
    ]
    assert document.paragraphs[0].style.name == "Heading 1"
    assert to_markdown(letter).startswith("# Response\n\n")
    assert "\\[link\\]" in to_markdown(letter)
