"""On the Start page: read the consultation document, show what was found for the group to
confirm or correct, and fill the response only when they say so. On the Local examples page:
the quote a chosen reason carries from the document.

The reading waits in session_state["consultation_reading"] while it is shown; each detail found
seeds its own widget, so what is filled is what the group saw and perhaps corrected.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from app_pages import session, show
from drafting.model.draft import QUESTION_LINES, ChosenReason, Quote
from drafting.model.questions import describe, split_questions
from drafting.model.wording import plural
from drafting.reading.files import MAX_CHARACTERS, ConsultationError
from drafting.reading.filling import SHOWN_FIRST, fill_draft
from drafting.reading.reader import Reading
from drafting.reading.search import find_sentences
from drafting.reading.signals import Passage
from drafting.reading.worker import read_in_worker

READING = "consultation_reading"
PROBLEM = "consultation_problem"
_DETAILS = (
    ("title", "Title of the consultation"),
    ("body", "Public body running it"),
    ("reference", "Its reference"),
)


def _found_values(reading: Reading) -> dict[str, object]:
    """What each widget showing the reading starts with, by its key."""
    values: dict[str, object] = {f"found_{name}": getattr(reading, name) for name, _ in _DETAILS}
    for name in ("opens", "closes"):
        value = getattr(reading, name)
        values[f"found_{name}"] = dt.date.fromisoformat(value) if value else None
    values["found_respond_to"] = reading.respond_to
    values["found_questions"] = "\n".join(f"{q.number}. {q.text}" for q in reading.questions)
    for i, _ in enumerate(reading.suggestions()):
        values[f"found_signal_{i}"] = i < SHOWN_FIRST
    return values


def _show_reading(reading: Reading, source: str) -> None:
    """Keep the reading and seed the widgets that show it."""
    st.session_state[READING] = (reading, source)
    st.session_state.pop(PROBLEM, None)
    st.session_state.update(_found_values(reading))


def _read(data: bytes, source: str) -> None:
    try:
        _show_reading(read_in_worker(data), source)
    except ConsultationError as error:  # the log says one was refused, not what it held
        session.log.info("A consultation document of %d bytes was refused", len(data))
        st.session_state.pop(READING, None)
        st.session_state[PROBLEM] = f"We could not read {source}: {error}"


def _read_upload() -> None:
    uploaded = st.session_state["consultation_file"]
    if uploaded is not None:
        _read(uploaded.getvalue(), uploaded.name)


def _read_paste() -> None:
    _read(st.session_state.get("consultation_paste", "").encode("utf-8"), "the pasted text")


def _confirm() -> None:
    reading, source = st.session_state.pop(READING)
    state = st.session_state
    corrected = Reading(
        title=state["found_title"],
        body=state["found_body"],
        reference=state["found_reference"],
        opens=state["found_opens"].isoformat() if state["found_opens"] else None,
        closes=state["found_closes"].isoformat() if state["found_closes"] else None,
        respond_to=state["found_respond_to"],
        questions=split_questions(state["found_questions"]),
        text=reading.text,  # kept to search for a sentence to quote
    )
    chosen = [s for i, s in enumerate(reading.suggestions()) if state.get(f"found_signal_{i}")]
    filled = fill_draft(session.get_draft(), corrected, chosen)
    session.change()
    what = ", ".join(filled) if filled else "nothing (every box was empty)"
    session.notice(f"From {show.escape(source)} we filled in: {show.escape(what)}.")


def _discard() -> None:
    st.session_state.pop(READING, None)


def _quote_line(text: str, page: int | None) -> str:
    return f"\u2018{show.escape(text)}\u2019" + (f" (page {page})" if page else "")


def _leave_out(chosen: ChosenReason) -> None:
    chosen.quote = Quote()
    session.change()


def quote_note(chosen: ChosenReason) -> None:
    """Show the passage of the consultation document a chosen reason quotes, if it has one,
    with a button to leave it out of the letter (on the Local examples page)."""
    if not chosen.quote.text.strip():
        return
    st.markdown(
        "**Your letter quotes the consultation document beside your example:** "
        + _quote_line(chosen.quote.text, chosen.quote.page)
    )
    st.button(
        "Leave the quote out",
        key=f"quote_leave_out_{chosen.id}",
        on_click=_leave_out,
        args=(chosen,),
    )


def _attach(chosen: ChosenReason, key: str) -> None:
    found = st.session_state.get(key)
    if found is not None:
        chosen.quote = Quote(found.text, found.page)
        session.change()


def quote_search(chosen: ChosenReason) -> None:
    """Where the reason quotes nothing yet and the draft holds the document's text: a search
    box over that text, to pick a sentence the letter quotes beside the group's example, as it
    would a passage the reader found (on the Local examples page)."""
    document = session.get_draft().document_text
    if chosen.quote.text.strip() or not document.strip():
        return
    with st.expander("Quote the consultation document here"):
        query = st.text_input(
            "Find a sentence in the consultation document",
            key=f"quote_query_{chosen.id}",
            max_chars=100,
            placeholder="For example: single contract",
        )
        if not query.strip():
            return
        found = find_sentences(document, query)
        if not found:
            st.caption("No sentence of the document has all those words. Try fewer words.")
            return
        key = f"quote_pick_{chosen.id}"
        st.radio(
            "The sentences that have those words",
            found,
            key=key,
            format_func=lambda s: _quote_line(s.text, s.page),
        )
        st.button(
            "Quote this sentence",
            key=f"quote_use_{chosen.id}",
            on_click=_attach,
            args=(chosen, key),
        )


def _suggestion_boxes(suggestions: list[Passage], start: int) -> None:
    catalogue = session.catalogue()
    for i, passage in enumerate(suggestions, start=start):
        title = catalogue.reason(passage.reason).title
        st.checkbox(f"Reason {passage.reason}: {title}", key=f"found_signal_{i}")
        st.caption(f"{show.escape(passage.signal)}: {_quote_line(passage.quote, passage.page)}")


def _found(reading: Reading, source: str) -> None:
    # Streamlit forgets a widget's value on a page that does not draw it: after a visit to
    # another page, the widgets start again from what was found.
    for key, value in _found_values(reading).items():
        st.session_state.setdefault(key, value)
    pages = f" ({plural(reading.pages, 'page')})" if reading.pages else ""
    st.subheader(f"What we found in {source}{pages}")
    if reading.note:
        st.info(reading.note)
    st.markdown(
        "Check each box and correct anything we got wrong. Nothing goes into your response"
        " until you press **Fill in my response**; the details replace those on the About you"
        " page, and the questions are added to the Questions page."
    )
    for name, label in _DETAILS:
        st.text_input(label, key=f"found_{name}", max_chars=300)
    left, right = st.columns(2)
    for column, name, label in ((left, "opens", "Opened on"), (right, "closes", "Closing date")):
        column.date_input(
            label,
            key=f"found_{name}",
            value=None,
            format="DD/MM/YYYY",
            min_value=dt.date(2000, 1, 1),
        )
    st.text_area("How to respond", key="found_respond_to", height=68, max_chars=1_000)
    st.text_area(
        "The consultation's questions, one to a line with their numbers",
        key="found_questions",
        height=160,
        max_chars=QUESTION_LINES,
        help="Correct a question, or delete the lines of any you do not want.",
    )
    st.caption(describe(split_questions(st.session_state["found_questions"])))
    suggestions = reading.suggestions()
    if suggestions:
        st.markdown(
            "**Reasons your document gives you.** Each passage below is quoted from the"
            " document; a ticked reason is added to your response with its quote, which your"
            " letter can put beside your own example."
        )
        _suggestion_boxes(suggestions[:SHOWN_FIRST], 0)
        if len(suggestions) > SHOWN_FIRST:
            with st.expander(f"{len(suggestions) - SHOWN_FIRST} more passages found"):
                _suggestion_boxes(suggestions[SHOWN_FIRST:], SHOWN_FIRST)
    else:
        st.markdown("We found no passages that point to one of the reasons.")
    left, right = st.columns(2)
    left.button(
        "Fill in my response", key="consultation_confirm", type="primary", on_click=_confirm
    )
    right.button("Discard what was found", key="consultation_discard", on_click=_discard)


def section() -> None:
    """The Start page's section for reading the consultation document."""
    st.header("Read the consultation document")
    st.file_uploader(
        "The consultation document (PDF or Word)",
        type=["pdf", "docx", "txt"],
        key="consultation_file",
        on_change=_read_upload,
        help="We find its title, dates, questions and the passages your reasons answer; you"
        " check everything before it is used. A PDF or Word file of the consultation, up to"
        f" {st.get_option('server.maxUploadSize')} MB. For a larger one, or a scan (pictures"
        " of pages, with no text to read), paste the parts that matter instead.",
    )
    with st.expander("Or paste its text"):
        st.text_area(
            "The consultation's text",
            key="consultation_paste",
            height=150,
            max_chars=MAX_CHARACTERS,
        )
        st.button("Read the pasted text", key="consultation_read_paste", on_click=_read_paste)
    if problem := st.session_state.get(PROBLEM):
        st.error(show.escape(problem))
    if found := st.session_state.get(READING):
        _found(*found)
