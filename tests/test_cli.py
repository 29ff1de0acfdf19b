"""The command line, run as a user would run it: a new process, real files, exit statuses."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from tests.conftest import DATA, SHARED

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "drafting", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def test_reasons_prints_the_catalogue_as_csv():
    result = run("reasons")
    assert result.returncode == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [int(r["id"]) for r in rows] == list(range(1, 27))
    assert list(rows[0])[:3] == ["id", "title", "theme"]


@pytest.mark.parametrize("fmt", ["docx", "md", "txt"])
def test_build_writes_the_letter_with_the_groups_examples(tmp_path, fmt):
    output = tmp_path / f"letter.{fmt}"
    result = run(
        "build",
        str(DATA / "sample-draft.json"),
        "--template",
        "formal",
        "--format",
        fmt,
        "--output",
        str(output),
    )
    assert result.returncode == 0, result.stderr
    if fmt == "docx":
        text = "\n".join(p.text for p in docx.Document(output).paragraphs)
    else:
        text = output.read_text(encoding="utf-8")
    draft = json.loads((DATA / "sample-draft.json").read_text(encoding="utf-8"))
    for reason in draft["reasons"]:
        assert reason["example"] in text


def test_build_names_the_file_after_the_consultation_when_no_output_is_given(tmp_path):
    result = run("build", str(DATA / "sample-draft.json"), "--format", "txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (written,) = tmp_path.iterdir()
    assert written.name.startswith("response-proposals-to-commission-community-support")
    assert result.stdout.strip() == written.name


@pytest.mark.parametrize(
    ("draft", "extra", "message"),
    [
        (SHARED / "examples" / "bad" / "unknown-reason.json", [], "Reason 42"),
        (SHARED / "examples" / "bad" / "truncated.json", [], "not valid JSON"),
        (Path("/nonexistent/draft.json"), [], "Cannot read the draft file"),
        (DATA / "sample-draft.json", ["--template", "sonnet"], "no template called 'sonnet'"),
    ],
)
def test_a_bad_draft_exits_2_with_one_line_and_no_traceback(tmp_path, draft, extra, message):
    result = run("build", str(draft), "--output", str(tmp_path / "x.docx"), *extra)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr
    assert not (tmp_path / "x.docx").exists()


def test_check_says_whether_a_draft_is_valid():
    assert run("check", str(DATA / "sample-draft.json")).returncode == 0
    assert run("check", str(SHARED / "examples" / "bad" / "truncated.json")).returncode == 2


def test_the_shared_contract_check_passes():
    result = subprocess.run(
        [sys.executable, str(SHARED / "checks" / "contract.py")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout
    assert "contract: 0 problems" in result.stdout


def test_the_questions_template_without_questions_says_so_and_still_writes(tmp_path):
    output = tmp_path / "letter.txt"
    sample = DATA / "sample-draft.json"
    result = run(
        "build", str(sample), "--template", "questions", "--format", "txt", "--output", str(output)
    )
    assert result.returncode == 0
    assert "no consultation questions" in result.stderr
    text = output.read_text(encoding="utf-8")
    assert "Hillside Community Café" in text and "Maria Lopez" in text
    assert "Question" not in text
    formal = run(
        "build",
        str(sample),
        "--template",
        "formal",
        "--format",
        "txt",
        "--output",
        str(tmp_path / "formal.txt"),
    )
    assert formal.returncode == 0 and formal.stderr == ""
