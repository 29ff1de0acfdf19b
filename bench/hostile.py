"""Hostile consultation documents, made here (never kept as files), and what reading each in
the bounded worker costs: CPU seconds, peak memory and the outcome.

    .venv/bin/python -m bench.hostile            # every input, one fresh process each
    .venv/bin/python -m bench.hostile --one NAME  # one input (what the table runs)

Each input is read by `drafting.reading.worker.read_in_worker`, as the app and the command line
read an upload or a paste; the figures are the worker process's own (its CPU time and peak
resident memory, from os.wait4 on it: `WorkerUsage`), so making the input is not counted.
"""

from __future__ import annotations

import argparse
import json
import struct
import subprocess
import sys
import time
import zlib
from collections.abc import Callable, Iterator

from drafting.reading.files import ConsultationError
from drafting.reading.worker import WorkerUsage, read_in_worker

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    b'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    b'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    b'"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    b'.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    b'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
    b'"word/document.xml"/></Relationships>'
)
_HEAD = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>'.encode()
_TAIL = b"</w:body></w:document>"


class Entry:
    """A zip entry deflated from `head`, `body` repeated `times` and `tail`, declaring
    `declared` as its size (None: its real size). Repeats are deflated once and copied
    (a full flush makes each copy of the chunk deflate alike), so a gigabyte takes a second."""

    def __init__(self, name: str, head: bytes, body=b"", times=0, tail=b"", declared=None):
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        once = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
        chunk = packer.compress(body) + packer.flush(zlib.Z_FULL_FLUSH) if times else b""
        self.packed = once + chunk * times + packer.compress(tail) + packer.flush()
        crc = zlib.crc32(head)
        for _ in range(times):
            crc = zlib.crc32(body, crc)
        self.crc = zlib.crc32(tail, crc)
        size = len(head) + len(body) * times + len(tail)
        self.name, self.size = name.encode(), size if declared is None else declared


def zip_of(entries: list[Entry]) -> bytes:
    """A zip file of deflated `entries`, written by hand so each may declare any size."""
    out, directory = bytearray(), bytearray()
    for e in entries:
        head = (0x14, 0, 8, 0, 0x21, e.crc, len(e.packed), e.size, len(e.name))
        directory += struct.pack("<4s6H3L5H2L", b"PK\1\2", 0x14, *head, 0, 0, 0, 0, 0, len(out))
        directory += e.name
        out += struct.pack("<4s5H3L2H", b"PK\3\4", *head, 0) + e.name + e.packed
    end = struct.pack("<4s4H2LH", b"PK\5\6", 0, 0, len(entries), len(entries), len(directory),
                      len(out), 0)  # fmt: skip
    return bytes(out + directory + end)


def word_file(body: bytes, times: int, declared: int | None = None) -> bytes:
    """A .docx whose document.xml holds `body` `times` over, declaring `declared` bytes."""
    return zip_of([
        Entry("[Content_Types].xml", _TYPES),
        Entry("_rels/.rels", _RELS),
        Entry("word/document.xml", _HEAD, body, times, _TAIL, declared),
    ])  # fmt: skip


_PARAGRAPH = (
    b"<w:p><w:r><w:t>" + b"We ask the council to keep our lunch club. " * 23 + b"</w:t></w:r></w:p>"
)


_LONG_PARAGRAPH = b"<w:p><w:r><w:t>" + b"a" * 1_000_000 + b"</w:t></w:r></w:p>"


def docx_zip_bomb() -> bytes:
    """A 1.08 MB .docx that unpacks to a gigabyte of paragraphs (2.15 GB of memory before)."""
    return word_file(_LONG_PARAGRAPH, 1050)


def docx_declared_huge() -> bytes:
    """An ordinary small .docx whose document.xml declares 4 GB."""
    return word_file(_PARAGRAPH, 20, declared=4_000_000_000)


def docx_declared_small() -> bytes:
    """A .docx whose document.xml declares 2 kB and unpacks to 500 MB."""
    return word_file(_LONG_PARAGRAPH, 500, declared=2_000)


