"""Golden letters: the full draft, and the shared sample draft, in each template, compared as
text with tests/golden/ (the sample's letters are the ones to read as a head of commissioning).

A wording change in a template, a tone or the catalogue shows up here. After a change you
mean, refresh the files with:  UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
and read the diff before you commit it.
"""

import os
from pathlib import Path

import pytest

from drafting import assemble, list_templates, load_draft, to_text
from tests.helpers import DATA, LETTER_DATE

GOLDEN = Path(__file__).parent / "golden"
CASES = [(t.id, "formal") for t in list_templates()] + [
    ("formal", "firm"),
    ("formal", "collaborative"),
]


@pytest.mark.parametrize(("template", "tone"), CASES)
def test_the_letter_matches_its_golden_copy(full_draft, catalogue, template, tone):
    text = to_text(assemble(full_draft, catalogue, template=template, tone=tone, today=LETTER_DATE))
    path = GOLDEN / f"{template}-{tone}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden copy yet: run UPDATE_GOLDEN=1 pytest {__file__}"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("template", [t.id for t in list_templates()])
def test_the_sample_drafts_letter_matches_its_golden_copy(catalogue, template):
    draft = load_draft(DATA / "sample-draft.json")
    text = to_text(assemble(draft, catalogue, template=template, today=LETTER_DATE))
    path = GOLDEN / f"sample-{template}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden copy yet: run UPDATE_GOLDEN=1 pytest {__file__}"
    assert text == path.read_text(encoding="utf-8")
