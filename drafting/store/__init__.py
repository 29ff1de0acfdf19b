"""The draft store: autosaved drafts, each under an unguessable id, in one SQLite file (the
default: nothing to set up) or in a PostgreSQL database shared by several app processes.

The app puts a draft's id in its URL (`?draft=<id>`); whoever has the link has the draft, and
nothing lists drafts. Each save is one transaction that checks the revision it was based on,
so a save from a stale tab, in this process or another, never overwrites a newer one silently:

    >>> import tempfile
    >>> from pathlib import Path
    >>> from drafting.model.draft import Draft
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

The package: `settings` (where, how long, the id's form), `engine` (tables, migrations, the
SQLite engine), `errors` (what the store returns and raises), `drafts` (the `DraftStore`).

May import: everything below it: `reasons/`, `drafting.text`, `model`, `reading`, `advice`,
`letter`, `output`.
"""

from drafting.model.draft import DraftError
from drafting.store.drafts import DraftStore
from drafting.store.errors import (
    DraftDeleted,
    RevisionConflict,
    StoreDamaged,
    StoredDraft,
    StoreError,
)
from drafting.store.settings import (
    DATA_ENV,
    DATABASE_ENV,
    DEFAULT_KEEP_DAYS,
    KEEP_ENV,
    configured_keep_days,
    configured_url,
    database_address,
    default_folder,
    is_draft_id,
    keeping_time,
)

__all__ = [
    "DATABASE_ENV",
    "DATA_ENV",
    "DEFAULT_KEEP_DAYS",
    "KEEP_ENV",
    "DraftDeleted",
    "DraftError",
    "DraftStore",
    "RevisionConflict",
    "StoreDamaged",
    "StoreError",
    "StoredDraft",
    "configured_keep_days",
    "configured_url",
    "database_address",
    "default_folder",
    "is_draft_id",
    "keeping_time",
]
