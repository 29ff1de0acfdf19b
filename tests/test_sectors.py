"""Facts by sector: every sentence of law or policy in the letter data carries the sector it
holds for (council, NHS or both), a letter names only the law of the body it goes to, and the
claims and links corrected in issue 22 stay corrected."""

import re
import tomllib

import pytest

from drafting import TONES, ChosenReason, Draft, assemble, list_templates
from drafting.letter.phrasing import consulting_sector
from reasons.catalogue import CATALOGUE_FILE, FOLDER
from reasons.fairness import FAIRNESS_FILE, concerns
from reasons.search import filter_reasons
from tests.helpers import LETTER_DATE, open_app

# A sentence stating law, policy or a court's view: what must carry a sector.
LAW = re.compile(
    r"\b(?:Act|Acts|Regulations|Regime|Policy Statement|Best Value|Compact|compacts|Covenant"
    r"|Gunning|Moseley|Coughlan|Court|House of Lords|Parliament|section \d+|the law"
    r"|statutory|Equality Duty|Consultation Principles|legally binding|tender law)\b"
)
# What holds for one sector only: local government law, and the NHS's health care regime.
COUNCIL_ONLY = re.compile(
    r"Procurement Act|National Procurement Policy Statement|Best Value|most advantageous tender"
    r"|Local Government Act|Social Value Act|light-touch regime|Localism Act|The law now"
    r"|The law also",
    re.IGNORECASE,
)
NHS_ONLY = re.compile(
    r"Provider Selection Regime|Health and Care Act|most suitable provider", re.IGNORECASE
)
OWN_WORDS = ("title", "summary", "point", "paragraph", "ask", "prompt")
CONCERN_WORDS = ("title", "question", "help", "principle", "summary", "paragraph", "ask")


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", text) if s]


def _tagged_items():
    """Every sector-tagged record of the letter data, as (where, sector, text)."""
    catalogue = tomllib.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))
    fairness = tomllib.loads(FAIRNESS_FILE.read_text(encoding="utf-8"))
    for alternative in catalogue["alternatives"]:
        yield f"alternative {alternative['id']}", alternative["sector"], alternative["text"]
    for reason in catalogue["reasons"]:
        own = " ".join(reason[f] for f in OWN_WORDS)
        yield f"reason {reason['id']}", reason.get("sector"), own
        for kind in ("evidence", "law"):
            for j, item in enumerate(reason.get(kind, []), start=1):
                yield f"reason {reason['id']} {kind} {j}", item["sector"], item["text"]
    for concern in fairness["concerns"]:
        own = " ".join(concern[f] for f in CONCERN_WORDS)
        yield f"concern {concern['id']}", concern.get("sector"), own
        for j, item in enumerate(concern.get("law", []), start=1):
            yield f"concern {concern['id']} law {j}", item["sector"], item["text"]
        for j, item in enumerate(concern["sources"], start=1):
            yield f"concern {concern['id']} source {j}", item["sector"], item["title"]


def _untagged_texts():
    """Letter text that carries no sector: the positions, the tones and the templates."""
    for name in ("positions", "tones"):
        data = tomllib.loads((FOLDER / f"{name}.toml").read_text(encoding="utf-8"))
        for key, phrases in data.items():
            for field, text in phrases.items():
                yield f"{name}.toml {key}.{field}", text
    for template in (FOLDER.parent / "letter_templates").glob("*.j2"):
        text = re.sub(
            r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}|<[^>]+>", " ", template.read_text("utf-8"), flags=re.S
        )
        yield template.name, text


def test_every_sentence_of_law_or_policy_carries_its_sector():
    checked = 0
    for where, sector, text in _tagged_items():
        if any(LAW.search(s) for s in _sentences(text)):
            checked += 1
            assert sector in ("council", "nhs", "both"), f"{where} states law without a sector"
    assert checked >= 25  # the evidence, the law sentences, the concerns and their sources
    for where, text in _untagged_texts():
        law = [s for s in _sentences(text) if LAW.search(s)]
        assert not law, f"{where} states law but carries no sector: {law}"


