"""National evidence: included per reason at the group's choice, in the full letters' annex
with a Sources list of links; the short letters leave it out."""

import pytest

from drafting import ChosenReason, Draft, Question, assemble
from reasons.catalogue import applies
from tests.helpers import LETTER_DATE

TEMPLATES = ["formal", "questions", "councillors", "email"]
FULL = ["formal", "questions"]


def linked(evidence) -> str:
    return f"{evidence.citation}: {evidence.url}"


def sources_of(letter) -> list[str]:
    heading = [b.text for b in letter.blocks].index("Sources")
    return letter.blocks[heading + 1].texts


@pytest.mark.parametrize("template", FULL)
def test_included_evidence_is_in_the_annex_with_its_linked_sources(catalogue, template):
    draft = Draft(reasons=[ChosenReason(26, "Our council gave no figures.")], evidence=[26])
    letter = assemble(draft, catalogue, template=template, today=LETTER_DATE)
    council = [e for e in catalogue.reason(26).evidence if applies(e.sector, "council")]
    annex = letter.text.index("Annex: evidence and sources")
    for evidence in council:
        assert letter.text.index(evidence.text) > annex
    assert sources_of(letter) == [linked(e) for e in council]
    assert letter.blocks[-1].kind == "bullets"  # the Sources list ends the letter


@pytest.mark.parametrize("template", ["councillors", "email"])
def test_the_short_letters_leave_national_evidence_out(catalogue, template):
    draft = Draft(reasons=[ChosenReason(26, "Our council gave no figures.")], evidence=[26])
    text = assemble(draft, catalogue, template=template, today=LETTER_DATE).text
    assert "Our council gave no figures." in text
    for evidence in catalogue.reason(26).evidence:
        assert evidence.text not in text
    assert "Sources" not in text and "https://" not in text


def test_nhs_evidence_shows_only_when_the_nhs_or_a_health_service_consults(catalogue):
    draft = Draft(reasons=[ChosenReason(19, "Ninety hours.")], evidence=[19])
    psr = "Provider Selection Regime"
    assert psr not in assemble(draft, catalogue, today=LETTER_DATE).text
    draft.consultation.body = "NHS Hillside Integrated Care Board"
    assert psr in assemble(draft, catalogue, today=LETTER_DATE).text


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
    assert sources_of(letter) == [linked(price)]


def test_a_source_used_twice_is_listed_once(catalogue):
    # Reasons 19 and 20 both cite Lloyds Bank Foundation's Commissioning in Crisis.
    draft = Draft(reasons=[ChosenReason(19), ChosenReason(20)], evidence=[19, 20])
    sources = sources_of(assemble(draft, catalogue, today=LETTER_DATE))
    assert len(sources) == len(set(sources))
    crisis = [s for s in sources if "Commissioning in Crisis" in s]
    assert len(crisis) == 1 and crisis[0].startswith("Lloyds Bank Foundation, ")


def test_each_catalogue_evidence_item_names_publisher_title_and_year(catalogue):
    for reason in catalogue.reasons:
        for evidence in reason.evidence:
            assert evidence.citation == f"{evidence.publisher}, {evidence.title} ({evidence.year})"
