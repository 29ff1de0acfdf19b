"""The draft file: its contract, exact round trips, and a clear message for every bad file."""

import json
import re

import pytest

from drafting import (
    SCHEMA,
    ChosenReason,
    Draft,
    DraftError,
    draft_to_json,
    load_draft,
    parse_draft,
    save_draft,
)
from drafting.model.draft import EXTENSIONS
from tests.helpers import BAD_DRAFTS

HOSTILE = "{{ 7*7 }} {% raw %} <script>alert(1)</script> ŵ ŷ “quoted” café 😀 שלום \u202e \x07"


def test_the_sample_draft_round_trips_exactly(sample_dict):
    draft = parse_draft(json.dumps(sample_dict))
    assert json.loads(draft_to_json(draft)) == sample_dict
    assert parse_draft(draft_to_json(draft)) == draft


def test_a_draft_round_trips_every_character_typed(sample):
    sample.reasons[0].example = HOSTILE
    sample.group.name = "Cymdeithas Gymunedol Llanfair ŵ ŷ"
    again = parse_draft(draft_to_json(sample).encode("utf-8"))
    assert again.reasons[0].example == HOSTILE
    assert again == sample


def test_a_short_draft_takes_defaults():
    draft = parse_draft(json.dumps({"schema": SCHEMA}))
    assert draft == Draft()


def test_a_draft_file_saved_and_loaded_is_the_same_draft(sample, tmp_path):
    path = tmp_path / "draft.json"
    save_draft(sample, path)
    assert load_draft(path) == sample
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def _with(sample_dict, **changes):
    data = json.loads(json.dumps(sample_dict))
    for dotted, value in changes.items():
        target = data
        *path, last = dotted.split("__")
        for key in path:
            target = target[int(key)] if isinstance(target, list) else target[key]
        target[last] = value
    return json.dumps(data)


def _huge_number(sample_dict) -> str:
    """The sample draft with a reason id of 5,000 digits (Python refuses over 4,300)."""
    return _with(sample_dict, reasons__0__id=0).replace('"id": 0', '"id": ' + "9" * 5000, 1)


BAD_INPUTS = [
    ("not json", lambda d: '{"schema": "response-builder/draft@1", "group": {', "not valid JSON"),
    ("a list", lambda d: "[1, 2]", "not a Response Builder draft: it holds a list"),
    ("no schema", lambda d: "{}", "has no 'schema' field"),
    ("other schema", lambda d: _with(d, schema="invoice@1"), "its schema is 'invoice@1'"),
    ("future version", lambda d: _with(d, schema="response-builder/draft@2"), "newer version"),
    ("wrong type", lambda d: _with(d, group__name=7), "group.name should be text"),
    ("reasons not a list", lambda d: _with(d, reasons={}), "reasons should be a list"),
    ("reason id as text", lambda d: _with(d, reasons__0__id="2"), "whole number"),
    ("unknown reason", lambda d: _with(d, reasons__1__id=42), "Reason 42 is not one of"),
    ("duplicate reason", lambda d: _with(d, reasons__1__id=2), "Reason 2 appears twice"),
    ("unknown field", lambda d: _with(d, group__nickname="x"), "group.nickname is not part"),
    ("bad date", lambda d: _with(d, consultation__closes="31/01/2027"), "YYYY-MM-DD"),
    ("bad tone", lambda d: _with(d, tone="angry"), "tone 'angry' is not one of"),
    ("bad template", lambda d: _with(d, template="../etc/passwd"), "not a template name"),
    ("long example", lambda d: _with(d, reasons__0__example="x" * 10_001), "limit is 10,000"),
    ("too many asks", lambda d: _with(d, asks=["a"] * 21), "has 21 items; the limit is 20"),
    (
        "unknown question reason",
        lambda d: _with(d, questions=[{"text": "Q", "reasons": [99], "answer": ""}]),
        "Reason 99",
    ),
    ("bad situation answer", lambda d: _with(d, situation={"large_bidder": "maybe"}), "yes, no"),
    (
        "set aside twice",
        lambda d: _with(d, set_aside=[{"id": 3, "example": "a"}, {"id": 3, "example": "b"}]),
        "Reason 3 appears twice in the reasons set aside",
    ),
    ("letter edit not text", lambda d: _with(d, letter_edit={"text": 5}), "letter_edit.text"),
    (
        "long question number",
        lambda d: _with(d, questions=[{"text": "Q", "number": "1" * 21}]),
        "questions[1].number is 21 characters long",
    ),
    ("bad opening date", lambda d: _with(d, consultation__opens="1 Dec"), "consultation.opens"),
    ("unknown evidence", lambda d: _with(d, evidence=[27]), "Reason 27 is not one of"),
    (
        "evidence twice",
        lambda d: _with(d, evidence=[20, 20]),
        "Reason 20 appears twice in the reasons with national evidence",
    ),
    ("unknown concern", lambda d: _with(d, fairness=["vibes"]), "fairness names 'vibes'"),
    ("concern twice", lambda d: _with(d, fairness=["time", "time"]), "'time' is ticked twice"),
    (
        "note on unknown concern",
        lambda d: _with(d, fairness_notes={"vibes": "x"}),
        "fairness_notes names 'vibes'",
    ),
    (
        "long concern note",
        lambda d: _with(d, fairness_notes={"time": "x" * 10_001}),
        "fairness_notes.time is 10,001 characters long",
    ),
    (
        "unknown response method",
        lambda d: _with(d, consultation__response_method="pigeon"),
        "consultation.response_method should be one of email, letter, survey, form",
    ),
    ("paste not text", lambda d: _with(d, questions_paste=["1."]), "questions_paste should be"),
    ("lone surrogate", lambda d: _with(d, context="\ud800"), "cannot be saved"),
    # Numbers and dates that once escaped the loader as tracebacks or broke a page (issue 12).
    ("huge number", _huge_number, "a number too long to read"),
    ("year one", lambda d: _with(d, consultation__closes="0001-01-01"), "between 2000 and 2099"),
    ("last day", lambda d: _with(d, consultation__closes="9999-12-31"), "between 2000 and 2099"),
    ("basic date", lambda d: _with(d, consultation__closes="20270131"), "YYYY-MM-DD"),
    ("week date", lambda d: _with(d, consultation__opens="2027-W05-1"), "YYYY-MM-DD"),
    ("wide digits", lambda d: _with(d, consultation__closes="２０２７-01-31"), "YYYY-MM-DD"),
]


