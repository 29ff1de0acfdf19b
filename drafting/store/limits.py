"""Bounds a host sets on what visitors may store, so that one visitor cannot fill the server:
new drafts an hour from one client address, the store's total size, and the size of one save.

    >>> Limits(per_hour=60, store_bytes=10**9, save_bytes=3_000_000).per_hour
    60
    >>> client_key("203.0.113.9") == client_key("203.0.113.9") != client_key("203.0.113.10")
    True

The count of new drafts is kept in the store itself (its own table, `creations`), so every app
process sharing one database counts together. Each row holds a hash of the address, never the
address, and is deleted after an hour. A visitor whose address the app cannot see (on the same
machine, or behind a proxy the host has not named: `client_address`) is bounded only by the
app's cap per browser window and the store's total size.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass

import sqlalchemy as sa

from drafting.model.draft import MAX_FILE_BYTES
from drafting.store.errors import StoreError

log = logging.getLogger("drafting.store")

PER_HOUR_ENV = "RESPONSE_BUILDER_DRAFTS_PER_HOUR"


STORE_SIZE_ENV = "RESPONSE_BUILDER_STORE_MB"


CLIENT_HEADER_ENV = "RESPONSE_BUILDER_CLIENT_HEADER"


DEFAULT_PER_HOUR = 60  # a group starts one or two; a room of groups at a workshop, a few dozen


DEFAULT_STORE_MB = 2_000  # about 20,000 full drafts of 100 kB; a small server's disk copes


# One save at most the draft file's own limit: what is stored can be saved to a file and loaded.
SAVE_BYTES = MAX_FILE_BYTES


SIZE_CHECK_SECONDS = 10.0  # how long one measurement of the store's size is trusted


CREATIONS_TABLES = (
    "CREATE TABLE IF NOT EXISTS creations (client TEXT NOT NULL, created TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS creations_client ON creations (client, created)",
    "CREATE INDEX IF NOT EXISTS creations_created ON creations (created)",
)


CREATIONS = sa.table("creations", sa.column("client", sa.Text), sa.column("created", sa.Text))


RATE_LOCK = 7_261_013  # PostgreSQL advisory lock: one address's new drafts counted one at a time


class LimitReached(StoreError):
    """A bound the host set was reached; the message says which, in plain words."""


def _whole_number(name: str, default: int, low: int, high: int) -> int:
    configured = os.environ.get(name, "").strip()
    if not configured:
        return default
    if not configured.isdigit() or not low <= int(configured) <= high:
        raise StoreError(
            f"{name} should be a whole number from {low} to {high}, not {configured!r}."
        )
    return int(configured)


@dataclass(frozen=True)
class Limits:
    """New drafts an hour from one address, the store's size in bytes, one save's bytes."""

    per_hour: int = DEFAULT_PER_HOUR
    store_bytes: int = DEFAULT_STORE_MB * 1_000_000
    save_bytes: int = SAVE_BYTES

    @classmethod
    def configured(cls) -> Limits:
        """The host's limits: $RESPONSE_BUILDER_DRAFTS_PER_HOUR and $RESPONSE_BUILDER_STORE_MB,
        else the defaults."""
        return cls(
            per_hour=_whole_number(PER_HOUR_ENV, DEFAULT_PER_HOUR, 1, 1_000_000),
            store_bytes=_whole_number(STORE_SIZE_ENV, DEFAULT_STORE_MB, 1, 100_000_000) * 10**6,
        )


def client_key(address: str) -> str:
    """What the store keeps of a client's address: a hash, never the address itself."""
    return hashlib.sha256(f"response-builder:{address}".encode()).hexdigest()[:32]


def client_address(
    remote: str | None, headers: Mapping[str, str], header: str | None = None
) -> str | None:
    """The visitor's address: the one in `header` (the header a proxy in front sets, named by
    the host in $RESPONSE_BUILDER_CLIENT_HEADER), else the connection's own (`remote`). The
    header is trusted only when the host has named it: a visitor can send any header.

    A header holding a list (X-Forwarded-For) gives its last entry, the one the host's own
    proxy added.

    >>> client_address("10.0.0.5", {"X-Real-IP": "198.51.100.7"}, "X-Real-IP")
    '198.51.100.7'
    >>> client_address("10.0.0.5", {"X-Real-IP": "198.51.100.7"})
    '10.0.0.5'
    >>> client_address(None, {"X-Forwarded-For": "1.2.3.4, 198.51.100.7"}, "x-forwarded-for")
    '198.51.100.7'
    """
    if header is None:
        header = os.environ.get(CLIENT_HEADER_ENV, "").strip()
    if header:
        wanted = header.lower()
        given = next((value for name, value in headers.items() if name.lower() == wanted), "")
        return given.split(",")[-1].strip() or None
    return remote or None


def count_creation(conn: sa.Connection, client: str, per_hour: int, postgres: bool) -> None:
    """Count one new draft from `client` (a `client_key`) in the store's transaction `conn`,
    or raise LimitReached if it has made `per_hour` in the last hour."""
    if postgres:  # two processes counting the same address wait for each other
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(RATE_LOCK, sa.func.hashtext(client))))
    now = dt.datetime.now(dt.UTC)
    since = (now - dt.timedelta(hours=1)).isoformat(timespec="milliseconds")
    made = conn.execute(
        sa.select(sa.func.count())
        .select_from(CREATIONS)
        .where(CREATIONS.c.client == client, CREATIONS.c.created >= since)
    ).scalar()
    if made >= per_hour:
        log.warning("New draft refused: %d new drafts from one address in the last hour", made)
        raise LimitReached(
            f"{per_hour} new drafts have been started from your internet address in the last"
            " hour, the most this server takes. Your work on screen is kept: try again in an"
            " hour, or save your draft to a file."
        )
    conn.execute(
        sa.insert(CREATIONS).values(client=client, created=now.isoformat(timespec="milliseconds"))
    )


def forget_creations(conn: sa.Connection) -> None:
    """Delete the counts older than an hour: they no longer limit anyone."""
    since = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).isoformat(timespec="milliseconds")
    conn.execute(sa.delete(CREATIONS).where(CREATIONS.c.created < since))


def store_bytes(conn: sa.Connection, postgres: bool) -> int:
    """The space the drafts take: PostgreSQL's size of the table (with its indexes and the
    long texts kept beside it), or the pages of SQLite's file in use."""
    if postgres:
        return conn.execute(sa.text("SELECT pg_total_relation_size('drafts')")).scalar()
    pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    free = conn.exec_driver_sql("PRAGMA freelist_count").scalar()
    return (pages - free) * conn.exec_driver_sql("PRAGMA page_size").scalar()


def store_full_message(limits: Limits) -> str:
    log.warning("Store full: the drafts take more than %d MB", limits.store_bytes // 10**6)
    return (
        "this server's space for drafts is full, so it cannot take a new draft or a longer one"
        " just now. Your work on screen is kept: save your draft to a file, and tell whoever"
        " runs this server."
    )


def too_big_message(size: int, limits: Limits) -> str:
    log.warning("Save refused: a draft of %d bytes, over the limit of %d", size, limits.save_bytes)
    return (
        f"this draft is {size / 10**6:.1f} MB, and a draft may be at most"
        f" {limits.save_bytes / 10**6:.0f} MB. Shorten the longest text (an edit of the letter or"
        " an example) and it will be saved again."
    )