def docx_big_table() -> bytes:
    """A .docx of one table, 3,000 rows of 40 cells, each merged with the one above it
    (python-docx looks up every merged cell's top one, row by row): 35 kB, slow to read whole."""
    start = b'<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r>'
    start += b"</w:p></w:tc>"
    merged = b"<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
    top = b"<w:tbl><w:tr>" + start * 40 + b"</w:tr>"
    return zip_of([
        Entry("[Content_Types].xml", _TYPES),
        Entry("_rels/.rels", _RELS),
        Entry("word/document.xml", _HEAD + top, b"<w:tr>" + merged * 40 + b"</w:tr>", 3000,
              b"</w:tbl>" + _TAIL),
    ])  # fmt: skip


def pdf_of(stream: bytes, pages: int) -> bytes:
    """A PDF of `pages` pages that all show the one Flate-compressed content `stream`."""
    packed = zlib.compress(stream, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
        + b"] /Count %d >>" % pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
        *[
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources"
            b" << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
        ]
        * pages,
    ]
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def pdf_shared_stream() -> bytes:
    """300 pages sharing one 5 MB text stream (464 s and 1.59 GB before)."""
    line = b"BT /F1 10 Tf 40 800 Td (We ask the council to keep our lunch club open.) Tj ET\n"
    return pdf_of(line * (5_000_000 // len(line)), 300)


def pdf_email_trap() -> bytes:
    """A PDF of under 2 kB whose one page is "a.a.a.…": the quadratic e-mail search's trap."""
    return pdf_of(b"BT /F1 10 Tf 40 800 Td (" + b"a." * 700_000 + b") Tj ET", 1)


def pasted_dots() -> bytes:
    """150 KB of "a." pasted (the server froze for 51 s)."""
    return b"a." * 75_000


# On a busy machine the clock runs far ahead of the worker's CPU time: a long wall limit here
# lets the CPU and memory limits decide, as they would on a host with a core to spare (the
# app's own wall limit is drafting.reading.worker.WALL_SECONDS).
BENCH_WALL_SECONDS = 900

HOSTILE: dict[str, Callable[[], bytes]] = {
    "docx zip bomb": docx_zip_bomb,
    "docx declaring 4 GB": docx_declared_huge,
    "docx declaring 2 kB of 500 MB": docx_declared_small,
    "docx table of 120,000 merged cells": docx_big_table,
    "PDF, 300 pages share a 5 MB stream": pdf_shared_stream,
    "PDF e-mail trap": pdf_email_trap,
    '150 KB of "a." pasted': pasted_dots,
}


def measure(name: str) -> dict[str, object]:
    """Read one hostile input in the worker; its CPU seconds, peak memory (MB) and outcome."""
    data = HOSTILE[name]()
    used: list[WorkerUsage] = []
    start = time.perf_counter()
    try:
        reading = read_in_worker(data, wall_seconds=BENCH_WALL_SECONDS, on_usage=used.append)
        outcome = f"read: {len(reading.questions)} questions, title {reading.title[:30]!r}"
    except ConsultationError as error:
        outcome = f"refused: {error}"
    (usage,) = used
    return {
        "name": name,
        "bytes": len(data),
        "cpu": usage.cpu_seconds,
        "peak_mb": usage.peak_mb,
        "wall": time.perf_counter() - start,
        "outcome": outcome,
    }


def rows() -> Iterator[dict[str, object]]:
    for name in HOSTILE:
        done = subprocess.run(
            [sys.executable, "-m", "bench.hostile", "--one", name],
            capture_output=True,
            text=True,
            check=True,
        )
        yield json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--one", choices=list(HOSTILE))
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    print("| Input | Size | Worker CPU (s) | Peak memory (MB) | Wall (s) | Outcome |")
    print("|---|---:|---:|---:|---:|---|")
    for row in rows():
        print(
            f"| {row['name']} | {row['bytes']:,} B | {row['cpu']:.1f} | {row['peak_mb']:.0f}"
            f" | {row['wall']:.1f} | {row['outcome'][:110]} |"
        )


if __name__ == "__main__":
    main()