@pytest.mark.parametrize(("case", "make", "message"), BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
def test_a_bad_draft_gets_one_clear_message(sample_dict, case, make, message):
    with pytest.raises(DraftError, match=re.escape(message)):
        parse_draft(make(sample_dict))


def test_an_oversized_draft_file_is_refused_before_it_is_parsed(tmp_path):
    path = tmp_path / "huge.json"
    path.write_bytes(b" " * 3_000_001)
    with pytest.raises(DraftError, match=r"3,000,001 bytes; the limit is 3 MB"):
        load_draft(path)


def test_a_file_that_is_not_utf8_text_is_refused():
    with pytest.raises(DraftError, match="not UTF-8 text"):
        parse_draft(b"\xff\xfe\x00{")


def test_deep_nesting_is_refused_not_crashed():
    with pytest.raises(DraftError):
        parse_draft("[" * 100_000 + "]" * 100_000)


@pytest.mark.parametrize("name", ["truncated.json", "unknown-reason.json"])
def test_the_shared_bad_examples_are_refused(name):
    with pytest.raises(DraftError):
        load_draft(BAD_DRAFTS / name)


def test_reason_ids_follow_the_letter_order():
    draft = Draft(reasons=[ChosenReason(20, ""), ChosenReason(2, "")])
    assert draft.reason_ids == [20, 2]


def test_a_contract_only_draft_with_questions_round_trips_to_the_same_file(sample_dict):
    sample_dict["questions"] = [{"text": "Do you agree?", "reasons": [2], "answer": "No."}]
    draft = parse_draft(json.dumps(sample_dict))
    assert json.loads(draft_to_json(draft)) == sample_dict


def test_every_new_field_round_trips_and_is_left_out_while_empty(sample_dict):
    data = json.loads(json.dumps(sample_dict))
    data["consultation"]["opens"] = "2026-12-01"
    data["consultation"]["response_method"] = "survey"
    data["questions"] = [{"text": "Why?", "reasons": [], "answer": "", "number": "3a"}]
    data.update(
        questions_paste="4. And then?",
        evidence=[20],
        fairness=["time"],
        fairness_notes={"time": "Six weeks over Christmas.", "equality": "Kept for later."},
    )
    draft = parse_draft(json.dumps(data))
    assert draft.questions[0].number == "3a" and draft.consultation.opening_date.day == 1
    assert json.loads(draft_to_json(draft)) == data
    assert set(EXTENSIONS) >= {
        "evidence",
        "fairness",
        "questions.number",
        "consultation.opens",
        "consultation.response_method",
    }


def test_two_versions_merge_only_where_they_changed_different_fields(sample):
    from drafting.model.merge import merge_drafts

    def changed(**changes) -> Draft:
        draft = parse_draft(draft_to_json(sample))
        for dotted, value in changes.items():
            *parts, last = dotted.split("__")
            target = draft
            for part in parts:
                target = getattr(target, part)
            setattr(target, last, value)
        return draft

    merged = merge_drafts(sample, changed(group__email="a@b.org"), changed(context="New"))
    assert (merged.group.email, merged.context) == ("a@b.org", "New")
    assert merged.reasons == sample.reasons
    same = changed(group__email="a@b.org")
    assert merge_drafts(sample, same, changed(group__email="a@b.org")) == same
    assert merge_drafts(sample, same, changed(group__email="c@d.org")) is None
    examples = [ChosenReason(r.id, r.example + "!") for r in sample.reasons]
    assert merge_drafts(sample, changed(reasons=examples), changed(reasons=[])) is None
