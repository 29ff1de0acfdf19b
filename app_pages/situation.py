"""Your situation: a few yes/no questions that rank the reasons that fit, strongest first."""

from functools import partial

import streamlit as st

from app_pages import _ui
from drafting.checks import plural
from drafting.selection import add_reasons
from reasons import ANSWERS, QUICK_PICK, suggest

_ui.step_title("situation")
st.markdown("Answer what you can. Each **yes** helps pick the reasons that fit you best.")

draft, catalogue, answers = _ui.get_draft(), _ui.catalogue(), _ui.answers()
questions = _ui.situation_questions()


def answer(question_id: str, value: str) -> None:
    """Keep the answer, and tick the strongest reasons afresh: the ranking may have changed."""
    answers[question_id] = value
    for key in [k for k in st.session_state if str(k).startswith("suggested_")]:
        del st.session_state[key]


for question in questions:
    _ui.bound(
        st.radio,
        question.text,
        f"situation_{question.id}",
        answers.get(question.id),
        partial(answer, question.id),
        options=ANSWERS,
        index=None,
        format_func=str.capitalize,
        horizontal=True,
        help=question.help,
    )

st.header("Reasons that fit your situation")
suggestions = suggest(questions, answers)
new = [s for s in suggestions if s.reason not in draft.reason_ids]
if not suggestions:
    st.markdown(
        "Answer **yes** to a question above to see the reasons that fit, or choose from all 26"
        " on the next step."
    )
elif not new:
    st.markdown("Every reason that fits is in your letter. Next, add a local example to each.")
else:
    st.markdown(
        f"The strongest {plural(min(QUICK_PICK, len(new)), 'reason')} for you"
        f" {'is' if len(new) == 1 else 'are'} ticked: three strong reasons, each with a local"
        " example, make a better letter than many."
    )


def suggestion(s, ticked: bool) -> None:
    reason = catalogue.reason(s.reason)
    key = f"suggested_{s.reason}"
    st.session_state.setdefault(key, ticked)
    st.checkbox(f"Reason {reason.id}: {reason.title}", key=key)
    st.caption(_ui.escape(s.whys[0]))  # the first why: the others say much the same


for s in new[:QUICK_PICK]:
    suggestion(s, True)
if rest := new[QUICK_PICK:]:
    with st.expander(f"{plural(len(rest), 'more reason')} that fit"):
        for s in rest:
            suggestion(s, False)
if chosen := [r for r in suggestions if r.reason in draft.reason_ids]:
    listed = ", ".join(str(s.reason) for s in chosen)
    st.caption(f"Already in your letter: {plural(len(chosen), 'reason')} ({listed}).")

ticked = [s.reason for s in new if st.session_state.get(f"suggested_{s.reason}")]
if new and st.button(
    f"Add {plural(len(ticked), 'ticked reason')} and write your examples",
    key="situation_add",
    type="primary",
    disabled=not ticked,
):
    add_reasons(draft, ticked)
    _ui.draft_changed()
    st.switch_page("app_pages/examples.py", query_params=_ui.link_params())

_ui.nav_buttons("situation")
