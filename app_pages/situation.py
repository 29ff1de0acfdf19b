"""Your situation: a few yes/no questions that rank the reasons that fit, strongest first."""

import zlib
from functools import partial

import streamlit as st

from app_pages import session, show, widgets
from drafting.model.selection import add_reasons
from drafting.model.wording import plural
from reasons import ANSWERS, QUICK_PICK, YES, SuggestedReason, suggest

widgets.step_title("situation")
draft, catalogue, answers = session.get_draft(), session.catalogue(), session.answers()
questions = session.situation_questions()

# Where the group stands, in one plain question: the letter states no position until then.
st.header("Where do you stand?")
widgets.stance(draft, st.radio, "situation_")

st.markdown("Answer what you can: each **yes** helps pick your reasons.")


for question in questions:
    widgets.bound(
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
new = [s for s in suggestions if s.reason not in draft.reason_ids]
if not suggestions:
    st.markdown(
        "Answer **yes** to a question above to see the reasons that fit, or choose from all 26"
        " on the next step."
    )
elif not new:
    st.markdown("Every reason that fits is in your letter. Next, add a local example to each.")
else:
    strongest = min(QUICK_PICK, len(new))
    st.markdown(
        f"The strongest {'one is' if strongest == 1 else f'{strongest} are'} ticked. A few"
        " strong reasons beat many."
    )


# New answers make new tick boxes (their keys name the answers), with the strongest ticked
# afresh: the browser would otherwise send back the ticks of the boxes it drew before.
answered = "-".join(sorted(q for q, a in answers.items() if a == YES))


def tick_key(reason_id: int) -> str:
    return f"suggested_{reason_id}_{zlib.crc32(answered.encode()):x}"


def suggestion(s: SuggestedReason, ticked: bool) -> None:
    reason = catalogue.reason(s.reason)
    key = tick_key(s.reason)
    st.session_state.setdefault(key, ticked)
    # The first why, on request: the others say much the same.
    st.checkbox(f"Reason {reason.id}: {reason.title}", key=key, help=show.escape(s.whys[0]))


for s in new[:QUICK_PICK]:
    suggestion(s, True)
if rest := new[QUICK_PICK:]:
    with st.expander(
        f"{plural(len(rest), 'more reason')} that {'fits' if len(rest) == 1 else 'fit'}"
    ):
        for s in rest:
            suggestion(s, False)
if chosen := [r for r in suggestions if r.reason in draft.reason_ids]:
    listed = ", ".join(str(s.reason) for s in chosen)
    st.caption(f"Already in your letter: {plural(len(chosen), 'reason')} ({listed}).")

ticked = [s.reason for s in new if st.session_state.get(tick_key(s.reason))]
if new and st.button(
    f"Add {plural(len(ticked), 'ticked reason')} and write your examples",
    key="situation_add",
    type="primary",
    disabled=not ticked,
):
    add_reasons(draft, ticked)
    session.change()
    st.switch_page("app_pages/examples.py", query_params=session.link_params())

widgets.nav_buttons("situation")
