"""Searching the catalogue on the reasons page: every word must match, in any case."""

import pytest

from reasons.search import filter_reasons


@pytest.fixture(scope="module")
def frame(catalogue):
    return catalogue.frame()


def ids(frame, text="", theme=None):
    return list(filter_reasons(frame, text, theme)["id"])


def test_no_search_shows_all_26(frame):
    assert ids(frame) == list(range(1, 27))
    assert ids(frame, "   ") == list(range(1, 27))


def test_every_word_must_match_in_any_case(frame):
    assert ids(frame, "HUMAN rights") == [24]
    assert 20 in ids(frame, "survive")
    assert ids(frame, "survive rights") == []


def test_search_looks_in_the_summary_prompt_and_evidence(frame, catalogue):
    reason = catalogue.reason(19)
    for text in (reason.summary, reason.prompt, reason.evidence[0].publisher):
        assert 19 in ids(frame, text)


def test_a_number_finds_that_reason(frame):
    assert 7 in ids(frame, "7")


def test_what_is_typed_is_not_a_pattern(frame):
    assert ids(frame, ".*") == []
    assert ids(frame, "[unclosed") == []


def test_the_theme_filter_keeps_that_theme_only(frame, catalogue):
    users = [r.id for r in catalogue.reasons if r.theme == "users"]
    assert ids(frame, theme="users") == users
    assert ids(frame, "provider", theme="users") == [
        r for r in users if r in ids(frame, "provider")
    ]
