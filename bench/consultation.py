"""How long reading a consultation document takes: a 41-page PDF of about 2,300 characters a
page, as the Start page and `python -m drafting consultation` read it.

    .venv/bin/python -m bench.consultation

Prints the medians of a few runs, in CPU time (steady on a busy shared machine) and in wall-clock
time: reading the PDF with pypdf and finding the details, questions and signals, then pypdf's
text extraction alone, and what was found. Not part of `make bench`: run it on its own.
"""

from __future__ import annotations

import statistics
import time

from drafting.reading.files import read_pages
from drafting.reading.reader import read_consultation
from tests.consultation_docs import long_pdf


def medians_ms(action, runs: int) -> tuple[float, float]:
    """(CPU, wall-clock) medians of `runs` calls of `action`, in milliseconds."""
    cpu, wall = [], []
    for _ in range(runs):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        action()
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    return statistics.median(cpu) * 1000, statistics.median(wall) * 1000


def main(runs: int = 5) -> None:
    data = long_pdf()
    pages, _ = read_pages(data)
    characters = sum(len(p.text) for p in pages)
    reading = read_consultation(data)  # also loads pypdf and the signals once, as the app does
    cpu, wall = medians_ms(lambda: read_consultation(data), runs)
    text_cpu, text_wall = medians_ms(lambda: read_pages(data), runs)
    print(
        f"{len(pages)} pages, {characters:,} characters, {len(data) / 1000:.0f} kB"
        f" (medians of {runs} runs)"
    )
    print(f"read and searched: {cpu:.0f} ms CPU, {wall:.0f} ms wall-clock")
    print(f"pypdf's text extraction alone: {text_cpu:.0f} ms CPU, {text_wall:.0f} ms wall-clock")
    print(
        f"found: {len(reading.questions)} questions, {len(reading.signals)} passages,"
        f" closes {reading.closes}, title {reading.title!r}"
    )


if __name__ == "__main__":
    main()
