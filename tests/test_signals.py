"""The signals file: every signal loads and points at a reason; a mistake names the field."""

import re

import pytest

from reasons.catalogue import CatalogueError
from reasons.signals import load_signals, phrase_pattern

GOOD = """
[[signals]]
id = "lead_provider"
name = "One lead provider"
reason = 14
phrases = ["lead provider"]
"""


def test_every_signal_loads_and_points_at_a_reason_of_the_catalogue(catalogue):
    signals = load_signals()
    assert {s.reason for s in signals} <= catalogue.ids
    assert {"lead_provider", "price_quality", "grant_to_contract", "tupe", "short_period"} <= {
        s.id for s in signals
    }


@pytest.mark.parametrize(
    ("phrase", "text", "found"),
    [
        ("price #%", "Price\n60% of the score", True),
        ("price #%", "price 40.5%", True),
        ("price #%", "price per head", False),
        ("a * lead provider", "a single lead provider", True),
        ("lots", "lots of people", True),
        ("tupe", "TUPE may apply", True),
        ("tupe", "stupefied", False),
    ],
)
def test_a_phrase_matches_whole_words_with_any_number_or_word(phrase, text, found):
    assert bool(re.search(phrase_pattern(phrase), text, re.I)) is found


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("reason = 14", "reason = 27"), "signal lead_provider: field 'reason' is 27"),
        (("reason = 14", 'reason = "14"'), "field 'reason' must be a whole number"),
        (('phrases = ["lead provider"]', "phrases = []"), "field 'phrases' must be a list"),
        (('phrases = ["lead provider"]', 'phrases = ["#"]'), "phrase 1 ('#') needs at least"),
        (('name = "One lead provider"', 'name = ""'), "field 'name' must be non-empty text"),
        (('id = "lead_provider"', 'id = "Lead Provider"'), "field 'id' must be lowercase"),
        (("reason = 14", "reason = 14\nweight = 2"), "'weight' is not a field here"),
        (("reason = 14", 'reason = 14\ndates = "yes"'), "field 'dates' must be true or false"),
    ],
)
def test_a_mistake_in_the_signals_file_names_the_signal_and_field(tmp_path, change, message):
    path = tmp_path / "signals.toml"
    path.write_text(GOOD.replace(*change), encoding="utf-8")
    with pytest.raises(CatalogueError, match=re.escape(message)):
        load_signals(path)


def test_a_signal_listed_twice_is_refused(tmp_path):
    path = tmp_path / "signals.toml"
    path.write_text(GOOD + GOOD, encoding="utf-8")
    with pytest.raises(CatalogueError, match="each id once"):
        load_signals(path)
