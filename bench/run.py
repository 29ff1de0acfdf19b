"""Benchmark the performance bars of DESIGN.md and print one table (also saved as JSON).

    .venv/bin/python -m bench.run                 # everything (needs Debian's chromium)
    .venv/bin/python -m bench.run --only assembly reruns
    .venv/bin/python -m bench.run --only clicks       # click-to-visible against the floor
    .venv/bin/python -m bench.run --only reruns --pages reasons   # some pages' reruns only

Writes bench/results/latest.json (git-ignored). Each figure is a median, measured beside its
baseline in the same run, so the table compares like with like on whatever machine runs it.
"""

from __future__ import annotations

import argparse
import json
import platform
from pathlib import Path

from bench import assembly, browser, clicks, reruns

RESULTS = Path(__file__).resolve().parent / "results"
PARTS = {
    "reruns": reruns.measure,
    "assembly": assembly.measure,
    "startup": browser.measure_startup,
    "latency": browser.measure_latency,
    "memory": browser.measure_memory,
    "clicks": clicks.measure,
}


def table(rows: list[dict]) -> str:
    lines = [
        "| measure | value | bar | holds |",
        "| --- | ---: | --- | --- |",
    ]
    for row in rows:
        value = f"{row['value']:.2f} {row['unit']}"
        holds = {None: "-", True: "yes", False: "NO"}[row["holds"]]  # None: a row without a bar
        lines.append(f"| {row['measure']} | {value} | {row['bar']} | {holds} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="+", choices=list(PARTS), default=list(PARTS))
    parser.add_argument("--pages", nargs="+", choices=reruns.PAGES, default=reruns.PAGES)
    args = parser.parse_args()
    rows = []
    RESULTS.mkdir(exist_ok=True)
    for name in args.only:
        print(f"measuring {name}...", flush=True)
        try:
            found = reruns.measure(pages=args.pages) if name == "reruns" else PARTS[name]()
        except Exception as error:  # a part that fails is reported; the others' rows are kept
            found = [
                {
                    "measure": f"{name}: failed ({str(error).splitlines()[0][:200]})",
                    "value": float("nan"),
                    "unit": "",
                    "bar": "-",
                    "holds": False,
                }
            ]
        rows.extend(found)
        print(table(found), flush=True)
        (RESULTS / "latest.json").write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    print()
    print(f"Machine: {platform.machine()}, Python {platform.python_version()}")
    print(table(rows))


if __name__ == "__main__":
    main()
