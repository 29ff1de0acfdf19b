"""The draft's links: capabilities of their own, each an unguessable id mapped to the draft.

A story link only adds a story; a comment link only shows the letter and takes comments; a
sign-on link only shows the letter and takes a partner's signature (docs/links.md). What a
link's holder gets back is only what its kind may see (`Opened`), never the draft, its id or
another link. The coordinator, who holds the draft's own id, makes and closes links and reads
what came (`inbox`), then settles each item: what is kept goes into the draft
(`drafting.model.contributions`), and its row is emptied.

    >>> import tempfile
    >>> from pathlib import Path
    >>> from drafting.model.draft import Draft, Story
    >>> store = DraftStore(Path(tempfile.mkdtemp()))
    >>> draft_id, _ = store.create(Draft())
    >>> links = Links(store)
    >>> story_link = links.make(draft_id, "story", "What would you lose?")
    >>> links.add(story_link, "story", Story("The only hot meal I get.", consent="anonymous"))
    >>> [c.item.text for c in links.inbox(draft_id, "story")]
    ['The only hot meal I get.']
    >>> links.open(draft_id, "story") is None  # a draft's id is no story link
    True
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import secrets
from dataclasses import dataclass

import sqlalchemy as sa

from drafting.letter.blocks import Letter
from drafting.letter.final import final_letter
from drafting.model.draft import (
    BLOCK_ID,
    CONSENTS,
    STORY_TEXT,
    Comment,
    CoSignatory,
    DraftError,
    Story,
)
from drafting.model.parsing import check_text, parse_draft
from drafting.store.drafts import DraftStore
from drafting.store.engine import DRAFTS, now_text
from drafting.store.errors import StoreError
from drafting.store.linktables import CONTRIBUTIONS, LINKS
from drafting.store.settings import ID_BYTES, is_draft_id
from reasons.catalogue import Catalogue

KINDS = ("story", "comment", "signon")
PER_HOUR = 200  # contributions one link takes in an hour
WAITING = 1_000  # contributions one link holds waiting for the coordinator
PROMPT_TEXT = 300


class LinkClosed(StoreError):
    """The link was closed, has passed the consultation's closing date, or never existed."""


class TooMany(StoreError):
    """The link has taken as much as it may for now; the message says so politely."""


@dataclass(frozen=True)
class Link:
    """One of a draft's links, as its coordinator sees it."""

    id: str
    kind: str
    prompt: str
    created: str
    closed: bool


@dataclass(frozen=True)
class Opened:
    """What the holder of an open link sees: the consultation's title, the group's name, the
    story link's prompt, and for a comment or sign-on link the letter (blocks only)."""

    kind: str
    title: str
    group: str
    prompt: str = ""
    template: str = ""
    letter: Letter | None = None


@dataclass(frozen=True)
class Contribution:
    """One item waiting in the coordinator's inbox: its own id and the story, comment or
    sign-on it carries (with the day it came)."""

    id: str
    kind: str
    item: Story | Comment | CoSignatory


_ITEMS = {"story": Story, "comment": Comment, "signon": CoSignatory}


def _checked(kind: str, item) -> dict:
    """The fields of `item` to store, checked: their lengths, a story's consent, a comment's
    block; raises DraftError with a message for the sender."""
    kept_apart = ("received", "reason", "signed_on")  # the store's own, or the coordinator's
    fields = {k: v for k, v in dataclasses.asdict(item).items() if k not in kept_apart}
    for name, value in fields.items():
        limit = STORY_TEXT if name == "text" else 300
        fields[name] = check_text(value, name, limit).strip()
    if kind == "story":
        if not fields["text"]:
            raise DraftError("Please write your story before sending it.")
        if fields["consent"] not in CONSENTS:
            raise DraftError("Please choose whether and how we may quote you.")
    elif kind == "comment":
        if not fields["text"]:
            raise DraftError("Please write your comment before sending it.")
        if not BLOCK_ID.fullmatch(fields["block"]):
            raise DraftError("That comment is not on a part of the letter.")
    elif not fields["group"]:
        raise DraftError("Please give your group's name.")
    return fields


