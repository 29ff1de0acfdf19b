"""Assembly and export of a 26-reason draft with 2,000-character examples (part of bench/run.py).

Assembly is timed two ways. *New content*: every run assembles a draft whose every example
sentence is new (numbered by run and reason), so no cache keyed on what the group typed (the
passages, their word runs, the parsed markup, the merged asks) holds anything of it; this is
the design's bar. *Same content again*: the same draft assembled again and again, as when a
page reruns without a change, so those caches answer. Templates compile once per process
either way, as in the app. `drafting.memo` is not involved: it sits above assembly.

Each figure is the median CPU time of this thread (`time.thread_time`) over many runs in one
process: other work on a shared machine does not count, its effect on the caches and clock
does, and is shared by every row. The Word file is measured against python-docx saving an
empty document in the same run (the bar is 3x).
"""

from __future__ import annotations

import datetime as dt
import io
import statistics
import time

import docx

from bench.drafts import big_draft
from drafting import ChosenReason, Draft, assemble, list_templates, to_docx
from reasons import load_catalogue

TODAY = dt.date(2026, 11, 25)
SENTENCE = "At our lunch club in week {run} of the year {n} people told us what it means."


def median_ms(action, runs: int) -> float:
    action()  # warm caches: templates compile once per process, as in the app
    times = []
    for _ in range(runs):
        start = time.thread_time()
        action()
        times.append(time.thread_time() - start)
    return statistics.median(times) * 1000


def new_content_ms(drafts: list[Draft], catalogue, template: str) -> float:
    """Median ms to assemble each of `drafts` once (each holds examples no other one does)."""
    times = []
    for draft in drafts:
        start = time.thread_time()
        assemble(draft, catalogue, template=template, today=TODAY)
        times.append(time.thread_time() - start)
    return statistics.median(times) * 1000


def fresh_drafts(catalogue, count: int, first_run: int) -> list[Draft]:
    """`count` drafts like big_draft, every sentence of every example unique to its draft."""
    drafts = []
    for run in range(first_run, first_run + count):
        draft = big_draft(catalogue)
        draft.reasons = [ChosenReason(r.id, fresh_example(run, r.id)) for r in draft.reasons]
        drafts.append(draft)
    return drafts


def fresh_example(run: int, reason_id: int, length: int = 2000) -> str:
    """A 2,000-character example whose every sentence names its run, reason and place."""
    parts, n = [], 0
    while sum(map(len, parts)) < length:
        parts.append(SENTENCE.format(run=f"{run}-{reason_id}-{n}", n=n) + " ")
        n += 1
    return "".join(parts)[:length].rstrip()


def empty_docx() -> bytes:
    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


def measure(runs: int = 100, fresh_runs: int = 50) -> list[dict]:
    """Rows of the results table: name, median ms, the bar and whether it holds."""
    catalogue = load_catalogue()
    draft = big_draft(catalogue)
    rows = []
    for n, t in enumerate(list_templates()):
        drafts = fresh_drafts(catalogue, fresh_runs, first_run=n * fresh_runs)
        new = new_content_ms(drafts, catalogue, t.id)
        rows.append(
            {
                "measure": f"assemble '{t.id}', every example new (median of {fresh_runs})",
                "value": new,
                "unit": "ms",
                "bar": "< 5 ms",
                "holds": new < 5,
            }
        )
        again = median_ms(lambda t=t.id: assemble(draft, catalogue, template=t, today=TODAY), runs)
        rows.append(
            {
                "measure": f"assemble '{t.id}', the same draft again (median of {runs})",
                "value": again,
                "unit": "ms",
                "bar": "(none: a cache's figure)",
                "holds": None,
            }
        )
    letter = assemble(draft, catalogue, template="formal", today=TODAY)
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