def test_a_sentence_for_one_sector_is_tagged_for_that_sector():
    for where, sector, text in _tagged_items():
        if sector != "council":
            assert not COUNCIL_ONLY.search(text), f"{where} ({sector}) names council-only law"
        if sector != "nhs":
            assert not NHS_ONLY.search(text), f"{where} ({sector}) names the NHS's regime"


def _everything(catalogue, **consultation) -> Draft:
    """A draft with all 26 reasons, each with an example and its national evidence, every
    fair-process concern and every alternative: all the law the data holds, at once."""
    draft = Draft(
        reasons=[ChosenReason(r.id, f"Our example {r.id}.") for r in catalogue.reasons],
        evidence=[r.id for r in catalogue.reasons],
        fairness=[c.id for c in concerns()],
        alternatives=[a.id for a in catalogue.alternatives],
    )
    draft.group.name = "Hillside Carers Group"
    for field, value in consultation.items():
        setattr(draft.consultation, field, value)
    return draft


NHS = {"body": "NHS Hillside Integrated Care Board", "title": "Community support review"}
COUNCIL = {"body": "Hillside District Council", "title": "Day services review"}
COUNCIL_HEALTH = {"body": "Hillside District Council", "service": "drug and alcohol services"}
LETTERS = [(t.id, tone) for t in list_templates() for tone in TONES]


@pytest.fixture(scope="module")
def letters(catalogue):
    """Each kind of draft's letter in every template and tone, made once."""
    made = {}
    for name, consultation in (("nhs", NHS), ("council", COUNCIL), ("health", COUNCIL_HEALTH)):
        draft = _everything(catalogue, **consultation)
        for template, tone in LETTERS:
            letter = assemble(draft, catalogue, template=template, tone=tone, today=LETTER_DATE)
            made[name, template, tone] = letter.text
    return made


@pytest.mark.parametrize(("template", "tone"), LETTERS)
def test_a_letter_to_an_nhs_body_names_no_local_government_law(letters, template, tone):
    text = letters["nhs", template, tone]
    for term in ("Procurement Act", "National Procurement Policy Statement", "Best Value"):
        assert term not in text
    assert "most advantageous tender" not in text.lower()
    assert not COUNCIL_ONLY.search(text)


@pytest.mark.parametrize(("template", "tone"), LETTERS)
def test_a_council_letter_names_no_provider_selection_regime(letters, template, tone):
    assert not NHS_ONLY.search(letters["council", template, tone])


@pytest.mark.parametrize(("template", "tone"), LETTERS)
def test_a_council_buying_health_care_is_written_to_under_the_psr(letters, template, tone):
    assert not COUNCIL_ONLY.search(letters["health", template, tone])


def test_each_sector_gets_its_own_law_in_the_full_letter(letters):
    council, nhs = letters["council", "formal", "formal"], letters["nhs", "formal", "formal"]
    assert consulting_sector(Draft()) == "council"
    for term in ("most advantageous tender", "Best Value duty", "Procurement Act 2023, section 12"):
        assert term in council
    for term in ("Provider Selection Regime", "key criteria", "Health and Care Act 2022"):
        assert term in nhs
    # The sector-free words are the same in both: the Gunning principles, the PSED, Moseley.
    for term in ("Gunning principles", "section 149", "UKSC 56", "Civil Society Covenant"):
        assert term in council and term in nhs


# The corrections of issue 22 (see docs/facts.md for the sources).


def _evidence(catalogue, title: str):
    return next(e for r in catalogue.reasons for e in r.evidence if e.title == title)


def test_the_npps_is_cited_for_growth_and_a_fair_chance_at_its_own_address(catalogue):
    npps = _evidence(catalogue, "National Procurement Policy Statement")
    assert (
        npps.url
        == "https://www.gov.uk/government/publications/national-procurement-policy-statement"
    )
    assert "first priority" not in npps.text and "economic growth first" in npps.text
    assert "fair chance" in npps.text and "section 13" in npps.text and npps.sector == "council"


