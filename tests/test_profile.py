"""A group profile: save the group's details to a file and start the next response from it."""

import json

import pytest

from drafting import DraftError, Group, draft_to_json
from drafting.model.profile import PROFILE_SCHEMA, parse_profile, profile_file_name, profile_to_json


def test_a_profile_round_trips_every_character_typed(sample):
    sample.group.name = "Cymdeithas Llanfair ŵ ŷ “café” 😀 {{ 7*7 }}"
    text = profile_to_json(sample.group)
    assert json.loads(text)["schema"] == PROFILE_SCHEMA
    assert parse_profile(text) == sample.group
    assert parse_profile(text.encode("utf-8")) == sample.group


def test_a_profile_holds_the_groups_details_and_nothing_else(sample):
    data = json.loads(profile_to_json(sample.group))
    assert set(data) == {"schema", "group"}
    assert data["group"]["address"] == "3 Station Road, Hillside HS1 4AB"
    assert "reasons" not in json.dumps(data)


def test_a_short_profile_takes_empty_defaults():
    group = parse_profile(json.dumps({"schema": PROFILE_SCHEMA, "group": {"name": "Tiny"}}))
    assert group == Group(name="Tiny")


def test_a_whole_draft_file_works_as_a_profile(sample):
    assert parse_profile(draft_to_json(sample)) == sample.group


BAD = [
    (b"\xff\xfe", "not UTF-8 text"),
    (b"{", "not valid JSON"),
    (b"[1]", "not a Response Builder group profile"),
    (json.dumps({"schema": "invoice@1"}), "not a Response Builder group profile"),
    (json.dumps({"schema": "response-builder/profile@9"}), "newer version"),
    (json.dumps({"schema": PROFILE_SCHEMA, "group": {"name": 7}}), "group.name should be text"),
    (json.dumps({"schema": PROFILE_SCHEMA, "group": {"nick": ""}}), "group.nick is not part"),
    (json.dumps({"schema": PROFILE_SCHEMA, "reasons": []}), "reasons is not part of a group"),
    (json.dumps({"schema": PROFILE_SCHEMA, "group": {"name": "x" * 301}}), "limit is 300"),
    (json.dumps({"schema": "response-builder/draft@1", "reasons": [{"id": 99}]}), "Reason 99"),
]


@pytest.mark.parametrize(("content", "message"), BAD)
def test_a_file_that_is_not_a_profile_gets_one_plain_message(content, message):
    with pytest.raises(DraftError, match=message):
        parse_profile(content)


def test_a_profile_file_is_named_after_the_group():
    assert profile_file_name(Group(name="Hillside Café & Co")) == "profile-hillside-cafe-co.json"
    assert profile_file_name(Group()) == "profile-our-group.json"
