"""What the bounds per visitor and per host cost and hold (docs/hosting.md):

    .venv/bin/python -m bench.limits

- 150 new drafts asked for from one address on one SQLite store, and the time each request
  takes with the count of that address's drafts in the same transaction (one creation is one
  fsync'd write either way);
- the letter cache's byte bound: forty drafts with 26 reasons of 2,000-character examples
  through `drafting.memo`, the bytes it keeps and the process's peak memory, and what measuring
  a result's size (`memo.size_of`) costs on a cache miss, against assembling that letter.
"""

from __future__ import annotations

import datetime as dt
import logging
import resource
import statistics
import tempfile
import time
from pathlib import Path

from bench.drafts import big_draft
from drafting import Draft, memo
from drafting.letter.final import final_letter
from drafting.store import DraftStore
from drafting.store.limits import LimitReached
from reasons import load_catalogue


def one_address(count: int = 150) -> dict:
    with tempfile.TemporaryDirectory() as folder, DraftStore(Path(folder)) as store:
        stored, times = 0, []
        for n in range(count):
            start = time.perf_counter()
            try:
                store.create(Draft(context=f"Session {n}"), client="203.0.113.9")
                stored += 1
            except LimitReached:
                pass
            times.append(time.perf_counter() - start)
        return {
            "asked": count,
            "stored": stored,
            "median_ms": statistics.median(times) * 1000,
            "count": store.count(),
        }


def letter_cache(drafts: int = 40) -> dict:
    catalogue = load_catalogue()
    draft = big_draft(catalogue)
    today = dt.date(2026, 11, 25)
    sizes, assembly = [], []
    for n in range(drafts):
        for chosen in draft.reasons:
            chosen.example = f"({n}) " + chosen.example[:1990]
        start = time.perf_counter()
        final = final_letter(draft, catalogue, today=today)
        assembly.append(time.perf_counter() - start)
        start = time.perf_counter()
        memo.size_of(final)
        sizes.append(time.perf_counter() - start)
        memo.final_letter(draft, catalogue, today=today)
        memo.preview_pieces(draft, catalogue, today=today)
        memo.letter_file(draft, catalogue, "docx", today=today)
    kept = {
        name: kind.bytes
        for name, kind in (
            ("letters", memo._letters),
            ("pieces", memo._pieces),
            ("files", memo._files),
        )
    }
    return {
        "drafts": drafts,
        "kept_mb": {name: round(size / 1e6, 1) for name, size in kept.items()},
        "limit_mb": memo.KEPT_BYTES / 1e6,
        "size_of_ms": statistics.median(sizes) * 1000,
        "final_letter_ms": statistics.median(assembly) * 1000,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    logging.getLogger("drafting.store").setLevel(logging.ERROR)  # 90 refusals: not news here
    visits = one_address()
    print(
        f"one address asked for {visits['asked']} new drafts: {visits['stored']} stored"
        f" ({visits['count']} in the store), median {visits['median_ms']:.1f} ms a request"
    )
    cache = letter_cache()
    print(
        f"{cache['drafts']} drafts of 26 reasons through the letter cache: kept"
        f" {cache['kept_mb']} MB (limit {cache['limit_mb']:.0f} MB a kind); size_of"
        f" {cache['size_of_ms']:.2f} ms a letter against {cache['final_letter_ms']:.2f} ms to"
        f" make it; peak memory {cache['peak_rss_mb']:.0f} MB"
    )


if __name__ == "__main__":
    main()
