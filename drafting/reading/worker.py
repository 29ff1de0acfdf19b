"""Read an untrusted consultation document in a child process with limits on its memory, CPU
time and wall time, so that a document built to exhaust one of them stops the child, never
the app: the page says why, and every other session carries on.

    >>> read_in_worker(b"Q1. Do you agree with a single lead provider?").questions[0].text
    'Do you agree with a single lead provider?'

The child is a new interpreter (`python -m drafting.reading.worker MEMORY CPU`) that limits
itself (RLIMIT_AS, RLIMIT_CPU), reads the document from stdin with `read_consultation`, and
writes what it found, or why it refused, as JSON on stdout. Nothing it is given or finds
reaches a log.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from drafting.model.draft import Question
from drafting.reading.files import ConsultationError
from drafting.reading.reader import Reading, read_consultation
from drafting.reading.signals import Passage

MEMORY_BYTES = 512 * 1024 * 1024  # the child's address space, imports included
CPU_SECONDS = 10  # of reading, beyond what the child's imports took
WALL_SECONDS = 60  # a busy machine shares its cores: far more than 10 s of CPU needs
_ROOT = Path(__file__).resolve().parents[2]
_OUT_OF_MEMORY = 3  # the child's exit status when reading ran out of memory
_ADVICE = " Paste the parts that matter instead, or ask the council for a simpler copy."


def read_in_worker(
    data: bytes,
    *,
    memory: int = MEMORY_BYTES,
    cpu_seconds: int = CPU_SECONDS,
    wall_seconds: float = WALL_SECONDS,
) -> Reading:
    """Read a consultation document as `read_consultation` does, in a bounded child process.

    Raises ConsultationError with a message fit to show a user when the document cannot be
    read, or when reading it passes a limit (`memory` bytes, `cpu_seconds` of CPU time,
    `wall_seconds` on the clock).
    """
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(_ROOT), os.environ.get("PYTHONPATH")])),
        "OPENBLAS_NUM_THREADS": "1",  # a numerical library's threads each reserve memory
        "OMP_NUM_THREADS": "1",
    }
    command = [sys.executable, "-m", "drafting.reading.worker", str(memory), str(cpu_seconds)]
    try:
        done = subprocess.run(
            command, input=data, capture_output=True, timeout=wall_seconds, env=env, check=False
        )
    except subprocess.TimeoutExpired:  # run() has killed the child
        raise ConsultationError(
            f"This document took too long to read (over {wall_seconds:.0f} seconds), so we"
            " stopped." + _ADVICE
        ) from None
    if done.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        raise ConsultationError(
            f"This document took too long to read (over {cpu_seconds} seconds of work), so we"
            " stopped." + _ADVICE
        )
    if done.returncode == _OUT_OF_MEMORY or b"MemoryError" in done.stderr:
        raise ConsultationError(
            f"This document needs more memory to read than we allow ({memory // 2**20} MB)."
            + _ADVICE
        )
    try:
        found = json.loads(done.stdout)
    except ValueError:
        found = {}
    if "refused" in found:
        raise ConsultationError(found["refused"])
    if done.returncode or "reading" not in found:
        raise ConsultationError("We could not read this document." + _ADVICE)
    return _reading(found["reading"])


def _reading(data: dict[str, Any]) -> Reading:
    """A Reading from its JSON form (`dataclasses.asdict`)."""
    return Reading(
        **{
            **data,
            "questions": [Question(**q) for q in data["questions"]],
            "signals": [Passage(**p) for p in data["signals"]],
        }
    )


def _limit_self(memory: int, cpu_seconds: int) -> None:
    """Limit this process's address space to `memory` bytes and its CPU time to `cpu_seconds`
    beyond what it has used so far (at the soft limit SIGXCPU ends it; a second later, SIGKILL)."""
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = math.ceil(usage.ru_utime + usage.ru_stime)
    resource.setrlimit(resource.RLIMIT_CPU, (used + cpu_seconds, used + cpu_seconds + 1))


def main(argv: list[str]) -> None:
    """The child: limit itself, read stdin, write JSON to stdout."""
    _limit_self(int(argv[0]), int(argv[1]))
    try:
        data = sys.stdin.buffer.read()
        try:
            found: dict[str, Any] = {"reading": dataclasses.asdict(read_consultation(data))}
        except ConsultationError as error:
            found = {"refused": str(error)}
        sys.stdout.write(json.dumps(found))
    except MemoryError:
        os._exit(_OUT_OF_MEMORY)  # without a traceback, which needs memory (and holds text)


if __name__ == "__main__":
    main(sys.argv[1:])
