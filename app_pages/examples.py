"""Local examples: what the group has seen itself, for each chosen reason, with feedback."""

import streamlit as st

from app_pages import _consultation_upload, _links, session, show, widgets
from drafting.advice.feedback import example_feedback
from drafting.advice.privacy import personal_details_note
from drafting.model.progress import repeats_about

widgets.step_title("examples")
draft, catalogue = session.get_draft(), session.catalogue()
VIEWS = {"all": "All reasons", "one": "One reason at a time"}


@session.fragment
def example_box(chosen) -> None:
    """One reason's example box, with its feedback. Saving an example reruns only its own box:
    a handful of elements, not every reason's box and the frame."""
    reason = catalogue.reason(chosen.id)
    st.header(f"Reason {reason.id}: {reason.title}")
    # What to look for above the box; the prompt's own example inside it, until typing starts.
    ask, _, sample = reason.prompt.partition(" For example: ")
    st.caption(ask)
    _consultation_upload.quote_note(chosen)
    _consultation_upload.quote_search(chosen)
    example = widgets.text_field(
        f"Your local example for reason {reason.id}",
        chosen,
        "example",
        f"example_{chosen.id}",
        area=True,
        placeholder=f"For example: {sample}" if sample else "Say what happened, where and when.",
    )
    filled = bool(example.strip())
    if st.session_state.setdefault(f"example_filled_{chosen.id}", filled) != filled:
        st.session_state[f"example_filled_{chosen.id}"] = filled
        st.rerun()  # the whole page: the progress panel counts the reasons with no example
    if note := personal_details_note(example):
        st.warning(show.escape(note), icon=":material/privacy_tip:")
    if feedback := example_feedback(example).note:
        st.caption(show.escape(feedback))
    if reason.evidence:
        with st.expander("National evidence"):
            st.markdown(show.evidence_markdown(reason))
            widgets.evidence_choice(draft, reason, f"evidence_{chosen.id}")


def one_at_a_time() -> None:
    ids = draft.reason_ids
    current = st.session_state.get("examples_current")
    index = ids.index(current) if current in ids else 0
    example_box(draft.reasons[index])
    with st.container(horizontal=True):
        for label, step, key in (("Previous reason", -1, "prev"), ("Next reason", 1, "next")):
            other = index + step
            st.button(
                label,
                key=f"examples_{key}",
                disabled=not 0 <= other < len(ids),
                on_click=st.session_state.__setitem__,
                args=("examples_current", ids[other] if 0 <= other < len(ids) else None),
            )
        st.caption(f"Reason {index + 1} of {len(ids)} in your letter")


if not draft.reasons:
    st.info(
        "You have not chosen any reasons yet. Choose one or more reasons first; then come back"
        " here to add what you have seen locally to each."
    )
    widgets.go_button("Choose reasons", "reasons", "examples_choose", type="primary")
else:
    st.markdown(
        "Your examples make a response count: readers know the national arguments, not your"
        " area. Two sentences are enough."
    )
    if len(draft.reasons) > 1 and widgets.view_switch(VIEWS, "all", "examples_view") == "one":
        one_at_a_time()
    else:
        for chosen in draft.reasons:
            example_box(chosen)

    with st.expander(
        "Anything else to say before your reasons (optional)", expanded=bool(draft.context)
    ):
        widgets.text_field(
            "Anything else to say before your reasons",
            draft,
            "context",
            "examples_context",
            area=True,
            help="Goes in the letter straight after your position, before your reasons.",
            placeholder="For example: The proposal would end the only lunch club in the ward.",
        )
        st.caption(
            "Not what your group does: that goes in *About your group* on the next step, and"
            " the letter already says it."
        )
        if repeats_about(draft):
            st.warning(
                "This repeats *About your group*, so the letter would say it twice. Keep it in"
                " one place.",
                icon=":material/content_copy:",
            )

_links.stories_section()
widgets.nav_buttons("examples")
