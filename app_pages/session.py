"""What a session keeps: the one draft, saved on every change, and the messages for the user.

The draft in session_state is the source of truth, autosaved to the draft store under the id in
the URL. Every change to it ends in `change()`, which saves it at once as one new revision; a
newer revision saved from another tab is kept as a conflict for `show_save_status` to ask
about. Callbacks cannot draw where they run, so messages are queued with `notice()` and shown
at the top of the next run, or of the next fragment run (`fragment`). The data every session
shares (the catalogue, the templates, the store) is read once per server.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable
from functools import cache, wraps
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import streamlit as st

from app_pages.show import escape
from drafting import (
    Draft,
    DraftError,
    TemplateInfo,
    draft_to_json,
    list_templates,
    parse_draft,
)
from drafting.memo import warm_up
from drafting.model.merge import merge_drafts
from drafting.store import (
    DraftDeleted,
    DraftStore,
    RevisionConflict,
    StoreDamaged,
    StoreError,
    configured_url,
    keeping_time,
)
from drafting.store.limits import client_address
from drafting.store.settings import disk_not_kept
from reasons import (
    Catalogue,
    SituationQuestion,
    load_catalogue,
    load_situation_questions,
)

if TYPE_CHECKING:
    import pandas as pd

T = TypeVar("T")
log = logging.getLogger("app")


# Cached loaders: read once per server, shared by every session (read-only). Plain
# `functools.cache` for the files that ship with the app: every run asks for them, and
# `st.cache_resource` hashes and looks up its arguments on each call.
@cache
def catalogue() -> Catalogue:
    return load_catalogue()


@cache
def reason_frame() -> pd.DataFrame:
    return catalogue().frame()


@cache
def situation_questions() -> tuple[SituationQuestion, ...]:
    return load_situation_questions(catalogue())


@st.cache_resource
def templates() -> tuple[TemplateInfo, ...]:
    return list_templates()


_warm_up_lock = threading.Lock()
_warm_up_started = False


def warm_up_server() -> None:
    """Once per server, beside the first run: load what the first click would otherwise load
    while every session waits (`drafting.memo.warm_up`), then move everything alive into the
    collector's permanent generation, never scanned again. Every later full collection then
    walks only what sessions made (.streamlit/config.toml, `postScriptGC`). Only once:
    freezing after every run would keep every run's cyclic garbage for ever. app.py calls it
    on every run: after the first, it costs a flag's test."""
    global _warm_up_started
    if _warm_up_started:
        return
    with _warm_up_lock:
        if _warm_up_started:
            return
        _warm_up_started = True

    def warm() -> None:
        warm_up()
        gc.collect()
        gc.freeze()

    threading.Thread(target=warm, name="warm-up", daemon=True).start()


# The one draft: kept in session_state, autosaved to the draft store under the id in the URL.
# A change the store refused as over a draft's limits (the store keeps the last that fits).
TOO_LONG = "too_long"
MAX_DRAFTS_PER_SESSION = 20  # new drafts one browser session may store (loaded files included)


def _database_setting() -> str:
    """The `url` of the `[connections.drafts]` secret, for a host that sets it that way (such
    as Streamlit Community Cloud); RESPONSE_BUILDER_DATABASE_URL wins over it (docs/hosting.md)."""
    try:
        return str(st.secrets.get("connections", {}).get("drafts", {}).get("url", ""))
    except FileNotFoundError:  # no secrets file: SQLite in the data folder
        return ""


@st.cache_resource(on_release=DraftStore.close)
def _open_store() -> DraftStore:
    """One store, and so one database engine and pool, for the whole server process. A store
    that cannot be opened is not kept: the next run tries again (the database may be back)."""
    return DraftStore(url=configured_url(_database_setting()))


def draft_store() -> tuple[DraftStore | None, str]:
    """The store every session shares, and a message if it could not be opened or was mended."""
    try:
        store = _open_store()
    except StoreError as error:
        return None, (
            f"Your work cannot be saved on this server ({error}). Use **Save your draft to a"
            " file** in the sidebar to keep it."
        )
    if store.recovered_from:
        return store, (
            "The file of saved drafts could not be read, so it was put aside (as"
            f" {store.recovered_from.name}) and a new one started. Drafts saved before may be"
            " lost; if you have a draft file, load it on the Start page."
        )
    return store, ""


