"""What the host's log says (standard `logging`): refused files, refused documents, store faults
and limits reached, and never a draft's id, its link or what a group typed."""

import logging

import pytest

from drafting import Draft
from drafting.store import DraftStore
from drafting.store.limits import LimitReached, Limits
from tests.helpers import open_tab

TYPED = "Our lunch club 9d41c7 fed forty people"


@pytest.fixture
def log(caplog):
    caplog.set_level(logging.INFO)
    return caplog


def test_a_refused_draft_file_and_document_are_logged_without_their_content(log):
    at = open_tab()
    bad = f'{{"schema": "response-builder/draft@1", "context": 5, "group": "{TYPED}"}}'.encode()
    at.file_uploader(key="start_upload").set_value(("ours.json", bad, "application/json")).run()
    at.file_uploader(key="consultation_file").set_value(
        ("ours.pdf", f"%PDF-1.4 {TYPED}".encode(), "application/pdf")
    ).run()
    assert f"A file of {len(bad)} bytes was refused" in log.text
    assert "A consultation document of" in log.text and "was refused" in log.text
    assert TYPED not in log.text and "ours." not in log.text


def test_limits_reached_and_a_deleted_draft_are_logged_without_ids_or_text(tmp_path, log):
    with DraftStore(tmp_path, bounds=Limits(per_hour=1, save_bytes=5_000)) as store:
        draft_id, revision = store.create(Draft(context=TYPED), client="203.0.113.9")
        with pytest.raises(LimitReached):
            store.create(Draft(context=TYPED), client="203.0.113.9")
        with pytest.raises(LimitReached):
            store.save(draft_id, Draft(context=TYPED * 200), revision)
        store.delete(draft_id)
    assert "New draft refused: 1 new drafts from one address" in log.text
    assert "Save refused: a draft of" in log.text
    for secret in (draft_id, TYPED, "203.0.113.9"):
        assert secret not in log.text
