"""A full-page picture of every page, with an empty draft and with the sample draft, written to
screenshots/ (git ignores it) for a reviewer to look at, 1366 and 390 pixels wide (a laptop and a
phone): `screenshots/<draft>-<width>-<n>-<page>.png`.

Nothing is compared with an earlier picture; the test checks only that each page drew without
an error and that its picture was written.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

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


@pytest.mark.parametrize("width", [1366, 390])  # a laptop and a phone
@pytest.mark.parametrize("draft", ["empty", "sample"])
def test_every_page_is_pictured_in_full(app_server, page, draft, width):
    SCREENSHOTS.mkdir(exist_ok=True)
    for old in SCREENSHOTS.glob(f"{draft}-{width}-*.png"):
        old.unlink()
    page.set_viewport_size({"width": width, "height": 900})
    open_app(page, app_server)
    if draft == "sample":
        load_draft_file(page)
    for n, (link, title) in enumerate(PAGES, start=1):
        if link != "Start":  # open already
            unfold = page.get_by_test_id("stExpandSidebarButton")
            if unfold.is_visible():  # on a phone the sidebar is folded away
                unfold.click()
            go_to(page, link, title)
            if width < 640:  # fold it again, to picture the page itself
                page.get_by_test_id("stSidebarCollapseButton").get_by_role("button").click()
                expect(unfold).to_be_visible()
        settled(page)
        no_error_shown(page)
        fit_window_to_page(page, width)
        path = SCREENSHOTS / f"{draft}-{width}-{n}-{slug(link)}.png"
        page.screenshot(path=path, full_page=True, animations="disabled")
        assert path.stat().st_size > 10_000, f"{path.name} looks blank"