def kept_for() -> str:
    """How long this server keeps a draft after its last change, in plain words ("" when it
    cannot keep drafts at all)."""
    store, _ = draft_store()
    return keeping_time(store.keep_days) if store else ""


def kept_note() -> str:
    """A warning, when this server's disk is wiped on restart and no database is set, that
    drafts are kept only while the app runs ("" otherwise); the host's notes say how to set
    one (docs/hosting.md)."""
    store, _ = draft_store()
    if store and store.is_sqlite and disk_not_kept(Path(__file__).resolve().parents[1]):
        return (
            " **On this server, though, drafts are kept only while the app runs:** its disk is"
            " wiped when the app restarts or goes to sleep, because no database has been set up"
            " for it. Save your draft to a file (in the sidebar) to be sure of keeping it."
        )
    return ""


def get_draft() -> Draft:
    """Return this session's draft: the one named in the URL if there is one, else a new one."""
    if "draft" not in st.session_state:
        _open_from_url()
    return st.session_state["draft"]


def draft_id() -> str | None:
    return st.session_state.get("draft_id")


def draft_json() -> str:
    """The draft's JSON text: the one kept at its last save (`base`) while that is what is on
    screen (the draft is stored, and no conflict or save problem has kept a change unsaved:
    every change ends in `change()`), else made afresh. Keyed on it, the letter is not
    serialised again on every run."""
    base = st.session_state.get("base")
    if (
        base is not None
        and draft_id()
        and "conflict" not in st.session_state
        and "save_problem" not in st.session_state
        and TOO_LONG not in st.session_state
    ):
        return base
    return draft_to_json(get_draft())


def _open_from_url() -> None:
    store, _ = draft_store()
    links = st.query_params.get_all("draft")
    if len(set(links)) > 1:  # the address bar shows the first, Streamlit reads the last
        notice(
            "This address holds more than one draft link, so none was opened. Open one link at"
            " a time. Here is a new, empty response instead.",
            "warning",
        )
        start_draft(Draft())
        return
    wanted = links[0] if links else ""
    if wanted and store:
        try:
            stored = store.load(wanted)
        except (StoreError, DraftError) as error:
            stored = None
            log.warning("A stored draft could not be read (%s)", type(error).__name__)
            notice(f"The draft at this link could not be read: {escape(str(error))}", "error")
        if stored:
            st.session_state.update(draft=stored.draft, draft_id=wanted)
            _stored_as(stored.revision)
            return
        notice(
            "There is no draft at this link: it may have been deleted, or the link may be"
            " incomplete. Here is a new, empty response instead.",
            "warning",
        )
    start_draft(Draft())


def start_draft(draft: Draft) -> None:
    """Make `draft` this session's draft; it gets a new id and link when it holds something
    (at once for a loaded file, else at its first change). The old one stays saved."""
    st.session_state.update(draft=draft, draft_id=None, revision=0, own_revisions=set())
    for key in ("conflict", "save_problem", TOO_LONG):
        st.session_state.pop(key, None)
    if draft != Draft():
        change()


def _create(store: DraftStore, draft: Draft) -> None:
    """Store the session's draft under a new id, unless this session has made its share."""
    made = st.session_state.get("drafts_made", 0)
    if made >= MAX_DRAFTS_PER_SESSION:
        log.warning("New draft refused: %d new drafts from one browser window", made)
        _report(
            "save_problem",
            f"this window has already started {made} new drafts, the most one visit may keep"
            " on this server.",
        )
        return
    try:
        try:
            new_id, revision = store.create(draft, _client())
        except StoreDamaged as damage:  # the store has been replaced: once more, in the new one
            notice(escape(str(damage)), "warning")
            new_id, revision = store.create(draft, _client())
    except StoreError as error:
        _report("save_problem", str(error))
        return
    except DraftError as error:
        _report(TOO_LONG, str(error))
        return
    st.session_state.update(draft_id=new_id, drafts_made=made + 1, own_revisions={revision})
    _stored_as(revision)
    st.session_state.pop("save_problem", None)
    st.session_state.pop(TOO_LONG, None)
    # Its link, the only key to it, at the top of the page at the next full run
    # (`_way_back.show_new_link`); a fragment's own rerun (a tick) does not draw the frame.
    st.session_state["new_link"] = new_id
    # The link goes in the address bar at once, even from a fragment's rerun (a tick in the
    # reasons list), so that a reload straight after the first change finds the draft.
    st.query_params["draft"] = new_id


