"""Many groups at once: N protocol-level sessions against one app process, or against several
processes sharing one PostgreSQL behind nginx (the repository's own proxy config).

Each simulated session is a websocket client speaking Streamlit's own protocol (BackMsg and
ForwardMsg protobufs), as TESTING.md describes. It opens the app and goes to Choose reasons;
then all the sessions click at the same moment, four times, each a user's click:

- *tick*: tick a reason on Choose reasons (a fragment's rerun);
- *save*: type an example on Local examples (the rerun that autosaves it);
- *letter*: open Your letter (a whole page's run: the letter assembled and measured);
- *Word*: download the Word letter (the file made on the click; the figure ends when its bytes
  have arrived, and they must be a Word file).

A figure is the time from the click to the end of its rerun (`script_finished`), per session;
p50 and p95 over the sessions. The server's CPU time per click is measured around each click
(with one session it is the server time a click costs). Afterwards every session's draft is
read back from the store: its tick and its example must be there.

    .venv/bin/python -m bench.sessions --setups sqlite       # one process, N = 1, 10, 20, 40
    .venv/bin/python -m bench.sessions --setups sqlite --sessions 20 --gc-after-run

`--gc-after-run` puts back Streamlit's full garbage collection after every run, which the app
turns off (.streamlit/config.toml), to measure what it costs.

Set-ups: `sqlite` (one process, the default store), `postgres` (one process on PostgreSQL),
`proxy` (`--processes` processes on one PostgreSQL behind nginx). Loopback only, bounded in
count and time; every server is started and stopped by its PID.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import re
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import (
    BackendOperationRequest,
    BackMsg,
    DeferredFileRequestPayload,
)
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates

from bench.appserver import AppServer
from bench.postgres import PostgresServer
from bench.proxy import Proxy
from drafting.store import DATABASE_ENV, DraftStore

CLICKS = ("tick", "save", "letter", "word")
SETTLE = 3  # seconds between the server's first visit and the sessions' arrival
TIMEOUT = 300  # seconds for any one rerun; a bounded benchmark never waits longer
HOLD_MS = 300  # "holds": the p95 of a tick is at most this (issue 15)
RESULTS = Path(__file__).resolve().parent / "results"
SETUPS = {
    "sqlite": "1 process, SQLite",
    "postgres": "1 process, PostgreSQL",
    "proxy": "{processes} processes, PostgreSQL, nginx",
}
# A save problem the app shows counts as an error, like an exception drawn on the page.
SAVE_PROBLEMS = ("Saving has stopped", "changed in another tab")


@dataclass
class Session:
    """One simulated browser tab: its websocket, the app's pages and the last page's widgets."""

    url: str
    socket: websockets.ClientConnection | None = None
    pages: dict[str, str] = field(default_factory=dict)  # url path -> page script hash
    page_hash: str = ""
    session_id: str = ""
    query: str = ""
    # Widget key -> (widget id, fragment id) for the checkboxes and text areas on screen.
    widgets: dict[str, tuple[str, str]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # download key -> deferred file id
    errors: list[str] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # sent with the websocket's request

    async def open(self) -> None:
        self.socket = await websockets.connect(
            self.url.replace("http", "ws") + "/_stcore/stream",
            subprotocols=["streamlit"],
            max_size=None,
            open_timeout=TIMEOUT,
            additional_headers=self.headers,
        )
        await self.rerun()

    async def close(self) -> None:
        if self.socket:
            await self.socket.close()

    async def rerun(
        self, page: str | None = None, widgets: list[WidgetState] | None = None, fragment: str = ""
    ) -> float:
        """Ask for a rerun and wait for its end; return the seconds it took."""
        if page is not None:
            self.page_hash = self.pages[page]
        state = ClientState(
            query_string=self.query,
            page_script_hash=self.page_hash,
            widget_states=WidgetStates(widgets=widgets or []),
            fragment_id=fragment,
        )
        started = time.perf_counter()
        await self.socket.send(BackMsg(rerun_script=state).SerializeToString())
        # A fragment's rerun redraws only the fragment: keep the widgets seen outside it.
        if not fragment:
            self.widgets, self.files = {}, {}
        await asyncio.wait_for(self._until_finished(), TIMEOUT)
        return time.perf_counter() - started

    async def _until_finished(self) -> None:
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await self.socket.recv())
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self.session_id = msg.new_session.initialize.session_id
            elif kind == "navigation":
                self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
                if not self.page_hash:
                    self.page_hash = msg.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                self._seen(msg.delta.new_element, msg.delta.fragment_id)
            elif kind == "script_finished":
                if msg.script_finished in (
                    ForwardMsg.FINISHED_SUCCESSFULLY,
                    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
                ):
                    return
                if msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    self.errors.append("compile error")
                    return

    def _seen(self, element, fragment: str) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.errors.append(element.exception.message)
        elif kind == "alert" and any(p in element.alert.body for p in SAVE_PROBLEMS):
            self.errors.append(element.alert.body)
        elif kind in ("checkbox", "text_area"):
            widget_id = getattr(element, kind).id
            self.widgets[widget_id.rsplit("-", 1)[-1]] = (widget_id, fragment)
        elif kind == "download_button" and element.download_button.deferred_file_id:
            button = element.download_button
            self.files[button.id.rsplit("-", 1)[-1]] = button.deferred_file_id

    async def tick(self, key: str, value: bool = True) -> float:
        widget_id, fragment = self.widgets[key]
        return await self.rerun(
            widgets=[WidgetState(id=widget_id, bool_value=value)], fragment=fragment
        )

    async def type(self, key: str, text: str) -> float:
        widget_id, fragment = self.widgets[key]
        return await self.rerun(
            widgets=[WidgetState(id=widget_id, string_value=text)], fragment=fragment
        )

    async def download(self, key: str) -> float:
        """Click the download button `key`, as the browser does: ask the server to make the
        file, then fetch it; return the seconds until its bytes arrived."""
        started = time.perf_counter()
        request = BackendOperationRequest(
            request_id=key,
            session_id=self.session_id,
            deferred_file=DeferredFileRequestPayload(file_id=self.files[key]),
        )
        await self.socket.send(BackMsg(backend_operation_request=request).SerializeToString())

        async def answer() -> str:
            while True:
                msg = ForwardMsg()
                msg.ParseFromString(await self.socket.recv())
                if msg.WhichOneof("type") == "backend_operation_response":
                    response = msg.backend_operation_response
                    if response.error_msg:
                        raise OSError(response.error_msg)
                    return response.deferred_file.url

        url = await asyncio.wait_for(answer(), TIMEOUT)
        content = await asyncio.to_thread(_fetch, self.url + url)
        if not content.startswith(b"PK"):  # a .docx is a zip file
            self.errors.append(f"{key}: not a Word file")
        return time.perf_counter() - started

    @property
    def draft_id(self) -> str:
        return urllib.parse.parse_qs(self.query).get("draft", [""])[0]


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
        return response.read()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def example_for(n: int) -> str:
    return f"Session {n}: the lunch club at the Hillside centre lost its room in March."


async def together(sessions: list[Session], action) -> list[float]:
    """Run `action(n, session)` in every session at once; return the times of those that
    finished (a session whose action fails records the error instead)."""

    async def one(n: int, session: Session) -> float | None:
        try:
            return await action(n, session)
        except (TimeoutError, OSError, KeyError, websockets.WebSocketException) as e:
            session.errors.append(f"{type(e).__name__}: {e}")
            return None

    times = await asyncio.gather(*(one(n, s) for n, s in enumerate(sessions)))
    return [t for t in times if t is not None]


async def act_together(
    url: str, count: int, reason: int, servers: list[AppServer], database: PostgresServer | None
) -> dict:
    # A server is up before groups arrive: one visit, then a pause for what it loads at start.
    first = Session(url)
    await first.open()
    await first.close()
    await asyncio.sleep(SETTLE)
    sessions = [Session(url) for _ in range(count)]
    # Open the sessions a few at a time, as groups arriving, not all in one burst.
    for start in range(0, count, 5):
        await together(sessions[start : start + 5], lambda n, s: s.open())
    for s in sessions:
        await together([s], lambda n, s: s.rerun(page="reasons"))
    clicks = {
        "tick": lambda n, s: s.tick(f"reason_{reason}"),
        "save": lambda n, s: s.type(f"example_{reason}", example_for(n)),
        "letter": lambda n, s: s.rerun(page="letter"),
        "word": lambda n, s: s.download("download_docx"),
    }
    result = {"sessions": count}
    for click, action in clicks.items():
        if click == "save":  # each goes to Local examples first, one after another
            for s in sessions:
                await together([s], lambda n, s: s.rerun(page="examples"))
        cpu = sum(server.cpu_seconds() for server in servers)
        database_cpu = database.cpu_seconds() if database else 0.0
        times = await together(sessions, action)
        cpu = sum(server.cpu_seconds() for server in servers) - cpu
        database_cpu = (database.cpu_seconds() if database else 0.0) - database_cpu
        result |= {
            f"{click}_p50_ms": percentile(times, 0.5) * 1000 if times else None,
            f"{click}_p95_ms": percentile(times, 0.95) * 1000 if times else None,
            f"cpu_per_{click}_ms": cpu / max(1, len(times)) * 1000,
            f"database_cpu_per_{click}_ms": database_cpu / max(1, len(times)) * 1000,
        }
    result["server_mb"] = max(server.resident_mb() for server in servers)
    await asyncio.gather(*(s.close() for s in sessions), return_exceptions=True)
    return result | {
        "errors": sum(len(s.errors) for s in sessions),
        "first_error": next((e for s in sessions for e in s.errors), ""),
        "drafts": [s.draft_id for s in sessions],
    }


async def clicks_alone(url: str, server: AppServer, reason: int, repeats: int) -> dict:
    """One session alone on the server makes each click `repeats` times, each a real change:
    a tick (the reason taken out again first, untimed), a new example saved, Your letter opened
    and the Word letter downloaded for that new content (so both are made afresh, not taken from
    `drafting.memo`). The server's CPU is summed around each timed click: the mean is the server
    time the click costs, to within a millisecond or so (the clock moves in 10 ms steps)."""
    session = Session(url)
    await session.open()
    await asyncio.sleep(SETTLE)
    cpu = dict.fromkeys(CLICKS, 0.0)

    async def timed(click: str, action) -> None:
        before = server.cpu_seconds()
        await action
        cpu[click] += server.cpu_seconds() - before

    await session.rerun(page="reasons")
    for n in range(repeats):
        if n:
            await session.tick(f"reason_{reason}", False)
        await timed("tick", session.tick(f"reason_{reason}"))
        await session.rerun(page="examples")
        await timed("save", session.type(f"example_{reason}", f"{example_for(0)} ({n})"))
        await timed("letter", session.rerun(page="letter"))
        await timed("word", session.download("download_docx"))
        await session.rerun(page="reasons")
    await session.close()
    if session.errors:
        raise RuntimeError(f"the session met an error: {session.errors[0]}")
    return {click: seconds / repeats * 1000 for click, seconds in cpu.items()}


def run_alone(reason: int, repeats: int) -> dict:
    """`clicks_alone` on a fresh app process (SQLite), stopped afterwards."""
    with tempfile.TemporaryDirectory() as folder:
        server = AppServer(Path(folder) / "app")
        server.data.mkdir()
        server.start()
        try:
            return asyncio.run(clicks_alone(server.url, server, reason, repeats))
        finally:
            server.stop()


def saved_in_store(store: DraftStore, drafts: list[str], reason: int) -> int:
    """How many of the sessions' drafts hold their tick and their own example in the store."""
    found = 0
    for n, draft_id in enumerate(drafts):
        stored = store.load(draft_id) if draft_id else None
        if stored and reason in stored.draft.reason_ids:
            chosen = next(c for c in stored.draft.reasons if c.id == reason)
            found += chosen.example == example_for(n)
    return found


