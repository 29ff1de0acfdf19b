"""Read an untrusted consultation document in a child process with limits on its memory, CPU
time and wall time, so that a document built to exhaust one of them stops the child, never
the app: the page says why, and every other session carries on.

    >>> read_in_worker(b"Q1. Do you agree with a single lead provider?").questions[0].text
    'Do you agree with a single lead provider?'

The child is a new interpreter (`python -m drafting.reading.worker MEMORY CPU`) that limits
itself (RLIMIT_AS, RLIMIT_CPU), reads the document from stdin with `read_consultation`, and
writes what it found, or why it refused, as JSON on stdout. Nothing it is given or finds
reaches a log. What the child cost (its own CPU time and peak memory, from `os.wait4` on it,
whether it finished or was stopped) goes to `on_usage` if the caller asks for it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import math
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

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
    on_usage: Callable[[WorkerUsage], None] | None = None,
) -> Reading:
    """Read a consultation document as `read_consultation` does, in a bounded child process.

    Raises ConsultationError with a message fit to show a user when the document cannot be
    read, or when reading it passes a limit (`memory` bytes, `cpu_seconds` of CPU time,
    `wall_seconds` on the clock). `on_usage`, if given, is called with what the child cost
    before this returns or raises.
    """
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(_ROOT), os.environ.get("PYTHONPATH")])),
        "OPENBLAS_NUM_THREADS": "1",  # a numerical library's threads each reserve memory
        "OMP_NUM_THREADS": "1",
    }
    command = [sys.executable, "-m", "drafting.reading.worker", str(memory), str(cpu_seconds)]
    done = _run(command, data, env, wall_seconds)
    if on_usage is not None:
        on_usage(done.usage)
    if done.timed_out:  # _run() has killed the child
        raise ConsultationError(
            f"This document took too long to read (over {wall_seconds:.0f} seconds), so we"
            " stopped." + _ADVICE
        )
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


@dataclasses.dataclass(frozen=True)
class WorkerUsage:
    """What one reading cost its child process alone: CPU seconds and peak resident memory."""

    cpu_seconds: float
    peak_bytes: int

    @property
    def peak_mb(self) -> float:
        return self.peak_bytes / 2**20


@dataclasses.dataclass(frozen=True)
class _Done:
    returncode: int  # negative: the signal that ended the child
    stdout: bytes
    stderr: bytes
    usage: WorkerUsage
    timed_out: bool


def _run(command: list[str], data: bytes, env: dict[str, str], wall_seconds: float) -> _Done:
    """Run `command` with `data` on its stdin, killing it after `wall_seconds`; its output and
    its own resource usage. This thread alone reaps the child, with `os.wait4`, so the usage is
    that child's (not the largest of every child this process has waited for, as
    RUSAGE_CHILDREN is), and a pid is signalled only while it is still ours."""
    pipe = subprocess.PIPE
    child = subprocess.Popen(command, stdin=pipe, stdout=pipe, stderr=pipe, env=env)
    out: list[bytes] = []
    err: list[bytes] = []
    threads = [
        threading.Thread(target=_feed, args=(child.stdin, data), daemon=True),
        threading.Thread(target=_drain, args=(child.stdout, out), daemon=True),
        threading.Thread(target=_drain, args=(child.stderr, err), daemon=True),
    ]
    for thread in threads:
        thread.start()
    pid = 0
    deadline = time.monotonic() + wall_seconds
    delay, timed_out = 0.0005, False
    peak = 0  # the child's own high-water mark of resident memory, read while it runs
    try:
        while True:
            peak = max(peak, _high_water(child.pid))
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            left = deadline - time.monotonic()
            if left <= 0:
                timed_out = True
                break
            delay = min(delay * 2, left, 0.05)
            time.sleep(delay)
    finally:
        if not pid:  # timed out, or interrupted: not yet reaped, so the pid is still the child's
            os.kill(child.pid, signal.SIGKILL)
            _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)  # so Popen never waits for it again
    for thread in threads:
        thread.join()
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else kB
    return _Done(
        returncode=child.returncode,
        stdout=b"".join(out),
        stderr=b"".join(err),
        # ru_maxrss counts the parent's pages the child held before it started Python (the
        # high-water mark survives exec), so a large parent would seem to be the child's size:
        # the child's own mark, read while it ran, where there is one (Linux).
        usage=WorkerUsage(usage.ru_utime + usage.ru_stime, peak or usage.ru_maxrss * scale),
        timed_out=timed_out,
    )


def _high_water(pid: int) -> int:
    """The most resident memory the process `pid` has held since it started its program, in
    bytes (VmHWM in /proc), or 0 where that cannot be read."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _feed(stream: IO[bytes], data: bytes) -> None:
    with contextlib.suppress(BrokenPipeError), stream:  # the child may stop before reading it
        stream.write(data)


def _drain(stream: IO[bytes], into: list[bytes]) -> None:
    with stream:
        into.append(stream.read())


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
