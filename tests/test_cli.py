"""The command line, run as a user would run it: a new process, real files, exit statuses."""

import csv
import io
import json
import sqlite3
from pathlib import Path

import docx
import pytest

from tests.helpers import BAD_DRAFTS, DATA
from tests.helpers import run_cli as run


def test_reasons_prints_the_catalogue_as_csv():
    result = run("reasons")
    assert result.returncode == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [int(r["id"]) for r in rows] == list(range(1, 27))
    assert list(rows[0])[:3] == ["id", "title", "theme"]


@pytest.mark.parametrize("fmt", ["docx", "md", "txt"])
@pytest.mark.parametrize("template", ["formal", "councillors", "email", "questions"])
def test_build_writes_the_letter_with_the_group_and_its_examples(tmp_path, template, fmt):
    """What the shared draft contract asks of `build`, on the tests' own copy of its sample."""
    output = tmp_path / f"letter.{fmt}"
    result = run(
        "build",
        str(DATA / "sample-draft.json"),
        "--template",
        template,
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
    assert draft["group"]["name"] in text
    assert draft["group"]["signatory"] in text
    if template != "questions":
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
        (BAD_DRAFTS / "unknown-reason.json", [], "Reason 42"),
        (BAD_DRAFTS / "truncated.json", [], "not valid JSON"),
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
    assert run("check", str(BAD_DRAFTS / "truncated.json")).returncode == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"schema": "response-builder/draft@1", "reasons": [{"id": %s}]}' % ("9" * 5000),
            "a number too long to read",
        ),
        (
            '{"schema": "response-builder/draft@1", "consultation": {"closes": "0001-01-01"}}',
            "between 2000 and 2099",
        ),
        (
            '{"schema": "response-builder/draft@1", "consultation": {"closes": "2027-W05-1"}}',
            "YYYY-MM-DD",
        ),
    ],
    ids=["huge number", "year one", "week date"],
)
def test_bad_numbers_and_dates_exit_2_not_1(tmp_path, text, message):
    (tmp_path / "draft.json").write_text(text)
    result = run("check", str(tmp_path / "draft.json"))
    assert (result.returncode, "Traceback" in result.stderr) == (2, False)
    assert message in result.stderr


def test_purge_deletes_only_drafts_untouched_for_the_keeping_time(tmp_path):
    from drafting import Draft
    from drafting.store import DraftStore

    store = DraftStore(tmp_path)
    old, _ = store.create(Draft(context="old"))
    recent, _ = store.create(Draft(context="recent"))
    with sqlite3.connect(store.path) as conn:
        conn.execute(
            "UPDATE drafts SET updated = '2020-01-01T00:00:00.000+00:00' WHERE id = ?", (old,)
        )
    result = run("purge", RESPONSE_BUILDER_DATA=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Deleted 1 draft not changed for 365 days; 1 kept")
    assert store.load(old) is None and store.load(recent).draft.context == "recent"


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
