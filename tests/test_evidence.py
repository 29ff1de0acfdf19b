"""National evidence: included per reason at the group's choice, with a Sources list."""

import pytest

from drafting import ChosenReason, Draft, Question, assemble
from tests.conftest import LETTER_DATE

TEMPLATES = ["formal", "questions", "councillors", "email"]


def sources_of(letter) -> list[str]:
    heading = [b.text for b in letter.blocks].index("Sources")
    return letter.blocks[heading + 1].texts


@pytest.mark.parametrize("template", TEMPLATES)
def test_included_evidence_appears_with_its_sources_in_every_template(catalogue, template):
    draft = Draft(reasons=[ChosenReason(26, "Our council gave no figures.")], evidence=[26])
    letter = assemble(draft, catalogue, template=template, today=LETTER_DATE)
    for evidence in catalogue.reason(26).evidence:
        assert evidence.text in letter.text
    assert "Nationally:" in letter.text
    assert sources_of(letter) == [e.source for e in catalogue.reason(26).evidence]
    assert letter.blocks[-1].kind == "bullets"  # the Sources list ends the letter


@pytest.mark.parametrize("template", TEMPLATES)
def test_without_evidence_chosen_there_is_no_evidence_and_no_sources(sample, catalogue, template):
    text = assemble(sample, catalogue, template=template, today=LETTER_DATE).text
    for reason in (2, 20):
        for evidence in catalogue.reason(reason).evidence:
            assert evidence.text not in text
    assert "Sources" not in text


def test_evidence_follows_its_reason_and_only_a_chosen_reasons(catalogue):
    draft = Draft(
        reasons=[ChosenReason(20, "Four groups."), ChosenReason(2, "70% price.")],
        questions=[Question("Why?", [26], "")],
        evidence=[2, 26],
    )
    letter = assemble(draft, catalogue, template="questions", today=LETTER_DATE)
    text = letter.text
    price = catalogue.reason(2).evidence[0]
    assert text.index("70% price.") < text.index(price.text)
    # Reason 26 is linked to a question but not chosen: its evidence was not offered, so it
    # stays out; reason 20 is chosen without its evidence.
    assert catalogue.reason(26).evidence[0].text not in text
    assert catalogue.reason(20).evidence[0].text not in text
    assert sources_of(letter) == [price.source]


def test_a_source_used_twice_is_listed_once(catalogue):
    # Reasons 2 and 19 both cite the Procurement Act 2023.
    draft = Draft(reasons=[ChosenReason(2), ChosenReason(19)], evidence=[2, 19])
    sources = sources_of(assemble(draft, catalogue, today=LETTER_DATE))
    assert len(sources) == len(set(sources)) == 2
    assert sources[0] == "UK Parliament, Procurement Act 2023 (2023)"


def test_each_catalogue_evidence_item_names_publisher_title_and_year(catalogue):
    for reason in catalogue.reasons:
        for evidence in reason.evidence:
            assert evidence.source == f"{evidence.publisher}, {evidence.title} ({evidence.year})"
