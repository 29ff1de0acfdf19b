"""What the store's check before each write costs: `storable_json` (serialise, check the
size, read back as the link will) on the sample draft, against `draft_to_json` alone.

    .venv/bin/python -m bench.storable
"""

from __future__ import annotations

import time
from pathlib import Path

from drafting.model.parsing import draft_to_json, parse_draft, storable_json

SAMPLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "sample-draft.json"


def per_call_ms(action, runs: int = 500) -> float:
    action()
    start = time.process_time()
    for _ in range(runs):
        action()
    return (time.process_time() - start) / runs * 1000


def main() -> None:
    draft = parse_draft(SAMPLE.read_text(encoding="utf-8"))
    print(f"draft_to_json alone: {per_call_ms(lambda: draft_to_json(draft)):.2f} ms CPU")
    checked = per_call_ms(lambda: storable_json(draft))
    print(f"storable_json (the check and the JSON): {checked:.2f} ms CPU")


if __name__ == "__main__":
    main()
