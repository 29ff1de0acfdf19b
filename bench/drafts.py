"""Drafts the benchmarks measure with: realistic (the rerun and browser bars) and big (assembly)."""

from __future__ import annotations

from pathlib import Path

from drafting import ChosenReason, CoSignatory, Draft, Question, parse_draft

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = "At our Thursday lunch club, 42 people told us what the service means to them. "


def _sample() -> Draft:
    return parse_draft((ROOT / "tests" / "data" / "sample-draft.json").read_bytes())


def _example(reason_id: int, length: int) -> str:
    return (f"Reason {reason_id}: " + SENTENCE * (length // len(SENTENCE) + 1))[:length]


def realistic_draft() -> Draft:
    """10 reasons with 1,000-character examples, 3 questions, 2 co-signatories."""
    draft = _sample()
    ids = [2, 20, 14, 19, 3, 26, 1, 10, 23, 25]
    draft.reasons = [ChosenReason(i, _example(i, 1000)) for i in ids]
    draft.questions = [
        Question("Do you agree with the proposed model?", [2, 20], "No."),
        Question("What would the impact be on your organisation?", [19], ""),
        Question("Any other comments?", [], "Please keep the grants."),
    ]
    draft.co_signatories = [
        CoSignatory("Hillside Tenants", "Sam Okafor", "Chair"),
        CoSignatory("Hillside Youth Club", "Priya Shah", "Secretary"),
    ]
    return draft


def big_draft(catalogue) -> Draft:
    """All 26 reasons, each with a 2,000-character example."""
    draft = _sample()
    draft.reasons = [ChosenReason(r.id, _example(r.id, 2000)) for r in catalogue.reasons]
    return draft
