"""Click-to-visible in Chromium: three clicks a group makes, in the app and in its page's floor.

The floor of a page (bench/floor.py) draws the same elements with no logic, so the app's time
over the floor's is what its own work adds to what a person waits for. Both run as real servers
(the app with the realistic draft stored and opened from its link, as bench/reruns.py opens it)
in headless Chromium, in turn, click for click, so both see the same machine:

- *tick* a reason on Choose reasons: until the box is ticked and the count reads one more (the
  floor's count is plain text: there, the box ticked);
- *save* an example on Local examples: its text typed, then Ctrl+Enter;
- *open Your letter* from Choose reasons by the navigation: until its heading is drawn.

Each click is timed in the page (bench/clicks.js), from the browser's input event to the first
frame after the server's `script_finished` message has arrived in which the app is idle
(`data-test-script-state` is `notRunning`), no element is stale or waiting for its code
(`stSkeleton`) and the click's result is on the page. Each click is then undone, untimed, so
every timed click starts from the same state. Each row also says when the run's end reached the
page: before it, the server's work (and the loopback's); after it, the browser's drawing. The bar
is the rerun bar of issue 15: at most 1.2 times the floor.
"""

from __future__ import annotations

import os
import re
import statistics
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect, sync_playwright

from bench.appserver import AppServer, launch_chromium
from bench.drafts import realistic_draft
from bench.floor import floor_script, write_floor_app
from bench.reruns import open_page
from drafting.store import DATA_ENV

TIMEOUT_MS = 30_000
REASON = 5  # not in the realistic draft: ticking it adds it
EXAMPLE = 20  # in the realistic draft, with an example
# Counts Streamlit's run ends as they arrive, and times a click: see bench/clicks.js.
SCRIPT = Path(__file__).with_suffix(".js").read_text(encoding="utf-8")
ARM = "([shown, arg, timeout]) => window.armClick(eval(shown), arg, timeout)"
TICKED = """([label, checked, count]) => {
  const box = [...document.querySelectorAll('input[type="checkbox"]')]
    .find(b => (b.getAttribute('aria-label') || '').startsWith(label));
  return box?.checked === checked
    && document.querySelector('[data-testid="stMain"]').textContent.includes(count);
}"""
SAVED = """([label, text]) =>
  document.querySelector(`textarea[aria-label="${label}"]`)?.value === text"""
HEADING = (
    """(title) => [...document.querySelectorAll('h1')].some(h => h.textContent.trim() === title)"""
)


@dataclass(frozen=True)
class Step:
    """A click, and what shows on the page once its rerun has ended (`shown`, a JS function)."""

    act: Callable[[Page], None]
    shown: str
    arg: object = None

    def ms(self, tab: Page) -> tuple[float, float]:
        """Ms from the click until its result is shown, and until its run's end arrived."""
        tab.evaluate(ARM, [self.shown, self.arg, TIMEOUT_MS])
        self.act(tab)
        shown, finished = tab.evaluate("() => window.clicked")
        return shown, finished


@dataclass(frozen=True)
class Click:
    """A timed click, the untimed click that undoes it, and where both tabs start."""

    name: str
    page: str  # whose floor the floor server draws
    start: str  # the page both tabs start on
    timed: Callable[[bool], Step]  # given "is this the floor?"
    undo: Callable[[bool], Step]


def _tick(ticked: bool, chosen: int) -> Callable[[bool], Step]:
    """Tick (or untick) the reason's box, with `chosen` reasons in the draft before the tick:
    the app's count then reads one more (or `chosen` again); the floor's, plain text, `chosen`."""
    label = f"Reason {REASON}:"

    def step(floor: bool) -> Step:
        count = chosen + (ticked and not floor)
        return Step(
            lambda tab: tab.get_by_text(re.compile(f"^{label}")).click(),
            TICKED,
            [label, ticked, f"You have chosen {count} reasons"],
        )

    return step


def _save(text: str) -> Callable[[bool], Step]:
    label = f"Your local example for reason {EXAMPLE}"

    def type_and_commit(tab: Page) -> None:
        box = tab.get_by_label(label, exact=True)
        box.fill(text)
        box.press("Control+Enter")

    return lambda floor: Step(type_and_commit, SAVED, [label, text])


