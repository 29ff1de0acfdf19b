"""Shared fixtures: the catalogue, the sample draft, a real PostgreSQL and the files a download
button gives (the helpers that are not fixtures live in tests/helpers.py)."""

import datetime as dt
import itertools
import json
import os

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest, app_test

from bench.postgres import PostgresServer, PostgresUnavailable
from drafting import ChosenReason, CoSignatory, Draft, Question, draft_from_dict
from tests.helpers import DATA, reasons_catalogue


@pytest.fixture(scope="session", autouse=True)
def data_folder(tmp_path_factory):
    """Keep every test's autosaved drafts in a folder of its own, never the user's."""
    folder = tmp_path_factory.mktemp("data")
    os.environ["RESPONSE_BUILDER_DATA"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def postgres():
    """A throw-away PostgreSQL server for the whole test session, stopped by its PID at the end.

    Where it cannot start (PostgreSQL not installed, say) a test that needs it fails in CI
    (CI=true) and is skipped, with the reason, on a developer's machine; `make test` installs
    Debian's postgresql first, so there it runs.
    """
    server = PostgresServer(durable=False)
    try:
        server.start()
    except PostgresUnavailable as problem:
        server.stop()
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is needed for this test: {problem}")
        pytest.skip(f"PostgreSQL is not available here: {problem}")
    yield server
    server.stop()


_database_numbers = itertools.count(1)


@pytest.fixture
def postgres_url(postgres) -> str:
    """The address of a new, empty database on the test session's PostgreSQL server."""
    return postgres.create_database(f"test_{next(_database_numbers)}")


@pytest.fixture(scope="session")
def catalogue():
    return reasons_catalogue()


@pytest.fixture
def sample_dict() -> dict:
    return json.loads((DATA / "sample-draft.json").read_text(encoding="utf-8"))


@pytest.fixture
def sample(sample_dict) -> Draft:
    """The sample draft, as in its file (its consultation closes on 31 January 2027)."""
    return draft_from_dict(sample_dict)


@pytest.fixture
def app_sample(sample) -> Draft:
    """The sample draft for the app's pages, its consultation closing 60 days from the day the
    tests run: the app counts down from today, and a closing date that has passed adds a
    warning to every page (the file's date would make the pages depend on the day)."""
    sample.consultation.closes = (dt.date.today() + dt.timedelta(days=60)).isoformat()
    return sample


@pytest.fixture
def full_draft(sample, catalogue) -> Draft:
    """The sample with every field filled and all 26 reasons, each with its own example,
    national evidence for two, two numbered questions and two fair-process concerns; it
    opposes a proposal at formal consultation."""
    sample.group.phone = "01234 567890"
    sample.group.registration = "Registered charity 1234567"
    sample.context = "We have run the Thursday lunch club since 2011."
    sample.asks = ["Keep the current grants.", "Publish the options appraisal."]
    sample.co_signatories = [CoSignatory("Hillside Tenants", "Sam Okafor", "Chair")]
    sample.copy_to = ["Cllr Jane Doe, Cabinet Member for Communities"]
    sample.reasons = [
        ChosenReason(r.id, f"Local example for reason {r.id}.") for r in catalogue.reasons
    ]
    sample.questions = [
        Question("Do you agree with the proposed model?", [2, 20], "No.", number="1"),
        Question("Any other comments?", [], "", number="2a"),
    ]
    sample.consultation.opens = "2026-12-01"
    sample.evidence = [20, 26]
    sample.fairness = ["information", "time"]
    sample.fairness_notes = {"time": "Most of our volunteers are away over Christmas."}
    sample.position, sample.stage = "oppose", "formal"
    return sample


MANAGERS: list["RecordingFileManager"] = []


class RecordingFileManager(MediaFileManager):
    def __init__(self, storage):
        super().__init__(storage)
        self.storage = storage
        MANAGERS.append(self)


@pytest.fixture
def downloads(monkeypatch):
    """Return a function giving {button key: (file name, bytes)} for an AppTest's last run."""
    MANAGERS.clear()
    monkeypatch.setattr(app_test, "MediaFileManager", RecordingFileManager)

    def files(at: AppTest) -> dict[str, tuple[str, bytes]]:
        manager = MANAGERS[-1]
        found = {}
        for button in at.get("download_button"):
            url = manager.execute_deferred(button.proto.deferred_file_id)
            stored = manager.storage.get_file(url.rsplit("/", 1)[-1])
            found[button.key] = (stored.filename, stored.content)
        return found

    return files
