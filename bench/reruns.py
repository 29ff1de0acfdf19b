"""Rerun cost of each page under AppTest, against an empty Streamlit page in the same process.

Every click reruns the page script, so this is what a click costs on the server. Empty-page and
page reruns are interleaved, so both see the same machine noise; the bar is a ratio of 4.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time

from streamlit.testing.v1 import AppTest

from bench.drafts import ROOT, realistic_draft

PAGES = ("start", "situation", "reasons", "examples", "details", "questions", "letter")
EMPTY_PAGE = "import streamlit as st\n"


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


def measure(runs: int = 30) -> list[dict]:
    os.environ.setdefault("RESPONSE_BUILDER_DATA", tempfile.mkdtemp(prefix="bench-data-"))
    empty = AppTest.from_string(EMPTY_PAGE).run()
    rows = []
    for page in PAGES:
        at = _open(page)
        for _ in range(3):  # warm up both
            at.run()
            empty.run()
        page_times, empty_times = [], []
        for _ in range(runs):
            empty_times.append(_rerun_seconds(empty))
            page_times.append(_rerun_seconds(at))
        page_ms = statistics.median(page_times) * 1000
        empty_ms = statistics.median(empty_times) * 1000
        rows.append(
            {
                "measure": f"rerun '{page}' {page_ms:.1f} ms / empty page {empty_ms:.1f} ms",
                "value": page_ms / empty_ms,
                "unit": "x",
                "bar": "<= 4x",
                "holds": page_ms / empty_ms <= 4,
            }
        )
    return rows
