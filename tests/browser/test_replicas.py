"""Hosted for many groups: two app processes on two ports sharing one PostgreSQL, in real
Chromium. A draft begun on one is continued on the other with nothing lost; a stale tab on one
is caught by a save from the other; and nginx, run from the repository's own config, serves a
page and a tick, keeping each browser to one process, and when that process dies a refresh
brings the draft back from the other."""

import re

import pytest
from playwright.sync_api import Page, expect

from bench.appserver import AppServer
from bench.proxy import Proxy
from drafting.store import DATABASE_ENV, DraftStore
from tests.helpers import wait_until

FIRST = "Our Thursday lunch club lost its grant in May 2026; 40 people ate alone."
MORE = " Since then the hall has been let to a national provider's training days."
REASON = "Reason 20: Small local groups may not survive"


@pytest.fixture(autouse=True)
def patient():
    """Wait up to 30 s for what should appear: a fresh process's first page, on a busy machine,
    takes longer than Playwright's 5 s."""
    expect.set_options(timeout=30_000)
    yield
    expect.set_options(timeout=5_000)


@pytest.fixture(scope="module")
def database(postgres) -> str:
    return postgres.create_database("replicas")


@pytest.fixture(scope="module")
def replicas(database, tmp_path_factory):
    """Two app processes, each with its own data folder, both storing drafts in `database`."""
    servers = [
        AppServer(tmp_path_factory.mktemp(f"replica-{n}"), env={DATABASE_ENV: database})
        for n in (1, 2)
    ]
    try:
        for server in servers:
            server.start()
        yield servers
    finally:
        for server in servers:
            server.stop()


@pytest.fixture
def second_page(browser):
    """Another browser window: a separate person, or the same one on another device."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def stored_example(database: str, draft_id: str) -> str:
    with DraftStore(url=database) as store:
        stored = store.load(draft_id)
    return stored.draft.reasons[0].example if stored and stored.draft.reasons else ""


def wait_for_example(database: str, draft_id: str, text: str) -> None:
    wait_until(lambda: stored_example(database, draft_id) == text, f"{text!r} not saved")


def link_of(page: Page) -> str:
    page.wait_for_url(re.compile(r"draft=[A-Za-z0-9_-]{32}"))
    return re.search(r"draft=([A-Za-z0-9_-]{32})", page.url).group(1)


def tick_a_reason(page: Page, url: str) -> str:
    """Open the app, tick a reason (the draft's first change, so it is stored) and go on to
    Local examples, where the address shows the draft's link; return its id."""
    page.goto(url)
    page.get_by_role("link", name="Choose reasons").click()
    page.get_by_text(REASON).click()
    expect(page.get_by_role("checkbox", name=re.compile(REASON))).to_be_checked()
    page.get_by_role("link", name="Local examples").click()
    return link_of(page)


def type_example(page: Page, text: str) -> None:
    box = page.get_by_label("Your local example for reason 20")
    box.fill(text)
    box.press("Tab")  # a text area commits on blur
    expect(box).to_have_value(text)


def test_a_draft_begun_on_one_process_is_continued_on_the_other(replicas, database, page):
    one, two = replicas
    draft_id = tick_a_reason(page, one.url)
    type_example(page, FIRST)
    wait_for_example(database, draft_id, FIRST)

    page.goto(f"{two.url}/examples?draft={draft_id}")
    box = page.get_by_label("Your local example for reason 20")
    expect(box).to_have_value(FIRST)
    type_example(page, FIRST + MORE)
    wait_for_example(database, draft_id, FIRST + MORE)

    page.goto(f"{one.url}/examples?draft={draft_id}")
    expect(page.get_by_label("Your local example for reason 20")).to_have_value(FIRST + MORE)
    assert draft_id in page.url


def test_a_stale_tab_on_one_process_is_caught_after_a_save_on_the_other(
    replicas, database, page, second_page
):
    one, two = replicas
    draft_id = tick_a_reason(page, one.url)
    type_example(page, FIRST)
    wait_for_example(database, draft_id, FIRST)

    second_page.goto(f"{two.url}/examples?draft={draft_id}")
    expect(second_page.get_by_label("Your local example for reason 20")).to_have_value(FIRST)
    type_example(second_page, "Written on the second process.")
    wait_for_example(database, draft_id, "Written on the second process.")

    type_example(page, "Written in the stale tab on the first process.")  # based on an old save
    expect(page.get_by_text(re.compile("changed in another tab or window"))).to_be_visible()
    assert stored_example(database, draft_id) == "Written on the second process."
    page.get_by_role("button", name="Load the newer version").click()
    expect(page.get_by_label("Your local example for reason 20")).to_have_value(
        "Written on the second process."
    )


def routed_requests(proxy: Proxy) -> list[tuple[str, str, str]]:
    """(request, app process, route) for every request nginx has logged with a route cookie."""
    return re.findall(r'"(\S+ \S+)" .* upstream=(\S+) route=(\w+)$', proxy.access_log(), re.M)


def websocket_routed(proxy: Proxy) -> list[tuple[str, str, str]]:
    """`routed_requests`, once a websocket is among them (else [])."""
    routed = routed_requests(proxy)
    return routed if any(r.startswith("GET /_stcore/stream") for r, _, _ in routed) else []


def test_nginx_from_the_repository_config_serves_a_page_and_a_tick(
    replicas, database, page, tmp_path
):
    proxy = Proxy(tmp_path / "proxy", [server.port for server in replicas])
    proxy.start()
    try:
        draft_id = tick_a_reason(page, proxy.url)
        expect(page.get_by_label("Your local example for reason 20")).to_be_visible()
        with DraftStore(url=database) as store:
            ticked = wait_until(
                lambda: (stored := store.load(draft_id)) and stored.draft.reason_ids,
                "the tick was not saved through the proxy",
            )
            assert ticked == [20]
        # Everything this browser asked for once it had its route went to one app process,
        # its websocket included (logged when it closes, so leave the app first).
        page.goto("about:blank")
        routed = wait_until(lambda: websocket_routed(proxy), "no websocket in nginx's log")
        assert len({upstream for _, upstream, _ in routed}) == 1
        assert len({route for _, _, route in routed}) == 1
    finally:
        proxy.stop()


def test_when_a_browsers_process_dies_a_refresh_brings_its_draft_back_from_another(
    database, page, tmp_path
):
    servers = [AppServer(tmp_path / f"app-{n}", env={DATABASE_ENV: database}) for n in (1, 2)]
    proxy = Proxy(tmp_path / "proxy", [])
    try:
        for server in servers:
            server.data.mkdir()
            server.start()
        proxy.ports = [server.port for server in servers]
        proxy.start()
        draft_id = tick_a_reason(page, proxy.url)
        type_example(page, FIRST)
        wait_for_example(database, draft_id, FIRST)
        used = {upstream for _, upstream, _ in routed_requests(proxy)}
        assert len(used) == 1  # this browser's one process so far
        ours = next(s for s in servers if used == {f"127.0.0.1:{s.port}"})
        ours.stop(kill=True)  # the process dies (SIGKILL), with the browser's session in it

        page.reload()  # nginx leaves the dead process out and sends the browser to the other
        box = page.get_by_label("Your local example for reason 20")
        expect(box).to_have_value(FIRST)
        type_example(page, FIRST + MORE)
        wait_for_example(database, draft_id, FIRST + MORE)
        assert draft_id in page.url
    finally:
        proxy.stop()
        for server in servers:
            server.stop()
