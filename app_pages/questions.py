"""Questions and fairness: answer the consultation's own questions, and say if it was unfair."""

from functools import partial

import streamlit as st

from app_pages import session, show, widgets
from drafting import Draft, Question
from drafting.model.draft import LONG_TEXT
from drafting.model.fairness import concerns, is_short, length_note, set_concern, set_note
from drafting.model.questions import add_pasted, describe, label, split_questions, unanswered_note
from drafting.model.wording import plural

widgets.step_title("questions")
draft, catalogue = session.get_draft(), session.catalogue()
limit = widgets.field_limit(Draft, "questions")
questions_tab, fairness_tab = st.tabs(["The consultation's questions", "Was it run fairly?"])


def add_questions() -> None:
    added, left_out = add_pasted(draft, limit)
    session.change()
    if not added and not left_out:
        session.notice("No questions found: paste them numbered, or one to a line.", "toast")
    elif left_out:
        session.notice(
            f"Added {plural(added, 'question')}; {left_out} did not fit (a response holds at"
            f" most {limit}). They are still in the box.",
            "warning",
        )
    else:
        session.notice(f"Added {plural(added, 'question')}. Link reasons and answer each below.")


def reason_name(reason_id: int) -> str:
    return f"{reason_id}. {catalogue.reason(reason_id).title}"


# Your chosen reasons first, in letter order, then the rest by number.
reason_order = draft.reason_ids + [r.id for r in catalogue.reasons if r.id not in draft.reason_ids]


def question(index: int) -> None:
    q: Question = draft.questions[index]
    with st.container(border=True):
        st.markdown(f"**Question {show.escape(label(q, index + 1))}**")
        number, text = st.columns([1, 4])
        with number:
            widgets.text_field(
                "Its number",
                q,
                "number",
                f"question_{index}_number",
                help="The consultation's own number, such as 3 or 3a. Leave it empty to number"
                " it by its place.",
            )
        with text:
            widgets.text_field("The question", q, "text", f"question_{index}_text", area=True)
        widgets.bound(
            st.multiselect,
            "Reasons that answer it",
            f"question_{index}_reasons",
            q.reasons,
            partial(setattr, q, "reasons"),
            options=reason_order,
            format_func=reason_name,
            placeholder="Choose reasons",
            help="Each reason's paragraph and your example go under this question. Your chosen"
            " reasons are listed first.",
        )
        widgets.text_field(
            "Your answer (optional)",
            q,
            "answer",
            f"question_{index}_answer",
            area=True,
            placeholder="Answer in your own words: for example, 'No. The proposed model would"
            " end the grants that keep our lunch club open.'",
        )
        if q.text.strip() and not q.answer.strip() and not q.reasons:
            st.caption(
                ":orange[:material/error: No answer and no reason yet: the letter would only"
                " say you have no comment on this question.]"
            )


with questions_tab:
    st.markdown(
        "If the consultation asks its own questions, answer them in its order. Paste them"
        " below, link the reasons that answer each, and add your answer if you like. Then"
        " choose **Answers to the consultation's questions** on the last step. Reasons you"
        " link to no question go in a closing *Other points* section."
    )
    widgets.text_field(
        "Paste the consultation's questions",
        draft,
        "questions_paste",
        "questions_paste",
        area=True,
        height=130,
        placeholder="1. Do you agree with the proposal?\n2. How would it affect you?\n"
        "3a. What else should we consider?",
        help="Numbered in any usual way (1. / Q2 / Question 3a / (b) under question 3), or one"
        " question to a line. The consultation's numbers are kept.",
    )
    if draft.questions_paste.strip():
        st.caption(describe(split_questions(draft.questions_paste)))
    st.button(
        "Add these questions", key="questions_add_pasted", on_click=add_questions, type="primary"
    )
    if draft.questions:
        st.header("Your answers")
    if note := unanswered_note(draft.questions):
        st.warning(f"{note} Link a reason or write an answer.", icon=":material/error:")
    widgets.item_list(
        draft.questions,
        "question",
        question,
        new=Question,
        add_label="Add a question by hand",
        limit=limit,
    )


with fairness_tab:
    st.markdown(
        "The courts have set out four tests of a fair consultation, known as the **Gunning"
        " principles**: it happens while proposals are still being shaped; it gives enough"
        " information (and, the Supreme Court has said, sometimes the options turned down); it"
        " allows enough time; and the responses are genuinely taken into account. Tick any"
        " concern that applies: each adds a paragraph to your letter naming the principle and"
        " its source, and a matching request to your list of asks."
    )
    opens, closes = draft.consultation.opening_date, draft.consultation.closing_date
    for concern in concerns():
        ticked = widgets.bound(
            st.checkbox,
            concern.question,  # plain text: Streamlit reads a label out as its aria-label
            f"fairness_{concern.id}",
            concern.id in draft.fairness,
            partial(set_concern, draft, concern.id),
        )
        st.caption(f"{show.escape(concern.principle)}. {show.escape(concern.help)}")
        if concern.dates:  # a nudge to tick it when the dates show too little time
            nudge = is_short(opens, closes) and not ticked
            (st.warning if nudge else st.caption)(length_note(opens, closes))
        if ticked:
            widgets.bound(
                st.text_area,
                "What happened here (optional, in your own words)",
                f"fairness_{concern.id}_note",
                draft.fairness_notes.get(concern.id, ""),
                partial(set_note, draft, concern.id),
                max_chars=LONG_TEXT,
                height=80,
                placeholder="For example: The papers give costs only for the tender option.",
            )
    if closes:  # no warning before there is a date to count down to
        widgets.deadline_notice(draft)

widgets.nav_buttons("questions")