def _client() -> str | None:
    """The visitor's internet address, for the store's count of new drafts from one address:
    the connection's, or behind a proxy the header the host names (drafting.store.limits)."""
    return client_address(st.context.ip_address, st.context.headers)


def forget_new_link() -> None:
    for key in ("new_link", "new_link_page"):
        st.session_state.pop(key, None)


def answers() -> dict[str, str]:
    """The situation questionnaire's answers, by question id (saved with the draft)."""
    return get_draft().situation


def change() -> None:
    """Call after every change to the draft: saves it at once, as one new revision.

    A newer revision saved from another tab is never overwritten: the conflict is kept for
    `show_save_status` to ask about. A failed save is reported there too.
    """
    store, current = draft_store()[0], draft_id()
    if not store or "conflict" in st.session_state:
        return
    draft = get_draft()
    if not current:  # its first change: now it is worth a place in the store
        _create(store, draft)
        return
    own = st.session_state.setdefault("own_revisions", set())
    try:
        body = draft_to_json(draft)  # once, for the store and for `base`
        try:
            revision = store.save(current, draft, st.session_state["revision"], body=body)
        except RevisionConflict as conflict:
            if conflict.newer.revision not in own:
                raise
            # This tab's own save, whose number a run overlapping this one did not keep.
            revision = store.save(current, draft, conflict.newer.revision, body=body)
        _stored_as(revision, body)
        own.add(revision)
        st.session_state.pop("save_problem", None)
        st.session_state.pop(TOO_LONG, None)
    except RevisionConflict as conflict:
        _report("conflict", conflict.newer)
    except DraftDeleted:  # deleted from another tab: keep the work under a new link
        _create(store, draft)
        notice("This draft had been deleted in another tab; it is saved again under a new link.")
    except StoreDamaged as error:  # the store was replaced: keep what is on screen in the new one
        _create(store, draft)
        notice(
            f"{escape(str(error))} What is on screen is saved again, under a new link: bookmark"
            " it.",
            "warning",
        )
    except StoreError as error:
        _report("save_problem", str(error))
    except DraftError as error:  # over a limit: the store has kept the last version that fits
        _report(TOO_LONG, str(error))


def _report(problem: str, detail) -> None:
    """Keep a save problem or conflict for `show_save_status`, in the frame. A change made in a
    fragment reruns only the fragment, so `fragment` then reruns the whole app to show it."""
    st.session_state[problem] = detail
    st.session_state["save_news"] = True


def _stored_as(revision: int, body: str | None = None) -> None:
    """Note that the draft on screen is now stored as `revision` (`body`: its JSON, if made
    already): the version both tabs start from if another tab saves too (see `_keep_both`)."""
    base = body or draft_to_json(st.session_state["draft"])
    st.session_state.update(revision=revision, base=base)


def _keep_newer() -> None:
    newer = st.session_state.pop("conflict")
    st.session_state["draft"] = newer.draft
    _stored_as(newer.revision)
    notice("Loaded the newer version from your other tab.")


def _keep_both(merged: Draft) -> None:
    newer = st.session_state.pop("conflict")
    st.session_state.update(draft=merged, revision=newer.revision)
    change()
    notice("Kept both: the changes made in this tab and those from your other tab.")


def _merged() -> Draft | None:
    """This tab's draft and the other tab's newer one combined, if they changed different
    fields since this tab last saved."""
    base = st.session_state.get("base")
    return base and merge_drafts(parse_draft(base), get_draft(), st.session_state["conflict"].draft)


def _keep_this() -> None:
    newer = st.session_state.pop("conflict")
    st.session_state["revision"] = newer.revision
    change()
    notice("Kept the version in this tab; it has replaced the one from your other tab.")


