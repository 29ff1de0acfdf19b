"""The Start page reads the consultation document: the group sees what was found, corrects it,
and only then is the response filled in."""

import datetime as dt
import re

import pytest

from drafting import ChosenReason, Draft
from drafting.model.draft import Quote
from tests import consultation_docs as docs
from tests.helpers import go, open_app, saved

PDF = "application/pdf"


def drop(at, name: str, content: bytes, mime: str = PDF):
    return at.file_uploader(key="consultation_file").set_value((name, content, mime)).run()


def plain(text: str) -> str:
    """Text as the reader sees it: Markdown's backslash escapes undone."""
    return re.sub(r"\\(.)", r"\1", text)


def shown(at) -> str:
    return plain("\n".join(e.value for e in [*at.markdown, *at.caption, *at.subheader]))


def test_a_dropped_pdf_is_shown_and_fills_nothing_until_confirmed():
    at = drop(open_app(), "wellbeing.pdf", docs.paper_pdf())
    assert not at.exception
    assert "What we found in wellbeing.pdf (5 pages)" in shown(at)
    assert at.text_input(key="found_title").value == (
        "Consultation on the future of community wellbeing services"
    )
    assert at.text_input(key="found_body").value == "Westbrook City Council"
    assert at.date_input(key="found_closes").value == dt.date(2026, 12, 15)
    assert "wellbeing.consultation@westbrook.example" in at.text_area(key="found_respond_to").value
    assert at.text_area(key="found_questions").value.startswith(
        "1. Do you agree with our proposal to appoint a single lead provider?\n2. What would"
    )
    assert "Found 6 questions: 1, 2, 3, 3a, 3b and 4." in shown(at)
    labels = [c.label for c in at.checkbox if c.key.startswith("found_signal_")]
    assert labels[0] == "Reason 14: Big providers gain the upper hand"
    assert "(page 3)" in shown(at)
    assert [c.value for c in at.checkbox if c.key.startswith("found_signal_")][:6] == [
        True,
        True,
        True,
        True,
        True,
        False,
    ]
    assert "draft" not in at.query_params  # shown, not filled: nothing stored, no link


def test_confirming_fills_the_details_questions_and_ticked_reasons_with_their_quotes():
    at = drop(open_app(), "wellbeing.pdf", docs.paper_pdf())
    at.text_input(key="found_reference").set_value("WCC/2026/114-B")  # a correction
    payment = next(c for c in at.checkbox if c.label.startswith("Reason 3:"))
    payment.uncheck()
    at.button(key="consultation_confirm").click().run()
    assert not at.exception
    draft = saved(at)  # what the group gets back at its link
    assert draft.consultation.title == "Consultation on the future of community wellbeing services"
    assert draft.consultation.reference == "WCC/2026/114-B"
    assert (draft.consultation.opens, draft.consultation.closes) == ("2026-11-03", "2026-12-15")
    assert draft.consultation.respond_to.startswith("wellbeing.consultation@westbrook.example")
    assert [(q.number, q.text[:22]) for q in draft.questions][:2] == [
        ("1", "Do you agree with our "),
        ("2", "What would be the impa"),
    ]
    assert len(draft.questions) == 6
    assert draft.reasons[0].id == 14
    assert draft.reasons[0].quote == Quote(
        "We propose to appoint a single lead provider to deliver one integrated and unified"
        " service model across the whole city from 1 April 2027.",
        3,
    )
    assert 3 not in draft.reason_ids  # the box unticked
    assert len(draft.reasons) == 4
    assert plain(at.success[0].value) == (
        "From wellbeing.pdf we filled in: the title, the public body, the reference, the"
        " opening date, the closing date, how to respond, 6 questions, 4 reasons (4 with a quote),"
        " its text (to quote from on Local examples)."
    )
    assert "What we found" not in shown(at)
    # The filled details are on the pages where the group edits them.
    at = go(at, "details")
    assert at.text_input(key="consultation_reference").value == "WCC/2026/114-B"
    assert at.text_area(key="consultation_respond_to").value.endswith("Westbrook WB1 2AA")


def test_what_was_found_is_still_shown_after_a_visit_to_another_page():
    at = drop(open_app(), "wellbeing.pdf", docs.paper_pdf())
    at = go(go(at, "details"), "start")
    assert at.text_input(key="found_body").value == "Westbrook City Council"
    assert at.date_input(key="found_closes").value == dt.date(2026, 12, 15)
    assert not at.warning


def test_a_reason_already_chosen_keeps_its_example_and_gains_the_quote():
    draft = Draft(reasons=[ChosenReason(14, "Our lunch club has run for 20 years.")])
    at = drop(open_app(draft), "wellbeing.pdf", docs.paper_pdf())
    at.button(key="consultation_confirm").click().run()
    reason = saved(at).reasons[0]
    assert (reason.id, reason.example) == (14, "Our lunch club has run for 20 years.")
    assert reason.quote.page == 3


def test_a_word_form_and_pasted_text_are_read_too():
    docx_mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    at = drop(open_app(), "form.docx", docs.form_docx(), docx_mime)
    assert at.text_input(key="found_body").value == "NHS Harrowfield Integrated Care Board"
    assert at.text_area(key="found_questions").value.count("\n") == 2
    at.button(key="consultation_discard").click().run()
    assert "What we found" not in shown(at)
    at.text_area(key="consultation_paste").input(docs.PASTED)
    at.button(key="consultation_read_paste").click().run()
    assert "What we found in the pasted text" in shown(at)
    assert at.date_input(key="found_closes").value == dt.date(2027, 1, 9)
    assert "Reason 26: No proof that contracting out works better" in [c.label for c in at.checkbox]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("scan.pdf", docs.scanned_pdf(), "it is probably a scan"),
        ("locked.pdf", docs.protected_pdf(), "protected by a password"),
        ("form.docx", docs.macro_docx(), "Word file with macros"),
        ("empty.pdf", b"", "This file is empty."),
        ("noise.pdf", docs.random_bytes(), "not a PDF, a Word file or plain text"),
    ],
    ids=["scanned", "password", "macros", "empty", "random"],
)
def test_a_document_it_cannot_read_gets_a_plain_message_and_changes_nothing(name, content, message):
    at = drop(open_app(), name, content)
    assert not at.exception
    assert plain(at.error[0].value).startswith(f"We could not read {name}: ")
    assert message in plain(at.error[0].value)
    assert "draft" not in at.query_params  # nothing filled, so nothing stored


def test_the_examples_page_shows_a_reasons_quote_and_can_leave_it_out():
    quote = Quote("Bids will be evaluated on price 60% and quality 40%.", 3)
    at = open_app(Draft(reasons=[ChosenReason(2, "", quote), ChosenReason(20)]), "examples")
    assert (
        "**Your letter quotes the consultation document beside your example:** \u2018Bids will"
        " be evaluated on price 60% and quality 40%.\u2019 (page 3)" in shown(at)
    )
    assert [b.key for b in at.button if b.key.startswith("quote_")] == ["quote_leave_out_2"]
    at.button(key="quote_leave_out_2").click().run()
    assert saved(at).reasons[0].quote == Quote()
    assert "Your letter quotes" not in shown(at)
