"""Local examples: what the group has seen itself, for each chosen reason."""

import streamlit as st

from app_pages import _consultation_upload, _ui
from drafting.checks import personal_details_note

_ui.step_title("examples")
draft, catalogue = _ui.get_draft(), _ui.catalogue()

if not draft.reasons:
    st.info(
        "You have not chosen any reasons yet. Choose one or more reasons first; then come back"
        " here to add what you have seen locally to each."
    )
    _ui.go_button("Choose reasons", "reasons", "examples_choose", type="primary")
else:
    st.markdown(
        "Your own examples are what make a response count: the people reading it know the"
        " national arguments, but not what happens in your area. A sentence or two for each"
        " reason is enough: say what happened, where and when."
    )
    for n, chosen in enumerate(draft.reasons, start=1):
        reason = catalogue.reason(chosen.id)
        st.header(f"{n}. {reason.title}")
        st.caption(reason.prompt)
        _consultation_upload.quote_note(chosen)
        example = _ui.text_field(
            f"Your local example for reason {n}",
            chosen,
            "example",
            f"example_{chosen.id}",
            area=True,
            placeholder="What have you seen locally? Say what happened, where and when.",
        )
        if not example.strip():
            st.info(
                "No example yet. Without one the letter gives only this reason's point, in one"
                " sentence: even a sentence from your own work makes it count."
            )
        elif note := personal_details_note(example):
            st.warning(_ui.escape(note), icon=":material/privacy_tip:")
        if reason.evidence:
            _ui.evidence_choice(draft, reason, f"evidence_{chosen.id}")
            with st.expander("The national evidence for this reason"):
                st.markdown(_ui.evidence_markdown(reason))

    st.header("Anything else about your position")
    _ui.text_field(
        "More about your position (optional)",
        draft,
        "context",
        "examples_context",
        area=True,
        help="Goes in the letter straight after your position, before your reasons.",
        placeholder="For example: We have run the Thursday lunch club since 2011.",
    )

_ui.nav_buttons("examples")
