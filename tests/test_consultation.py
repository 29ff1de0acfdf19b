"""Reading a consultation document: what it finds in documents laid out like real ones, a plain
message for ones it cannot read, the command line's JSON, and the quote in the letter."""

import json
import zipfile
from io import BytesIO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting import ChosenReason, Draft, assemble, to_text
from drafting.cli import main
from drafting.letter.phrasing import quote_sentence
from drafting.model.draft import DraftError, Quote
from drafting.model.parsing import draft_to_json, parse_draft
from drafting.reading.files import ConsultationError, read_pages
from drafting.reading.filling import fill_draft
from drafting.reading.reader import Reading, read_consultation
from drafting.reading.signals import Passage
from tests import consultation_docs as docs
from tests.helpers import LETTER_DATE

DAMAGEABLE = {"pdf": docs.paper_pdf(), "docx": docs.form_docx()}


@pytest.fixture(scope="module")
def paper():
    return read_consultation(docs.paper_pdf())


def test_a_council_paper_in_pdf_gives_its_details(paper):
    assert paper.title == "Consultation on the future of community wellbeing services"
    assert paper.body == "Westbrook City Council"
    assert paper.reference == "WCC/ASC/2026/114"
    assert (paper.opens, paper.closes) == ("2026-11-03", "2026-12-15")
    assert paper.respond_to == (
        "wellbeing.consultation@westbrook.example; https://haveyoursay.westbrook.example/wellbeing;"
        " Freepost WESTBROOK CONSULTATION, Civic Centre, Market Street, Westbrook WB1 2AA"
    )
    assert paper.pages == 5


def test_a_council_paper_gives_its_questions_in_order_without_section_headings(paper):
    assert [(q.number, q.text) for q in paper.questions] == [
        ("1", "Do you agree with our proposal to appoint a single lead provider?"),
        (
            "2",
            "What would be the impact on you or the people you support if the current"
            " grant-funded services ended?",
        ),
        ("3", "How could the new service work with local community groups?"),
        ("3a", "during the change to the new service"),
        ("3b", "once the new service is running"),
        ("4", "Please tell us anything else you would like us to consider."),
    ]


def test_a_council_paper_gives_the_passages_that_matter_with_their_pages(paper):
    found = {(s.reason, s.page, s.quote) for s in paper.signals}
    assert (
        14,
        3,
        "We propose to appoint a single lead provider to deliver one integrated and unified"
        " service model across the whole city from 1 April 2027.",
    ) in found
    assert (
        2,
        3,
        "Bids will be evaluated on price 60% and quality 40%, with social value assessed within"
        " the quality score.",
    ) in found
    assert (
        20,
        2,
        "Grant funding will end on 31 March 2027 and the services will be recommissioned"
        " through a competitive tender.",
    ) in found
    assert (3, 4, "Staff of current providers may be affected by TUPE.") in found
    assert (
        13,
        3,
        "The contract will be for 3 years with an option to extend for a further 2 years.",
    ) in found
    assert (
        22,
        4,
        "A market engagement event for potential providers was held in September 2026.",
    ) in found
    # Six weeks is short of the twelve many compacts expect: the dates sentence is quoted.
    assert (10, 1, "The consultation runs from 3 November 2026 to 15 December 2026.") in found
    assert paper.signals[0].reason == 14  # the signal named most often comes first
    assert len(found) == len(paper.signals)  # no passage twice for one reason


def test_a_word_response_form_gives_the_questions_in_its_table():
    found = read_consultation(docs.form_docx())
    assert found.title == "Community Mental Health Support: response form"
    assert found.body == "NHS Harrowfield Integrated Care Board"
    assert found.reference == "HICB-MH-0427"
    assert (found.opens, found.closes) == ("2026-12-01", "2027-01-12")
    assert found.respond_to == "engage.harrowfield@nhs.example"
    assert [(q.number, q.text) for q in found.questions] == list(docs.FORM_QUESTIONS)
    assert found.signals[0] == Passage(
        19,
        "We propose to commission the service through a framework of approved providers, with"
        " mini-competitions for each area.",
        None,
        "A framework or approved list of providers",
    )
    assert found.pages is None


def test_text_pasted_from_a_web_page_gives_what_it_says():
    found = read_consultation(docs.PASTED.encode())
    assert found.title == "Have your say: Youth services review"
    assert found.body == "Eastmoor Borough Council"
    assert (found.reference, found.opens, found.closes) == ("", None, "2027-01-09")
    assert found.respond_to == "https://www.eastmoor.example/consultations/youth-review"
    assert [q.number for q in found.questions] == ["1", "2", "3"]
    assert [(s.reason, s.page) for s in found.signals] == [(26, None), (1, None), (19, None)]
    assert found.signals[1].quote.startswith("The service will be split into three lots")


