"""One visitor cannot fill the server: 150 fresh sessions from one address, through a real app
process and its session code (websockets, as bench/sessions.py drives them), store at most 60
drafts; and the server's log says so without a draft id, a link or what a group typed."""

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.appserver import AppServer
from bench.sessions import Session
from drafting.store import DraftStore
from drafting.store.limits import CLIENT_HEADER_ENV

EXAMPLE = "Our Thursday lunch club 5b0e2d lost its grant in May"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    app = AppServer(tmp_path_factory.mktemp("bounds"), env={CLIENT_HEADER_ENV: "X-Real-IP"})
    app.data.mkdir(exist_ok=True)
    app.start()
    yield app
    app.stop()


async def first_change(url: str, address: str) -> Session:
    """A fresh session from `address` ticks a reason (its first change, so a draft is stored)."""
    session = Session(url, headers={"X-Real-IP": address})
    await session.open()
    await session.rerun(page="reasons")
    await session.tick("reason_20")
    await session.close()
    return session


async def visits(url: str) -> tuple[list[Session], Session]:
    crowd = []
    for _ in range(150):
        crowd.append(await first_change(url, "203.0.113.9"))
    other = Session(url, headers={"X-Real-IP": "198.51.100.7"})
    await other.open()
    await other.rerun(page="reasons")
    await other.tick("reason_20")
    await other.rerun(page="examples")
    await other.type("example_20", EXAMPLE)
    await other.close()
    return crowd, other


def in_own_loop(url: str) -> tuple[list[Session], Session]:
    """`visits(url)` run to its end in a new event loop on a thread of its own, whatever loop the
    calling thread has running (Playwright's sync API leaves one in the main thread). The
    coroutine is made only there, where it is certainly awaited."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(visits(url))).result()


def test_150_sessions_from_one_address_store_at_most_60_drafts(server):
    crowd, other = in_own_loop(server.url)
    stored = [s.draft_id for s in crowd if s.draft_id]
    assert len(stored) == 60
    refused = [s for s in crowd if not s.draft_id]
    assert len(refused) == 90
    assert "60 new drafts have been started from your internet address" in refused[0].errors[0]
    assert other.draft_id and not other.errors  # another address is not held back
    with DraftStore(server.data) as store:
        assert store.count() == 61
        assert store.load(other.draft_id).draft.reasons[0].example == EXAMPLE

    log = server.log_path.read_text(encoding="utf-8")
    assert log.count("New draft refused: 60 new drafts from one address") == 90
    for secret in [*stored, other.draft_id, EXAMPLE, "203.0.113.9", "?draft="]:
        assert secret not in log
    assert not re.search(r"deprecat", log, re.IGNORECASE)
