"""Your situation: a few yes/no questions that suggest the reasons that fit."""

from functools import partial

import streamlit as st

from app_pages import _ui
from drafting.checks import plural
from drafting.selection import add_reasons
from reasons import ANSWERS, suggest

_ui.step_title("situation")
st.markdown(
    "Answer what you can. Each **yes** suggests reasons that fit your situation; you can add"
    " them to your letter below, and change your mind at any time."
)

draft, catalogue, answers = _ui.get_draft(), _ui.catalogue(), _ui.answers()
questions = _ui.situation_questions()
for question in questions:
    _ui.bound(
        st.radio,
        question.text,
        f"situation_{question.id}",
        answers.get(question.id),
        partial(answers.__setitem__, question.id),
        options=ANSWERS,
        index=None,
        format_func=str.capitalize,
        horizontal=True,
        help=question.help,
    )

st.header("Reasons that fit your situation")
suggestions = suggest(questions, answers)
new = [s.reason for s in suggestions if s.reason not in draft.reason_ids]


def add(ids: list[int]) -> None:
    if not ids:
        _ui.notice("Tick one or more of the suggested reasons first.", "toast")
        return
    added = add_reasons(draft, ids)
    _ui.draft_changed()
    _ui.notice(
        f"Added {plural(len(added), 'reason')} to your letter. Next, add a local example to each.",
        "toast",
    )


if not suggestions:
    st.info(
        "Answer **yes** to a question above to see the reasons that fit. Or go straight to"
        " the full list of 26 reasons with the Next button."
    )
for s in suggestions:
    reason = catalogue.reason(s.reason)
    whys = " ".join(s.whys)
    if s.reason in draft.reason_ids:
        st.markdown(
            f":material/check: **{reason.id}. {reason.title}** (already in your letter)"
            f"  \n:gray[{whys}]"
        )
    else:
        st.checkbox(f"{reason.id}. {reason.title}. {whys}", key=f"suggested_{s.reason}")

if suggestions:
    left, right = st.columns(2)
    left.button(
        f"Add all suggested reasons ({len(new)})",
        key="situation_add_all",
        type="primary",
        disabled=not new,
        on_click=add,
        args=(new,),
    )
    right.button(
        "Add the ticked ones",
        key="situation_add_ticked",
        disabled=not new,
        on_click=lambda: add([i for i in new if st.session_state.get(f"suggested_{i}")]),
    )

_ui.nav_buttons("situation")