def _follow(link: str, title: str) -> Callable[[bool], Step]:
    def click(tab: Page) -> None:
        tab.get_by_role("navigation", name="App pages").get_by_role(
            "link", name=link, exact=True
        ).click()

    return lambda floor: Step(click, HEADING, title)


def _clicks() -> list[Click]:
    draft = realistic_draft()  # the draft open_page stores
    chosen = len(draft.reasons)
    example = next(r.example for r in draft.reasons if r.id == EXAMPLE)
    return [
        Click("tick a reason", "reasons", "reasons", _tick(True, chosen), _tick(False, chosen)),
        Click(
            "save an example",
            "examples",
            "examples",
            _save(example + " We saw it again last week."),
            _save(example),
        ),
        Click(
            "open Your letter",
            "letter",
            "reasons",
            _follow("Your letter", "Your letter"),
            _follow("Choose reasons", "Choose reasons"),
        ),
    ]


def _floor_app(click: Click, opened: dict, folder: Path) -> Path:
    """The floor app of the click's page; the page it starts on drawn as its own floor too."""
    frame = write_floor_app(opened[click.page], click.page, folder / click.page)
    if click.start != click.page:
        (frame.parent / f"{click.start}.py").write_text(
            floor_script(opened[click.start]), encoding="utf-8"
        )
    return frame


def _open_tab(browser, url: str) -> Page:
    """A new tab at `url`, once its first run has ended and every element is drawn."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.add_init_script(SCRIPT)
    tab = context.new_page()
    tab.goto(url)
    # Untimed, so a busy shared machine gets as long as it needs (Playwright's default is 5 s).
    expect(tab.locator('[data-test-script-state="notRunning"]')).to_have_count(1, timeout=60_000)
    expect(tab.locator('[data-testid="stSkeleton"]')).to_have_count(0, timeout=60_000)
    return tab


def _timed(click: Click, tabs: dict[str, Page], runs: int, warm_up: int = 2) -> dict:
    """Per tab, the median ms of the click until shown and until its run's end arrived; app
    and floor in turn, each click undone after."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in tabs}
    for n in range(warm_up + runs):
        for name, tab in tabs.items():
            floor = name == "floor"
            try:
                ms = click.timed(floor).ms(tab)
                click.undo(floor).ms(tab)
            except PlaywrightError as error:
                raise RuntimeError(f"{click.name}, in the {name}: {error.message}") from error
            if n >= warm_up:
                times[name].append(ms)
    return {
        name: tuple(statistics.median(column) for column in zip(*values, strict=True))
        for name, values in times.items()
    }


def _row(click: Click, runs: int, ms: dict) -> dict:
    (app, app_run), (floor, floor_run) = ms["app"], ms["floor"]
    return {
        "measure": (
            f"click-to-visible '{click.name}' app {app:.0f} ms / its floor {floor:.0f} ms"
            f" (median of {runs}; the run's end arrived at {app_run:.0f} / {floor_run:.0f} ms)"
        ),
        "value": app / floor,
        "unit": "x",
        "bar": "<= 1.2x",
        "holds": app / floor <= 1.2,
    }


def measure(runs: int = 15) -> list[dict]:
    folder = Path(tempfile.mkdtemp(prefix="bench-clicks-"))
    app = AppServer(folder / "app-data")
    app.data.mkdir()
    clicks = _clicks()
    with mock.patch.dict(os.environ, {DATA_ENV: str(app.data)}):  # stores in the app's folder
        opened = {
            page: open_page(page) for page in {c.page for c in clicks} | {c.start for c in clicks}
        }
    draft_link = f"?draft={opened['reasons'].query_params['draft']}"
    rows = []
    with sync_playwright() as p:
        browser = launch_chromium(p)
        app.start()
        try:
            for click in clicks:
                floor = AppServer(
                    folder / f"{click.page}-floor-data",
                    script=_floor_app(click, opened, folder / "floors"),
                )
                floor.data.mkdir()
                floor.start()
                try:
                    tabs = {
                        "app": _open_tab(browser, f"{app.url}/{click.start}{draft_link}"),
                        # The floor's own page is its default, at "/".
                        "floor": _open_tab(
                            browser,
                            f"{floor.url}/{'' if click.start == click.page else click.start}",
                        ),
                    }
                    rows.append(_row(click, runs, _timed(click, tabs, runs)))
                    for tab in tabs.values():
                        tab.context.close()
                finally:
                    floor.stop()
        finally:
            app.stop()
            browser.close()
    return rows
