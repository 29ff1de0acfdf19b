"""The draft store: autosaved drafts, each under an unguessable id, in one SQLite file (the
default: nothing to set up) or in a PostgreSQL database shared by several app processes.

The app puts a draft's id in its URL (`?draft=<id>`); whoever has the link has the draft, and
nothing lists drafts. Each save is one transaction that checks the revision it was based on,
so a save from a stale tab, in this process or another, never overwrites a newer one silently:

    >>> import tempfile
    >>> store = DraftStore(Path(tempfile.mkdtemp()))
    >>> draft_id, revision = store.create(Draft())
    >>> store.save(draft_id, Draft(context="Our lunch club"), based_on=revision)
    2
    >>> store.load(draft_id).draft.context
    'Our lunch club'

Where drafts live: `RESPONSE_BUILDER_DATABASE_URL` when it is set (a standard address such as
`postgresql://user@host:5432/drafts`), else the address the app was given in its settings,
else `drafts.sqlite3` in the data folder. Both engines run through SQLAlchemy Core with the
same statements; one DraftStore holds one engine (and its pool of connections), so a process
makes one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

import platformdirs
import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.pool import NullPool

from drafting.model.draft import Draft, DraftError
from drafting.model.parsing import draft_to_json, parse_draft

DATA_ENV = "RESPONSE_BUILDER_DATA"
DATABASE_ENV = "RESPONSE_BUILDER_DATABASE_URL"
KEEP_ENV = "RESPONSE_BUILDER_KEEP_DAYS"
DEFAULT_KEEP_DAYS = 365
DB_NAME = "drafts.sqlite3"
ID_BYTES = 24  # 192 bits: unguessable
_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{32}")
CONNECT_TIMEOUT = 5  # seconds before a database server that does not answer counts as down

# Each entry takes the database from the version before it to its own number. The statements
# are plain SQL that SQLite and PostgreSQL both take.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """CREATE TABLE drafts (
            id TEXT PRIMARY KEY,
            revision INTEGER NOT NULL,
            body TEXT NOT NULL,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )""",
    ),
    # Expiry deletes by the time of the last save, on every new draft: find them by index.
    2: ("CREATE INDEX drafts_updated ON drafts (updated)",),
}
SCHEMA_VERSION = max(MIGRATIONS)
_MIGRATION_LOCK = 7_261_012  # PostgreSQL advisory lock: one process migrates at a time

_drafts = sa.table(
    "drafts",
    sa.column("id", sa.Text),
    sa.column("revision", sa.Integer),
    sa.column("body", sa.Text),
    sa.column("created", sa.Text),
    sa.column("updated", sa.Text),
)
_schema_version = sa.table("schema_version", sa.column("version", sa.Integer))


class StoreError(Exception):
    """The store cannot save or read (disk full, read-only folder, database server down, ...);
    the message says so."""


class StoreDamaged(StoreError):
    """The store file was found damaged while running; it was moved aside and a new one
    started, so the drafts saved in it are no longer in the store. The message says where."""


class RevisionConflict(StoreError):
    """Another tab saved a newer revision of this draft; `newer` holds it."""

    def __init__(self, newer: StoredDraft):
        super().__init__(
            f"This draft was changed in another tab or window (revision {newer.revision})."
        )
        self.newer = newer


class DraftDeleted(StoreError):
    """The draft is no longer in the store: deleted (from another tab, or expired)."""


@dataclass(frozen=True)
class StoredDraft:
    draft: Draft
    revision: int


def default_folder() -> Path:
    """Where drafts live: $RESPONSE_BUILDER_DATA, or the user's data folder for the app."""
    configured = os.environ.get(DATA_ENV)
    return Path(configured) if configured else Path(platformdirs.user_data_dir("response-builder"))


def configured_url(setting: str = "") -> str:
    """The database address to use: $RESPONSE_BUILDER_DATABASE_URL when set, else `setting`
    (the app passes its `[connections.drafts]` secret), else "" for SQLite in the data folder.

    The environment wins: it is set for one process by whoever starts it, so a host can point
    one process elsewhere without editing the settings file every process reads.
    """
    return os.environ.get(DATABASE_ENV, "").strip() or (setting or "").strip()


def is_draft_id(value: str) -> bool:
    """Say whether `value` has the shape of a draft id (it may still be unknown)."""
    return bool(_ID_PATTERN.fullmatch(value or ""))