def show_save_status() -> None:
    """Say when saving has stopped or another tab saved a newer version, and offer the way out."""
    st.session_state.pop("save_news", None)  # shown now, before the page's fragments run
    _, store_problem = draft_store()
    if store_problem:
        st.warning(store_problem, icon=":material/warning:")
    if problem := st.session_state.get("save_problem"):
        st.warning(
            f"Saving has stopped: {escape(problem)} What is on screen is still here. Use"
            " **Save your draft to a file** in the sidebar to keep it.",
            icon=":material/cloud_off:",
        )
    if too_long := st.session_state.get(TOO_LONG):
        st.warning(
            f"Your last change is too long to save: {escape(too_long)} Shorten it, and saving"
            " starts again; until then what is on screen is kept in this window only.",
            icon=":material/block:",
        )
    if "conflict" in st.session_state:
        merged = _merged()
        st.warning(
            "This draft was changed in another tab or window after you opened it here, so this"
            " tab has stopped saving. "
            + (
                "The two changed different things, so you can keep both."
                if merged
                else "Which version do you want to keep?"
            ),
            icon=":material/sync_problem:",
        )
        with st.container(horizontal=True):
            if merged:
                st.button(
                    "Keep both changes",
                    key="conflict_both",
                    type="primary",
                    on_click=_keep_both,
                    args=(merged,),
                    help="The two tabs changed different things: keep the changes from both.",
                )
            st.button("Load the newer version", key="conflict_newer", on_click=_keep_newer)
            st.button("Keep the version in this tab", key="conflict_this", on_click=_keep_this)


def notice(text: str, kind: str = "success") -> None:
    """Queue a message for the top of the next run (callbacks cannot draw where they are)."""
    st.session_state.setdefault("notices", []).append((kind, text))


def read_upload(key: str, parse: Callable[[bytes], T], as_what: str = "") -> T | None:
    """What `parse` makes of the file just chosen in the uploader `key`, or None: no file, or
    one `parse` refuses (DraftError), said in a message, e.g. "We could not load x.json as a
    group profile: ... Nothing has changed." """
    uploaded = st.session_state[key]
    if uploaded is None:
        return None
    try:
        return parse(uploaded.getvalue())
    except DraftError as error:  # the log says a file was refused, never what was in it
        log.info("A file of %d bytes was refused%s", uploaded.size, as_what)
        notice(
            f"We could not load {escape(uploaded.name)}{as_what}: {escape(str(error))} Nothing"
            " has changed.",
            "error",
        )
        return None


def show_notices() -> None:
    """Show the queued messages. They stay queued (as shown) until the run that shows them ends
    (`notices_done`): a run cut short by `st.rerun` (a page redrawn whole when an example is
    first typed) shows them again rather than losing them."""
    shown = st.session_state.setdefault("notices_shown", [])
    shown.extend(st.session_state.pop("notices", []))
    for kind, text in shown:
        getattr(st, kind)(text)


def notices_done() -> None:
    """The run that showed the queued messages has ended: they are not shown again."""
    st.session_state.pop("notices_shown", None)


def fragment(body: Callable[..., None]) -> Callable[..., None]:
    """`st.fragment`, showing the messages its own widgets queue: a fragment's rerun does not
    run the frame, where `show_notices` shows them after a full rerun. A save problem or
    conflict that the fragment's own change met reruns the whole app instead, so that the
    frame says so and offers the way out (`show_save_status`). A fragment's rerun calls `body`
    again with the arguments of its last full run."""

    @st.fragment
    @wraps(body)
    def run(*args, **kwargs) -> None:
        if st.session_state.pop("save_news", False):
            st.rerun(scope="app")
        show_notices()
        body(*args, **kwargs)
        notices_done()

    return run


def note_examples_kept(draft: Draft, aside_before: set[int]) -> None:
    """Say which reasons just taken out of the letter had an example, and that it is kept."""
    for reason in draft.set_aside:
        if reason.id not in aside_before:
            notice(
                f"Reason {reason.id} is out of your letter, but its example is kept: tick it"
                " again to bring the example back.",
                "toast",
            )


def link_params() -> dict[str, str]:
    """The URL's query parameters for this draft: its id, so the link always reopens it."""
    return {"draft": draft_id()} if draft_id() else {}