def run_setup(
    setup: str,
    count: int,
    processes: int,
    reason: int,
    postgres: PostgresServer | None,
    gc_after_run: bool = False,
) -> dict:
    """Start the set-up's servers afresh, act with `count` sessions, stop them, check the store."""
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        env = {"STREAMLIT_RUNNER_POST_SCRIPT_GC": "true"} if gc_after_run else {}
        if setup != "sqlite":
            env[DATABASE_ENV] = postgres.create_database(f"bench_{setup}_{count}")
        servers = [
            AppServer(folder / f"app-{n}", env=env)
            for n in range(processes if setup == "proxy" else 1)
        ]
        proxy = None
        try:
            for server in servers:
                server.data.mkdir()
                server.start()
            url = servers[0].url
            if setup == "proxy":
                proxy = Proxy(folder / "proxy", [s.port for s in servers])
                proxy.start()
                url = proxy.url
            database = postgres if setup != "sqlite" else None
            result = asyncio.run(act_together(url, count, reason, servers, database))
            if proxy:  # how the proxy spread the sessions' websockets over the processes
                time.sleep(0.5)  # nginx logs a websocket when it closes
                log = proxy.access_log()
                streams = re.findall(r'"GET /_stcore/stream" \d+ .* upstream=(\S+)', log)
                result["spread"] = sorted(collections.Counter(streams).values(), reverse=True)
        finally:
            if proxy:
                proxy.stop()
            for server in servers:
                server.stop()
        store = (
            DraftStore(url=env[DATABASE_ENV])
            if DATABASE_ENV in env
            else DraftStore(servers[0].data)
        )
        result["verified"] = saved_in_store(store, result["drafts"], reason)
        store.close()
    return result


def fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 20, 40])
    parser.add_argument("--setups", nargs="+", choices=list(SETUPS), default=list(SETUPS))
    parser.add_argument("--processes", type=int, default=2, help="app processes behind nginx")
    parser.add_argument("--reason", type=int, default=2)
    parser.add_argument(
        "--gc-after-run", action="store_true", help="Streamlit's full collection after every run"
    )
    parser.add_argument(
        "--alone",
        type=int,
        default=20,
        metavar="N",
        help="first, one session alone makes each click N times: server time per click (0: no)",
    )
    args = parser.parse_args()
    if args.alone:
        alone = run_alone(args.reason, args.alone)
        print(
            f"Server time per click, one session alone (mean of {args.alone}): "
            + ", ".join(f"{click} {ms:.1f} ms" for click, ms in alone.items())
            + "\n",
            flush=True,
        )
    if any(n < 1 or n > 200 for n in args.sessions) or not 1 <= args.processes <= 8:
        parser.error("between 1 and 200 sessions, and 1 to 8 processes")
    postgres = None
    if set(args.setups) - {"sqlite"}:
        postgres = PostgresServer()
        postgres.start()
    rows = []
    print(
        "| set-up | sessions | tick p50 / p95 | save p50 / p95 | letter p50 / p95"
        " | Word p50 / p95 | app CPU per click: tick, save, letter, Word"
        " | PostgreSQL CPU per click | server memory | errors | drafts saved in full |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    try:
        for setup in args.setups:
            name = SETUPS[setup].format(processes=args.processes)
            if args.gc_after_run:
                name += ", full collection after every run"
            for count in args.sessions:
                r = run_setup(
                    setup, count, args.processes, args.reason, postgres, args.gc_after_run
                )
                rows.append({"setup": name, **{k: v for k, v in r.items() if k != "drafts"}})
                times = " | ".join(
                    f"{fmt(r[f'{c}_p50_ms'])} / {fmt(r[f'{c}_p95_ms'])}" for c in CLICKS
                )
                cpu = ", ".join(f"{r[f'cpu_per_{c}_ms']:.0f}" for c in CLICKS)
                database = (
                    "-"
                    if setup == "sqlite"
                    else ", ".join(f"{r[f'database_cpu_per_{c}_ms']:.1f}" for c in CLICKS) + " ms"
                )
                print(
                    f"| {name} | {count} | {times} | {cpu} ms | {database}"
                    f" | {r['server_mb']:.0f} MB | {r['errors']} | {r['verified']} of {count} |",
                    flush=True,
                )
    finally:
        if postgres:
            postgres.stop()
    print()
    for name in dict.fromkeys(row["setup"] for row in rows):
        held = 0  # the most sessions for which this and every smaller count held
        for r in sorted((r for r in rows if r["setup"] == name), key=lambda r: r["sessions"]):
            if r["errors"] or r["tick_p95_ms"] is None or r["tick_p95_ms"] > HOLD_MS:
                break
            held = r["sessions"]
        print(f"{name}: tick p95 at most {HOLD_MS} ms up to {held} sessions (of those measured)")
    for row in rows:
        if row.get("spread"):
            print(
                f"{row['setup']}, {row['sessions']} sessions: websockets per process"
                f" {row['spread']}"
            )
        if row["first_error"]:
            print(f"{row['setup']}, {row['sessions']} sessions, first error: {row['first_error']}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "sessions.json").write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
