"""Rerun cost of each page under AppTest, against its own element floor in the same process.

Every click reruns the page script, so this is what a click costs on the server. The floor is a
plain script drawing the same elements with no logic (bench/floor.py), generated from one run of
the page; floor and page reruns are interleaved, so both see the same machine noise. The bar is
a ratio of 1.2 (issue 15).

What is timed is the CPU time of the script's own thread while it runs the page (or floor),
the server time a click costs: AppTest's harness around it (a new runner, thread and event
loop for every run, waiting in 1 ms sleeps) is the same for both and is left out, and so is
whatever else the machine is doing.

Two things make AppTest differ from the server, and both are put right here, for page and floor
alike: AppTest compiles every script afresh on every run, where the server compiles each once
(its `ScriptCache`), so one cache is shared across runs; and the draft is stored and opened from
its link, as a group's draft is after its first change.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import script_runner
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest, app_test, local_script_runner

from bench.drafts import ROOT, realistic_draft
from bench.floor import keep_fragments, remember, write_floor_app
from drafting.store import DraftStore, configured_url

PAGES = ("start", "situation", "reasons", "examples", "details", "questions", "letter")


_script_cpu: list[float] = []  # seconds of CPU of each script run, in order


def _time_script_runs() -> None:
    """Record the script thread's CPU time for every run of a script."""
    run = script_runner.ScriptRunner._run_script

    def timed(self, *args, **kwargs):
        start = time.thread_time()
        try:
            return run(self, *args, **kwargs)
        finally:
            _script_cpu.append(time.thread_time() - start)

    script_runner.ScriptRunner._run_script = timed


def _rerun_seconds(at: AppTest) -> float:
    at.run()
    return _script_cpu[-1]


def _compile_once() -> None:
    """Keep each script's bytecode between AppTest runs, as the server does."""
    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared


def _stored_draft_id() -> str:
    store = DraftStore(url=configured_url())
    try:
        return store.create(realistic_draft())[0]
    finally:
        store.close()


def open_page(page: str) -> AppTest:
    """`page` under AppTest as a group meets it: the realistic draft stored and opened by link
    (with the fragments of its last run kept, for its floor)."""
    keep_fragments()
    # The app keeps one store per process (`st.cache_resource`): open it afresh, in the data
    # folder this benchmark set, where the draft below is stored.
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["draft"] = _stored_draft_id()
    at.run()
    if page != "start":
        at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, at.exception
    remember(at)
    return at


def measure(runs: int = 40, pages: tuple[str, ...] = PAGES) -> list[dict]:
    os.environ.setdefault("RESPONSE_BUILDER_DATA", tempfile.mkdtemp(prefix="bench-data-"))
    floors = Path(tempfile.mkdtemp(prefix="bench-floors-"))
    _compile_once()
    _time_script_runs()
    rows = []
    for page in pages:
        at = open_page(page)
        path = write_floor_app(at, page, floors / page)
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
