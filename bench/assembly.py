"""Benchmark: how long assembly and export take for a 26-reason draft with 2,000-character examples.

    python bench/assembly.py [--runs 200]

Prints one table and writes it as JSON to bench/results/assembly.json. Figures are medians of
many runs in one process, so the machine's noise is shared by every row; the Word row is also
given as a ratio to python-docx saving an empty document in the same run (the bar is 3x).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from drafting import ChosenReason, assemble, list_templates, to_docx, to_markdown, to_text  # noqa: E402
from drafting.draft import parse_draft  # noqa: E402
from reasons import load_catalogue  # noqa: E402

RESULTS = ROOT / "bench" / "results"


def median_ms(action, runs: int) -> float:
    action()  # warm caches: templates compile once per process, as in the app
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def big_draft(catalogue):
    draft = parse_draft((ROOT / "tests" / "data" / "sample-draft.json").read_bytes())
    sentence = "At our Thursday lunch club, 42 people told us what the service means to them. "
    draft.reasons = [
        ChosenReason(r.id, (f"Reason {r.id}: " + sentence * 30)[:2000]) for r in catalogue.reasons
    ]
    return draft


def empty_docx() -> bytes:
    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


def _verdict(holds: bool) -> str:
    return "holds" if holds else "fails"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=200)
    runs = parser.parse_args().runs
    catalogue = load_catalogue()
    draft = big_draft(catalogue)
    today = dt.date(2026, 11, 25)
    rows = {}
    for template in list_templates():
        rows[f"assemble {template.id}"] = median_ms(
            lambda t=template.id: assemble(draft, catalogue, template=t, today=today), runs
        )
    letter = assemble(draft, catalogue, template="formal", today=today)
    rows["export Word (formal)"] = median_ms(lambda: to_docx(letter), runs)
    rows["export Markdown (formal)"] = median_ms(lambda: to_markdown(letter), runs)
    rows["export text (formal)"] = median_ms(lambda: to_text(letter), runs)
    rows["python-docx saves an empty document"] = median_ms(empty_docx, runs)
    ratio = rows["export Word (formal)"] / rows["python-docx saves an empty document"]

    print(f"26 reasons, 2,000-character examples, median of {runs} runs")
    print(f"{'step':<40} {'ms':>8}")
    for name, ms in rows.items():
        print(f"{name:<40} {ms:>8.2f}")
    worst = max(v for k, v in rows.items() if k.startswith("assemble"))
    print(
        f"slowest assembly {worst:.2f} ms (bar: under 5 ms) -> {'holds' if worst < 5 else 'fails'}"
    )
    print(
        f"Word export / empty save = {ratio:.2f}x (bar: at most 3x) -> "
        f"{'holds' if ratio <= 3 else 'fails'}"
    )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "assembly.json").write_text(
        json.dumps({"runs": runs, "median_ms": rows, "word_ratio": ratio}, indent=2) + "\n"
    )


if __name__ == "__main__":
    main()
