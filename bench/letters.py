"""Print, per template, the measured bars of the letters made from sample drafts: words in the
body (salutation to sign-off) against the template's budget, the group's own share, the most
used four-word sentence opening, near-duplicate asks and repeated passages.

    .venv/bin/python -m bench.letters [draft.json ...]

Without arguments it measures the shared sample draft (tests/data/sample-draft.json) and the
varied sample drafts the letter tests use (tests/letter_samples.py).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from drafting.letter.assembly import assemble
from drafting.letter.length import letter_measures
from drafting.letter.templates import list_templates
from drafting.model.parsing import load_draft
from reasons.catalogue import load_catalogue

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 25)


def main(paths: list[str]) -> None:
    catalogue = load_catalogue()
    if paths:
        drafts = {Path(p).stem: load_draft(p, catalogue.ids) for p in paths}
    else:
        sys.path.insert(0, str(ROOT))
        from tests.letter_samples import samples

        drafts = {"sample-draft": load_draft(ROOT / "tests" / "data" / "sample-draft.json")}
        drafts.update(samples())
    print("| draft | template | words | budget | own % | top opening | dup asks | repeats |")
    print("|---|---|---|---|---|---|---|---|")
    for name, draft in drafts.items():
        for info in list_templates():
            letter = assemble(draft, catalogue, template=info.id, today=TODAY)
            m = letter_measures(draft, letter, info)
            print(
                f"| {name} | {info.id} | {m.words} | {info.budget or '-'} | {m.own.percent} |"
                f" {m.top_opening[1]}x '{m.top_opening[0]}' | {len(m.duplicate_asks)} |"
                f" {len(m.repeated)} |"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
