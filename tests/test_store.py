"""The draft store, on both its engines: SQLite (the default) and a real PostgreSQL server
(tests/conftest.py starts one). Exact restores, unguessable ids, stale tabs in this process and
another, migrations, expiry, a killed writer, a database that goes down; then SQLite's own file
faults: corrupt, read-only, full, damaged while running, private permissions."""

import datetime as dt
import subprocess
import sys
import textwrap
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from drafting import ChosenReason, Draft
from drafting.store import (
    DATABASE_ENV,
    KEEP_ENV,
    DraftDeleted,
    DraftStore,
    RevisionConflict,
    StoreDamaged,
    StoreError,
    configured_url,
    is_draft_id,
)
from drafting.store.engine import SCHEMA_VERSION
from drafting.store.settings import DB_NAME

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(params=["sqlite", "postgresql"])
def place(request, tmp_path) -> dict:
    """Where this test's store lives, as DraftStore's arguments: a folder for SQLite, or the
    address of a new, empty database on the test session's PostgreSQL server."""
    if request.param == "sqlite":
        return {"folder": tmp_path}
    return {"url": request.getfixturevalue("postgres_url")}


@pytest.fixture
def open_store(place):
    """Open the test's store, as many times as asked (each one is what a new process opens);
    every one is closed at the end."""
    opened = []

    def open_(**options) -> DraftStore:
        opened.append(DraftStore(**place, **options))
        return opened[-1]

    yield open_
    for store in opened:
        store.close()


@pytest.fixture
def store(open_store) -> DraftStore:
    return open_store()


def execute(store: DraftStore, sql: str, **values) -> list[tuple]:
    """Run one SQL statement on the store's own database, as an administrator would."""
    with store.engine.begin() as conn:
        result = conn.execute(sa.text(sql), values)
        return [tuple(row) for row in result] if result.returns_rows else []


def in_a_process(place: dict, body: str) -> subprocess.Popen:
    """Start another Python process with `store` open on the test's database, running `body`."""
    script = f"""
import sys
from pathlib import Path
sys.path.insert(0, {str(ROOT)!r})
from drafting import Draft
from drafting.store import DraftStore, RevisionConflict
place = { ({k: str(v) for k, v in place.items()})!r}
store = DraftStore(Path(place["folder"])) if "folder" in place else DraftStore(url=place["url"])
""" + textwrap.dedent(body)
    return subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)


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


def test_a_draft_survives_reopening_the_store(open_store, full_draft):
    draft_id, _ = open_store().create(full_draft)
    assert open_store().load(draft_id).draft == full_draft


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


def test_a_stale_save_from_another_process_is_refused(place, store):
    draft_id, first = store.create(Draft(context="start"))
    other = in_a_process(
        place,
        f"""
        store.save({draft_id!r}, Draft(context="saved by the other process"), based_on={first})
        try:
            store.save({draft_id!r}, Draft(context="stale"), based_on={first})
        except RevisionConflict as conflict:
            print(conflict.newer.draft.context)
        """,
    )
    assert other.communicate(timeout=60)[0].strip() == "saved by the other process"
    with pytest.raises(RevisionConflict) as conflict:
        store.save(draft_id, Draft(context="from a stale tab here"), based_on=first)
    assert conflict.value.newer.revision == 2
    assert store.load(draft_id).draft.context == "saved by the other process"


def test_two_processes_saving_at_once_never_overwrite_each_other(place, store):
    """Each process saves over the revision it last read, 40 times, as fast as it can: every
    save either lands on the revision it read or is refused, so no save is lost in between."""
    draft_id, _ = store.create(Draft(context="0"))
    body = f"""
        saved = refused = 0
        while saved < 40:
            stored = store.load({draft_id!r})
            try:
                store.save({draft_id!r}, Draft(context=str(saved)), based_on=stored.revision)
                saved += 1
            except RevisionConflict:
                refused += 1
        print(saved, refused)
    """
    writers = [in_a_process(place, body) for _ in range(2)]
    counts = [tuple(map(int, w.communicate(timeout=120)[0].split())) for w in writers]
    assert [saved for saved, _ in counts] == [40, 40]
    assert store.load(draft_id).revision == 1 + 80  # every reported save is one revision