def configured_keep_days() -> int:
    """How many days a draft is kept after its last change: $RESPONSE_BUILDER_KEEP_DAYS, else
    a year."""
    configured = os.environ.get(KEEP_ENV, "").strip()
    if not configured:
        return DEFAULT_KEEP_DAYS
    if not configured.isdigit() or not 1 <= int(configured) <= 36_500:
        raise StoreError(
            f"{KEEP_ENV} should be a number of days from 1 to 36500, not {configured!r}."
        )
    return int(configured)


def keeping_time(days: int) -> str:
    """Say a keeping time in plain words: `keeping_time(365)` is 'a year', 730 '2 years'."""
    years, rest = divmod(days, 365)
    if rest or not years:
        return f"{days} day{'' if days == 1 else 's'}"
    return "a year" if years == 1 else f"{years} years"


def database_address(url: str) -> sa.URL:
    """Read a database address; a `postgresql://` (or `postgres://`) one is given the psycopg
    driver, whatever driver it names. Only SQLite and PostgreSQL are supported."""
    try:
        parsed = sa.make_url(url)
    except exc.ArgumentError as e:
        raise StoreError(f"{DATABASE_ENV} is not a database address: {e}") from e
    if parsed.drivername.split("+")[0] in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")  # the one driver installed
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(
            f"The draft store works with SQLite or PostgreSQL, not {parsed.get_backend_name()}"
            f" ({parsed.render_as_string(hide_password=True)})."
        )
    return parsed


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def _sqlite_engine(path: Path) -> sa.Engine:
    """An engine opening one connection per use, as SQLite wants across processes, with
    writes in immediate transactions (the writer takes the lock before it reads)."""
    engine = sa.create_engine(
        sa.URL.create("sqlite", database=str(path)),
        poolclass=NullPool,
        connect_args={"timeout": 10, "isolation_level": None},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.execute("PRAGMA synchronous=FULL")

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        begin = connection.get_execution_options().get("sqlite_begin", "BEGIN IMMEDIATE")
        if begin:  # "" for statements that cannot run in a transaction (journal_mode)
            connection.exec_driver_sql(begin)

    return engine


def _damaged(error: exc.DBAPIError) -> bool:
    """Whether an SQLite error means the store file is no longer a whole database (replaced,
    emptied or damaged), not that the disk refused a write."""
    if isinstance(error, exc.OperationalError):
        return "no such table" in str(error.orig)
    return type(error) is exc.DatabaseError  # "file is not a database", "malformed"


def _reason(error: exc.DBAPIError) -> str:
    """The database's own words for what went wrong: its first line, without SQL."""
    return str(error.orig).strip().splitlines()[0] if error.orig else str(error)


class DraftStore:
    """Drafts in a database: `folder/drafts.sqlite3` by default, or the database at `url`.

    SQLite: WAL mode, each save one transaction. The folder is readable by its owner only
    (0700), the file too (0600). A store file that is not a readable database, or is empty, is
    moved aside on opening and a fresh one started; `recovered_from` then names the file moved
    aside, so the app can say so. A file damaged while the app runs is moved aside the same
    way, at the first read or write that meets it, which raises StoreDamaged.

    PostgreSQL: one pool of connections, each checked before use, so the store carries on
    after the database server restarts; while the server is down, every read and save raises
    StoreError saying so.

    On both, a draft untouched for `keep_days` no longer loads, and is deleted when the next
    draft is created or by `purge` (`python -m drafting purge`).
    """

    def __init__(self, folder: Path | None = None, keep_days: int | None = None, *, url: str = ""):
        self.keep_days = keep_days or configured_keep_days()
        self.recovered_from: Path | None = None
        self._lock = threading.Lock()
        # SQLite lets one writer in at a time and makes the others poll, backing off, for at
        # most its timeout: with many sessions in one process some gave up ("database is
        # locked"). Writers of this process queue here instead; other processes still meet
        # SQLite's own lock.
        self._write_lock = threading.RLock()
        chosen = url or ("" if folder else configured_url())
        address = database_address(chosen) if chosen else None
        if address and address.get_backend_name() == "postgresql":
            self.folder = self.path = None
            shown = address.set(drivername="postgresql").render_as_string(hide_password=True)
            self.where = f"the database {shown}"
            self.engine = sa.create_engine(
                address,
                pool_pre_ping=True,
                pool_size=5,
                max_overflow=10,
                connect_args={"connect_timeout": CONNECT_TIMEOUT},
            )
            try:
                with self.engine.begin() as conn:
                    self._migrate(conn)
            except exc.DBAPIError as e:
                self.engine.dispose()
                raise StoreError(f"Cannot open {self.where}: {_reason(e)}.") from e
            except BaseException:
                self.engine.dispose()
                raise
            return
        if address and not address.database:
            raise StoreError("An SQLite address needs a file: sqlite:////path/to/drafts.sqlite3.")
        self.path = Path(address.database) if address else (folder or default_folder()) / DB_NAME
        self.folder = self.path.parent
        self.where = str(self.folder)
        self.engine = _sqlite_engine(self.path)
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            self.folder.chmod(0o700)
            if self.path.exists() and self.path.stat().st_size == 0:
                self._move_aside()  # a file emptied by accident is not a new, empty store
            self._open()
        except exc.DBAPIError as e:
            if not self.path.exists() or isinstance(e, exc.OperationalError):
                raise StoreError(f"Cannot open the draft store in {self.folder}: {e.orig}") from e
            self._move_aside()
            self._open()
        except OSError as e:
            raise StoreError(f"Cannot open the draft store in {self.folder}: {e}") from e

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    def close(self) -> None:
        """Close the store's connections (a process's one store stays open while it runs)."""
        self.engine.dispose()

    def __enter__(self) -> DraftStore:
        return self

    def __exit__(self, *_exception) -> None:
        self.close()

    # SQLite's file: its permissions, its integrity, and moving a damaged one aside.
    def _move_aside(self) -> None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        aside = self.path.with_name(f"{DB_NAME}.unreadable-{stamp}")
        self.path.rename(aside)
        for suffix in ("-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        self.recovered_from = aside

    def _healthy(self) -> bool:
        try:
            with self.engine.connect().execution_options(sqlite_begin="BEGIN") as conn:
                conn.execute(sa.select(sa.func.count()).select_from(_drafts)).scalar()
                return conn.exec_driver_sql("PRAGMA quick_check").scalar() == "ok"
        except exc.DBAPIError:
            return False

    def _recover(self, error: exc.DBAPIError) -> StoreError:
        """Put a store file damaged while running aside and start a fresh one (once, however
        many sessions meet the damage); return the error to raise."""
        with self._lock:
            try:
                if not self._healthy():
                    if self.path.exists():  # even an emptied file: keep it as found
                        self._move_aside()
                    else:
                        self.recovered_from = None
                    self._open()
            except (OSError, exc.DBAPIError) as e:
                return StoreError(f"the draft store is damaged and cannot be replaced ({e}).")
        where = f"put aside as {self.recovered_from.name}" if self.recovered_from else "missing"
        return StoreDamaged(
            f"The file of saved drafts was damaged while the app was running ({_reason(error)});"
            f" it was {where}, and a new one has been started."
        )

    def _open(self) -> None:
        if not self.path.exists():  # readable by this user only, from the first byte
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        self.path.chmod(0o600)
        with self.engine.connect().execution_options(sqlite_begin="") as conn:
            if conn.exec_driver_sql("PRAGMA quick_check").scalar() != "ok":
                raise exc.DatabaseError(
                    "PRAGMA quick_check", None, Exception("the store file failed its check")
                )
            conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        with self.engine.begin() as conn:
            self._migrate(conn)

    def _migrate(self, conn: sa.Connection) -> None:
        """Bring the store up to SCHEMA_VERSION, in one transaction; two processes starting
        together migrate one after the other (SQLite's write lock, PostgreSQL's advisory one)."""
        if not self.is_sqlite:
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_MIGRATION_LOCK)))
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        current = conn.execute(sa.select(_schema_version.c.version)).scalar() or 0
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"The draft store was written by a newer version of the app (schema {current})."
            )
        if current == SCHEMA_VERSION:
            return
        for version in range(current + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[version]:
                conn.exec_driver_sql(statement)
        conn.execute(sa.delete(_schema_version))
        conn.execute(sa.insert(_schema_version).values(version=SCHEMA_VERSION))

    # Reading and writing, the same on both engines.
    def _failed(self, error: exc.DBAPIError, writing: bool) -> StoreError:
        """The StoreError for a database error (after putting a damaged SQLite file aside)."""
        if self.is_sqlite and _damaged(error):
            return self._recover(error)
        if not self.is_sqlite and (
            error.connection_invalidated or "connection" in _reason(error).lower()
        ):
            return StoreError(f"the database server cannot be reached ({_reason(error)}).")
        if writing and self.is_sqlite and isinstance(error, exc.OperationalError):
            return StoreError(f"the server cannot write to the draft store ({_reason(error)}).")
        return StoreError(f"the draft store failed ({_reason(error)}).")

    def _write(self, action):
        """Run `action(conn)` in one transaction; turn database failures into StoreError."""
        try:
            queue = self._write_lock if self.is_sqlite else contextlib.nullcontext()
            with queue, self.engine.begin() as conn:
                return action(conn)
        except exc.DBAPIError as e:
            raise self._failed(e, writing=True) from e

    def _read(self, query: sa.Executable) -> sa.Row | None:
        try:
            with self.engine.connect().execution_options(sqlite_begin="BEGIN") as conn:
                return conn.execute(query).first()
        except exc.DBAPIError as e:
            raise self._failed(e, writing=False) from e

    def create(self, draft: Draft) -> tuple[str, int]:
        """Store a new draft under a fresh unguessable id; return (id, revision 1)."""
        self.purge()
        draft_id = secrets.token_urlsafe(ID_BYTES)
        now = _now()
        self._write(
            lambda conn: conn.execute(
                sa.insert(_drafts).values(
                    id=draft_id, revision=1, body=draft_to_json(draft), created=now, updated=now
                )
            )
        )
        return draft_id, 1

    def load(self, draft_id: str) -> StoredDraft | None:
        """Return the stored draft, or None for an unknown, expired or malformed id.

        Raises StoreError if the store cannot be read, DraftError if the stored text is bad.
        """
        if not is_draft_id(draft_id):
            return None
        row = self._read(
            sa.select(_drafts.c.body, _drafts.c.revision).where(
                _drafts.c.id == draft_id, _drafts.c.updated >= self._cutoff()
            )
        )
        return StoredDraft(parse_draft(row.body), row.revision) if row else None

    def save(
        self,
        draft_id: str,
        draft: Draft,
        based_on: int,
        force: bool = False,
        *,
        body: str | None = None,
    ) -> int:
        """Save `draft` over revision `based_on`; return the new revision. `body` is the
        draft's JSON, if the caller has made it already (`draft_to_json(draft)`).

        One conditional UPDATE (`... WHERE revision = based_on`), so of two processes saving
        over the same revision only the first succeeds. Raises RevisionConflict if the stored
        revision is newer than `based_on` (unless `force`), DraftDeleted if the id is unknown (e.g.
        deleted), StoreError if the database refuses the write.
        """
        body = body or draft_to_json(draft)

        def action(conn: sa.Connection) -> int:
            which = _drafts.c.id == draft_id
            if not force:
                which &= _drafts.c.revision == based_on
            saved = conn.execute(
                sa.update(_drafts)
                .where(which)
                .values(revision=_drafts.c.revision + 1, body=body, updated=_now())
                .returning(_drafts.c.revision)
            ).scalar()
            if saved is not None:
                return saved
            row = conn.execute(
                sa.select(_drafts.c.body, _drafts.c.revision).where(_drafts.c.id == draft_id)
            ).first()
            if row is None:
                raise DraftDeleted(f"There is no draft {draft_id[:8]}… in the store any more.")
            raise RevisionConflict(StoredDraft(parse_draft(row.body), row.revision))

        return self._write(action)

    def purge(self, now: dt.datetime | None = None) -> int:
        """Delete every draft not saved for `keep_days`; return how many were deleted."""
        cutoff = self._cutoff(now)
        return self._write(
            lambda conn: conn.execute(sa.delete(_drafts).where(_drafts.c.updated < cutoff)).rowcount
        )

    def _cutoff(self, now: dt.datetime | None = None) -> str:
        """The time stamp before which a draft's last save makes it expired."""
        cutoff = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=self.keep_days)
        return cutoff.isoformat(timespec="milliseconds")

    def count(self) -> int:
        """How many drafts the store holds."""
        return self._read(sa.select(sa.func.count()).select_from(_drafts))[0]

    def delete(self, draft_id: str) -> bool:
        """Remove a draft for good; return whether there was one."""
        return bool(
            self._write(
                lambda conn: (
                    conn.execute(sa.delete(_drafts).where(_drafts.c.id == draft_id)).rowcount
                )
            )
        )


__all__ = [
    "DATABASE_ENV",
    "DATA_ENV",
    "KEEP_ENV",
    "DraftError",
    "DraftStore",
    "RevisionConflict",
    "StoreDamaged",
    "StoreError",
    "StoredDraft",
    "configured_url",
    "default_folder",
    "is_draft_id",
    "keeping_time",
]
