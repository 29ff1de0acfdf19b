"""What the tests share: the test data folder, a fixed letter date, the catalogue, the command
line, waiting for a condition, and the steps of the app under AppTest. The one module tests
import helpers from (no test module imports another)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

import docx
from streamlit.testing.v1 import AppTest

from drafting import Draft
from drafting.store import DraftStore
from reasons import Catalogue, load_catalogue

T = TypeVar("T")

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
# Bad draft files, copied from the design's shared examples so that the tests stand alone.
BAD_DRAFTS = DATA / "bad"
LETTER_DATE = dt.date(2026, 11, 25)  # every letter in the tests is dated this day


@cache
def reasons_catalogue() -> Catalogue:
    """The reasons catalogue, read once for every test (it cannot be changed: frozen records);
    the `catalogue` fixture gives the same one."""
    return load_catalogue()


def wait_until(check: Callable[[], T], failure: str, timeout: float = 15) -> T:
    """Call `check()` every 0.1 s until it gives something true, and return that; fail with
    `failure` if it has not within `timeout` seconds: for what happens in another process (a
    save reaching the store, a line reaching a log), where no page can be watched."""
    deadline = time.monotonic() + timeout
    while not (found := check()):
        if time.monotonic() > deadline:
            raise AssertionError(f"{failure} (waited {timeout} s)")
        time.sleep(0.1)
    return found


def run_cli(*args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess:
    """Run `python -m drafting ARGS` as a user would: a new process, with only the variables
    it needs (and any given, such as RESPONSE_BUILDER_DATA)."""
    return subprocess.run(
        [sys.executable, "-m", "drafting", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", **env},
    )


APP = ROOT / "app.py"
PAGES = ("start", "situation", "reasons", "examples", "details", "questions", "letter")
HOSTILE = "{{ 7*7 }} <script>alert(1)</script> [link](http://x) # not a heading $5 and $6"


def open_app(draft: Draft | None = None, page: str = "start", link: str | None = None) -> AppTest:
    """Open the app in a new tab on `page`: with `draft` in the session, or at the address of
    the draft saved as `link` (as a refresh, a reopened tab or a restarted server would)."""
    at = AppTest.from_file(str(APP), default_timeout=30)
    if draft is not None:
        at.session_state["draft"] = draft
    if link is not None:
        at.query_params["draft"] = link
    at.run()
    return go(at, page) if page != "start" else at


def go(at: AppTest, page: str) -> AppTest:
    return at.switch_page(f"app_pages/{page}.py").run()


def show(at: AppTest, view: str) -> AppTest:
    """Choose what the letter page shows: "preview" or "email"."""
    at.segmented_control(key="letter_view").set_value(view).run()
    return at


def edit_block(at: AppTest, block: str, change) -> str:
    """On the letter page, press Edit beside `block`, change its text with `change(text)`, and
    save; return the text saved."""
    at.button(key=f"edit_{block}").click().run()
    box = at.text_area(key=f"edit_text_{block}")
    text = change(box.value)
    box.input(text)
    at.button(key=f"edit_save_{block}").click().run()
    return text


def draft_of(at: AppTest) -> Draft:
    return at.session_state["draft"]


def saved(at: AppTest) -> Draft:
    """The draft as stored at the tab's link: what a user gets back on opening that link."""
    with DraftStore() as store:
        return store.load(link_of(at)).draft


def question_numbers(at: AppTest) -> list[str]:
    """The numbers of the questions shown on Questions and fairness, in order."""
    return [
        box.value for box in at.text_input if re.fullmatch(r"question_\d+_number", box.key or "")
    ]


def in_order(at: AppTest) -> list[int]:
    """The chosen reasons as listed on the page: the example boxes on Local examples, or the
    numbered list in Choose reasons' order view."""
    boxes = [re.fullmatch(r"example_(\d+)", box.key or "") for box in at.text_area]
    listed = [re.match(r"\d+\\\. Reason (\d+):", m.value) for m in at.markdown]
    return [int(m[1]) for m in [*boxes, *listed] if m]


def preview(at: AppTest) -> str:
    """The letter preview as the reader sees it: Markdown with its backslash escapes undone."""
    blocks = at.container(key="letter_preview").markdown
    return re.sub(r"\\(.)", r"\1", "\n\n".join(b.value for b in blocks))


def ticks(at: AppTest) -> dict[int, bool]:
    """The suggested reasons on Your situation, in the order shown, and whether each is ticked."""
    found = (re.match(r"Reason (\d+):", c.label) for c in at.checkbox)
    return {int(m[1]): c.value for m, c in zip(found, at.checkbox, strict=True) if m}


def tick_box(at: AppTest, reason: int):
    return next(c for c in at.checkbox if c.label.startswith(f"Reason {reason}:"))


def texts(elements) -> str:
    return "\n".join(e.value for e in elements)


def open_tab(link: str | None = None, page: str = "start") -> AppTest:
    """A new tab at a draft's link (none: a new visit)."""
    return open_app(page=page, link=link)


def link_of(at: AppTest) -> str:
    return (
        at.query_params["draft"][0]
        if isinstance(at.query_params["draft"], list)
        else (at.query_params["draft"])
    )


def type_an_example(at: AppTest, text: str) -> AppTest:
    go(at, "reasons")
    at.checkbox(key="reason_20").check().run()
    go(at, "examples")
    at.text_area(key="example_20").input(text).run()
    return at


PAYLOADS = {
    "template tags": "{{ 7*7 }} {% for x in [1] %}loop{% endfor %} {# note #}",
    "HTML and script": "<script>alert('x')</script><img src=x onerror=alert(1)> <b>b</b>",
    "Markdown": "[click](javascript:alert(1)) ![i](x.png) # heading **bold** > quote",
    "control characters": "bell\x07 backspace\x08 escape\x1b form feed\x0c vertical tab\x0b",
    "NUL": "before\x00after",
    "right-to-left override": "file\u202egnp.exe and مرحبا שלום",
    "long": ("A long local example. " * 500)[:10_000],
    "emoji": "😀👩🏽‍🦰🏳️‍🌈 thanks 🙏",
    "Welsh": "Cymdeithas Llanfair: ŵ ŷ Ŵ Ŷ â ê î ô û ï; “dyfynodau” ‘sengl’",
    "shell": "$(rm -rf /) `reboot` ; ls | cat && echo",
}


def word_text(path: Path) -> str:
    """The text of a Word file, as python-docx reads it back: paragraphs, then table cells."""
    document = docx.Document(str(path))
    cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
    return "\n".join([*(p.text for p in document.paragraphs), *cells])
