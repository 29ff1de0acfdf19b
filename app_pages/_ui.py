"""Shared pieces for the pages: cached loaders, the one draft, and widgets bound to it.

The draft in session_state is the source of truth. Streamlit forgets a widget's key when a run
does not draw that widget (on another page), so every bound widget is re-seeded from the draft
whenever it is drawn, and writes back through an on_change callback ending in `draft_changed()`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial, wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any

import streamlit as st

from drafting import (
    Draft,
    DraftError,
    TemplateInfo,
    draft_to_json,
    list_templates,
    parse_draft,
)
from drafting.calendar import closing_note, has_closed
from drafting.draft import merge_drafts
from drafting.selection import set_evidence
from drafting.store import (
    DraftStore,
    RevisionConflict,
    StoreDamaged,
    StoreError,
    configured_url,
    keeping_time,
)
from drafting.wording import plural
from reasons import (
    Catalogue,
    Reason,
    SituationQuestion,
    load_catalogue,
    load_situation_questions,
)

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class PageInfo:
    name: str
    title: str  # in the navigation and on Back/Next buttons
    icon: str
    heading: str = ""  # at the top of the page, if longer than the title


STEPS = (
    PageInfo("start", "Start", ":material/home:", "Response Builder"),
    PageInfo("situation", "Your situation", ":material/quiz:"),
    PageInfo("reasons", "Choose reasons", ":material/checklist:"),
    PageInfo("examples", "Local examples", ":material/edit_note:"),
    PageInfo("details", "About you", ":material/badge:", "About you and the consultation"),
    PageInfo("questions", "Questions and fairness", ":material/fact_check:"),
    PageInfo("letter", "Your letter", ":material/mail:"),
)
ICON = Path(__file__).resolve().parents[1] / "assets" / "icon.png"
_STEP_INDEX = {step.name: i for i, step in enumerate(STEPS)}

MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain",
    "md": "text/markdown",
    "json": "application/json",
    "csv": "text/csv",
    "ics": "text/calendar",
}


# Cached loaders: read once per server, shared by every session (read-only).
@st.cache_resource
def catalogue() -> Catalogue:
    return load_catalogue()


@st.cache_resource
def reason_frame() -> pd.DataFrame:
    return catalogue().frame()


@st.cache_resource
def situation_questions() -> tuple[SituationQuestion, ...]:
    return load_situation_questions(catalogue())


@st.cache_resource
def templates() -> tuple[TemplateInfo, ...]:
    return list_templates()


# The one draft: kept in session_state, autosaved to the draft store under the id in the URL.
MAX_DRAFTS_PER_SESSION = 20  # new drafts one browser session may store (loaded files included)


def _database_setting() -> str:
    """The `url` of the `[connections.drafts]` secret, for a host that sets it that way (such
    as Streamlit Community Cloud); RESPONSE_BUILDER_DATABASE_URL wins over it (README)."""
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


def get_draft() -> Draft:
    """Return this session's draft: the one named in the URL if there is one, else a new one."""
    if "draft" not in st.session_state:
        _open_from_url()
    return st.session_state["draft"]


def draft_id() -> str | None:
    return st.session_state.get("draft_id")


def _open_from_url() -> None:
    store, _ = draft_store()
    wanted = st.query_params.get("draft")
    if wanted and store:
        try:
            stored = store.load(wanted)
        except (StoreError, DraftError) as error:
            stored = None
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
    for key in ("conflict", "save_problem"):
        st.session_state.pop(key, None)
    if draft != Draft():
        draft_changed()


def _create(store: DraftStore, draft: Draft) -> None:
    """Store the session's draft under a new id, unless this session has made its share."""
    made = st.session_state.get("drafts_made", 0)
    if made >= MAX_DRAFTS_PER_SESSION:
        st.session_state["save_problem"] = (
            f"this window has already started {made} new drafts, the most one visit may keep"
            " on this server."
        )
        return
    try:
        try:
            new_id, revision = store.create(draft)
        except StoreDamaged as damage:  # the store has been replaced: once more, in the new one
            notice(escape(str(damage)), "warning")
            new_id, revision = store.create(draft)
    except StoreError as error:
        st.session_state["save_problem"] = str(error)
        return
    st.session_state.update(draft_id=new_id, drafts_made=made + 1, own_revisions={revision})
    _stored_as(revision)
    st.session_state.pop("save_problem", None)
    # The link goes in the address bar at once, even from a fragment's rerun (a tick in the
    # reasons list), so that a reload straight after the first change finds the draft.
    st.query_params["draft"] = new_id


