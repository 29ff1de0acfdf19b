"""Widgets bound to the draft, and the steps' titles and buttons.

Streamlit forgets a widget's key when a run does not draw that widget (on another page), so
every bound widget is re-seeded from the draft whenever it is drawn, and writes back through an
on_change callback ending in `change()`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import streamlit as st

from app_pages.session import change, link_params
from drafting import Draft
from drafting.model.deadline import closing_note, has_closed
from drafting.model.draft import POSITION_LABELS, STAGE_LABELS
from drafting.model.selection import set_evidence
from drafting.model.wording import plural
from reasons import Reason
from reasons.phrases import POSITIONS, STAGES


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
# The browser's own "Leave page?" question while a box holds unsaved typing (read once).
UNSAVED_TYPING_SCRIPT = f"<script>{(Path(__file__).parent / '_unsaved.js').read_text()}</script>"


_STEP_INDEX = {step.name: i for i, step in enumerate(STEPS)}


MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain",
    "md": "text/markdown",
    "json": "application/json",
    "csv": "text/csv",
    "ics": "text/calendar",
}


# Widgets bound to the draft.
_UNSET = object()


# How each widget takes the value it starts with: the argument named, the value itself (or,
# for a choice among options, its index). None of these is part of the widget's identity.
_STARTS_WITH = {
    st.text_input: "value",
    st.text_area: "value",
    st.checkbox: "value",
    st.toggle: "value",
    st.date_input: "value",
    st.multiselect: "default",
    st.radio: "index",
    st.selectbox: "index",
}


def _start(widget: Callable, current: Any, options: Any) -> dict[str, Any]:
    """The keyword argument that starts `widget` at `current`."""
    name = _STARTS_WITH[widget]
    if name != "index":
        return {name: current}
    options = list(options)
    return {"index": options.index(current) if current in options else None}


def _write(key: str, write: Callable[[Any], None]) -> None:
    write(st.session_state[key])
    change()


def bound(widget: Callable, label: str, key: str, current: Any, write: Callable, **kwargs) -> Any:
    """Draw `widget` showing `current`; when the user changes it, call `write(new)`.

    On a widget's first draw in a session, it takes `current` as its starting value (a text,
    a tick, a date, the choices made, the option chosen) rather than from session_state, so
    that a value the browser already holds wins: after a server restart (or a session
    Streamlit has forgotten) the open tab's first run carries what the user has just typed or
    chosen, and no on_change fires for it. Such a value is written to the draft and saved like
    any change, instead of being replaced from the store.

    That a widget's first call can return the browser's value rests on behaviour Streamlit does
    not document (its guide says a first call returns the default). Kept on purpose (issue 21):
    the documented way, seeding every draw from the draft, puts the stored text back over what
    was just typed, and the two restart tests of tests/browser/test_trust.py then fail. The
    cost there is lost typing, not time, so no benchmark decides it.
    """
    if _STARTS_WITH.get(widget) == "index" and current not in list(kwargs.get("options", ())):
        current = None  # nothing chosen yet (e.g. ""): the widget shows no choice
    seen = st.session_state.get(key, _UNSET)
    if seen is _UNSET and widget in _STARTS_WITH:
        start = _start(widget, current, kwargs.get("options", ()))
        value = widget(label, key=key, on_change=_write, args=(key, write), **{**kwargs, **start})
        if value != current:  # typed in this tab before this session began
            write(value)
            change()
        return value
    if seen != current:
        st.session_state[key] = current
    return widget(label, key=key, on_change=_write, args=(key, write), **kwargs)


def _choose(draft: Any, attr: str, value: str | None) -> None:
    setattr(draft, attr, value or "")  # "" while nothing is chosen


def stance(draft: Any, widget: Callable, prefix: str = "", **kwargs) -> None:
    """Where the group stands and how far the process has gone, side by side, bound to the
    draft; nothing shown as chosen until the group chooses (the letter then states none)."""
    left, right = st.columns(2)
    for column, attr, label, options, names in (
        (left, "position", "Where you stand", POSITIONS, POSITION_LABELS),
        (right, "stage", "How far it has gone", STAGES, STAGE_LABELS),
    ):
        with column:
            bound(
                widget,
                label,
                f"{prefix}{attr}",
                getattr(draft, attr),
                partial(_choose, draft, attr),
                options=options,
                format_func=names.get,
                **kwargs,
            )


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
    change()


def _add(items: list, new: Callable[[], Any]) -> None:
    items.append(new())
    change()


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
    """The countdown to the closing date; a warning once it has passed. Nothing where the
    group has said the consultation publishes no closing date."""
    closes, today = draft.consultation.closing_date, dt.date.today()
    if closes is None and draft.consultation.no_closing_date:
        return
    show = st.warning if has_closed(closes, today) else st.info
    show(closing_note(closes, today), icon=":material/event:")


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