def test_best_value_consultation_is_of_representatives_on_how_to_meet_the_duty(catalogue):
    texts = [e.text for r in catalogue.reasons for e in r.evidence]
    texts += [s.text for r in catalogue.reasons for s in r.law]
    texts += [s.text for c in concerns() for s in c.law]
    best_value = [t for t in texts if "Best Value" in t]
    assert len(best_value) == 3
    for text in best_value:
        assert "representatives" in text and re.search(r"how (?:they|to) meet", text), text
    every = " ".join(texts + [r.paragraph for r in catalogue.reasons])
    every += " ".join(c.paragraph + c.summary for c in concerns())
    assert "consult service users and others" not in every


def test_the_compact_is_history_and_the_covenant_its_successor():
    for concern in concerns():
        for sentence in _sentences(" ".join((concern.summary, concern.paragraph))):
            # The national Compact in the past tense: "asked", never "expects" or "asks".
            assert not re.search(r"\bCompact\b[^,;]*\b(?:expects?|asks?)\b", sentence), sentence
            assert not re.search(r"\bCompact and many local compacts\b", sentence)
    time = next(c for c in concerns() if c.id == "time")
    assert "replaced it in July 2025" in time.paragraph
    assert "Civil Society Covenant" in {s.title for s in time.sources}


def test_the_health_and_care_act_is_not_said_to_end_compulsory_competitive_tendering(catalogue):
    (act,) = [e for e in catalogue.reason(1).evidence if "Health and Care Act" in e.text]
    assert "compulsory competitive tendering" not in act.text.lower()
    assert "section 75" in act.text and act.sector == "nhs"


def test_the_almanac_line_gives_no_size_band_it_cannot_show(catalogue):
    almanac = _evidence(catalogue, "UK Civil Society Almanac 2024")
    assert "80%" not in almanac.text and "under £1m" not in almanac.text
    assert "small share" in almanac.text


def test_the_social_value_act_is_a_council_duty(catalogue):
    act = _evidence(catalogue, "Public Services (Social Value) Act 2012")
    assert act.sector == "council"
    (law,) = [s for s in catalogue.reason(21).law if "well-being" in s.text]
    assert law.sector == "council"


def test_the_case_links_go_to_the_cases_they_name(catalogue):
    yl = _evidence(catalogue, "YL v Birmingham City Council")
    assert yl.url == "https://www.bailii.org/uk/cases/UKHL/2007/27.html"
    for concern in concerns():
        for source in concern.sources:
            if "UKSC/2014/56" in source.url:  # Moseley's judgment: cited as Moseley
                assert source.title.startswith("R (Moseley) v Haringey LBC [2014] UKSC 56")
            if "Gunning" in source.title:
                assert "paragraph 25" in source.title and source.url.endswith("#para25")


def test_the_reasons_page_reads_a_reason_in_full_with_the_law_of_the_body_consulting(catalogue):
    council, nhs = (Draft(), Draft())
    council.consultation.body, nhs.consultation.body = COUNCIL["body"], NHS["body"]
    council_law, nhs_law = catalogue.reason(2).law
    for draft, shown, hidden in ((council, council_law, nhs_law), (nhs, nhs_law, council_law)):
        at = open_app(draft, "reasons")
        at.selectbox(key="reasons_read").select(2).run()
        text = " ".join(m.value for m in at.markdown)
        assert catalogue.reason(2).paragraph in text
        assert shown.text in text and hidden.text not in text


def test_a_search_of_the_reasons_still_finds_their_law_sentences(catalogue):
    found = filter_reasons(catalogue.frame(), "most advantageous tender")
    assert 2 in list(found["id"])
    assert 21 in list(filter_reasons(catalogue.frame(), "key criteria")["id"])
