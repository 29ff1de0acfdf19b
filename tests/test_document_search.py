"""The consultation document's text kept in the draft, bounded, and searched for a sentence
to quote beside a reason."""

import pytest

from drafting.model.draft import DOCUMENT_TEXT, Draft, DraftError
from drafting.model.parsing import draft_from_dict, draft_to_json, parse_draft
from drafting.reading.reader import read_consultation
from drafting.reading.search import find_sentences

PAGES = "Introduction.\fWe propose one contract for the borough. Prices are fixed.\fAnnex A."


def test_a_search_finds_each_sentence_with_every_word_and_its_page():
    found = find_sentences(PAGES, "ONE contract")
    assert [(s.text, s.page) for s in found] == [("We propose one contract for the borough.", 2)]
    assert find_sentences(PAGES, "contract grants") == []  # every word, not any
    assert find_sentences(PAGES, "   ") == [] and find_sentences("", "contract") == []


def test_pasted_text_has_no_pages():
    (found,) = find_sentences("We propose one contract. Prices are fixed.", "prices")
    assert (found.text, found.page) == ("Prices are fixed.", None)


def test_the_documents_text_round_trips_and_is_bounded():
    draft = Draft(document_text=PAGES)
    assert parse_draft(draft_to_json(draft)).document_text == PAGES
    with pytest.raises(DraftError, match="document_text is 300,001 characters long"):
        draft_from_dict(
            {"schema": "response-builder/draft@1", "document_text": "x" * (DOCUMENT_TEXT + 1)}
        )


def test_a_read_document_keeps_its_text_within_the_limit():
    reading = read_consultation(("We propose one contract. " * 20_000).encode())
    assert len(reading.text) == DOCUMENT_TEXT
    assert find_sentences(reading.text, "propose one contract", most=3)