def test_a_deleted_draft_is_gone(store):
    draft_id, revision = store.create(Draft(context="secret"))
    assert store.delete(draft_id)
    assert store.load(draft_id) is None
    with pytest.raises(DraftDeleted, match="no draft"):
        store.save(draft_id, Draft(), based_on=revision)
    assert not store.delete(draft_id)


def test_the_store_records_its_schema_version(store):
    assert execute(store, "SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]


@pytest.mark.parametrize("version", [0, 1])
def test_an_old_store_is_migrated_and_keeps_its_drafts(open_store, version):
    """A store left by an older app: version 0 (an empty version table) or 1 (drafts, no
    index); opening it brings it to the current version and what it held still loads."""
    store = open_store()
    kept, _ = store.create(Draft(context="saved by the older app"))
    execute(store, "DROP INDEX drafts_updated")
    execute(store, "UPDATE schema_version SET version = :v", v=version)
    if version == 0:
        execute(store, "DROP TABLE drafts")
    reopened = open_store()
    assert execute(reopened, "SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
    if version:
        assert reopened.load(kept).draft.context == "saved by the older app"
    draft_id, _ = reopened.create(Draft(context="after migration"))
    assert open_store().load(draft_id).draft.context == "after migration"


def test_two_processes_opening_a_new_store_at_once_migrate_it_once(place, store):
    execute(store, "DROP TABLE drafts")
    execute(store, "DROP TABLE schema_version")
    openers = [in_a_process(place, "print(store.create(Draft())[0])") for _ in range(3)]
    ids = [o.communicate(timeout=60)[0].strip() for o in openers]
    assert all(is_draft_id(i) for i in ids) and [o.returncode for o in openers] == [0, 0, 0]
    assert execute(store, "SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
    assert execute(store, "SELECT count(*) FROM drafts") == [(3,)]


def test_a_store_from_a_newer_app_is_refused_not_damaged(open_store):
    store = open_store()
    draft_id, _ = store.create(Draft(context="kept"))
    execute(store, "UPDATE schema_version SET version = 99")
    with pytest.raises(StoreError, match="newer version"):
        open_store()
    execute(store, "UPDATE schema_version SET version = :v", v=SCHEMA_VERSION)
    assert open_store().load(draft_id).draft.context == "kept"


def test_a_killed_writer_loses_nothing_it_had_saved(place, store):
    """SIGKILL a process in the middle of saving: every save it reported is there after."""
    writer = in_a_process(
        place,
        """
        draft_id, revision = store.create(Draft(context="0"))
        print(draft_id, flush=True)
        for n in range(1, 100_000):
            revision = store.save(draft_id, Draft(context=str(n)), based_on=revision)
            print(n, flush=True)
        """,
    )
    draft_id = writer.stdout.readline().strip()
    deadline = time.monotonic() + 60
    last = 0
    while last < 50 and time.monotonic() < deadline:
        last = int(writer.stdout.readline())
    writer.kill()
    writer.wait()
    writer.stdout.close()
    assert int(store.load(draft_id).draft.context) >= last >= 50


def test_drafts_untouched_for_the_keeping_time_are_purged(open_store):
    store = open_store(keep_days=30)
    old, _ = store.create(Draft(context="old"))
    recent, revision = store.create(Draft(context="recent"))
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=20)
    store.save(recent, Draft(context="touched"), based_on=revision)
    assert store.purge(now=later) == 0
    assert store.purge(now=later + dt.timedelta(days=15)) == 2
    assert store.load(old) is None and store.load(recent) is None


def test_an_expired_draft_no_longer_loads_even_before_a_purge(open_store):
    store = open_store(keep_days=30)
    draft_id, _ = store.create(Draft(context="old"))
    stamp = (dt.datetime.now(dt.UTC) - dt.timedelta(days=31)).isoformat()
    execute(store, "UPDATE drafts SET updated = :stamp", stamp=stamp)
    assert store.load(draft_id) is None


# Which database: the environment, the app's setting, or SQLite in the data folder.
def test_the_database_address_comes_from_the_environment_first(monkeypatch):
    monkeypatch.delenv(DATABASE_ENV, raising=False)
    assert configured_url() == ""
    assert configured_url("postgresql://app@db.example:5432/drafts").endswith("/drafts")
    monkeypatch.setenv(DATABASE_ENV, "postgresql://ops@127.0.0.1:5433/other")
    assert configured_url("postgresql://app@db.example:5432/drafts").endswith("/other")


def test_a_standard_postgresql_address_in_the_environment_is_used(monkeypatch, postgres_url):
    monkeypatch.setenv(DATABASE_ENV, postgres_url)
    store = DraftStore()
    other = DraftStore(url=postgres_url.replace("postgresql://", "postgres://"))
    try:
        assert not store.is_sqlite and store.path is None
        draft_id, _ = store.create(Draft(context="in PostgreSQL"))
        assert other.load(draft_id).draft.context == "in PostgreSQL"
    finally:
        store.close()
        other.close()


def test_an_sqlite_address_names_the_store_file(tmp_path):
    with DraftStore(url=f"sqlite:///{tmp_path}/elsewhere/drafts.sqlite3") as store:
        draft_id, _ = store.create(Draft(context="in a file of its own"))
    assert store.is_sqlite and store.folder == tmp_path / "elsewhere"
    assert DraftStore(tmp_path / "elsewhere").load(draft_id).draft.context == "in a file of its own"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://app@127.0.0.1/drafts", "SQLite or PostgreSQL, not mysql"),
        ("not an address", "not a database address"),
    ],
)
def test_an_address_the_store_cannot_use_is_refused_with_a_message(url, message):
    with pytest.raises(StoreError, match=message):
        DraftStore(url=url)


