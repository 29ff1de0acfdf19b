"""The database underneath the store: its tables and their migrations (plain SQL that SQLite
and PostgreSQL both take), the SQLite engine with its settings, and what a database error means."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.pool import NullPool

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
MIGRATION_LOCK = 7_261_012  # PostgreSQL advisory lock: one process migrates at a time
DRAFTS = sa.table(
    "drafts",
    sa.column("id", sa.Text),
    sa.column("revision", sa.Integer),
    sa.column("body", sa.Text),
    sa.column("created", sa.Text),
    sa.column("updated", sa.Text),
)
SCHEMA_TABLE = sa.table("schema_version", sa.column("version", sa.Integer))


def now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def sqlite_engine(path: Path) -> sa.Engine:
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
        # What is deleted is overwritten, so a deleted draft's text does not linger in the file.
        dbapi_connection.execute("PRAGMA secure_delete=ON")

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        begin = connection.get_execution_options().get("sqlite_begin", "BEGIN IMMEDIATE")
        if begin:  # "" for statements that cannot run in a transaction (journal_mode)
            connection.exec_driver_sql(begin)

    return engine


def is_damaged(error: exc.DBAPIError) -> bool:
    """Whether an SQLite error means the store file is no longer a whole database (replaced,
    emptied or damaged), not that the disk refused a write."""
    if isinstance(error, exc.OperationalError):
        return "no such table" in str(error.orig)
    return type(error) is exc.DatabaseError  # "file is not a database", "malformed"


def error_reason(error: exc.DBAPIError) -> str:
    """The database's own words for what went wrong: its first line, without SQL."""
    return str(error.orig).strip().splitlines()[0] if error.orig else str(error)
