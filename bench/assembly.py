"""Assembly and export of a 26-reason draft with 2,000-character examples (part of bench/run.py).

Medians of many runs in one process, so the machine's noise is shared by every row; the Word
file is measured against python-docx saving an empty document in the same run (the bar is 3x).
"""

from __future__ import annotations

import datetime as dt
import io
import statistics
import time

import docx

from bench.drafts import big_draft
from drafting import assemble, list_templates, to_docx
from reasons import load_catalogue


def median_ms(action, runs: int) -> float:
    action()  # warm caches: templates compile once per process, as in the app
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def empty_docx() -> bytes:
    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


def measure(runs: int = 200) -> list[dict]:
    """Rows of the results table: name, median ms, the bar and whether it holds."""
    catalogue = load_catalogue()
    draft = big_draft(catalogue)
    today = dt.date(2026, 11, 25)
    rows = [
        {
            "measure": f"assemble '{t.id}' (26 reasons, 2,000-character examples)",
            "value": median_ms(
                lambda t=t.id: assemble(draft, catalogue, template=t, today=today), runs
            ),
            "unit": "ms",
            "bar": "< 5 ms",
        }
        for t in list_templates()
    ]
    for row in rows:
        row["holds"] = row["value"] < 5
    letter = assemble(draft, catalogue, template="formal", today=today)
    word = median_ms(lambda: to_docx(letter), runs)
    empty = median_ms(empty_docx, runs)
    rows.append(
        {
            "measure": f"Word file (formal) {word:.1f} ms / empty python-docx save {empty:.1f} ms",
            "value": word / empty,
            "unit": "x",
            "bar": "<= 3x",
            "holds": word / empty <= 3,
        }
    )
    return rows
