"""What the store gives back (a `StoredDraft`) and the errors it raises, each with a message
fit to show a user."""

from __future__ import annotations

from dataclasses import dataclass

from drafting.model.draft import Draft


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
