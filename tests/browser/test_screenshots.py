"""A full-page picture of every page, with an empty draft and with the sample draft, written to
screenshots/ (git ignores it) for a reviewer to look at: `screenshots/<draft>-<n>-<page>.png`.

Nothing is compared with an earlier picture; the test checks only that each page drew without
an error and that its picture was written.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import (
    PAGES,
    SCREENSHOTS,
    fit_window_to_page,
    go_to,
    load_draft_file,
    no_error_shown,
    open_app,
    settled,
)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@pytest.mark.parametrize("draft", ["empty", "sample"])
def test_every_page_is_pictured_in_full(app_server, page, draft):
    SCREENSHOTS.mkdir(exist_ok=True)
    for old in SCREENSHOTS.glob(f"{draft}-*.png"):
        old.unlink()
    open_app(page, app_server)
    if draft == "sample":
        load_draft_file(page)
    for n, (link, title) in enumerate(PAGES, start=1):
        if link != "Start":  # open already
            go_to(page, link, title)
        settled(page)
        no_error_shown(page)
        fit_window_to_page(page)
        path = SCREENSHOTS / f"{draft}-{n}-{slug(link)}.png"
        page.screenshot(path=path, full_page=True, animations="disabled")
        assert path.stat().st_size > 10_000, f"{path.name} looks blank"
