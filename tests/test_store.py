"""The draft store: exact restores, unguessable ids, stale tabs, corrupt files and faults."""

import datetime as dt
import sqlite3
import subprocess
import sys
import textwrap
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from drafting import ChosenReason, Draft
from drafting.store import (
    DB_NAME,
    KEEP_ENV,
    DraftStore,
    RevisionConflict,
    StoreDamaged,
    StoreError,
    is_draft_id,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def store(tmp_path) -> DraftStore:
    return DraftStore(tmp_path)


@contextmanager
def immutable(path: Path):
    """Make a file or folder unwritable even for root (ext4's immutable flag)."""
    result = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
    if result.returncode:
        pytest.fail(f"chattr is needed for this fault test: {result.stderr.decode()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_saved_draft_comes_back_exactly(store, full_draft):
    draft_id, revision = store.create(Draft())
    assert store.save(draft_id, full_draft, based_on=revision) == 2
    stored = store.load(draft_id)
    assert stored.draft == full_draft and stored.revision == 2


def test_a_draft_survives_reopening_the_store(tmp_path, full_draft):
    draft_id, _ = DraftStore(tmp_path).create(full_draft)
    assert DraftStore(tmp_path).load(draft_id).draft == full_draft


def test_ids_are_unguessable_and_distinct(store):
    ids = {store.create(Draft())[0] for _ in range(200)}
    assert len(ids) == 200
    assert all(len(i) == 32 and is_draft_id(i) for i in ids)  # 192 random bits each


@pytest.mark.parametrize(
    "draft_id",
    ["", "abc", "../../etc/passwd", "' OR 1=1 --" + "x" * 21, "A" * 31, "A" * 33, "é" * 32],
)
def test_an_unknown_or_malformed_id_finds_nothing(store, draft_id):
    store.create(Draft())
    assert store.load(draft_id) is None


def test_a_well_formed_but_unknown_id_finds_nothing(store):
    store.create(Draft())
    assert store.load("A" * 32) is None


def test_a_save_from_a_stale_tab_is_refused_with_the_newer_draft(store):
    draft_id, first = store.create(Draft(context="start"))
    store.save(draft_id, Draft(context="from tab one"), based_on=first)
    with pytest.raises(RevisionConflict) as conflict:
        store.save(draft_id, Draft(context="from tab two"), based_on=first)
    assert conflict.value.newer.draft.context == "from tab one"
    assert store.load(draft_id).draft.context == "from tab one"
    assert store.save(draft_id, Draft(context="tab two wins"), based_on=first, force=True) == 3
    assert store.load(draft_id).draft.context == "tab two wins"


def test_a_deleted_draft_is_gone(store):
    draft_id, revision = store.create(Draft(context="secret"))
    assert store.delete(draft_id)
    assert store.load(draft_id) is None
    with pytest.raises(KeyError):
        store.save(draft_id, Draft(), based_on=revision)
    assert not store.delete(draft_id)


def test_the_store_uses_wal_and_records_its_schema_version(store):
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(1,)]


def test_an_old_store_is_migrated(tmp_path):
    with sqlite3.connect(tmp_path / DB_NAME) as conn:
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    draft_id, _ = DraftStore(tmp_path).create(Draft(context="after migration"))
    assert DraftStore(tmp_path).load(draft_id).draft.context == "after migration"


def test_a_store_from_a_newer_app_is_refused_not_damaged(tmp_path):
    DraftStore(tmp_path)
    with sqlite3.connect(tmp_path / DB_NAME) as conn:
        conn.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(StoreError, match="newer version"):
        DraftStore(tmp_path)
    assert (tmp_path / DB_NAME).exists()


def test_a_corrupt_store_file_is_moved_aside_and_a_fresh_one_started(tmp_path):
    (tmp_path / DB_NAME).write_bytes(b"this is not a database " * 100)
    store = DraftStore(tmp_path)
    assert store.recovered_from is not None and store.recovered_from.exists()
    assert store.recovered_from.read_bytes().startswith(b"this is not a database")
    draft_id, _ = store.create(Draft(context="fresh"))
    assert store.load(draft_id).draft.context == "fresh"


def test_a_read_only_data_folder_gives_a_store_error_not_a_crash(tmp_path):
    store = DraftStore(tmp_path)
    draft_id, revision = store.create(Draft(context="kept"))
    with immutable(store.path), pytest.raises(StoreError, match="cannot write to the draft store"):
        store.save(draft_id, Draft(context="lost?"), based_on=revision)
    assert store.load(draft_id).draft.context == "kept"


def test_a_full_disk_gives_a_store_error_and_keeps_the_last_save(tmp_path, monkeypatch):
    store = DraftStore(tmp_path)
    draft_id, revision = store.create(Draft(context="kept"))
    connect = sqlite3.connect

    def tiny_disk(*args, **kwargs):  # SQLite's own "disk is full" path, at a page limit
        conn = connect(*args, **kwargs)
        conn.execute("PRAGMA max_page_count = 8")
        return conn

    monkeypatch.setattr(sqlite3, "connect", tiny_disk)
    big = Draft(reasons=[ChosenReason(i, "x" * 10_000) for i in range(1, 27)])
    with pytest.raises(StoreError, match="full"):
        store.save(draft_id, big, based_on=revision)
    monkeypatch.undo()
    assert store.load(draft_id).draft.context == "kept"


def test_a_killed_writer_loses_nothing_it_had_saved(tmp_path):
    """SIGKILL a process in the middle of saving: every save it reported is there after."""
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from drafting import Draft
        from drafting.store import DraftStore
        store = DraftStore(__import__("pathlib").Path({str(tmp_path)!r}))
        draft_id, revision = store.create(Draft(context="0"))
        print(draft_id, flush=True)
        for n in range(1, 100_000):
            revision = store.save(draft_id, Draft(context=str(n)), based_on=revision)
            print(n, flush=True)
    """)
    writer = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    draft_id = writer.stdout.readline().strip()
    deadline = time.monotonic() + 60
    last = 0
    while last < 50 and time.monotonic() < deadline:
        last = int(writer.stdout.readline())
    writer.kill()
    writer.wait()
    writer.stdout.close()
    stored = DraftStore(tmp_path).load(draft_id)
    assert int(stored.draft.context) >= last >= 50


# Faults met while the app runs, expiry and permissions (issue 12, defects 5, 6 and 8).
DAMAGE = {
    "overwritten": lambda path: path.write_bytes(b"this is not a database " * 100),
    "truncated to nothing": lambda path: path.write_bytes(b""),
    "deleted": lambda path: path.unlink(),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
@pytest.mark.parametrize("meets_it", ["save", "load", "create"])
def test_a_store_damaged_while_running_is_moved_aside_and_works_again(tmp_path, damage, meets_it):
    store = DraftStore(tmp_path)
    draft_id, revision = store.create(Draft(context="before"))
    DAMAGE[damage](store.path)
    with pytest.raises(StoreDamaged, match="damaged while the app was running") as raised:
        if meets_it == "save":
            store.save(draft_id, Draft(context="after"), based_on=revision)
        elif meets_it == "load":
            store.load(draft_id)
        else:
            store.create(Draft(context="after"))
    moved = sorted(tmp_path.glob(f"{DB_NAME}.unreadable-*"))
    assert len(moved) == 1  # a deleted file: the empty one SQLite made in its place
    assert moved[0].name in str(raised.value)
    new_id, _ = store.create(Draft(context="saved again"))  # no restart needed
    assert store.load(new_id).draft.context == "saved again"
    assert store.load(draft_id) is None


def test_a_store_file_found_empty_at_start_is_moved_aside_not_used_in_silence(tmp_path):
    (tmp_path / DB_NAME).write_bytes(b"")
    store = DraftStore(tmp_path)
    assert store.recovered_from is not None and store.recovered_from.stat().st_size == 0
    draft_id, _ = store.create(Draft(context="fresh"))
    assert store.load(draft_id).draft.context == "fresh"


def test_the_data_folder_and_store_are_readable_by_their_owner_only(tmp_path):
    folder = tmp_path / "data"
    store = DraftStore(folder)
    store.create(Draft(context="private"))
    assert folder.stat().st_mode & 0o777 == 0o700
    for path in folder.iterdir():
        assert path.stat().st_mode & 0o077 == 0, path.name


def test_a_folder_made_world_readable_is_closed_again(tmp_path):
    folder = tmp_path / "data"
    DraftStore(folder)
    folder.chmod(0o755)
    (folder / DB_NAME).chmod(0o644)
    DraftStore(folder)
    assert (folder.stat().st_mode & 0o777, (folder / DB_NAME).stat().st_mode & 0o777) == (
        0o700,
        0o600,
    )


def test_drafts_untouched_for_the_keeping_time_are_purged(tmp_path):
    store = DraftStore(tmp_path, keep_days=30)
    old, _ = store.create(Draft(context="old"))
    recent, revision = store.create(Draft(context="recent"))
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=20)
    store.save(recent, Draft(context="touched"), based_on=revision)
    assert store.purge(now=later) == 0
    assert store.purge(now=later + dt.timedelta(days=15)) == 2
    assert store.load(old) is None and store.load(recent) is None


def test_the_keeping_time_is_a_year_unless_configured(tmp_path, monkeypatch):
    assert DraftStore(tmp_path).keep_days == 365
    monkeypatch.setenv(KEEP_ENV, "90")
    assert DraftStore(tmp_path).keep_days == 90
    monkeypatch.setenv(KEEP_ENV, "forever")
    with pytest.raises(StoreError, match="number of days"):
        DraftStore(tmp_path)


def test_an_expired_draft_no_longer_loads_even_before_a_purge(tmp_path):
    store = DraftStore(tmp_path, keep_days=30)
    draft_id, _ = store.create(Draft(context="old"))
    stamp = (dt.datetime.now(dt.UTC) - dt.timedelta(days=31)).isoformat()
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE drafts SET updated = ?", (stamp,))
    assert store.load(draft_id) is None
