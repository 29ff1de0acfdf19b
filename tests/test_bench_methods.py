"""The benchmarks measure what the performance notes say they do (docs/performance.md)."""

from bench.assembly import fresh_drafts
from bench.browser import per_session_mb
from drafting.text import sentences
from reasons import load_catalogue


def test_every_example_sentence_of_the_fresh_drafts_is_new():
    # "Every example new": no cache keyed on what the group typed can answer from another run.
    drafts = fresh_drafts(load_catalogue(), count=3, first_run=0)
    found = [s for d in drafts for r in d.reasons for s in sentences(r.example)]
    assert len(found) == len(set(found))
    assert all(1900 <= len(r.example) <= 2000 for d in drafts for r in d.reasons)
    assert all(len(d.reasons) == 26 for d in drafts)


def test_memory_per_session_is_the_slope_after_the_first_session():
    # The first session also loads the app's modules: it is left out of the slope.
    assert per_session_mb([150.0, 200.0, 200.5, 201.0, 201.5]) == (0.5, 0.0)


def test_memory_per_session_says_how_finely_it_could_tell():
    slope, error = per_session_mb([100.0, 100.0, 103.0, 99.0, 102.0, 98.0, 101.0])
    assert error > abs(slope)  # noise: a slope within its error is no evidence of growth
