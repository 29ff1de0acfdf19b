"""A consultation's title, public body, reference and how to respond, as real documents give
them (and nothing where they give none)."""

import pytest

from drafting.reading.details import find_body, find_reference, find_respond_to, find_title
from drafting.reading.files import Page
from drafting.reading.sentences import document_sentences


def title(text: str, hint: str = "") -> str:
    return find_title([Page(None, text)], find_body(text), hint)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Young Carers Strategy Consultation\nWe are seeking feedback on our strategy.",
            "Young Carers Strategy Consultation",
        ),
        # Boilerplate and alt text above the title; a label line and a breadcrumb.
        (
            "Please enable JavaScript in your browser to use this page.\n"
            "Mental health care pathway consultation (closed)\nProject timeline",
            "Mental health care pathway consultation (closed)",
        ),
        (
            "Outline of 7 people in rainbow colours with speech bubbles\n"
            "Consulting on voluntary and community services funding\nEaling Council is consulting.",
            "Consulting on voluntary and community services funding",
        ),
        (
            "Home > Residents > Have your say\nHave your say on day services\nText.",
            "Have your say on day services",
        ),
        (
            "Decision details\nProvision of young carers service\nDecision Maker: Cabinet",
            "Provision of young carers service",
        ),
        # A title that wraps onto a line in lower case is joined up.
        (
            "Proposed changes to funding\nfor lunch clubs\nClosed 29 Jun 2018",
            "Proposed changes to funding for lunch clubs",
        ),
        # A first line that asks, when it is the page's title.
        (
            "How should Southend-on-Sea Borough Council support Carers?\nWhat do we want to know?:",
            "How should Southend-on-Sea Borough Council support Carers?",
        ),
        # A section heading does not beat the title above it.
        (
            "Frequently asked questions – for the public\nFAQ\nAbout The Consultation\n"
            "Q1. What is it?",
            "Frequently asked questions – for the public",
        ),
    ],
)
def test_the_title_from_the_top_lines(text, expected):
    assert title(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # No title: a form that starts with its text, a decision record, a bullet, a sentence.
        "The consultation is open to residents and businesses within the Cotswold District"
        " Council area.\nQuestion Title",
        "Proposed Decision:\nTo commission a service that supports young carers and to develop"
        " the skills of the wider workforce.",
        "• This proposal is to enter a formal commissioning process for a Kent Young Carers"
        " Support Service\nMore text here.",
        "Decision Maker: Cabinet\nDecision status: Recommendations Approved\nIs Key decision?: Yes",
        "You can respond online at www.example.gov.uk/survey.\nWe will publish the results.",
    ],
)
def test_no_title_where_the_document_has_none(text):
    assert title(text) == ""


def test_the_files_own_title_wins_less_a_body_set_above_it():
    text = "Westbrook City Council\nSome text."
    assert title(text, "Westbrook City Council Consultation on day services") == (
        "Consultation on day services"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Referrals go to the B&NES Council Brokerage Team.", "B&NES Council"),
        (
            "Bath and North East Somerset Council is consulting.",
            "Bath and North East Somerset Council",
        ),
        ("The contract ends and KCC do not meet their obligations.", "KCC"),
        (
            "Black Country Foundation NHS Foundation Trust (BCPFT) provides services.",
            "Black Country Foundation NHS Foundation Trust",
        ),
        (
            "NHS Kent and Medway Integrated Care Board is consulting.",
            "NHS Kent and Medway Integrated Care Board",
        ),
        (
            "The Health and Social Care Board is encouraging everyone to respond.",
            "Health and Social Care Board",
        ),
        # Not a body: the County Council alone, a partner worked "with", a provider.
        (
            "Money allocated by the County Council. Devon County Council has saved.",
            "Devon County Council",
        ),
        ("Discussions with Oxfordshire County Council continue.", ""),
        ("Services are delivered by Leicestershire Partnership NHS Trust (LPT).", ""),
        ("A report to the Health and Wellbeing Board.", ""),
    ],
)
def test_the_public_body(text, expected):
    assert find_body(text) == expected


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("Our reference: ASC/2026/14", "", "ASC/2026/14"),
        (
            "Decision Maker: Cabinet",
            "Transforming Day Opportunities - MAR14/CAB/29",
            "MAR14/CAB/29",
        ),
        ("For 2015/16 and 23/24.", "Budget 2015/16", ""),
    ],
)
def test_the_reference(text, title, expected):
    assert find_reference(text, title) == expected


def respond(text: str) -> str:
    return find_respond_to(text, document_sentences([Page(None, text)]))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Responses should be emailed or in writing to: Day Opportunities, Social Care"
            " Directorate, 12-22 Linenhall Street, Belfast, BT2 8BS or telephone 028 9032 1313.",
            "Day Opportunities, Social Care Directorate, 12-22 Linenhall Street, Belfast, BT2 8BS;"
            " telephone 028 9032 1313",
        ),
        (
            "You can also respond by telephone to Julian Legat on 01539 713072",
            "telephone 01539 713072",
        ),
        (
            "To take part in the online survey, visit the council’s website.",
            "To take part in the online survey, visit the council’s website.",
        ),
        (
            "- Complete the consultation questionnaire. It is online.",
            "Complete the consultation questionnaire.",
        ),
        # An author's contact, a browser's footer and a general welcome are not how to respond.
        ("Report author: Cathy Carter\nAuthor contact details: cathy.carter@leicester.gov.uk", ""),
        ("We welcome your comments and feedback on the draft strategy.", ""),
    ],
)
def test_how_to_respond(text, expected):
    assert respond(text) == expected
