"""Print the bars of issue 22 for every letter made from the sample drafts, in every template
and tone: each example whole, no quotation left open, the number of numbered asks, asks that
repeat another's substance, asks that contradict the group's position, the asks the same in
every tone, sentences that open with a worry, council-only law named in a letter to the NHS,
and the stock words (outside any four-word run of what the group typed) against the
template's bar.

    .venv/bin/python -m bench.letters [draft.json ...]

Without arguments it measures the shared sample draft (tests/data/sample-draft.json) and the
varied sample drafts the letter tests use (tests/letter_samples.py). Exit status 1 if a letter
misses a bar.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from drafting.letter.assembly import assemble
from drafting.letter.bars import letter_bars
from drafting.letter.length import asks
from drafting.letter.templates import list_templates
from drafting.model.draft import Draft
from drafting.model.parsing import load_draft
from reasons.catalogue import load_catalogue
from reasons.phrases import TONES

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 25)
HEADER = (
    "| draft | template | tone | words | examples whole | open quotes | asks | dup asks"
    " | contra asks | same asks all tones | worry openings | NHS-forbidden | stock words / bar |"
)


def sample_drafts() -> dict[str, Draft]:
    """The shared sample draft and the varied samples of tests/letter_samples.py, by name."""
    sys.path.insert(0, str(ROOT))
    from tests.letter_samples import samples

    return {"sample-draft": load_draft(ROOT / "tests" / "data" / "sample-draft.json")} | samples()


def rows(drafts: dict[str, Draft]):
    """Each letter's row of the table, and whether it meets every bar."""
    catalogue = load_catalogue()
    for name, draft in drafts.items():
        for info in list_templates():
            letters = {
                tone: assemble(draft, catalogue, template=info.id, tone=tone, today=TODAY)
                for tone in TONES
            }
            same = len({tuple(asks(letter)) for letter in letters.values()}) == 1
            for tone, letter in letters.items():
                b = letter_bars(draft, letter, info)
                words = len(" ".join(t for blk in letter.blocks for t in blk.texts).split())
                row = (
                    f"| {name} | {info.id} | {tone} | {words} |"
                    f" {'yes' if b.examples_whole else 'NO'} | {b.open_quotes} | {b.asks} |"
                    f" {b.duplicate_asks} | {b.contradicting_asks} | {'yes' if same else 'NO'} |"
                    f" {b.worry_openings} | {', '.join(b.nhs_forbidden) or '-'} |"
                    f" {b.stock_words} / {b.stock_bar or '-'} |"
                )
                yield row, not b.failures and same


def main(paths: list[str]) -> int:
    catalogue_ids = load_catalogue().ids
    drafts = (
        {Path(p).stem: load_draft(p, catalogue_ids) for p in paths} if paths else sample_drafts()
    )
    print(HEADER)
    print("|" + "---|" * HEADER.count(" | ") + "---|")
    missed = 0
    for row, ok in rows(drafts):
        print(row)
        missed += not ok
    print(f"\n{missed} letters miss a bar.", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
