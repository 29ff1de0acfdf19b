"""Choose reasons: the 26 reasons by theme, with search, and the chosen ones put in order."""

import json
from functools import partial

import streamlit as st

from app_pages import session, show, widgets
from drafting.model.selection import move, set_chosen
from drafting.model.wording import plural
from reasons import suggest
from reasons.search import filter_reasons

widgets.step_title("reasons")
draft, catalogue = session.get_draft(), session.catalogue()
suggested = {s.reason for s in suggest(session.situation_questions(), session.answers())}

VIEWS = {"choose": "Choose from the 26 reasons", "order": "Put your reasons in order"}


def choose(reason_id: int, chosen: bool) -> None:
    aside = {r.id for r in draft.set_aside}
    set_chosen(draft, reason_id, chosen)
    session.note_examples_kept(draft, aside)


def show_count() -> None:
    count.markdown(
        f"You have chosen **{plural(len(draft.reasons), 'reason')}** of 26. Three to six strong"
        " reasons, each with a local example, usually make a better letter than many."
    )


def move_label(reason_id: int, name: str) -> str:
    return f"Move Reason {reason_id} {name}"


def reorder(reason_id: int, step: int) -> None:
    move(draft, reason_id, step)
    session.change()
    # Keep the keyboard on the moved reason: its button in the same direction, or the other one
    # once it reaches an end of the list.
    index, last = draft.reason_ids.index(reason_id), len(draft.reasons) - 1
    at_end = index == 0 if step < 0 else index == last
    name = "up" if (step < 0) != at_end else "down"
    st.session_state["reasons_focus"] = move_label(reason_id, name)


def keep_focus(label: str) -> None:
    """Put the keyboard focus back on the button called `label` once the list is redrawn."""
    # Wait until the list is redrawn: while it is, the old button is on the page beside the new.
    st.html(  # runs in the page itself (`parent` is the page's own window)
        "<script>(function(label, tries){function go(){const found=[...parent.document"
        ".querySelectorAll('button')].filter(e=>e.innerText.trim()===label);"
        "if(found.length===1&&!found[0].disabled){found[0].focus();}"
        "else if(tries-->0){setTimeout(go,50);}}go();})("
        f"{json.dumps(label)}, 60)</script>",
        unsafe_allow_javascript=True,
    )


def search_row() -> None:
    """The search and theme boxes, outside the themes' fragments: a tick does not redraw them,
    and a search reruns the page, list included."""
    search, theme = st.columns([3, 2])
    search.text_input(
        "Search the reasons", key="reasons_search", placeholder="For example: small groups"
    )
    themes = {t.id: t.title for t in catalogue.themes}
    theme.selectbox(
        "Theme",
        [None, *themes],
        format_func=lambda t: themes.get(t, "All themes"),
        key="reasons_theme",
    )


def choose_view() -> None:
    text, theme_id = (
        st.session_state.get("reasons_search", ""),
        st.session_state.get("reasons_theme"),
    )
    if text.strip() or theme_id:
        shown = set(filter_reasons(session.reason_frame(), text, theme_id)["id"])
    else:
        shown = {r.id for r in catalogue.reasons}
    if not shown:
        st.info("No reason matches your search. Try fewer or different words.")
    reason_in_full()
    for t in catalogue.themes:
        ids = tuple(r.id for r in catalogue.reasons if r.theme == t.id and r.id in shown)
        if ids:
            theme_reasons(t.title, ids)


@session.fragment
def theme_reasons(title: str, ids: tuple[int, ...]) -> None:
    """One theme's tick boxes. A tick reruns only its own theme's fragment (a handful of
    elements rather than the whole list: a quicker click when many groups click at once) and,
    through its placeholder above the list, the count."""
    st.header(title)
    set_aside = {r.id for r in draft.set_aside}
    for reason in map(catalogue.reason, ids):
        hint = " · suggested for your situation" if reason.id in suggested else ""
        widgets.bound(
            st.checkbox,
            # Plain text (no Markdown): Streamlit reads the label out as its aria-label.
            f"Reason {reason.id}: {reason.title}{hint}. {reason.summary}",
            f"reason_{reason.id}",
            reason.id in draft.reason_ids,
            partial(choose, reason.id),
        )
        if reason.id in set_aside:
            st.caption(":material/bookmark: Your example is kept: tick to bring it back.")
    # Streamlit lets a fragment's rerun fill a placeholder outside it only if the fragment
    # wrote there in the page's last full run too: then it only clears it, for the page to
    # fill once, after every theme (`page_done` is true only once the page's run has ended).
    if page_done:
        show_count()
    else:
        count.empty()


def reason_in_full() -> None:
    """One panel above the list for the reason the group wants to read in full, rather than an
    expander under each of the 26 (a tick redraws the list: fewer elements, a quicker tick)."""
    with st.container(border=True, key="reason_in_full"):
        reason_id = st.selectbox(
            "Read a reason in full, with the national evidence",
            [r.id for r in catalogue.reasons],
            index=None,
            format_func=lambda i: f"Reason {i}: {catalogue.reason(i).title}",
            placeholder="Choose a reason to read",
            key="reasons_read",
        )
        if reason_id is None:
            return
        reason = catalogue.reason(reason_id)
        st.markdown(
            f"{reason.paragraph}\n\n**Local evidence that makes it count:** {reason.prompt}\n"
        )
        if reason.evidence:
            st.markdown(f"**National evidence:**{show.evidence_markdown(reason)}")
            if reason.id in draft.reason_ids:
                widgets.evidence_choice(draft, reason, f"reason_evidence_{reason.id}")


def order_view() -> None:
    if not draft.reasons:
        st.info("Tick some reasons first; then you can put them in order here.")
    else:
        st.markdown("Your letter makes its points in this order. Put the strongest first.")
    last = len(draft.reasons) - 1
    for n, chosen in enumerate(draft.reasons):
        title, up, down = st.columns([4, 3, 3], vertical_alignment="center")
        title.markdown(f"{n + 1}\\. Reason {chosen.id}: {catalogue.reason(chosen.id).title}")
        for column, name, step, at_end in ((up, "up", -1, n == 0), (down, "down", 1, n == last)):
            column.button(
                move_label(chosen.id, name),
                key=f"move_{name}_{chosen.id}",
                disabled=at_end,
                on_click=reorder,
                args=(chosen.id, step),
            )
    if label := st.session_state.pop("reasons_focus", None):
        keep_focus(label)


order_list = session.fragment(order_view)  # a move redraws the ordered list only

page_done = False
choosing = widgets.view_switch(VIEWS, "choose", "reasons_view") == "choose"
if choosing:
    search_row()
count = st.empty()
if choosing:
    choose_view()
else:
    order_list()
show_count()
widgets.nav_buttons("reasons")
page_done = True  # a fragment's rerun, from now on, runs in this finished run's globals
