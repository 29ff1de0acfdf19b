"""Many groups clicking at once: N protocol-level sessions against one app process.

Each simulated session is a websocket client speaking Streamlit's own protocol (BackMsg and
ForwardMsg protobufs), as TESTING.md describes: it opens the app, goes to Choose reasons, and
then every session ticks a reason at the same moment. The figure is the time from sending the
tick to the end of its rerun (`script_finished`), per session; p50 and p95 over the sessions.
Afterwards every session's draft is read back from the store to check that its tick was saved.

    .venv/bin/python -m bench.sessions --sessions 1 10 20

Loopback only, bounded in count and time; the server is started and stopped by its PID.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates

from bench.appserver import AppServer
from drafting.store import DraftStore

TIMEOUT = 120  # seconds for any one rerun; a bounded benchmark never waits longer


@dataclass
class Session:
    """One simulated browser tab: its websocket, the app's pages and the last page's widgets."""

    url: str
    socket: websockets.ClientConnection | None = None
    pages: dict[str, str] = field(default_factory=dict)  # url path -> page script hash
    page_hash: str = ""
    query: str = ""
    checkboxes: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (id, fragment)
    errors: list[str] = field(default_factory=list)

    async def open(self) -> None:
        self.socket = await websockets.connect(
            self.url.replace("http", "ws") + "/_stcore/stream",
            subprotocols=["streamlit"],
            max_size=None,
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
            self.checkboxes = {}
        await asyncio.wait_for(self._until_finished(), TIMEOUT)
        return time.perf_counter() - started

    async def _until_finished(self) -> None:
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await self.socket.recv())
            kind = msg.WhichOneof("type")
            if kind == "navigation":
                self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
                if not self.page_hash:
                    self.page_hash = msg.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                if element.WhichOneof("type") == "exception":
                    self.errors.append(element.exception.message)
                elif element.WhichOneof("type") == "checkbox":
                    box = element.checkbox
                    self.checkboxes[box.id.rsplit("-", 1)[-1]] = (box.id, msg.delta.fragment_id)
            elif kind == "script_finished":
                if msg.script_finished in (
                    ForwardMsg.FINISHED_SUCCESSFULLY,
                    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
                ):
                    return
                if msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    self.errors.append("compile error")
                    return

    async def tick(self, key: str) -> float:
        widget_id, fragment = self.checkboxes[key]
        return await self.rerun(
            widgets=[WidgetState(id=widget_id, bool_value=True)], fragment=fragment
        )

    @property
    def draft_id(self) -> str:
        return urllib.parse.parse_qs(self.query).get("draft", [""])[0]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def tick_together(url: str, count: int, reason: int) -> dict:
    sessions = [Session(url) for _ in range(count)]
    # Open the sessions a few at a time, as groups arriving, not all in one burst.
    for start in range(0, count, 5):
        await asyncio.gather(*(s.open() for s in sessions[start : start + 5]))
    for s in sessions:
        await s.rerun(page="reasons")
    times = await asyncio.gather(*(s.tick(f"reason_{reason}") for s in sessions))
    result = {
        "sessions": count,
        "p50_ms": statistics.median(times) * 1000,
        "p95_ms": percentile(times, 0.95) * 1000,
        "max_ms": max(times) * 1000,
        "errors": sum(len(s.errors) for s in sessions),
        "drafts": [s.draft_id for s in sessions],
    }
    await asyncio.gather(*(s.close() for s in sessions))
    return result


def saved_ticks(data: Path, drafts: list[str], reason: int) -> int:
    """How many of the sessions' drafts hold the ticked reason in the store."""
    store = DraftStore(data)
    found = 0
    for draft_id in drafts:
        stored = store.load(draft_id) if draft_id else None
        if stored and reason in stored.draft.reason_ids:
            found += 1
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 20, 40])
    parser.add_argument("--reason", type=int, default=2)
    args = parser.parse_args()
    print("| sessions ticking at once | p50 | p95 | max | errors | ticks saved |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for count in args.sessions:
        with tempfile.TemporaryDirectory() as folder:
            server = AppServer(Path(folder))
            server.start()
            try:
                result = asyncio.run(tick_together(server.url, count, args.reason))
            finally:
                server.stop()
            saved = saved_ticks(Path(folder), result["drafts"], args.reason)
        print(
            f"| {count} | {result['p50_ms']:.0f} ms | {result['p95_ms']:.0f} ms"
            f" | {result['max_ms']:.0f} ms | {result['errors']} | {saved} of {count} |"
        )


if __name__ == "__main__":
    main()
