"""The fair-consultation checklist: its data file, the length of a consultation, and what a
ticked concern adds to the letter."""

import datetime as dt
import re
import shutil

import pytest

from drafting import Draft, assemble
from drafting.model.fairness import (
    is_short,
    length_note,
    length_sentence,
    raised,
    set_concern,
    set_note,
)
from reasons import CatalogueError
from reasons.fairness import FAIRNESS_FILE, concerns, load_concerns
from tests.helpers import DATA, LETTER_DATE

# The project's checked facts (a copy of the design's FACTS.md, kept with the tests).
FACTS = " ".join((DATA / "FACTS.md").read_text(encoding="utf-8").split())


def test_the_checklist_has_the_five_concerns_the_issue_asks_for():
    assert [c.id for c in concerns()] == ["formative", "information", "time", "equality", "notice"]
    assert [c.id for c in concerns() if c.dates] == ["time"]


NAMED = {
    "formative": ("Gunning principles", "R v Brent LBC ex p Gunning, 1985"),
    "information": ("Gunning principle", "R (Moseley) v Haringey LBC [2014] UKSC 56"),
    "time": ("Gunning principles", "R v Brent LBC ex p Gunning, 1985", "Compact"),
    "equality": ("Public Sector Equality Duty", "Equality Act 2010, section 149"),
    "notice": ("Best Value", "Local Government Act 1999, section 3", "Civil Society Covenant"),
}


@pytest.mark.parametrize("concern", concerns(), ids=lambda c: c.id)
def test_each_paragraph_names_its_principle_and_source_from_the_checked_facts(concern):
    for named in NAMED[concern.id]:  # as a council's letter gives it (Best Value is theirs)
        assert named in concern.paragraph_for("council")
    for source in concern.sources:
        # Every case, Act and guide in the Sources list is one the project's facts name.
        short = source.title.split(" [")[0].split(",")[0].replace(" County Council", " CC")
        assert short.split(" ex p")[0] in FACTS, source
    assert concern.ask[0].isupper() and concern.ask.endswith(".")


@pytest.mark.parametrize("concern", concerns(), ids=lambda c: c.id)
def test_concern_text_is_hedged_plain_and_british(concern):
    text = " ".join((concern.paragraph, concern.summary, concern.ask, concern.help))
    assert "(check)" not in text and "{" not in text and "<" not in text
    assert not re.search(r"\b(?:organization|analyze|program|favor|center)\b", text)
    assert re.search(r"\b(?:may|concerned|cannot see|not seen)\b", concern.paragraph)
    assert 60 <= len(concern.paragraph.split()) <= 150


def test_nothing_marked_check_in_the_facts_is_used():
    text = FAIRNESS_FILE.read_text(encoding="utf-8")
    # The 2015 Best Value guidance's three months is marked (check): not used; the Compact's is.
    assert "2015" not in text and "statutory guidance" not in text.lower()


BROKEN = [
    ('id = "formative"', 'id = "information"', "each id once"),
    ('question = "Is there too little time to respond?"', "", "field 'question' is missing"),
    ("year = 1999", 'year = "1999"', "must be a whole number"),
    ("dates = true", 'dates = "yes"', "true or false"),
    ('ask = "Confirm', 'asks = "Confirm', "'asks' is not a field here"),
    (
        'section 3)."""\nsector = "council"',
        'section 3)."""\nsector = "county"',
        "concern notice law 1: field 'sector' is 'county'",
    ),
    (
        'proposal."\nsector = "both"\n',
        'proposal."\n',
        "concern formative: field 'sector' is missing",
    ),
    (
        'decision is taken."\nsector = "both"',
        'decision is taken."\nsector = "nhs"',
        "concern equality: field 'sector' is 'nhs', but a concern's own words go to councils",
    ),
]


@pytest.mark.parametrize(("old", "new", "message"), BROKEN)
def test_a_mistake_in_the_checklist_file_names_the_concern_and_field(tmp_path, old, new, message):
    path = tmp_path / "fairness.toml"
    text = FAIRNESS_FILE.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CatalogueError, match=re.escape(message)) as error:
        load_concerns(path)
    assert "fairness.toml" in str(error.value)


def test_a_concern_without_sources_is_refused(tmp_path):
    path = tmp_path / "fairness.toml"
    shutil.copy(FAIRNESS_FILE, path)
    text = path.read_text(encoding="utf-8")
    start = text.index('[[concerns.sources]]\npublisher = "UK Parliament"\ntitle = "Equality')
    end = text.index("[[concerns]]", start)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(CatalogueError, match="concern equality: needs at least one"):
        load_concerns(path)


