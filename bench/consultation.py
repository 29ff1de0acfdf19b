"""How long reading a consultation document takes: a 41-page PDF of about 3,000 characters a
page, as the Start page and `python -m drafting consultation` read it.

    .venv/bin/python -m bench.consultation

Prints the median of a few runs (reading the PDF with pypdf, then finding the details,
questions and signals) and what was found. Not part of `make bench`: run it on its own.
"""

from __future__ import annotations

import statistics
import time

from drafting.consultation import read_consultation, read_pages
from tests.consultation_docs import long_pdf


def main(runs: int = 5) -> None:
    data = long_pdf()
    pages, _ = read_pages(data)
    characters = sum(len(p.text) for p in pages)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        reading = read_consultation(data)
        times.append(time.perf_counter() - start)
    text_only = []
    for _ in range(runs):
        start = time.perf_counter()
        read_pages(data)
        text_only.append(time.perf_counter() - start)
    total, extraction = statistics.median(times) * 1000, statistics.median(text_only) * 1000
    print(
        f"{len(pages)} pages, {characters:,} characters, {len(data) / 1000:.0f} kB:"
        f" read and searched in {total:.0f} ms (median of {runs}; pypdf's text extraction"
        f" alone {extraction:.0f} ms)"
    )
    print(
        f"found: {len(reading.questions)} questions, {len(reading.signals)} passages,"
        f" closes {reading.closes}, title {reading.title!r}"
    )


if __name__ == "__main__":
    main()
