"""Real-browser fixtures: the app served by `streamlit run` on a free loopback port, with its own
data folder, driven by Debian's headless Chromium through Playwright.

One server serves the whole session (`app_server`); every test gets a new browser context, so a
new Streamlit session and a new, empty draft (`page`). The helpers below drive the app as a
person would: by headings, labels and roles, waiting on what appears on screen.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from app_pages.widgets import STEPS
from bench.appserver import CHROMIUM, AppServer, launch_chromium

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DRAFT = ROOT / "tests" / "data" / "sample-draft.json"
SCREENSHOTS = ROOT / "screenshots"

# Every page, as (its link in the sidebar, its heading), from the app's own list of steps, so a
# new page is pictured and audited as soon as it exists.
PAGES = tuple((step.title, step.heading or step.title) for step in STEPS)

AXE_REPORT = pytest.StashKey[list[str]]()
# Assertions wait as long as actions do (the `page` fixture's default timeout), not Playwright's
# 5 s: on a machine shared with other work, a first page can take longer than that to draw.
expect.set_options(timeout=20_000)


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def axe_report(pytestconfig) -> list[str]:
    """Lines for the accessibility summary printed at the end of the run."""
    return pytestconfig.stash.setdefault(AXE_REPORT, [])


def pytest_terminal_summary(terminalreporter, config):
    if lines := config.stash.get(AXE_REPORT, None):
        terminalreporter.section("axe-core: rules found per page")
        for line in lines:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is needed for the browser tests: apt-get install chromium")
    server = AppServer(tmp_path_factory.mktemp("app-data"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_chromium(p)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


# Driving the app as a person would.
def heading(page: Page, title: str) -> Locator:
    """The page's <h1>, once it reads `title`."""
    return page.get_by_role("heading", name=title, level=1, exact=True)


def open_app(page: Page, server: AppServer) -> None:
    """Open the app's Start page in a fresh tab and wait for it to be drawn."""
    page.goto(server.url)
    expect(heading(page, "Response Builder")).to_be_visible()


def go_to(page: Page, link: str, title: str | None = None) -> None:
    """Follow the sidebar's link to a page and wait for its heading."""
    page.get_by_role("navigation", name="App pages").get_by_role(
        "link", name=link, exact=True
    ).click()
    expect(heading(page, title or link)).to_be_visible()


def settled(page: Page) -> None:
    """Wait until the app's script has finished its run and every element is drawn: for
    pictures and audits, not for journeys, which wait on what a person would see.

    Streamlit marks its root element with the script's state, and draws a placeholder
    (`stSkeleton`) while the code for a kind of widget is still loading; that happens the first
    time a new browser context meets, say, a file uploader, after the script has finished.
    """
    expect(page.locator('[data-test-script-state="notRunning"]')).to_have_count(1)
    expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0)


def fit_window_to_page(page: Page, width: int = 1280, least: int = 900) -> None:
    """Make the window tall enough to show the whole page at once.

    Streamlit scrolls its main area and its sidebar inside the window, so a "full page"
    screenshot shows only the window, and axe does not check what a scrolled panel hides.
    """
    panels = '[data-testid="stMain"], [data-testid="stSidebarContent"]'
    page.set_viewport_size({"width": width, "height": least})  # a panel fills at least this
    for _ in range(3):  # a taller window can wrap text differently: measure again
        height = page.evaluate(
            "panels => Math.max(...[...document.querySelectorAll(panels)]"
            # a folded sidebar (on a phone) is not seen, and its squeezed text is very tall
            ".filter(e => e.getBoundingClientRect().right > 0)"
            ".map(e => e.scrollHeight))",
            panels,
        )
        height = max(least, height)
        if page.viewport_size == {"width": width, "height": height}:
            return
        page.set_viewport_size({"width": width, "height": height})


def no_error_shown(page: Page) -> None:
    """Check the page shows no Python exception (Streamlit draws one in place of the page)."""
    expect(page.get_by_test_id("stException")).to_have_count(0)


def commit(box: Locator, text: str) -> None:
    """Type `text` into a text input or text area, replacing what is there, and leave it (a
    Streamlit text widget sends its value when it loses focus). Fails if the box cut it short.
    The caller waits for what the new value changes on screen."""
    box.fill(text)
    box.press("Tab")
    expect(box).to_have_value(text)


def load_draft_file(page: Page, path: Path = SAMPLE_DRAFT) -> None:
    """On the Start page, load a draft file through the uploader and wait for it to be loaded."""
    uploader = page.get_by_role("region", name="Load a draft file")
    uploader.locator("input[type=file]").set_input_files(path)
    expect(page.get_by_text(re.compile(r"^Loaded the draft for "))).to_be_visible()