@pytest.mark.parametrize(
    ("opens", "closes", "sentence"),
    [
        ((2026, 12, 1), (2027, 2, 23), "runs for 84 days (12 weeks), from 1 December 2026"),
        ((2026, 12, 1), (2027, 1, 6), "runs for 36 days (about 5 weeks)"),
        ((2026, 12, 1), (2026, 12, 8), "runs for 7 days (1 week)"),
        ((2026, 12, 1), (2026, 12, 3), "runs for 2 days (about 1 week)"),
    ],
)
def test_the_letter_says_how_long_the_consultation_runs(opens, closes, sentence):
    assert sentence in length_sentence(dt.date(*opens), dt.date(*closes))


@pytest.mark.parametrize(
    ("opens", "closes", "short", "note"),
    [
        (None, dt.date(2027, 1, 31), False, "Enter the dates"),
        (dt.date(2027, 2, 1), dt.date(2027, 1, 31), False, "after the closing date"),
        (dt.date(2026, 12, 1), dt.date(2027, 1, 31), True, "shorter than the 12 weeks"),
        (dt.date(2026, 11, 1), dt.date(2027, 1, 31), False, "as long as the 12 weeks"),
    ],
)
def test_the_app_says_whether_the_time_allowed_is_short(opens, closes, short, note):
    assert is_short(opens, closes) is short
    assert note in length_note(opens, closes)
    if not (opens and closes and opens <= closes):
        assert length_sentence(opens, closes) == ""


def test_ticked_concerns_come_in_the_checklists_order_with_the_groups_note():
    draft = Draft(fairness=["time", "formative"], fairness_notes={"time": " Six weeks. "})
    draft.consultation.opens, draft.consultation.closes = "2026-12-01", "2027-01-12"
    found = raised(draft)
    assert [c.id for c in found] == ["formative", "time"]
    assert found[1].note == "Six weeks." and found[1].detail.startswith("This consultation runs")
    assert found[0].detail == "" and found[0].note == ""


def test_a_note_on_an_unticked_concern_stays_out_of_the_letter(sample, catalogue):
    sample.fairness_notes = {"equality": "No assessment in the papers."}
    text = assemble(sample, catalogue, today=LETTER_DATE).text
    assert "No assessment in the papers." not in text
    assert "How this consultation has been run" not in text and "Sources" not in text


@pytest.mark.parametrize("template", ["formal", "questions", "councillors", "email"])
def test_each_ticked_concern_adds_its_point_an_ask_and_linked_sources(sample, catalogue, template):
    sample.fairness = ["equality", "notice"]
    sample.fairness_notes = {"notice": "We heard of the tender from a newsletter."}
    letter = assemble(sample, catalogue, template=template, today=LETTER_DATE)
    text = letter.text
    assert "How this consultation has been run" in text
    full = template in ("formal", "questions")
    for concern in concerns()[3:]:
        assert concern.ask in text
        # The principle: in the full letters (the body when it has room, else the annex); a
        # short letter leaves it out before any of the group's words, and a concern it cannot
        # name with the group's own note (or dates) is left to its ask.
        assert not full or concern.summary in text or concern.paragraph in text
        assert concern.title in text or (not full and not sample.fairness_notes.get(concern.id))
    assert "We heard of the tender from a newsletter." in text
    if not full:
        assert "Sources" not in text
        return
    sources = next(
        b for i, b in enumerate(letter.blocks) if letter.blocks[i - 1].text == "Sources"
    ).texts
    assert [s.split(": https://")[0] for s in sources] == [
        "UK Parliament, Equality Act 2010, section 149 (2010)",
        "UK Parliament, Local Government Act 1999, section 3 (1999)",
        "HM Government, The Compact (2010)",
        "HM Government, Civil Society Covenant (2025)",
    ]
    assert all(": https://" in s for s in sources)


def test_unticking_a_concern_keeps_its_note_and_an_empty_note_is_dropped():
    draft = Draft()
    set_concern(draft, "time", True)
    set_concern(draft, "time", True)
    set_note(draft, "time", "Six weeks over Christmas.")
    assert draft.fairness == ["time"]
    set_concern(draft, "time", False)
    assert draft.fairness == [] and draft.fairness_notes == {"time": "Six weeks over Christmas."}
    set_note(draft, "time", "  ")
    assert draft.fairness_notes == {}