@pytest.mark.parametrize(
    ("text", "questions"),
    [
        (
            "Section 4\nQuestion 1\nDo you agree with the\nproposed model?\nYes / No\n"
            "Question 2\nPlease explain why.\n",
            [("1", "Do you agree with the proposed model?"), ("2", "Please explain why.")],
        ),
        (
            "4.1 Background\nThe service began in 2010.\nQ5 To what extent do you agree that we"
            "\nshould commission one provider?\nQ6: Please explain your answer.\n",
            [
                ("5", "To what extent do you agree that we should commission one provider?"),
                ("6", "Please explain your answer."),
            ],
        ),
        (
            "Contents\n1. Introduction 3\n2. Proposals 5\n\n1. Introduction\nWe want your"
            " views.\n\n3. Questions\n1. Do you use the service?\n2. How often?",
            [("1", "Do you use the service?"), ("2", "How often?")],
        ),
    ],
    ids=["question-headings", "q-numbers-among-sections", "contents-page"],
)
def test_questions_are_found_in_the_usual_layouts(text, questions):
    found = read_consultation(text.encode()).questions
    assert [(q.number, q.text) for q in found] == questions


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Closing date: 12 January 2027", (None, "2027-01-12")),
        ("Deadline for responses - 5pm, 3rd March 2027.", (None, "2027-03-03")),
        ("We want your views between 01/12/2026 and 2027-02-23.", ("2026-12-01", "2027-02-23")),
        (
            "Have your say by December 18, 2026. The survey opened on 6 November 2026.",
            ("2026-11-06", "2026-12-18"),
        ),
        ("The new contract starts on 1 April 2027 and ends on 31 March 2030.", (None, None)),
        ("Responses are due by 31 February 2027.", (None, None)),
    ],
)
def test_the_consultations_own_dates_are_found(text, dates):
    found = read_consultation(text.encode())
    assert (found.opens, found.closes) == dates


def test_a_form_that_repeats_its_questions_lists_each_once():
    text = docs.PASTED + "\nResponse form\n1. How often do young people use youth clubs?\n"
    assert len(read_consultation(text.encode()).questions) == 3


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: b"", "This file is empty."),
        (lambda: b"  \n\t ", "This file is empty."),
        (docs.scanned_pdf, "no text we can read: it is probably a scan"),
        (docs.protected_pdf, "protected by a password"),
        (docs.macro_docx, "Word file with macros"),
        (docs.random_bytes, "not a PDF, a Word file or plain text"),
        (lambda: docs.paper_pdf()[:1500], "damaged or not a PDF"),
        (lambda: b"%PDF-1.7\n" + b"0" * 21_000_000, "we read files of at most 20 MB"),
        (lambda: b"Q1. Why?\n" * 300_000, "we read at most 2,000,000"),
        (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old-style Word file"),
        (lambda: docs.form_docx()[:3000], "This Word file is damaged"),
        (lambda: _zip({"notes.txt": b"hello"}), "not a Word document"),
        (lambda: _zip({"word/document.xml": b" " * 201_000_000}), "unpacks to more than 100 MB"),
        (lambda: "Le d\u00e9p\u00f4t".encode("latin-1"), "not a PDF, a Word file or plain text"),
        (lambda: b"\x00\x01\x02" * 100, "not a PDF, a Word file or plain text"),
    ],
    ids=[
        "empty",
        "blank",
        "scanned",
        "password",
        "macros",
        "random",
        "cut-short-pdf",
        "huge",
        "huge-text",
        "old-word",
        "cut-short-docx",
        "other-zip",
        "zip-bomb",
        "latin-1",
        "control-bytes",
    ],
)
def test_a_document_it_cannot_read_gets_a_plain_message(make, message):
    with pytest.raises(ConsultationError, match=message):
        read_consultation(make())


def test_a_pdf_locked_only_against_editing_is_read():
    found = read_consultation(docs.protected_pdf(password="", owner="council"))
    assert found.title == "Consultation on the future of community wellbeing services"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    base=st.sampled_from(["pdf", "docx"]),
    changes=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=30),
    cut=st.floats(0.05, 1),
)
def test_a_damaged_document_gets_a_message_or_a_reading_never_an_error(base, changes, cut):
    data = bytearray(DAMAGEABLE[base])
    for where, byte in changes:
        data[int(where * (len(data) - 1))] = byte
    try:
        read_consultation(bytes(data[: max(1, int(len(data) * cut))]))
    except ConsultationError as error:
        assert str(error)


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.binary(max_size=3000), st.text(max_size=3000).map(str.encode)))
def test_any_bytes_or_text_give_a_reading_or_a_message(data):
    try:
        found = read_consultation(data)
    except ConsultationError as error:
        assert str(error)
    else:
        assert found.closes is None or len(found.closes) == 10


def _zip(files: dict[str, bytes]) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_a_long_pdf_keeps_its_page_numbers():
    pages, note = read_pages(docs.long_pdf())
    assert (len(pages), note) == (41, "")
    assert [p.number for p in pages[:3]] == [1, 2, 3]
    assert "Page 41" in pages[-1].text


