"""What a story sent through a story link costs the server, on SQLite and on PostgreSQL: the
median time of `Links.add` (open the link, check it and its hourly limit, store the story) and
of reading the coordinator's inbox of 100 stories.

    .venv/bin/python -m bench.links [--runs 100] [--engines sqlite postgresql]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench.assembly import median_ms
from bench.drafts import big_draft
from bench.postgres import PostgresServer, PostgresUnavailable
from drafting.model.draft import Story
from drafting.store import DraftStore
from drafting.store.links import Links
from reasons import load_catalogue

# A story of the most a link takes: 2,000 characters.
STORY = Story(
    ("I have come every Friday since 2012; it is my one hot meal. " * 40)[:2_000],
    "Ann Lee",
    "member",
    "name",
)


def measure(store: DraftStore, runs: int) -> dict[str, float]:
    """Median milliseconds of sending a story (through a new link every 150 sends, so the
    hourly limit never refuses one) and of reading an inbox of 100 stories."""
    draft_id, _ = store.create(big_draft(load_catalogue()))  # a full draft: 26 reasons
    links = Links(store)
    sent = [0, links.make(draft_id, "story")]

    def send() -> None:
        if sent[0] and sent[0] % 150 == 0:
            sent[1] = links.make(draft_id, "story")
        links.add(sent[1], "story", STORY)
        sent[0] += 1

    add = median_ms(send, runs)
    inbox_id, _ = store.create(big_draft(load_catalogue()))
    reader = links.make(inbox_id, "story")
    for _ in range(100):
        links.add(reader, "story", STORY)
    inbox = median_ms(lambda: links.inbox(inbox_id, "story"), runs)
    return {"send a story": add, "read an inbox of 100": inbox}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--engines", nargs="+", default=["sqlite", "postgresql"])
    args = parser.parse_args()
    for engine in args.engines:
        if engine == "sqlite":
            with DraftStore(Path(tempfile.mkdtemp())) as store:
                results = measure(store, args.runs)
        else:
            server = PostgresServer()
            try:
                server.start()
                with DraftStore(url=server.create_database("links")) as store:
                    results = measure(store, args.runs)
            except PostgresUnavailable as problem:
                print(f"{engine}: not measured ({problem})")
                continue
            finally:
                server.stop()
        for name, ms in results.items():
            print(f"{engine}: {name}: {ms:.1f} ms (median of {args.runs})")


if __name__ == "__main__":
    main()
