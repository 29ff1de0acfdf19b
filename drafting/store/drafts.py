"""The `DraftStore`: create, load, save (checking the revision it was based on), delete and
purge drafts, and recover from a damaged SQLite file."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import secrets
import threading
import time
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import exc

from drafting.model.draft import Draft
from drafting.model.parsing import parse_draft, storable_json
from drafting.store.engine import (
    DRAFTS,
    MIGRATION_LOCK,
    MIGRATIONS,
    SCHEMA_TABLE,
    SCHEMA_VERSION,
    error_reason,
    is_damaged,
    now_text,
    sqlite_engine,
)
from drafting.store.errors import (
    DraftDeleted,
    RevisionConflict,
    StoreDamaged,
    StoredDraft,
    StoreError,
)
from drafting.store.limits import (
    CREATIONS_TABLES,
    SIZE_CHECK_SECONDS,
    LimitReached,
    Limits,
    client_key,
    count_creation,
    forget_creations,
    store_bytes,
    store_full_message,
    too_big_message,
)
from drafting.store.linktables import create_link_tables, forget_draft, purge_links
from drafting.store.settings import (
    CONNECT_TIMEOUT,
    DB_NAME,
    ID_BYTES,
    configured_keep_days,
    configured_url,
    database_address,
    default_folder,
    is_draft_id,
)

log = logging.getLogger("drafting.store")


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

    def __init__(
        self,
        folder: Path | None = None,
        keep_days: int | None = None,
        *,
        url: str = "",
        bounds: Limits | None = None,
    ):
        self.keep_days = keep_days or configured_keep_days()
        self.limits = bounds or Limits.configured()
        self._measured = (-SIZE_CHECK_SECONDS, 0)  # (when, bytes): the store's size, last looked at
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
                log.error("Cannot open %s: %s", self.where, error_reason(e))
                raise StoreError(
                    "Cannot open the database that keeps drafts (the server's log says why)."
                ) from e
            except BaseException:
                self.engine.dispose()
                raise
            return
        if address and not address.database:
            raise StoreError("An SQLite address needs a file: sqlite:////path/to/drafts.sqlite3.")
        self.path = Path(address.database) if address else (folder or default_folder()) / DB_NAME
        self.folder = self.path.parent
        self.where = str(self.folder)
        self.engine = sqlite_engine(self.path)
        try:
            # The app's own data folder is kept private; a folder the host named in an address
            # may be shared with other programs, so only its missing parts are made (private).
            own_folder = address is None or not self.folder.exists()
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if own_folder:
                self.folder.chmod(0o700)
            if self.path.exists() and self.path.stat().st_size == 0:
                self._move_aside()  # a file emptied by accident is not a new, empty store
            self._open()
        except exc.DBAPIError as e:
            if not self.path.exists() or isinstance(e, exc.OperationalError):
                log.error("Cannot open the draft store in %s: %s", self.folder, e.orig)
                raise StoreError(f"Cannot open the draft store in {self.folder}: {e.orig}") from e
            log.error("The draft store file could not be read and is put aside: %s", e.orig)
            self._move_aside()
            self._open()
        except OSError as e:
            log.error("Cannot open the draft store in %s: %s", self.folder, e)
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
                conn.execute(sa.select(sa.func.count()).select_from(DRAFTS)).scalar()
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
        log.error("The draft store file was damaged while running (%s); it was %s and a new one"
                  " started", error_reason(error), where)  # fmt: skip
        return StoreDamaged(
            "The file of saved drafts was damaged while the app was running"
            f" ({error_reason(error)}); it was {where}, and a new one has been started."
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
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(MIGRATION_LOCK)))
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        for statement in CREATIONS_TABLES:  # the limits' own table, apart from drafts
            conn.exec_driver_sql(statement)
        current = conn.execute(sa.select(SCHEMA_TABLE.c.version)).scalar() or 0
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"The draft store was written by a newer version of the app (schema {current})."
            )
        create_link_tables(conn)  # the links' own tables (linktables.py)
        if current == SCHEMA_VERSION:
            return
        for version in range(current + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[version]:
                conn.exec_driver_sql(statement)
        conn.execute(sa.delete(SCHEMA_TABLE))
        conn.execute(sa.insert(SCHEMA_TABLE).values(version=SCHEMA_VERSION))

    # Reading and writing, the same on both engines.
    def _failed(self, error: exc.DBAPIError, writing: bool) -> StoreError:
        """The StoreError for a database error (after putting a damaged SQLite file aside). The
        database's own words go to the log, not to the page: they may name its address."""
        if self.is_sqlite and is_damaged(error):
            return self._recover(error)
        log.error("The draft store failed %s: %s", "writing" if writing else "reading",
                  error_reason(error))  # fmt: skip
        if not self.is_sqlite and (
            error.connection_invalidated or "connection" in error_reason(error).lower()
        ):
            return StoreError("the database server cannot be reached.")
        if writing and self.is_sqlite and isinstance(error, exc.OperationalError):
            return StoreError(
                f"the server cannot write to the draft store ({error_reason(error)})."
            )
        return StoreError("the draft store failed (the server's log says why).")

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

    def create(self, draft: Draft, client: str | None = None) -> tuple[str, int]:
        """Store a new draft under a fresh unguessable id; return (id, revision 1).

        `client` is the visitor's address (`drafting.store.limits.client_address`), if known.
        Raises DraftError, storing nothing, for a draft its link could not open (see
        `storable_json`); LimitReached if that address has started `self.limits.per_hour`
        drafts in the last hour, if the store is full, or if the draft is over the size of one
        save.
        """
        self.purge()
        body = storable_json(draft)
        self._check_size(body)
        if self._full():
            raise LimitReached(store_full_message(self.limits))
        draft_id = secrets.token_urlsafe(ID_BYTES)
        now = now_text()

        def action(conn: sa.Connection) -> None:
            if client:
                count_creation(conn, client_key(client), self.limits.per_hour, not self.is_sqlite)
            conn.execute(
                sa.insert(DRAFTS).values(
                    id=draft_id, revision=1, body=body, created=now, updated=now
                )
            )

        self._write(action)
        return draft_id, 1

    def _check_size(self, body: str) -> None:
        size = len(body.encode())
        if size > self.limits.save_bytes:
            raise LimitReached(too_big_message(size, self.limits))

    def _full(self) -> bool:
        """Whether the drafts take the space the host allowed (measured at most every few
        seconds: the size moves slowly, and every save asks)."""
        when, size = self._measured
        if time.monotonic() - when >= SIZE_CHECK_SECONDS:
            try:
                with self.engine.connect().execution_options(sqlite_begin="BEGIN") as conn:
                    size = store_bytes(conn, not self.is_sqlite)
            except exc.DBAPIError as e:
                raise self._failed(e, writing=False) from e
            self._measured = (time.monotonic(), size)
        return size >= self.limits.store_bytes

    def load(self, draft_id: str) -> StoredDraft | None:
        """Return the stored draft, or None for an unknown, expired or malformed id.

        Raises StoreError if the store cannot be read, DraftError if the stored text is bad.
        """
        if not is_draft_id(draft_id):
            return None
        row = self._read(
            sa.select(DRAFTS.c.body, DRAFTS.c.revision).where(
                DRAFTS.c.id == draft_id, DRAFTS.c.updated >= self._cutoff()
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
        deleted), DraftError (saving nothing) for a draft its link could not open (see
        `storable_json`), LimitReached if the draft is over the size of one save or the store is
        full and the draft has grown, StoreError if the database refuses the write.
        """
        body = storable_json(draft, body)
        self._check_size(body)
        full = self._full()

        def action(conn: sa.Connection) -> int:
            which = DRAFTS.c.id == draft_id
            if not force:
                which &= DRAFTS.c.revision == based_on
            if full:  # a full store still takes a draft made shorter, or no longer
                which &= sa.func.length(DRAFTS.c.body) >= len(body)
            saved = conn.execute(
                sa.update(DRAFTS)
                .where(which)
                .values(revision=DRAFTS.c.revision + 1, body=body, updated=now_text())
                .returning(DRAFTS.c.revision)
            ).scalar()
            if saved is not None:
                return saved
            row = conn.execute(
                sa.select(DRAFTS.c.body, DRAFTS.c.revision).where(DRAFTS.c.id == draft_id)
            ).first()
            if row is None:
                raise DraftDeleted(f"There is no draft {draft_id[:8]}… in the store any more.")
            if full and (force or row.revision == based_on):
                raise LimitReached(store_full_message(self.limits))
            raise RevisionConflict(StoredDraft(parse_draft(row.body), row.revision))

        return self._write(action)

    def purge(self, now: dt.datetime | None = None) -> int:
        """Delete every draft not saved for `keep_days`, with its links, and whatever was sent
        through a link that long ago; return how many drafts were deleted."""
        cutoff = self._cutoff(now)

        def action(conn: sa.Connection) -> int:
            forget_creations(conn)
            deleted = conn.execute(sa.delete(DRAFTS).where(DRAFTS.c.updated < cutoff)).rowcount
            purge_links(conn, DRAFTS, cutoff)
            return deleted

        return self._write(action)

    def _cutoff(self, now: dt.datetime | None = None) -> str:
        """The time stamp before which a draft's last save makes it expired."""
        cutoff = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=self.keep_days)
        return cutoff.isoformat(timespec="milliseconds")

    def count(self) -> int:
        """How many drafts the store holds."""
        return self._read(sa.select(sa.func.count()).select_from(DRAFTS))[0]

    def delete(self, draft_id: str) -> bool:
        """Remove a draft for good, with its links and what came through them, their text
        included (`scrub`); return whether there was one."""

        def action(conn: sa.Connection) -> int:
            forget_draft(conn, draft_id)
            return conn.execute(sa.delete(DRAFTS).where(DRAFTS.c.id == draft_id)).rowcount

        deleted = bool(self._write(action))
        if deleted:
            self.scrub()
        return deleted

    def scrub(self) -> None:
        """Leave no deleted draft's text, nor what came through its links, in the database's
        files. SQLite overwrites what it deletes (`secure_delete`, engine.py) and here empties its
        write-ahead log into the file; PostgreSQL's VACUUM clears the deleted rows from the
        tables' pages and those of their long texts. (PostgreSQL's own write-ahead log still holds
        them until it recycles its segments.)
        """
        try:
            if self.is_sqlite:
                with (
                    self._write_lock,
                    self.engine.connect().execution_options(sqlite_begin="") as conn,
                ):
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            else:
                with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                    conn.exec_driver_sql("VACUUM drafts, contributions")
        except exc.DBAPIError as e:
            log.warning("Deleted drafts could not be cleared from the store's files: %s",
                        error_reason(e))  # fmt: skip
