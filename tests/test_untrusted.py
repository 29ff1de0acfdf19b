"""Untrusted documents in a bounded worker: every hostile document (made by bench/hostile.py,
never kept as a file) is read or refused within 10 s of CPU and 512 MB, with a plain message,
and every regular expression of the core is linear in its input."""

import ast
import importlib
import re
import time

import pytest

from bench.hostile import BENCH_WALL_SECONDS, HOSTILE
from drafting.reading.files import ConsultationError
from drafting.reading.worker import WorkerUsage, read_in_worker
from reasons.signals import load_signals
from tests.helpers import ROOT, run_cli

OUTCOMES = {  # what each hostile input comes to: a plain message, or a reading
    "docx zip bomb": "unpacks to more than",
    "docx declaring 4 GB": "read",
    "docx declaring 2 kB of 500 MB": "This Word file is damaged",
    "docx table of 120,000 merged cells": "took too long to read",
    # pypdf needs more than 10 s for the first page's 5 MB stream: refused by the CPU limit.
    "PDF, 300 pages share a 5 MB stream": "took too long to read",
    "PDF e-mail trap": "read",
    '150 KB of "a." pasted': "read",
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_document_is_read_or_refused_within_10_s_of_cpu_and_512_mb(name):
    data = HOSTILE[name]()
    used: list[WorkerUsage] = []  # the worker's own CPU time and peak memory, from os.wait4
    try:
        read_in_worker(data, wall_seconds=BENCH_WALL_SECONDS, on_usage=used.append)
        outcome = "read"
    except ConsultationError as error:
        outcome = str(error)
    (usage,) = used
    assert OUTCOMES[name] in outcome
    assert "Traceback" not in outcome and "Error" not in outcome
    assert usage.cpu_seconds < 10 + 5  # the reading's 10 s and the worker's imports
    assert 0 < usage.peak_mb < 512


def test_the_worker_stops_a_reading_past_its_memory_or_time_and_says_so():
    bomb = HOSTILE["docx table of 120,000 merged cells"]()
    with pytest.raises(ConsultationError, match=r"took too long to read \(over 1 seconds"):
        read_in_worker(bomb, cpu_seconds=1)
    with pytest.raises(ConsultationError, match=r"took too long to read \(over 2 seconds\)"):
        read_in_worker(bomb, wall_seconds=2)
    text = b"a b. " * 350_000  # 1.75 MB of short sentences: read within 512 MB, not 64
    with pytest.raises(ConsultationError, match=r"needs more memory to read than we allow"):
        read_in_worker(text, memory=64 * 2**20)


def test_the_worker_reads_what_the_reader_reads():
    text = b"Have your say on day services\nQ1. Do you agree with a single lead provider?"
    found = read_in_worker(text)
    assert found.title == "Have your say on day services"
    assert [(q.number, q.text) for q in found.questions] == [
        ("1", "Do you agree with a single lead provider?")
    ]
    assert [s.reason for s in found.signals] == [14]


def test_the_command_line_reads_a_hostile_document_in_the_worker(tmp_path):
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(HOSTILE["docx zip bomb"]())
    result = run_cli("consultation", str(bomb))
    assert result.returncode == 2 and "unpacks to more than" in result.stderr


# Every pattern the core compiles, with the flags it is used with: module-level ones (in dicts
# and tuples too), the signals', and every literal pattern passed to a function of `re`.
def _module_patterns(name: str, value, found: dict, depth: int = 0) -> None:
    if isinstance(value, re.Pattern):
        found.setdefault((value.pattern, value.flags), name)
    elif isinstance(value, list | tuple) and depth < 3:
        for i, item in enumerate(value):
            _module_patterns(f"{name}[{i}]", item, found, depth + 1)
    elif isinstance(value, dict) and depth < 3:
        for key, item in value.items():
            _module_patterns(f"{name}[{key!r}]", item, found, depth + 1)


def _flags(node: ast.Call) -> int:
    # Where each function of `re` takes its flags: re.search(pattern, string, flags), ...
    position = {"compile": 1, "split": 3, "sub": 4, "subn": 4}.get(node.func.attr, 2)
    given = [k.value for k in node.keywords if k.arg == "flags"] + node.args[position:][:1]
    return eval(compile(ast.Expression(given[0]), "flags", "eval"), {"re": re}) if given else 0


def core_patterns() -> dict[str, re.Pattern]:
    found: dict[tuple[str, int], str] = {}
    for path in sorted([*(ROOT / "drafting").rglob("*.py"), *(ROOT / "reasons").rglob("*.py")]):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        if module.endswith("__main__"):
            continue
        for name, value in vars(importlib.import_module(module)).items():
            _module_patterns(f"{module}.{name}", value, found)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and getattr(node.func.value, "id", "") == "re"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.setdefault((node.args[0].value, _flags(node)), f"{module}:{node.lineno}")
    for signal in load_signals():
        found.setdefault((signal.pattern.pattern, signal.pattern.flags), f"signal {signal.id}")
    return {name: re.compile(pattern, flags) for (pattern, flags), name in found.items()}


PATTERNS = core_patterns()
# 1 MB of runs that make a careless pattern scan again from each of their characters: runs
# without the "@" an address needs, of white space and blank lines, of digits, of words.
RUNS = ("a.", "a@", "a", " ", "\n", " \n", "\t\n", "1.", "1 ", "a-", "www.a", "Mr ", "(", "'a ")
ADVERSARIAL = "".join((run * (1_000_000 // len(RUNS) // len(run)))[:71_000] + "!" for run in RUNS)


def test_the_patterns_are_all_found():
    assert len(PATTERNS) > 70
    assert "drafting.text.EMAIL" in PATTERNS or "drafting.advice.privacy.EMAIL" in PATTERNS
    assert len(ADVERSARIAL) >= 990_000


@pytest.mark.parametrize("name", PATTERNS)
def test_a_pattern_runs_through_1_mb_of_adversarial_text_in_linear_time(name):
    # Linear patterns take well under a second here; the quadratic e-mail pattern took 52 s
    # on 150 kB, and this text holds 71 kB runs of each kind.
    start = time.process_time()
    for _ in PATTERNS[name].finditer(ADVERSARIAL):
        pass
    assert time.process_time() - start < 5


def test_the_time_bound_catches_a_quadratic_pattern():
    """The e-mail pattern before its look-behind: four times the text takes about sixteen
    times as long (a linear pattern: four), which on the test's 71 kB runs passes 5 s (40 kB
    took 3.3 s, 150 kB 52 s)."""

    def seconds(text: str) -> float:
        start = time.process_time()
        for _ in re.finditer(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text):
            pass
        return time.process_time() - start

    assert seconds("a." * 20_000) > 8 * seconds("a." * 5_000)


def test_the_email_pattern_still_finds_addresses():
    from drafting.text import EMAIL

    text = "Write to consult.team+day@westbrook.gov.uk, or a.b@c.org."
    assert EMAIL.findall(text) == ["consult.team+day@westbrook.gov.uk", "a.b@c.org"]
