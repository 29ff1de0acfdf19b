"""Hostile input: whatever a user types or uploads, the loader raises only DraftError, and
text that loads comes back unchanged through the store, the letter and every export."""

import io
import json
import re

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting import (
    SCHEMA,
    Draft,
    DraftError,
    assemble,
    draft_to_json,
    parse_draft,
    reasons_csv,
    to_docx,
    to_markdown,
    to_text,
)
from drafting.store import DraftStore
from tests.helpers import LETTER_DATE, PAYLOADS

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=30,
)
field_names = st.sampled_from(
    [
        "schema",
        "group",
        "consultation",
        "reasons",
        "context",
        "asks",
        "co_signatories",
        "copy_to",
        "questions",
        "template",
        "tone",
        "name",
        "id",
        "example",
        "closes",
        "text",
    ]
)
draft_like = st.fixed_dictionaries(
    {"schema": st.just(SCHEMA)},
    optional={
        "group": st.dictionaries(st.sampled_from(["name", "email", "signatory"]), json_values),
        "reasons": st.lists(
            st.fixed_dictionaries({"id": st.integers(-3, 30), "example": st.text()}), max_size=5
        ),
        "asks": st.lists(st.text(), max_size=3),
        "tone": st.sampled_from(["formal", "firm", "collaborative", "shouty"]),
        "consultation": st.dictionaries(field_names, json_values, max_size=3),
        "extra": json_values,
    },
)


def _loads_or_refuses(content) -> Draft | None:
    try:
        return parse_draft(content)
    except DraftError as e:
        assert str(e) and "\n" not in str(e)
        return None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_raise_only_draft_error(content):
    _loads_or_refuses(content)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_arbitrary_json_raises_only_draft_error(value):
    _loads_or_refuses(json.dumps(value))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(draft_like)
def test_draft_shaped_json_loads_and_round_trips_or_is_refused(value):
    draft = _loads_or_refuses(json.dumps(value))
    if draft is not None:
        assert parse_draft(draft_to_json(draft)) == draft


# Characters XML 1.0 (so Word) cannot hold; every other export keeps them.
NOT_IN_WORD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_a_payload_round_trips_through_store_letter_and_every_export(
    tmp_path, sample, catalogue, payload
):
    sample.reasons[0].example = payload
    sample.group.name = payload[:300]
    store = DraftStore(tmp_path)
    draft_id, _ = store.create(sample)
    restored = store.load(draft_id).draft
    assert restored == sample

    letter = assemble(restored, catalogue, today=LETTER_DATE)
    assert payload in letter.text
    assert payload in to_text(letter)
    markdown = to_markdown(letter)
    assert payload in re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)
    word = "\n".join(p.text for p in docx.Document(io.BytesIO(to_docx(letter))).paragraphs)
    assert NOT_IN_WORD.sub("", payload) in word
    assert payload in reasons_csv(restored, catalogue)
    assert "49" not in letter.text and "loop" not in letter.text.replace(payload, "")
