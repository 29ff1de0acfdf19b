"""For a consultation that takes responses by online survey: each answer as its own block, with
a copy button, under the survey question it answers."""

import streamlit as st

from app_pages import show
from drafting import Draft
from drafting.letter.survey import survey_answers
from reasons import Catalogue


def survey_blocks(draft: Draft, catalogue: Catalogue) -> None:
    """Show the survey answers, if the consultation takes responses by online survey."""
    if draft.consultation.response_method != "survey":
        return
    st.header("Your answers for the online survey")
    st.markdown(
        "The consultation takes responses by online survey. Copy each answer with the button at"
        " its top right and paste it under the same question in the survey."
        + (
            ""
            if draft.questions
            else " Paste the survey's questions on *Questions and fairness*"
            " to get one answer for each."
        )
    )
    for answer in survey_answers(draft, catalogue):
        st.markdown(f"**{answer.heading}:** {show.escape(answer.question)}")
        st.code(answer.text, language=None, wrap_lines=True)
