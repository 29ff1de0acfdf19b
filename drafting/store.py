"""The draft store: autosaved drafts in one SQLite file, each under an unguessable id.

The app puts a draft's id in its URL (`?draft=<id>`); whoever has the link has the draft, and
nothing lists drafts. Each save is one transaction that checks the revision it was based on,
so a save from a stale tab never overwrites a newer one silently:

    >>> import tempfile
    >>> store = DraftStore(Path(tempfile.mkdtemp()))
    >>> draft_id, revision = store.create(Draft())
    >>> store.save(draft_id, Draft(context="Our lunch club"), based_on=revision)
    2
    >>> store.load(draft_id).draft.context
    'Our lunch club'
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import sqlite3
import threading
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from drafting.draft import Draft, DraftError, draft_to_json, parse_draft

DATA_ENV = "RESPONSE_BUILDER_DATA"
KEEP_ENV = "RESPONSE_BUILDER_KEEP_DAYS"
DEFAULT_KEEP_DAYS = 365
DB_NAME = "drafts.sqlite3"
ID_BYTES = 24  # 192 bits: unguessable
_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{32}")

# Each entry takes the database from the version before it to its own number.
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
}
SCHEMA_VERSION = max(MIGRATIONS)


class StoreError(Exception):
    """The store cannot save or read (disk full, read-only folder, ...); the message says so."""


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


@dataclass(frozen=True)
class StoredDraft:
    draft: Draft
    revision: int
    updated: str


def default_folder() -> Path:
    """Where drafts live: $RESPONSE_BUILDER_DATA, or the user's data folder for the app."""
    configured = os.environ.get(DATA_ENV)
    return Path(configured) if configured else Path(platformdirs.user_data_dir("response-builder"))


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


def _damaged(error: sqlite3.Error) -> bool:
    """Whether an error means the store file is no longer a whole database (replaced, emptied
    or damaged), not that the disk refused a write."""
    if isinstance(error, sqlite3.OperationalError):
        return "no such table" in str(error)
    return type(error) is sqlite3.DatabaseError  # "file is not a database", "malformed"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