def test_a_document_without_a_consultation_finds_nothing_but_says_so_by_its_emptiness():
    found = read_consultation(b"Minutes of the allotment society, spring meeting.")
    assert (found.closes, found.questions, found.signals, found.respond_to) == (None, [], [], "")


def test_the_command_line_prints_one_json_object(tmp_path, capsys):
    path = tmp_path / "paper.pdf"
    path.write_bytes(docs.paper_pdf())
    assert main(["consultation", str(path)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert list(printed) == [
        "title",
        "body",
        "reference",
        "opens",
        "closes",
        "respond_to",
        "questions",
        "signals",
    ]
    assert printed["closes"] == "2026-12-15"
    assert printed["questions"][0] == (
        "1. Do you agree with our proposal to appoint a single lead provider?"
    )
    assert printed["signals"][0] == {
        "reason": 14,
        "quote": "We propose to appoint a single lead provider to deliver one integrated and"
        " unified service model across the whole city from 1 April 2027.",
        "page": 3,
    }


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "This file is empty."),
        (docs.protected_pdf(), "protected by a password"),
        (None, "Cannot read"),
    ],
    ids=["empty", "password", "missing"],
)
def test_the_command_line_says_in_one_line_why_it_cannot_read_a_file(
    tmp_path, capsys, content, message
):
    path = tmp_path / "upload.pdf"
    if content is not None:
        path.write_bytes(content)
    assert main(["consultation", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_quote_becomes_a_sentence_for_the_letter():
    assert quote_sentence(Quote("Price 60% and quality 40%.", 3)) == (
        "Your document proposes \u2018Price 60% and quality 40%\u2019 (page 3)."
    )
    assert quote_sentence(Quote("Three lots.", None)) == (
        "Your document proposes \u2018Three lots\u2019."
    )
    assert quote_sentence(Quote()) == ""


def test_the_letter_quotes_the_document_and_names_the_closing_date(catalogue):
    quote = Quote("We propose to appoint a single lead provider.", 3)
    draft = Draft(reasons=[ChosenReason(14, "Our lunch club has run for 20 years.", quote)])
    draft.consultation.closes = "2026-12-15"
    text = to_text(assemble(draft, catalogue, today=LETTER_DATE))
    assert (
        "Your document proposes \u2018We propose to appoint a single lead provider\u2019"
        " (page 3)." in text
    )
    assert "Consultation closes: 15 December 2026" in text
    # The councillors' letter names the date once: in its sentence about the consultation
    # where it has one, else under the reference.
    for body in ("", "Westbrook City Council"):
        draft.consultation.body = body
        letter = to_text(assemble(draft, catalogue, template="councillors", today=LETTER_DATE))
        assert letter.count("15 December 2026") == 1


def test_a_quote_round_trips_in_the_draft_file_and_is_checked():
    draft = Draft(reasons=[ChosenReason(2, "", Quote("Price 60%.", 4))])
    draft.consultation.respond_to = "consult@council.example"
    assert parse_draft(draft_to_json(draft)) == draft
    assert '"quote"' not in draft_to_json(Draft(reasons=[ChosenReason(2)]))
    bad = '{"schema": "response-builder/draft@1", "reasons": [{"id": 2, "quote": {"page": 0}}]}'
    with pytest.raises(DraftError, match=r"reasons\[1\]\.quote\.page should be 1 or more"):
        parse_draft(bad)
    bad = bad.replace('"page": 0', '"page": "four"')
    with pytest.raises(DraftError, match=r"quote\.page should be a whole number"):
        parse_draft(bad)


def test_a_very_long_pdf_is_read_up_to_its_limit_and_says_so(monkeypatch):
    from drafting.reading import files

    monkeypatch.setattr(files, "MAX_PAGES", 3)
    found = read_consultation(docs.paper_pdf())
    assert found.note == "Only the first 3 of its 5 pages were read."
    assert found.title == "Consultation on the future of community wellbeing services"
    assert found.questions == []  # they are on page 5


def test_filling_a_draft_keeps_what_was_not_found_and_quotes_a_shared_passage_once():
    draft = Draft(reasons=[ChosenReason(20, "Our lunch club lost its grant.")])
    draft.consultation.recipient = "Ms A Officer"
    draft.consultation.reference = "OLD-1"
    shared = "We propose one lead provider for one integrated service."
    reading = Reading(title="Day services review", closes="2027-01-31")
    chosen = [
        Passage(14, shared, 3, "One lead or single provider"),
        Passage(18, shared, 3, "One standard service model"),
        Passage(20, "Grant funding will end.", 2, "Grants replaced by a contract"),
    ]
    filled = fill_draft(draft, reading, chosen)
    assert filled == ["the title", "the closing date", "3 reasons (2 with a quote)"]
    assert (draft.consultation.reference, draft.consultation.recipient) == ("OLD-1", "Ms A Officer")
    assert [(r.id, r.quote.text) for r in draft.reasons] == [
        (20, "Grant funding will end."),
        (14, shared),
        (18, ""),
    ]
    assert draft.reasons[0].example == "Our lunch club lost its grant."
