"""The bounds a host sets (drafting/store/limits.py), on SQLite and a real PostgreSQL: new drafts
an hour from one address, the store's total size, one save's size; and what a deleted draft
leaves behind in the database's files."""

import logging
import os
from pathlib import Path

import pytest
import sqlalchemy as sa

from drafting import ChosenReason, Draft
from drafting.store import DraftStore, StoreError
from drafting.store.limits import (
    PER_HOUR_ENV,
    STORE_SIZE_ENV,
    LimitReached,
    Limits,
    client_address,
)

MARKER = "Our lunch club's secret recipe 7c1e9f"


@pytest.fixture(params=["sqlite", "postgresql"])
def place(request, tmp_path) -> dict:
    if request.param == "sqlite":
        return {"folder": tmp_path}
    return {"url": request.getfixturevalue("postgres_url")}


@pytest.fixture
def make_store(place):
    opened = []

    def make(**limits) -> DraftStore:
        opened.append(DraftStore(**place, bounds=Limits(**limits)))
        return opened[-1]

    yield make
    for store in opened:
        store.close()


def test_one_address_stores_at_most_60_new_drafts_of_150(make_store):
    store = make_store()
    made, refused = 0, []
    for n in range(150):
        try:
            store.create(Draft(context=f"Session {n}"), client="203.0.113.9")
            made += 1
        except LimitReached as error:
            refused.append(str(error))
    assert made == 60 and store.count() == 60
    assert len(refused) == 90
    assert "60 new drafts have been started from your internet address" in refused[0]
    # Another address, and a process of its own counting in the same database, are apart.
    store.create(Draft(context="Another group"), client="198.51.100.7")
    with pytest.raises(LimitReached):
        make_store().create(Draft(context="Session 151"), client="203.0.113.9")
    assert store.count() == 61


def test_the_store_keeps_no_address_only_a_hash_for_an_hour(make_store):
    store = make_store(per_hour=2)
    store.create(Draft(context="x"), client="203.0.113.9")
    with store.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT client, created FROM creations")).all()
    assert len(rows) == 1 and "203.0.113" not in rows[0].client
    with store.engine.begin() as conn:  # an hour and a minute later, as the clock sees it
        conn.execute(sa.text("UPDATE creations SET created = '2000-01-01T00:00:00.000+00:00'"))
    store.purge()
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM creations")).scalar() == 0
    store.create(Draft(context="y"), client="203.0.113.9")
    store.create(Draft(context="z"), client="203.0.113.9")
    with pytest.raises(LimitReached):
        store.create(Draft(context="w"), client="203.0.113.9")


def test_a_save_over_the_limit_is_refused_and_the_stored_draft_kept(make_store):
    store = make_store(save_bytes=20_000)
    draft_id, revision = store.create(Draft(context="Short"))
    # Each field within its own limit, the whole over the host's size of one save.
    big = Draft(reasons=[ChosenReason(i, "x" * 9_000) for i in (1, 2, 3)])
    with pytest.raises(LimitReached, match=r"at most 0 MB|a draft may be at most"):
        store.save(draft_id, big, based_on=revision)
    with pytest.raises(LimitReached):
        store.create(big)
    assert store.load(draft_id).draft.context == "Short"
    assert store.count() == 1


def test_a_full_store_takes_no_new_draft_nor_a_longer_one(make_store):
    store = make_store(store_bytes=1)  # full from the start: any table takes a page
    with pytest.raises(LimitReached, match="space for drafts is full"):
        store.create(Draft(context="New"))
    roomy = make_store()
    draft_id, revision = roomy.create(Draft(context="A draft kept before the store filled"))
    with pytest.raises(LimitReached, match="space for drafts is full"):
        store.save(
            draft_id, Draft(context="A draft kept before the store filled, and more"), revision
        )
    assert store.save(draft_id, Draft(context="Shorter now"), revision) == revision + 1
    assert store.load(draft_id).draft.context == "Shorter now"


