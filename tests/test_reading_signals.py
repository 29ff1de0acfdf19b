"""Passages that give grounds for a reason: found for what real documents say, each a single
sentence or table cell, never a heading, the title or a scrap."""

import pytest

from drafting.reading.files import Page
from drafting.reading.reader import read_consultation
from drafting.reading.sentences import document_sentences
from drafting.reading.signals import find_signals


def found(text: str, title: str = "") -> list[tuple[int, str]]:
    sentences = document_sentences([Page(None, text)])
    return [(p.reason, p.quote) for p in find_signals(sentences, None, title)]


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Tenders will be evaluated on price (60%) and quality (40%).", 2),
        ("Tenders will be evaluated on 70% cost, 15% quality and 15% social value.", 2),
        ("We will deliver these services through one of our partnership providers.", 14),
        ("The referral will come to the partnership's single point of contact.", 14),
        ("We completed an invitation to participate exercise to find providers.", 19),
        ("Providers will submit their outline solutions in February.", 19),
        ("We propose to recommission the four housing support contracts.", 19),
        ("This is a short consultation to hear your initial feedback.", 10),
        (
            "VCS groups are under more pressure without the financial support of the council.",
            20,
        ),
        ("It is proposed to phase out funding for lunch clubs over 3 years.", 20),
        ("Three organisations will receive their final payment for 23/24.", 20),
        ("Cabinet noted the closure of the Gloucester Centre.", 26),
        ("More people now use personal budgets to buy support.", 26),
        ("Option 2: create a new service in-house.", 8),
    ],
)
def test_what_real_documents_say_is_found_for_its_reason(sentence, reason):
    assert (reason, sentence) in found(sentence)


def test_the_price_weighting_is_quoted_not_the_sentence_after_it():
    text = (
        "Tenders will be evaluated on price (60%) and quality (40%). "
        "Social value will make up 10% of the quality score."
    )
    assert next(q for r, q in found(text) if r == 2) == (
        "Tenders will be evaluated on price (60%) and quality (40%)."
    )


def test_each_bulleted_item_of_a_table_cell_is_quoted_alone():
    cell = (
        "· Fragmented approach to delivery continues. · KCC fail in their obligations."
        " · Already pressured VCS organisations are placed under more pressure without the"
        " financial support of the local authority."
    )
    assert (
        20,
        "Already pressured VCS organisations are placed under more pressure without the"
        " financial support of the local authority.",
    ) in found(cell)


def test_headings_scraps_and_the_title_are_never_quoted():
    text = "Reductions in Grants to External\nOur care provider partnership\nA short consultation"
    assert found(text, title="A short consultation") == []


def test_a_consultation_under_eleven_weeks_is_quoted_for_its_dates():
    reading = read_consultation(
        b"Public engagement and consultation\nComplete  8 November to 19 December 2021\n"
    )
    assert (10, "Complete 8 November to 19 December 2021") in [
        (s.reason, s.quote) for s in reading.signals
    ]


def test_a_twelve_week_consultation_counting_both_days_is_not_short():
    reading = read_consultation(
        b"The consultation lasts for 12 weeks, running from Monday 24 May to Sunday 15 August 2021."
    )
    assert reading.opens == "2021-05-24" and reading.closes == "2021-08-15"
    assert 10 not in {s.reason for s in reading.signals}


def test_up_to_three_passages_a_signal_each_a_different_sentence():
    text = " ".join(f"Grant {n}: we will cease funding for group {n}." for n in range(5))
    quotes = [q for r, q in found(text) if r == 20]
    assert len(quotes) == len(set(quotes)) == 3
