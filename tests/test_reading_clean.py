"""Pages are cleaned before anything is read: a browser print's header and footer, running
headers and footers, page numbers and ligatures go; answer boxes are recognised."""

import pytest

from drafting.reading.clean import clean_pages, is_answer_boxes, is_tick_instruction
from drafting.reading.files import Page


def pdf(*texts: str) -> list[Page]:
    return [Page(i + 1, text, "pdf") for i, text in enumerate(texts)]


@pytest.mark.parametrize(
    "line",
    [
        "12/5/26, 5:06 PM Consultation on Adult Day Services",  # Chromium, en-US
        "05/12/2026, 17:06 Have your say on day services",  # en-GB
        "file:///tmp/tmpu47f_uhz/cumbria_day_services.html 1/2",
        "https://www.example.gov.uk/have-your-say/day-services 2/3",
        "Page 3 of 12",
        "7",
        "- 7 -",
    ],
)
def test_a_browser_header_or_footer_or_page_number_is_removed(line):
    cleaned = clean_pages(pdf(f"We propose one contract.\n{line}\nThe consultation closes soon."))
    assert cleaned[0].text == "We propose one contract.\nThe consultation closes soon."


def test_a_link_in_the_text_stays():
    text = "Respond online at:\nhttps://www.surveymonkey.com/s/BCPFTMentalHealthPublicConsultation"
    assert clean_pages(pdf(text))[0].text == text


def test_a_line_repeated_at_the_top_of_most_pages_is_removed_from_every_page():
    body = ["We propose one contract.", "Groups may bid.", "Prices are fixed.", "It closes soon."]
    pages = pdf(
        *[f"Westbrook Council | Day services review\n{b}\nPage {n}" for n, b in enumerate(body)]
    )
    assert [p.text for p in clean_pages(pages)] == body


def test_two_pages_that_share_a_line_keep_it():
    pages = pdf("Our proposal\nFirst page.", "Our proposal\nSecond page.")
    assert [p.text for p in clean_pages(pages)] == [p.text for p in pages]


def test_ligatures_and_soft_hyphens_are_made_plain():
    assert clean_pages(pdf("the ﬁnal speciﬁcation, re\u00adviewed"))[0].text == (
        "the final specification, reviewed"
    )


def test_a_word_file_keeps_a_paragraph_that_is_only_a_number():
    assert clean_pages([Page(None, "Total\n42", "docx")])[0].text == "Total\n42"


@pytest.mark.parametrize(
    ("line", "boxes"),
    [
        ("Strongly agree Agree Neither agree nor disagree Disagree Strongly disagree", True),
        ("Strongly support Support Neutral Oppose", True),
        ("Yes / No / Don't know", True),
        ("☐ Yes ☐ No", True),
        ("Very satisfied Fairly satisfied Very dissatisfied Dont know", True),
        ("2024,to:", False),  # a wrapped date, not a box
        ("Do you agree?", False),
        ("We agree with the council.", False),
    ],
)
def test_answer_boxes_are_told_from_text(line, boxes):
    assert is_answer_boxes(line) is boxes


@pytest.mark.parametrize(
    ("line", "instruction"),
    [
        ("(Tick one box)", True),
        ("Please tick as many boxes as you want", True),
        ("Please select all that apply", True),
        ("Please tell us what you think.", False),
    ],
)
def test_tick_box_instructions_are_recognised(line, instruction):
    assert is_tick_instruction(line) is instruction
