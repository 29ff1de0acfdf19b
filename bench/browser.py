"""Browser benchmarks: start-up, tick-to-preview latency and memory per session, each against
an empty Streamlit app (or a baseline) measured the same way in the same run."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.appserver import AppServer, launch_chromium
from bench.drafts import realistic_draft
from drafting.store import DraftStore

EMPTY_APP = 'import streamlit as st\n\nst.title("Empty app")\n'
APP_READY = "Response Builder"  # the Start page's heading


def _empty_script(folder: Path) -> Path:
    script = folder / "empty_app.py"
    script.write_text(EMPTY_APP, encoding="utf-8")
    return script


def _first_render_seconds(browser, server: AppServer, heading: str) -> float:
    """From starting the process to the first page's heading drawn in Chromium."""
    start = time.perf_counter()
    server.start()
    page = browser.new_page()
    try:
        page.goto(server.url)
        page.get_by_role("heading", name=heading).first.wait_for(timeout=60_000)
        return time.perf_counter() - start
    finally:
        page.close()
        server.stop()


def measure_startup(runs: int = 5) -> list[dict]:
    folder = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    app = AppServer(folder / "app-data")
    empty = AppServer(folder / "empty-data", script=_empty_script(folder))
    for server in (app, empty):
        server.data.mkdir()
    app_times, empty_times = [], []
    with sync_playwright() as p:
        browser = launch_chromium(p)
        for _ in range(runs):  # alternate, so both see the same machine
            empty_times.append(_first_render_seconds(browser, empty, "Empty app"))
            app_times.append(_first_render_seconds(browser, app, APP_READY))
        browser.close()
    app_s, empty_s = statistics.median(app_times), statistics.median(empty_times)
    return [
        {
            "measure": f"start-up to first page {app_s:.2f} s / empty app {empty_s:.2f} s",
            "value": app_s / empty_s,
            "unit": "x",
            "bar": "<= 1.3x",
            "holds": app_s / empty_s <= 1.3,
        }
    ]


def measure_latency(runs: int = 20) -> list[dict]:
    """Tick a reason on the letter page; time until the preview shows its paragraph."""
    from reasons import load_catalogue

    catalogue = load_catalogue()
    folder = Path(tempfile.mkdtemp(prefix="bench-latency-"))
    server = AppServer(folder)
    draft_id, _ = DraftStore(folder).create(realistic_draft())
    candidates = [r for r in catalogue.reasons if r.id not in realistic_draft().reason_ids]
    times = []
    server.start()
    try:
        with sync_playwright() as p:
            browser = launch_chromium(p)
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(f"{server.url}/letter?draft={draft_id}")
            preview = page.locator(".st-key-letter_preview")
            preview.wait_for()
            page.get_by_text("Add or remove reasons").click()
            for n in range(runs):
                reason = candidates[n % len(candidates)]
                box = page.get_by_role("checkbox", name=reason.title)
                sentence = reason.paragraph.split(".")[0]
                start = time.perf_counter()
                box.click()
                if box.is_checked() or n % 2 == 0:
                    preview.get_by_text(sentence, exact=False).first.wait_for()
                times.append(time.perf_counter() - start)
                box.click()  # untick again: the next run starts from the same letter
                preview.get_by_text(sentence, exact=False).first.wait_for(state="detached")
            browser.close()
    finally:
        server.stop()
    ms = statistics.median(times) * 1000
    return [
        {
            "measure": f"tick a reason until the preview shows it (median of {runs})",
            "value": ms,
            "unit": "ms",
            "bar": "< 200 ms",
            "holds": ms < 200,
        }
    ]


def _resident_after_sessions(browser, server: AppServer, path: str, ready, sessions: int):
    """Open sessions one by one; return the server's MB after the first and after all."""
    contexts, after_first = [], 0.0
    for n in range(sessions):
        context = browser.new_context()
        page = context.new_page()
        page.goto(server.url + path)
        ready(page)
        contexts.append(context)
        if n == 0:
            time.sleep(1)
            after_first = server.resident_mb()
    time.sleep(2)
    after_all = server.resident_mb()
    for context in contexts:
        context.close()
    return after_first, after_all


def measure_memory(sessions: int = 20) -> list[dict]:
    folder = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    app = AppServer(folder / "app-data")
    empty = AppServer(folder / "empty-data", script=_empty_script(folder))
    for server in (app, empty):
        server.data.mkdir()
    draft_id, _ = DraftStore(app.data).create(realistic_draft())
    results = {}
    with sync_playwright() as p:
        browser = launch_chromium(p)
        for name, server, path, heading in (
            ("empty", empty, "/", "Empty app"),
            ("app", app, f"/letter?draft={draft_id}", "Your letter"),
        ):
            server.start()
            try:
                results[name] = _resident_after_sessions(
                    browser,
                    server,
                    path,
                    lambda page, h=heading: page.get_by_role("heading", name=h).first.wait_for(),
                    sessions,
                )
            finally:
                server.stop()
        browser.close()
    per_session = {
        name: (after_all - after_first) / (sessions - 1)
        for name, (after_first, after_all) in results.items()
    }
    extra = per_session["app"] - per_session["empty"]
    return [
        {
            "measure": (
                f"memory per session beyond an empty app's ({sessions} sessions;"
                f" app {per_session['app']:.1f} MB, empty {per_session['empty']:.1f} MB each)"
            ),
            "value": extra,
            "unit": "MB",
            "bar": "< 5 MB",
            "holds": extra < 5,
        }
    ]
