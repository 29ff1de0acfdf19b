"""Rerun cost of each page under AppTest, against its own element floor in the same process.

Every click reruns the page script, so this is what a click costs on the server. The floor is a
plain script drawing the same elements with no logic (bench/floor.py), generated from one run of
the page; floor and page reruns are interleaved, so both see the same machine noise. The bar is
a ratio of 1.2 (issue 15).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from bench.drafts import ROOT, realistic_draft
from bench.floor import floor_script

PAGES = ("start", "situation", "reasons", "examples", "details", "questions", "letter")


def _rerun_seconds(at: AppTest) -> float:
    start = time.perf_counter()
    at.run()
    return time.perf_counter() - start


def _open(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["draft"] = realistic_draft()
    at.run()
    if page != "start":
        at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def measure(runs: int = 20) -> list[dict]:
    os.environ.setdefault("RESPONSE_BUILDER_DATA", tempfile.mkdtemp(prefix="bench-data-"))
    floors = Path(tempfile.mkdtemp(prefix="bench-floors-"))
    rows = []
    for page in PAGES:
        at = _open(page)
        path = floors / f"floor_{page}.py"
        path.write_text(floor_script(at), encoding="utf-8")
        floor = AppTest.from_file(str(path), default_timeout=60).run()
        assert not floor.exception, floor.exception
        for _ in range(3):  # warm up both
            at.run()
            floor.run()
        page_times, floor_times = [], []
        for _ in range(runs):
            floor_times.append(_rerun_seconds(floor))
            page_times.append(_rerun_seconds(at))
        page_ms = statistics.median(page_times) * 1000
        floor_ms = statistics.median(floor_times) * 1000
        rows.append(
            {
                "measure": f"rerun '{page}' {page_ms:.1f} ms / its element floor {floor_ms:.1f} ms",
                "value": page_ms / floor_ms,
                "unit": "x",
                "bar": "<= 1.2x",
                "holds": page_ms / floor_ms <= 1.2,
            }
        )
    return rows