def answers() -> dict[str, str]:
    """The situation questionnaire's answers, by question id (saved with the draft)."""
    return get_draft().situation


def draft_changed() -> None:
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
        try:
            revision = store.save(current, draft, st.session_state["revision"])
        except RevisionConflict as conflict:
            if conflict.newer.revision not in own:
                raise
            # This tab's own save, whose number a run overlapping this one did not keep.
            revision = store.save(current, draft, conflict.newer.revision)
        _stored_as(revision)
        own.add(revision)
        st.session_state.pop("save_problem", None)
    except RevisionConflict as conflict:
        st.session_state["conflict"] = conflict.newer
    except KeyError:  # deleted from another tab: keep the work under a new link
        _create(store, draft)
        notice("This draft had been deleted in another tab; it is saved again under a new link.")
    except StoreDamaged as error:  # the store was replaced: keep what is on screen in the new one
        _create(store, draft)
        notice(
            f"{escape(str(error))} What is on screen is saved again, under a new link: bookmark"
            " it.",
            "warning",
        )
    except (StoreError, DraftError) as error:
        st.session_state["save_problem"] = str(error)


def _stored_as(revision: int) -> None:
    """Note that the draft on screen is now stored as `revision`: the version both tabs start
    from if another tab saves too (see `_keep_both`)."""
    st.session_state.update(revision=revision, base=draft_to_json(st.session_state["draft"]))


def _keep_newer() -> None:
    newer = st.session_state.pop("conflict")
    st.session_state["draft"] = newer.draft
    _stored_as(newer.revision)
    notice("Loaded the newer version from your other tab.")


def _keep_both(merged: Draft) -> None:
    newer = st.session_state.pop("conflict")
    st.session_state.update(draft=merged, revision=newer.revision)
    draft_changed()
    notice("Kept both: the changes made in this tab and those from your other tab.")


def _merged() -> Draft | None:
    """This tab's draft and the other tab's newer one combined, if they changed different
    fields since this tab last saved."""
    base = st.session_state.get("base")
    return base and merge_drafts(parse_draft(base), get_draft(), st.session_state["conflict"].draft)


def _keep_this() -> None:
    newer = st.session_state.pop("conflict")
    st.session_state["revision"] = newer.revision
    draft_changed()
    notice("Kept the version in this tab; it has replaced the one from your other tab.")


