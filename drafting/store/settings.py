"""Where the store is and how long it keeps drafts: the settings a host gives through the
environment, and the form of a draft id."""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs
import sqlalchemy as sa
from sqlalchemy import exc

from drafting.store.errors import StoreError

DATA_ENV = "RESPONSE_BUILDER_DATA"
DATABASE_ENV = "RESPONSE_BUILDER_DATABASE_URL"
KEEP_ENV = "RESPONSE_BUILDER_KEEP_DAYS"
DISK_NOT_KEPT_ENV = "RESPONSE_BUILDER_DISK_NOT_KEPT"
CLOUD_FOLDER = Path("/mount/src")  # where Streamlit Community Cloud puts the app it runs
DEFAULT_KEEP_DAYS = 365
DB_NAME = "drafts.sqlite3"
ID_BYTES = 24  # 192 bits: unguessable
_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{32}")
CONNECT_TIMEOUT = 5  # seconds before a database server that does not answer counts as down


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


def disk_not_kept(app_folder: Path) -> bool:
    """Whether this server's disk is wiped when the app restarts, so that a store file there
    keeps drafts only while the app runs: on Streamlit Community Cloud (the app under
    /mount/src), or wherever the host says so ($RESPONSE_BUILDER_DISK_NOT_KEPT=1).

    >>> disk_not_kept(Path("/mount/src/response-builder")), disk_not_kept(Path("/srv/app"))
    (True, False)
    """
    if os.environ.get(DISK_NOT_KEPT_ENV, "").strip() in ("1", "true", "yes"):
        return True
    return app_folder.is_relative_to(CLOUD_FOLDER)


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
