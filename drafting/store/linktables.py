"""The tables of the draft's links (story, comment, sign-on) and of what comes through them,
beside the drafts' own: made when a store opens, emptied of a draft's rows when the draft is
deleted or expires. `drafting.store.links` reads and writes them."""

from __future__ import annotations

import sqlalchemy as sa

# Plain SQL that SQLite and PostgreSQL both take; run on every opening (IF NOT EXISTS), so
# the drafts' own numbered migrations are left alone.
TABLES = (
    """CREATE TABLE IF NOT EXISTS links (
        id TEXT PRIMARY KEY,
        draft_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        prompt TEXT NOT NULL,
        created TEXT NOT NULL,
        closed TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS links_draft ON links (draft_id)",
    """CREATE TABLE IF NOT EXISTS contributions (
        id TEXT PRIMARY KEY,
        link_id TEXT NOT NULL,
        draft_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        body TEXT NOT NULL,
        received TEXT NOT NULL,
        settled TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS contributions_link ON contributions (link_id, received)",
    "CREATE INDEX IF NOT EXISTS contributions_draft ON contributions (draft_id, received)",
)


LINKS = sa.table(
    "links",
    sa.column("id", sa.Text),
    sa.column("draft_id", sa.Text),
    sa.column("kind", sa.Text),
    sa.column("prompt", sa.Text),
    sa.column("created", sa.Text),
    sa.column("closed", sa.Text),
)


CONTRIBUTIONS = sa.table(
    "contributions",
    sa.column("id", sa.Text),
    sa.column("link_id", sa.Text),
    sa.column("draft_id", sa.Text),
    sa.column("kind", sa.Text),
    sa.column("body", sa.Text),
    sa.column("received", sa.Text),
    sa.column("settled", sa.Text),
)


def create_link_tables(conn: sa.Connection) -> None:
    for statement in TABLES:
        conn.exec_driver_sql(statement)


def forget_draft(conn: sa.Connection, draft_id: str) -> None:
    """Delete a draft's links and everything sent through them (the draft is being deleted)."""
    conn.execute(sa.delete(CONTRIBUTIONS).where(CONTRIBUTIONS.c.draft_id == draft_id))
    conn.execute(sa.delete(LINKS).where(LINKS.c.draft_id == draft_id))


def purge_links(conn: sa.Connection, drafts: sa.TableClause, cutoff: str) -> int:
    """Delete what was sent before `cutoff` (the keeping time applies to it as to drafts), and
    the links and contributions of drafts no longer stored; return how many rows went."""
    orphan = ~sa.exists().where(drafts.c.id == CONTRIBUTIONS.c.draft_id)
    gone = conn.execute(
        sa.delete(CONTRIBUTIONS).where((CONTRIBUTIONS.c.received < cutoff) | orphan)
    ).rowcount
    return (
        gone
        + conn.execute(
            sa.delete(LINKS).where(~sa.exists().where(drafts.c.id == LINKS.c.draft_id))
        ).rowcount
    )