def show_save_status() -> None:
    """Say when saving has stopped or another tab saved a newer version, and offer the way out."""
    _, store_problem = draft_store()
    if store_problem:
        st.warning(store_problem, icon=":material/warning:")
    if problem := st.session_state.get("save_problem"):
        st.warning(
            f"Saving has stopped: {escape(problem)} What is on screen is still here. Use"
            " **Save your draft to a file** in the sidebar to keep it.",
            icon=":material/cloud_off:",
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


# Widgets bound to the draft.
_UNSET = object()
# Widgets whose `value` argument is the value shown (and not part of the widget's identity).
_TAKES_VALUE = (st.text_input, st.text_area, st.checkbox, st.toggle, st.date_input)


def _write(key: str, write: Callable[[Any], None]) -> None:
    write(st.session_state[key])
    draft_changed()


def bound(widget: Callable, label: str, key: str, current: Any, write: Callable, **kwargs) -> Any:
    """Draw `widget` showing `current`; when the user changes it, call `write(new)`.

    On a widget's first draw in a session, a text box, tick box or date takes `current` as its
    starting value rather than from session_state, so that a value the browser already holds
    wins: after a server restart (or a session Streamlit has forgotten) the open tab's first
    run carries what the user has just typed, and no on_change fires for it. Such a value is
    written to the draft and saved like any change, instead of being replaced from the store.
    """
    seen = st.session_state.get(key, _UNSET)
    if seen is _UNSET and widget in _TAKES_VALUE:
        value = widget(
            label, key=key, on_change=_write, args=(key, write), **{**kwargs, "value": current}
        )
        if value != current:  # typed in this tab before this session began
            write(value)
            draft_changed()
        return value
    if seen != current:
        st.session_state[key] = current
    return widget(label, key=key, on_change=_write, args=(key, write), **kwargs)


def field_limit(obj: Any, attr: str) -> int | None:
    """The most characters (or list items) the draft accepts in `obj.attr`, from its field."""
    return next(f.metadata.get("max") for f in dataclasses.fields(obj) if f.name == attr)


def text_field(label: str, obj: Any, attr: str, key: str, *, area: bool = False, **kwargs) -> str:
    """A text input (or text area) showing `obj.attr` and writing changes back to it."""
    widget = st.text_area if area else st.text_input
    kwargs.setdefault("max_chars", field_limit(obj, attr))
    return bound(widget, label, key, getattr(obj, attr), partial(setattr, obj, attr), **kwargs)


def item_list(
    items: list,
    key: str,
    draw: Callable[[int], None],
    *,
    new: Callable[[], Any],
    add_label: str,
    limit: int,
) -> None:
    """Draw each item with `draw(index)` beside a Remove button, then a button to add one."""
    for i in range(len(items)):
        left, right = st.columns([6, 1], vertical_alignment="bottom")
        with left:
            draw(i)
        right.button(
            "Remove",
            key=f"{key}_remove_{i}",
            on_click=_remove,
            args=(items, i),
            help=f"Remove item {i + 1} from this list",
        )
    st.button(
        add_label,
        key=f"{key}_add",
        on_click=_add,
        args=(items, new),
        disabled=len(items) >= limit,
        icon=":material/add:",
        help=f"Up to {limit}" if len(items) < limit else f"This list holds at most {limit}.",
    )


def _remove(items: list, index: int) -> None:
    del items[index]
    draft_changed()


def _add(items: list, new: Callable[[], Any]) -> None:
    items.append(new())
    draft_changed()


# Showing text safely and moving between steps.
_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def escape(text: str) -> str:
    """Backslash every ASCII punctuation mark, so Streamlit's Markdown (with its maths `$` and
    `:colour[...]` extras) shows `text` exactly as typed."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


_HEADING = re.compile(r"^(#+) ", re.MULTILINE)
_STREAMLIT_EXTRAS = re.compile(r"([$:/])")


def show_letter(markdown: str) -> None:
    """Show (part of) a letter from its Markdown (`to_markdown`, `markdown_pieces`) with its
    headings and lists; the group's text appears as typed.

    `to_markdown` escapes what Markdown reads as formatting. Streamlit reads more: `$` as maths,
    `:smile:` as an emoji, `:red[...]` as colour and `:material/home:` as an icon (which a
    backslash before each colon does not stop; one before the slash does), so `$`, `:` and `/`
    are escaped too. Headings drop one level, below the page's own title.
    """
    text = _STREAMLIT_EXTRAS.sub(r"\\\1", markdown)
    st.markdown(_HEADING.sub(r"#\1 ", text))


def evidence_markdown(reason: Reason) -> str:
    """A reason's national evidence as a Markdown list, each item with its source."""
    return "".join(f"\n- {escape(e.text)} *({escape(e.source)})*" for e in reason.evidence)


def evidence_choice(draft: Draft, reason: Reason, key: str) -> None:
    """A tick box to include a reason's national evidence (and its sources) in the letter."""
    bound(
        st.checkbox,
        "Include the national evidence in our letter"
        f" ({plural(len(reason.evidence), 'item')}, with sources)",
        key,
        reason.id in draft.evidence,
        partial(set_evidence, draft, reason.id),
        help="Adds the evidence after your example, and a Sources list at the end of the"
        " letter giving each item's publisher, title and year.",
    )


def deadline_notice(draft: Draft) -> None:
    """The countdown to the closing date; a warning once it has passed."""
    closes, today = draft.consultation.closing_date, dt.date.today()
    show = st.warning if has_closed(closes, today) else st.info
    show(closing_note(closes, today), icon=":material/event:")


def notice(text: str, kind: str = "success") -> None:
    """Queue a message for the top of the next run (callbacks cannot draw where they are)."""
    st.session_state.setdefault("notices", []).append((kind, text))


def show_notices() -> None:
    for kind, text in st.session_state.pop("notices", []):
        getattr(st, kind)(text)


def fragment(body: Callable[[], None]) -> Callable[[], None]:
    """`st.fragment`, showing the messages its own widgets queue: a fragment's rerun does not
    run the frame, where `show_notices` shows them after a full rerun."""

    @st.fragment
    @wraps(body)
    def run() -> None:
        show_notices()
        body()

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


def confirm_button(label: str, key: str, *, question: str, yes: str, action: Callable) -> None:
    """A button that asks `question` first, and runs `action` only when the user says `yes`."""
    asking = f"{key}_asking"
    if not st.session_state.get(asking):
        st.button(label, key=key, on_click=st.session_state.__setitem__, args=(asking, True))
        return
    st.warning(question)
    left, right = st.columns(2)
    left.button(yes, key=f"{key}_yes", type="primary", on_click=_confirmed, args=(asking, action))
    right.button("Cancel", key=f"{key}_cancel", on_click=st.session_state.pop, args=(asking,))


def _confirmed(asking: str, action: Callable) -> None:
    st.session_state.pop(asking, None)
    action()


def step_title(name: str) -> None:
    """The page's title, with where it sits among the steps."""
    index = _STEP_INDEX[name]
    st.title(STEPS[index].heading or STEPS[index].title)
    if index:
        st.caption(f"Step {index} of {len(STEPS) - 1}")


def link_params() -> dict[str, str]:
    """The URL's query parameters for this draft: its id, so the link always reopens it."""
    return {"draft": draft_id()} if draft_id() else {}


def view_switch(views: dict[str, str], default: str, key: str) -> str:
    """Show one of several views (instead of tabs, which draw every view on every rerun)."""
    chosen = st.segmented_control(
        "Show",
        list(views),
        format_func=views.get,
        default=default,
        key=key,
        label_visibility="collapsed",
    )
    return chosen or default


def go_button(label: str, name: str, key: str, **kwargs) -> None:
    """A button that opens the page called `name`."""
    if st.button(label, key=key, **kwargs):
        st.switch_page(f"app_pages/{name}.py", query_params=link_params())


def nav_buttons(name: str, skip_to: str = "") -> None:
    """Back and Next buttons, so the steps can be followed without the sidebar; and a button
    to skip ahead to the page called `skip_to`, past optional steps."""
    index = _STEP_INDEX[name]
    st.divider()
    with st.container(horizontal=True, horizontal_alignment="distribute"):
        if index > 0:
            before = STEPS[index - 1]
            go_button(
                f"Back: {before.title}",
                before.name,
                f"{name}_back",
                icon=":material/arrow_back:",
            )
        if skip_to:
            title = STEPS[_STEP_INDEX[skip_to]].title
            go_button(f"Skip to {title.lower()}", skip_to, f"{name}_skip")
        if index < len(STEPS) - 1:
            after = STEPS[index + 1]
            go_button(
                f"Next: {after.title}",
                after.name,
                f"{name}_next",
                type="primary",
                icon=":material/arrow_forward:",
                icon_position="right",
            )


def download(label: str, data: Callable[[], str | bytes], file_name: str, key: str, **kw) -> None:
    """A download button that builds its file only when clicked (Word files take a moment)."""
    extension = file_name.rsplit(".", 1)[-1]
    st.download_button(
        label,
        data=data,
        file_name=file_name,
        mime=MIME[extension],
        key=key,
        on_click="ignore",
        icon=":material/download:",
        **kw,
    )
