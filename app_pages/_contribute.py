"""What the story, comment and sign-on pages share: the link in the address, opened for its own
kind only (`drafting.store.links`), one plain message for a link that is not open, and the
letter shown read-only. These pages never load the draft into the session, and show neither
navigation nor the draft's id: they get only what their link may see."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from app_pages import session, show
from drafting import DraftError
from drafting.letter.blocks import Letter
from drafting.output.markdown import markdown_pieces
from drafting.store import StoreError
from drafting.store.links import KINDS, Links, Opened

TITLES = {"story": "Share your story", "comment": "Comment on the letter", "signon": "Sign on"}
CLOSED = (
    "This link is closed or does not exist. If you were asked to add to a group's response,"
    " ask the group for a new link."
)


def wanted() -> str | None:
    """The kind of link in the address (`?story=`, `?comment=`, `?signon=`), if any."""
    return next((kind for kind in KINDS if kind in st.query_params), None)


def page(kind: str) -> st.Page:
    return st.Page(f"app_pages/{kind}.py", title=TITLES[kind], default=True)


def _links() -> Links | None:
    store, _ = session.draft_store()
    return Links(store) if store else None


def opened(kind: str) -> tuple[str, Opened]:
    """The link in the address and what it may see; for a link that is not open, the one
    plain message, and the page stops there."""
    link_id = st.query_params.get(kind, "")
    links = _links()
    try:
        seen = links.open(link_id, kind, session.catalogue()) if links else None
    except (StoreError, DraftError):
        seen = None
    if seen is None:
        st.title(TITLES[kind])
        st.info(CLOSED, icon=":material/link_off:")
        st.stop()
    return link_id, seen


def send_form(kind: str, link_id: str, make: type, fields: tuple[str, ...], thanks: str) -> None:
    """Send what the form's boxes hold (keyed `<kind>_<field>`) as a `make` (Story,
    CoSignatory): a button's callback, see `send`."""
    keys = tuple(f"{kind}_{name}" for name in fields)
    item = make(**{name: st.session_state.get(f"{kind}_{name}") or "" for name in fields})
    send(kind, kind, link_id, item, keys, thanks)


def send(kind: str, where: str, link_id: str, item, keys: tuple[str, ...], thanks: str) -> None:
    """Send `item` through the link (a button's callback). Sent: the boxes `keys` are emptied
    and `thanks` shown at `where` (`show_result`). Refused: the reason is shown there and what
    was typed stays in its boxes."""
    links = _links()
    try:
        if links is None:
            raise StoreError("This server cannot take replies just now. Please try again later.")
        links.add(link_id, kind, item)
    except (StoreError, DraftError) as problem:
        st.session_state["contribute_result"] = (where, "error", str(problem))
        return
    for key in keys:
        st.session_state[key] = None if key.endswith("consent") else ""
    st.session_state["contribute_result"] = (where, "success", thanks)


def show_result(where: str) -> None:
    """Say here whether the last send from `where` went through (queued by `send`)."""
    result = st.session_state.get("contribute_result")
    if result and result[0] == where:
        del st.session_state["contribute_result"]
        getattr(st, result[1])(show.escape(result[2]))


def introduce(seen: Opened, what: str) -> None:
    """Who is asking and for which consultation, as the group wrote them."""
    group = show.escape(seen.group.strip()) or "A local group"
    title = show.escape(seen.title.strip()) or "a consultation"
    st.markdown(f"**{group}** is writing a response to **{title}**. {what}")


def letter(shown: Letter, beside: Callable | None = None) -> None:
    """The letter, piece by piece as its downloads hold it; `beside(piece, number)` draws
    what goes next to each piece (a comment box), numbered within its kind."""
    counts: dict[str, int] = {}
    for piece, markdown in markdown_pieces(shown):
        counts[piece.kind] = counts.get(piece.kind, 0) + 1
        if beside is None:
            show.show_letter(markdown)
            continue
        text, box = st.columns([3, 2])
        with text:
            show.show_letter(markdown)
        with box:
            beside(piece, counts[piece.kind])