def test_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv(PER_HOUR_ENV, "5")
    monkeypatch.setenv(STORE_SIZE_ENV, "10")
    assert Limits.configured() == Limits(per_hour=5, store_bytes=10_000_000)
    monkeypatch.setenv(PER_HOUR_ENV, "lots")
    with pytest.raises(StoreError, match=f"{PER_HOUR_ENV} should be a whole number"):
        Limits.configured()


def test_the_proxys_header_is_trusted_only_when_the_host_names_it(monkeypatch):
    headers = {"X-Real-IP": "198.51.100.7", "X-Forwarded-For": "6.6.6.6, 198.51.100.8"}
    monkeypatch.delenv("RESPONSE_BUILDER_CLIENT_HEADER", raising=False)
    assert client_address("10.0.0.1", headers) == "10.0.0.1"
    assert client_address(None, headers) is None
    monkeypatch.setenv("RESPONSE_BUILDER_CLIENT_HEADER", "X-Real-IP")
    assert client_address("10.0.0.1", headers) == "198.51.100.7"
    assert client_address("10.0.0.1", {}) is None  # the proxy sets it; missing means not via it
    assert client_address(None, headers, "X-Forwarded-For") == "198.51.100.8"


def files_holding(folder: Path, text: str) -> list[Path]:
    wanted = text.encode()
    return [
        path
        for path in folder.rglob("*")
        if path.is_file() and "pg_wal" not in path.parts and wanted in path.read_bytes()
    ]


def test_a_deleted_drafts_text_is_gone_from_the_sqlite_file(tmp_path):
    with DraftStore(tmp_path) as store:
        kept_id, _ = store.create(Draft(context="Another group's draft"))
        draft_id, revision = store.create(Draft(context=MARKER))
        store.save(draft_id, Draft(context=MARKER + " and more"), revision)
        long = ChosenReason(id=20, example=MARKER * 200)  # long enough for overflow pages
        store.save(draft_id, Draft(reasons=[long]), revision + 1)
        assert files_holding(tmp_path, MARKER)
        store.delete(draft_id)
        assert files_holding(tmp_path, MARKER) == []
        assert store.load(kept_id).draft.context == "Another group's draft"


def test_a_deleted_drafts_text_is_gone_from_postgresqls_tables(postgres, postgres_url):
    with DraftStore(url=postgres_url) as store:
        draft_id, revision = store.create(Draft(context=MARKER))
        long = ChosenReason(id=20, example=os.urandom(3000).hex() + MARKER)  # kept apart (TOAST)
        store.save(draft_id, Draft(context=MARKER, reasons=[long]), revision)
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("CHECKPOINT")  # the pages written to the table's files
        assert files_holding(postgres.folder / "data" / "base", MARKER)
        store.delete(draft_id)
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("CHECKPOINT")
        assert files_holding(postgres.folder / "data" / "base", MARKER) == []


def test_a_shared_folder_named_in_an_address_keeps_its_permissions(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    with DraftStore(url=f"sqlite:///{shared}/drafts.sqlite3") as store:
        store.create(Draft(context="x"))
        store.purge()
    assert shared.stat().st_mode & 0o777 == 0o755
    assert (shared / "drafts.sqlite3").stat().st_mode & 0o777 == 0o600
    own = tmp_path / "own"
    own.mkdir(mode=0o755)
    with DraftStore(own):  # the app's own data folder is made private
        pass
    assert own.stat().st_mode & 0o777 == 0o700


def test_store_faults_are_logged_without_the_address_on_the_page(postgres, caplog):
    url = f"postgresql://postgres@127.0.0.1:{postgres.port}/no_such_database"
    with (
        caplog.at_level(logging.ERROR, logger="drafting.store"),
        pytest.raises(StoreError) as raised,
    ):
        DraftStore(url=url)
    assert str(postgres.port) not in str(raised.value) and "127.0.0.1" not in str(raised.value)
    assert "no_such_database" in caplog.text  # the host's log says where and why
