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
# The least an "add a reason, see it shown" round trip can cost: the same widget, one line shown.
MINIMAL_PICKER_APP = """import streamlit as st

from reasons import load_catalogue

reasons = {r.id: r for r in load_catalogue().reasons}
chosen = st.multiselect(
    "Reasons in this letter", list(reasons), format_func=lambda i: f"{i}. {reasons[i].title}"
)
for i in chosen:
    st.write(reasons[i].paragraph)
"""
APP_READY = "Response Builder"  # the Start page's heading
SETTLE_S = 1  # seconds after a session's page is drawn before the server's memory is read


def _app_and_baseline(name: str, baseline_source: str) -> tuple[AppServer, AppServer]:
    """The app and a baseline script, each a server with a fresh data folder of its own."""
    folder = Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
    script = folder / "baseline_app.py"
    script.write_text(baseline_source, encoding="utf-8")
    app = AppServer(folder / "app-data")
    baseline = AppServer(folder / "baseline-data", script=script)
    for server in (app, baseline):
        server.data.mkdir()
    return app, baseline


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
    app, empty = _app_and_baseline("startup", EMPTY_APP)
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


def _add_reason_ms(page, preview, reasons, runs: int) -> float:
    """Median ms from picking a reason in "Reasons in this letter" until `preview` shows its
    paragraph; each run takes the reason out again, so every run starts from the same state."""
    picker = page.get_by_role("combobox", name="Reasons in this letter")
    times = []
    for n in range(runs):
        reason = reasons[n % len(reasons)]
        shown = preview.get_by_text(reason.paragraph[:60])
        picker.click()
        picker.press_sequentially(reason.title[:12])  # filter: the list is virtual
        option = page.get_by_role("option", name=f"{reason.id}. {reason.title}")
        start = time.perf_counter()
        option.click()
        shown.wait_for()
        times.append(time.perf_counter() - start)
        picker.press("Backspace")  # takes out the reason just added (the last one)
        page.keyboard.press("Escape")
        shown.wait_for(state="detached")
    return statistics.median(times) * 1000


def measure_latency(runs: int = 20) -> list[dict]:
    """Add a reason on the letter page; time until the preview shows its paragraph, beside the
    same round trip in a minimal app (a picker and the chosen paragraphs, nothing else)."""
    from reasons import load_catalogue

    catalogue = load_catalogue()
    app, minimal = _app_and_baseline("latency", MINIMAL_PICKER_APP)
    draft = realistic_draft()
    draft_id, _ = DraftStore(app.data).create(draft)
    reasons = [r for r in catalogue.reasons if r.id not in draft.reason_ids]
    results = {}
    with sync_playwright() as p:
        browser = launch_chromium(p)
        for name, server, path, preview_locator in (
            ("minimal", minimal, "/", "body"),
            ("app", app, f"/letter?draft={draft_id}", ".st-key-letter_preview"),
        ):
            server.start()
            try:
                page = browser.new_page(viewport={"width": 1280, "height": 1000})
                page.goto(server.url + path)
                page.get_by_role("combobox", name="Reasons in this letter").wait_for()
                results[name] = _add_reason_ms(page, page.locator(preview_locator), reasons, runs)
                page.close()
            finally:
                server.stop()
        browser.close()
    return [
        {
            "measure": (
                f"add a reason until the preview shows it (median of {runs}; a minimal"
                f" Streamlit app doing only that: {results['minimal']:.0f} ms)"
            ),
            "value": results["app"],
            "unit": "ms",
            "bar": "< 200 ms",
            "holds": results["app"] < 200,
        }
    ]


def _resident_after_each_session(browser, server: AppServer, path: str, ready, sessions: int):
    """Open sessions one by one; the server's MB after each, once it has settled."""
    contexts, resident = [], []
    for _ in range(sessions):
        context = browser.new_context()
        page = context.new_page()
        page.goto(server.url + path)
        ready(page)
        contexts.append(context)
        time.sleep(SETTLE_S)
        resident.append(server.resident_mb())
    for context in contexts:
        context.close()
    return resident


def per_session_mb(resident: list[float]) -> tuple[float, float]:
    """The growth per session (least-squares slope over the sessions after the first, whose
    run also loads the app's modules) and its standard error, in MB.

    >>> per_session_mb([100.0, 101.0, 102.0, 103.0])
    (1.0, 0.0)
    """
    counts, mb = list(range(1, len(resident))), resident[1:]
    slope, intercept = statistics.linear_regression(counts, mb)
    residuals = [m - (slope * n + intercept) for n, m in zip(counts, mb, strict=True)]
    mean = statistics.fmean(counts)
    spread = sum((n - mean) ** 2 for n in counts)
    error = (sum(r * r for r in residuals) / (len(counts) - 2) / spread) ** 0.5
    return round(slope, 6), round(error, 6)


def measure_memory(sessions: int = 20) -> list[dict]:
    """Memory each open session adds, beyond what a session of an empty app adds: the slope of
    the server's resident memory against the number of sessions open, with its standard error,
    so that the figure says how finely this run could tell (resident memory moves in pages and
    Python's allocator reuses freed memory, so one difference of two readings cannot)."""
    app, empty = _app_and_baseline("memory", EMPTY_APP)
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
                results[name] = per_session_mb(
                    _resident_after_each_session(
                        browser,
                        server,
                        path,
                        lambda page, h=heading: page.get_by_role(
                            "heading", name=h
                        ).first.wait_for(),
                        sessions,
                    )
                )
            finally:
                server.stop()
        browser.close()
    (app_mb, app_error), (empty_mb, empty_error) = results["app"], results["empty"]
    extra, error = app_mb - empty_mb, (app_error**2 + empty_error**2) ** 0.5
    return [
        {
            "measure": (
                f"memory per session beyond an empty app's ({sessions} sessions; app"
                f" {app_mb:.2f} ± {app_error:.2f} MB, empty {empty_mb:.2f} ± {empty_error:.2f} MB"
                f" each; ± one standard error, so the bar holds only if it holds at +2 of them:"
                f" {extra + 2 * error:.2f} MB)"
            ),
            "value": extra,
            "unit": "MB",
            "bar": "< 5 MB",
            "holds": extra + 2 * error < 5,
        }
    ]