# A database server that goes down, and comes back.
def test_a_database_that_is_down_gives_a_clear_error_and_no_password(postgres):
    from bench.appserver import free_port

    url = f"postgresql://app:secret-word@127.0.0.1:{free_port()}/drafts"
    with pytest.raises(StoreError, match="Cannot open the database") as raised:
        DraftStore(url=url)
    assert "secret-word" not in str(raised.value)


def test_saving_stops_while_the_database_is_down_and_resumes_after(postgres, postgres_url):
    store = DraftStore(url=postgres_url)
    draft_id, revision = store.create(Draft(context="before"))
    postgres.stop(remove=False)
    try:
        with pytest.raises(StoreError, match="database server cannot be reached"):
            store.save(draft_id, Draft(context="while down"), based_on=revision)
        with pytest.raises(StoreError, match="database server cannot be reached"):
            store.load(draft_id)
    finally:
        postgres.start_again()
    assert store.load(draft_id).draft.context == "before"  # nothing lost on the restart
    assert store.save(draft_id, Draft(context="after"), based_on=revision) == 2
    store.close()
    reopened = DraftStore(url=postgres_url)
    assert reopened.load(draft_id).draft.context == "after"
    reopened.close()


# SQLite's own file: WAL, corruption, a read-only or full disk, damage while running.
def test_the_sqlite_store_uses_wal(tmp_path):
    store = DraftStore(tmp_path)
    assert execute(store, "PRAGMA journal_mode") == [("wal",)]


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


def test_a_full_disk_gives_a_store_error_and_keeps_the_last_save(tmp_path):
    store = DraftStore(tmp_path)
    draft_id, revision = store.create(Draft(context="kept"))

    def tiny_disk(connection, _record):  # SQLite's own "disk is full" path, at a page limit
        connection.execute("PRAGMA max_page_count = 8")

    sa.event.listen(store.engine, "connect", tiny_disk)
    big = Draft(reasons=[ChosenReason(i, "x" * 10_000) for i in range(1, 27)])
    with pytest.raises(StoreError, match="full"):
        store.save(draft_id, big, based_on=revision)
    sa.event.remove(store.engine, "connect", tiny_disk)
    assert store.load(draft_id).draft.context == "kept"


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


def test_the_keeping_time_is_a_year_unless_configured(tmp_path, monkeypatch):
    assert DraftStore(tmp_path).keep_days == 365
    monkeypatch.setenv(KEEP_ENV, "90")
    assert DraftStore(tmp_path).keep_days == 90
    monkeypatch.setenv(KEEP_ENV, "forever")
    with pytest.raises(StoreError, match="number of days"):
        DraftStore(tmp_path)
