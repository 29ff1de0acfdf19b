"""The reasons catalogue and the situation questionnaire: complete, in our own words, validated."""

import hashlib
import re
import shutil

import pytest

from drafting.letter.bars import WORRY
from reasons import (
    YES,
    CatalogueError,
    load_catalogue,
    load_situation_questions,
    suggest,
)
from reasons.catalogue import CATALOGUE_FILE, SITUATION_FILE
from tests.helpers import DATA

# The paper's 8-word runs, hashed (tests/data/paper-runs.txt says how), so that the tests can
# prove the catalogue is in our own words without a copy of the paper.
PAPER_RUNS = {
    line
    for line in (DATA / "paper-runs.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def _ngrams(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_the_catalogue_has_the_papers_26_reasons_by_number(catalogue):
    assert [r.id for r in catalogue.reasons] == list(range(1, 27))
    assert catalogue.paper.year == 2012
    assert "National Coalition for Independent Action" in catalogue.paper.citation


def test_there_are_five_to_seven_themes_each_with_reasons(catalogue):
    assert 5 <= len(catalogue.themes) <= 7
    for theme in catalogue.themes:
        assert any(r.theme == theme.id for r in catalogue.reasons), theme.id


@pytest.mark.parametrize("reason_id", range(1, 27))
def test_every_reason_is_letter_ready(catalogue, reason_id):
    reason = catalogue.reason(reason_id)
    assert 3 <= len(reason.title.split()) <= 9
    assert not reason.title.endswith((".", "?", "!", ":"))
    assert len(reason.summary) <= 200
    for consulting in ("council", "nhs"):  # with the law sentences a letter to each gives
        assert 40 <= len(reason.paragraph_for(consulting).split()) <= 70
    # The point: one plain sentence of why the reason matters, standing on its own after the
    # group's example: not a worry ("We fear...") and not the title said again.
    assert reason.point.endswith(".") and reason.point.count(". ") == 0
    assert not WORRY.match(reason.point)
    assert not set(_words(reason.title)) <= set(_words(reason.point)[:10]), reason.point
    assert not re.search(r"\b(these pressures|as above|reason \d|taken together)", reason.point)
    assert not re.search(r"\b(these pressures|taken together)\b", reason.paragraph)
    # The ask: one instruction that can join the numbered list.
    assert reason.ask[0].isupper() and reason.ask.endswith(".")
    assert not reason.ask.startswith(("We ", "I "))
    assert "example" in reason.prompt.lower()
    for text in (reason.title, reason.summary, reason.point, reason.paragraph, reason.ask):
        assert not re.search(r"[<>{}*_#\[\]]", text), "plain text only"


@pytest.mark.parametrize("field", ["point", "paragraph", "ask"])
def test_no_four_word_opening_is_shared_by_more_than_two_reasons(catalogue, field):
    openings = [" ".join(_words(getattr(r, field))[:4]) for r in catalogue.reasons]
    crowded = {o for o in openings if openings.count(o) > 2}
    assert not crowded


def test_alternatives_are_described_and_the_psr_is_for_the_nhs_only(catalogue):
    ids = {a.id for a in catalogue.alternatives}
    assert {"grants", "local-lots", "psr-direct", "light-touch", "in-house"} <= ids
    assert {"partnership", "keep-it-local"} <= ids
    assert catalogue.alternative("psr-direct").sector == "nhs"
    assert "Keep it Local" in catalogue.alternative("keep-it-local").text
    for reason in catalogue.reasons:
        for evidence in reason.evidence:
            if "Provider Selection Regime" in evidence.text:
                assert evidence.sector == "nhs", reason.id


def test_at_least_ten_reasons_carry_national_evidence_with_a_source(catalogue):
    with_evidence = [r for r in catalogue.reasons if r.evidence]
    assert len(with_evidence) >= 10
    for reason in with_evidence:
        for item in reason.evidence:
            assert item.publisher and item.title and 1985 <= item.year <= 2026
            assert item.url.startswith("https://") and item.sector in ("council", "nhs", "both")
            assert re.search(r"\b(found|may|reported|require|requires|removed)\b", item.text)


def test_no_sentence_of_the_paper_is_reused(catalogue):
    """Titles, paragraphs and prompts are in our own words: no 8-word run from the paper."""
    for reason in catalogue.reasons:
        texts = (reason.title, reason.summary, reason.point, reason.paragraph, reason.ask)
        for text in (*texts, reason.prompt):
            for run in _ngrams(_words(text), 8):
                digest = hashlib.sha256(" ".join(run).encode()).hexdigest()[:16]
                assert digest not in PAPER_RUNS, f"reason {reason.id} reuses the paper: {run}"


def test_the_paper_check_would_catch_a_copied_run():
    """The hashed runs do match the paper: a phrase of its own is found."""
    assert len(PAPER_RUNS) > 500
    words = _words("Decisions will tend to be driven by cost and budgets available")
    runs = {hashlib.sha256(" ".join(r).encode()).hexdigest()[:16] for r in _ngrams(words, 8)}
    assert runs & PAPER_RUNS


def test_the_catalogue_frame_has_one_row_per_reason(catalogue):
    frame = catalogue.frame()
    assert len(frame) == 26
    assert list(frame.columns[:3]) == ["id", "title", "theme"]
    assert frame.loc[frame.id == 26, "source"].item().endswith("reason 26")


def _edited_catalogue(tmp_path, old: str, new: str):
    """Copy the catalogue with the first match of regular expression `old` replaced."""
    path = tmp_path / "catalogue.toml"
    text = CATALOGUE_FILE.read_text(encoding="utf-8")
    edited = re.sub(old, new, text, count=1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('id = 7\ntitle = "', 'id = 7\nheading = "', "reason 7: 'heading' is not a field"),
        ('id = 9\ntitle = "', 'id = 9\nx = 1\ntitle = "', "reason 9: 'x' is not a field"),
        ("id = 7\ntitle", "id = 6\ntitle", r"missing \[7\], duplicated or out of range \[6\]"),
        (r"(id = 3\n(?:.*\n){2})summary = .*", r"\1summary = 5", "reason 3: field 'summary' must"),
        ('theme = "users"', 'theme = "weather"', "reason 23: field 'theme' is 'weather'"),
        ("year = 2012", 'year = "2012"', r"\[paper\]: field 'year' must be a whole number"),
        (r"(id = 4\n(?:.*\n){3})point = .*", r"\1", "reason 4: field 'point' is missing"),
        (
            r"(id = 5\n(?:.*\n){5})ask = .*",
            r'\1ask = ""',
            "reason 5: field 'ask' must be non-empty",
        ),
        (
            r"(id = 6\n(?:.*\n){4})paragraph = .*",
            r'\1paragraph = "Too short."',
            "reason 6: field 'paragraph' with its law sentences for a council letter has 2"
            " words; it needs 40 to 70",
        ),
        (
            r'(the most advantageous tender, which[^\n]*\n)sector = "council"',
            r'\1sector = "parish"',
            "reason 2 law 1: field 'sector' is 'parish'",
        ),
        (
            r'(id = 24\n(?:.*\n){7})sector = "both"',
            r'\1sector = "council"',
            "reason 24: field 'sector' is 'council', but a reason's own words go to councils and"
            " NHS bodies alike",
        ),
        (
            r"(reasons.law\]\]\n)text = ",
            r"\1words = ",
            "reason 2 law 1: 'words' is not a field",
        ),
        (
            r'alternatives = \["grants"\]',
            'alternatives = ["lottery"]',
            "field 'alternatives' names 'lottery'",
        ),
        (
            r'(1348/contents"\n)sector = "nhs"',
            r'\1sector = "army"',
            "reason 1 evidence 1: field 'sector'",
        ),
        ('url = "https://www.nao', 'url = "ftp://www.nao', "reason 7 evidence 1: field 'url' must"),
        (r"\[paper\]", "[paper", "not valid TOML"),
    ],
)
def test_a_broken_catalogue_names_the_reason_and_field(tmp_path, old, new, message):
    with pytest.raises(CatalogueError, match=message):
        load_catalogue(_edited_catalogue(tmp_path, old, new))


def test_a_missing_catalogue_file_is_reported(tmp_path):
    with pytest.raises(CatalogueError, match=r"catalogue\.toml: the file is missing"):
        load_catalogue(tmp_path / "catalogue.toml")


def test_the_questionnaire_has_plain_questions_that_cover_every_reason(catalogue):
    questions = load_situation_questions(catalogue)
    assert len(questions) >= 6
    assert {s.reason for q in questions for s in q.suggests} == set(range(1, 27))
    assert any("large or national provider" in q.text for q in questions)


def test_yes_answers_suggest_reasons_with_every_why(catalogue):
    questions = load_situation_questions(catalogue)
    first, second = questions[0], questions[1]
    answers = {first.id: YES, second.id: "no"}
    suggested = suggest(questions, answers)
    assert [s.reason for s in suggested] == [s.reason for s in first.suggests]
    shared = {s.reason for s in first.suggests} & {
        s.reason for q in questions[1:] for s in q.suggests
    }
    everything = suggest(questions, {q.id: YES for q in questions})
    assert len({s.reason for s in everything}) == len(everything) == 26
    for reason in shared:
        whys = next(s.whys for s in everything if s.reason == reason)
        assert len(whys) >= 2


def test_no_answers_suggest_nothing(catalogue):
    assert suggest(load_situation_questions(catalogue), {}) == []


def test_a_questionnaire_naming_an_unknown_reason_is_refused(tmp_path, catalogue):
    path = tmp_path / "situation.toml"
    shutil.copy(SITUATION_FILE, path)
    path.write_text(path.read_text().replace("reason = 14", "reason = 27", 1))
    with pytest.raises(CatalogueError, match="reason 27 is not in the catalogue"):
        load_situation_questions(catalogue, path)


def test_suggestions_fitting_more_answers_come_first(catalogue):
    questions = load_situation_questions(catalogue)
    answers = {"large_bidder": YES, "small_group": YES, "large_lot": YES}
    ranked = [s.reason for s in suggest(questions, answers)]
    # 20 fits all three answers, 14 and 18 two, then each question's own order.
    assert ranked[:3] == [20, 14, 18]
    assert len(ranked) == len(set(ranked))
    assert ranked.index(19) < ranked.index(6)  # 19 heads the small-group list, 6 is third