class DraftStore:
    """Drafts in `folder/drafts.sqlite3` (WAL mode; each save one transaction).

    The folder is readable by its owner only (0700), the file too (0600). A store file that is
    not a readable database, or is empty, is moved aside on opening and a fresh one started;
    `recovered_from` then names the file moved aside, so the app can say so. A file damaged
    while the app runs is moved aside the same way, at the first read or write that meets it,
    which raises StoreDamaged. A draft untouched for `keep_days` no longer loads, and is
    deleted when the next draft is created or by `purge` (`python -m drafting purge`).
    """

    def __init__(self, folder: Path | None = None, keep_days: int | None = None):
        self.folder = folder or default_folder()
        self.path = self.folder / DB_NAME
        self.keep_days = keep_days or configured_keep_days()
        self.recovered_from: Path | None = None
        self._lock = threading.Lock()
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            self.folder.chmod(0o700)
            if self.path.exists() and self.path.stat().st_size == 0:
                self._move_aside()  # a file emptied by accident is not a new, empty store
            self._open()
        except sqlite3.DatabaseError as e:
            if not self.path.exists() or isinstance(e, sqlite3.OperationalError):
                raise StoreError(f"Cannot open the draft store in {self.folder}: {e}") from e
            self._move_aside()
            self._open()
        except OSError as e:
            raise StoreError(f"Cannot open the draft store in {self.folder}: {e}") from e

    def _move_aside(self) -> None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        aside = self.path.with_name(f"{DB_NAME}.unreadable-{stamp}")
        self.path.rename(aside)
        for suffix in ("-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        self.recovered_from = aside

    def _healthy(self) -> bool:
        try:
            with self._connection() as conn:
                conn.execute("SELECT count(*) FROM drafts").fetchone()
                return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        except sqlite3.DatabaseError:
            return False

    def _recover(self, error: sqlite3.Error) -> StoreError:
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
            except (OSError, sqlite3.Error) as e:
                return StoreError(f"the draft store is damaged and cannot be replaced ({e}).")
        where = f"put aside as {self.recovered_from.name}" if self.recovered_from else "missing"
        return StoreDamaged(
            f"The file of saved drafts was damaged while the app was running ({error}); it was"
            f" {where}, and a new one has been started."
        )

    def _open(self) -> None:
        if not self.path.exists():  # readable by this user only, from the first byte
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        self.path.chmod(0o600)
        with self._connection() as conn:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("the store file failed its integrity check")
            conn.execute("PRAGMA journal_mode=WAL")
            self._migrate(conn)

    @staticmethod
    def _migrate(conn: sqlite3.Connection) -> None:
        """Bring the store up to SCHEMA_VERSION, in one transaction (safe with two servers)."""
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = conn.execute("SELECT version FROM schema_version").fetchone()
            current = row[0] if row else 0
            if current > SCHEMA_VERSION:
                raise StoreError(
                    f"The draft store was written by a newer version of the app (schema {current})."
                )
            for version in range(current + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[version]:
                    conn.execute(statement)
            conn.execute("DELETE FROM schema_version")
            conn.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION,))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @contextmanager
    def _connection(self):
        with closing(sqlite3.connect(self.path, timeout=10, isolation_level=None)) as conn:
            conn.execute("PRAGMA synchronous=FULL")
            yield conn

    def _write(self, action):
        """Run `action(conn)` in one immediate transaction; turn I/O failures into StoreError."""
        try:
            with self._connection() as conn:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    result = action(conn)
                    conn.execute("COMMIT")
                    return result
                except BaseException:
                    if conn.in_transaction:  # SQLite has already rolled back after some errors
                        conn.execute("ROLLBACK")
                    raise
        except sqlite3.DatabaseError as e:
            if _damaged(e):
                raise self._recover(e) from e
            if isinstance(e, sqlite3.OperationalError):
                raise StoreError(f"the server cannot write to the draft store ({e}).") from e
            raise

    def create(self, draft: Draft) -> tuple[str, int]:
        """Store a new draft under a fresh unguessable id; return (id, revision 1)."""
        self.purge()
        draft_id = secrets.token_urlsafe(ID_BYTES)
        now = _now()
        self._write(
            lambda conn: conn.execute(
                "INSERT INTO drafts VALUES (?, 1, ?, ?, ?)",
                (draft_id, draft_to_json(draft), now, now),
            )
        )
        return draft_id, 1

    def load(self, draft_id: str) -> StoredDraft | None:
        """Return the stored draft, or None for an unknown, expired or malformed id.

        Raises StoreError if the store cannot be read, DraftError if the stored text is bad.
        """
        if not is_draft_id(draft_id):
            return None
        try:
            with self._connection() as conn:
                row = conn.execute(
                    "SELECT body, revision, updated FROM drafts WHERE id = ? AND updated >= ?",
                    (draft_id, self._cutoff()),
                ).fetchone()
        except sqlite3.Error as e:
            if _damaged(e):
                raise self._recover(e) from e
            raise StoreError(f"Cannot read the draft store: {e}.") from e
        if row is None:
            return None
        return StoredDraft(parse_draft(row[0]), row[1], row[2])

    def save(self, draft_id: str, draft: Draft, based_on: int, force: bool = False) -> int:
        """Save `draft` over revision `based_on`; return the new revision.

        Raises RevisionConflict if the stored revision is newer than `based_on` (unless `force`),
        KeyError if the id is unknown (e.g. deleted), StoreError if the disk refuses the write.
        """
        body = draft_to_json(draft)

        def action(conn: sqlite3.Connection) -> int:
            row = conn.execute(
                "SELECT revision, body, updated FROM drafts WHERE id = ?", (draft_id,)
            ).fetchone()
            if row is None:
                raise KeyError(draft_id)
            revision, stored_body, updated = row
            if revision != based_on and not force:
                raise RevisionConflict(StoredDraft(parse_draft(stored_body), revision, updated))
            conn.execute(
                "UPDATE drafts SET revision = ?, body = ?, updated = ? WHERE id = ?",
                (revision + 1, body, _now(), draft_id),
            )
            return revision + 1

        return self._write(action)

    def purge(self, now: dt.datetime | None = None) -> int:
        """Delete every draft not saved for `keep_days`; return how many were deleted."""
        return self._write(
            lambda conn: (
                conn.execute("DELETE FROM drafts WHERE updated < ?", (self._cutoff(now),)).rowcount
            )
        )

    def _cutoff(self, now: dt.datetime | None = None) -> str:
        """The time stamp before which a draft's last save makes it expired."""
        cutoff = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=self.keep_days)
        return cutoff.isoformat(timespec="milliseconds")

    def count(self) -> int:
        """How many drafts the store holds."""
        with self._connection() as conn:
            return conn.execute("SELECT count(*) FROM drafts").fetchone()[0]

    def delete(self, draft_id: str) -> bool:
        """Remove a draft for good; return whether there was one."""
        return bool(
            self._write(
                lambda conn: conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,)).rowcount
            )
        )


__all__ = [
    "DATA_ENV",
    "KEEP_ENV",
    "DraftError",
    "DraftStore",
    "RevisionConflict",
    "StoreDamaged",
    "StoreError",
    "StoredDraft",
    "default_folder",
    "is_draft_id",
    "keeping_time",
]