class Links:
    """The links of the drafts in `store`, and what is sent through them."""

    def __init__(self, store: DraftStore) -> None:
        self.store = store

    # The coordinator's side: whoever holds the draft's id.
    def make(self, draft_id: str, kind: str, prompt: str = "") -> str:
        """Make a new link of `kind` to the stored draft; return its id."""
        if kind not in KINDS:
            raise ValueError(f"Unknown kind of link {kind!r}.")
        prompt = check_text(prompt, "prompt", PROMPT_TEXT).strip()
        if self.store.load(draft_id) is None:
            raise StoreError("This draft is not stored yet, so it cannot have a link.")
        link_id = secrets.token_urlsafe(ID_BYTES)
        self.store._write(
            lambda conn: conn.execute(
                sa.insert(LINKS).values(
                    id=link_id,
                    draft_id=draft_id,
                    kind=kind,
                    prompt=prompt,
                    created=now_text(),
                    closed="",
                )
            )
        )
        return link_id

    def of_draft(self, draft_id: str, kind: str) -> list[Link]:
        """The draft's links of `kind`, oldest first."""
        rows = self._rows(
            sa.select(LINKS)
            .where(LINKS.c.draft_id == draft_id, LINKS.c.kind == kind)
            .order_by(LINKS.c.created)
        )
        return [Link(r.id, r.kind, r.prompt, r.created, bool(r.closed)) for r in rows]

    def close(self, draft_id: str, link_id: str) -> bool:
        """Close one of the draft's links for good; return whether it was the draft's."""
        return bool(
            self.store._write(
                lambda conn: (
                    conn.execute(
                        sa.update(LINKS)
                        .where(LINKS.c.id == link_id, LINKS.c.draft_id == draft_id)
                        .values(closed=now_text())
                    ).rowcount
                )
            )
        )

    def inbox(self, draft_id: str, kind: str) -> list[Contribution]:
        """What came through the draft's links of `kind` and waits to be settled, oldest first."""
        rows = self._rows(
            sa.select(CONTRIBUTIONS)
            .where(
                CONTRIBUTIONS.c.draft_id == draft_id,
                CONTRIBUTIONS.c.kind == kind,
                CONTRIBUTIONS.c.settled == "",
            )
            .order_by(CONTRIBUTIONS.c.received, CONTRIBUTIONS.c.id)
        )
        return [
            Contribution(r.id, r.kind, _ITEMS[r.kind](**json.loads(r.body), **_day(r)))
            for r in rows
        ]

    def settle(self, draft_id: str, contribution_id: str) -> bool:
        """Take an item out of the inbox (kept in the draft, or discarded): its words are
        erased from the table at once; the row stays an hour, to count against the link."""
        return bool(
            self.store._write(
                lambda conn: (
                    conn.execute(
                        sa.update(CONTRIBUTIONS)
                        .where(
                            CONTRIBUTIONS.c.id == contribution_id,
                            CONTRIBUTIONS.c.draft_id == draft_id,
                        )
                        .values(settled=now_text(), body="{}")
                    ).rowcount
                )
            )
        )

    # The link holder's side: a link id of one kind, and nothing else.
    def _link(self, link_id: str, kind: str, today: dt.date | None) -> tuple[sa.Row, dict]:
        """The row of an open link of `kind`, with its draft's stored JSON (`body`), and that
        JSON read; raises LinkClosed for any other link. The JSON is not checked again as a
        draft (it was when saved): a story needs three fields of it, not the whole draft
        (`python -m bench.links`: a full draft's check is most of a story's cost)."""
        if kind not in KINDS or not is_draft_id(link_id):
            raise LinkClosed("unknown link")
        rows = self._rows(
            sa.select(LINKS.c.draft_id, LINKS.c.prompt, LINKS.c.closed, DRAFTS.c.body)
            .select_from(LINKS.join(DRAFTS, DRAFTS.c.id == LINKS.c.draft_id))
            .where(
                LINKS.c.id == link_id,
                LINKS.c.kind == kind,
                DRAFTS.c.updated >= self.store._cutoff(),
            )
        )
        if not rows or rows[0].closed:
            raise LinkClosed("closed or unknown link, or its draft is gone")
        data = json.loads(rows[0].body)
        closes = data.get("consultation", {}).get("closes", "")
        if closes and (today or dt.date.today()) > dt.date.fromisoformat(closes):
            raise LinkClosed("the consultation has closed")
        return rows[0], data

    def open(
        self,
        link_id: str,
        kind: str,
        catalogue: Catalogue | None = None,
        today: dt.date | None = None,
    ) -> Opened | None:
        """What the holder of an open link of `kind` may see, or None (closed, past the
        consultation's closing date, unknown, or a link of another kind). A comment or sign-on
        link's letter needs the `catalogue`."""
        try:
            link, data = self._link(link_id, kind, today)
        except LinkClosed:
            return None
        letter = None
        if kind != "story" and catalogue is not None:
            letter = final_letter(parse_draft(link.body), catalogue, today=today).letter
        return Opened(
            kind,
            data.get("consultation", {}).get("title", ""),
            data.get("group", {}).get("name", ""),
            link.prompt,
            data.get("template", "formal"),
            letter,
        )

    def add(
        self, link_id: str, kind: str, item, today: dt.date | None = None, now: str = ""
    ) -> None:
        """Send a story, comment or sign-on through an open link of its kind.

        Raises DraftError for what is missing or too long, LinkClosed for a link that is not
        open, TooMany once the link has taken PER_HOUR items in the last hour (or holds
        WAITING unread): each with a message fit for the sender."""
        fields = _checked(kind, item)
        draft_id = self._link(link_id, kind, today)[0].draft_id
        now = now or now_text()
        hour_ago = (dt.datetime.fromisoformat(now) - dt.timedelta(hours=1)).isoformat(
            timespec="milliseconds"
        )

        def action(conn: sa.Connection) -> None:
            # One sender at a time per link: PostgreSQL locks its row (SQLite, its file).
            conn.execute(sa.select(LINKS.c.id).where(LINKS.c.id == link_id).with_for_update())
            mine = CONTRIBUTIONS.c.link_id == link_id
            count = sa.select(sa.func.count()).select_from(CONTRIBUTIONS)
            if conn.execute(count.where(mine, CONTRIBUTIONS.c.received >= hour_ago)).scalar() >= (
                PER_HOUR
            ):
                raise TooMany(
                    "Thank you, but this link has had a great many replies in the last hour."
                    " Please try again in an hour; nothing you wrote has been lost."
                )
            if conn.execute(count.where(mine, CONTRIBUTIONS.c.settled == "")).scalar() >= WAITING:
                raise TooMany(
                    "Thank you, but the group has many replies still to read. Please try again"
                    " in a few days; nothing you wrote has been lost."
                )
            conn.execute(
                sa.insert(CONTRIBUTIONS).values(
                    id=secrets.token_urlsafe(12),
                    link_id=link_id,
                    draft_id=draft_id,
                    kind=kind,
                    body=json.dumps(fields, ensure_ascii=False),
                    received=now,
                    settled="",
                )
            )

        self.store._write(action)

    def _rows(self, query: sa.Executable) -> list[sa.Row]:
        try:
            with self.store.engine.connect().execution_options(sqlite_begin="BEGIN") as conn:
                return list(conn.execute(query))
        except sa.exc.DBAPIError as e:
            raise self.store._failed(e, writing=False) from e


def _day(row: sa.Row) -> dict:
    """The day an item came, in the field its kind keeps it in."""
    name = "signed_on" if row.kind == "signon" else "received"
    return {name: row.received[:10]}
