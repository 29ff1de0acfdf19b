"""Your letter: template and tone, a live preview, your own edits, and the downloads."""

import datetime as dt
from functools import partial

import streamlit as st

from app_pages import _ui
from app_pages._survey import survey_blocks
from drafting import (
    TONES,
    LetterEdit,
    assemble,
    draft_to_json,
    file_name,
    letter_from_text,
    reasons_csv,
    render,
    to_text,
    tone_phrases,
)
from drafting.assembly import cover_email
from drafting.calendar import long_date
from drafting.checks import length_note, plural
from drafting.letter import digest
from drafting.ownwords import measure_letter, own_words_note
from drafting.questions import unanswered_note
from drafting.selection import set_reasons

_ui.step_title("letter")
draft, catalogue = _ui.get_draft(), _ui.catalogue()
templates = {t.id: t for t in _ui.templates()}
VIEWS = {"preview": "Preview", "edit": "Edit the final text", "email": "Covering email"}


@st.fragment
def letter_page() -> None:
    """Everything below the title. A change here (a reason, the tone, an edit) reruns only this,
    not the whole page and its frame, so the preview follows at once."""
    if not draft.reasons:
        st.info(
            "Your letter will appear here once you have chosen at least one reason. Choose the"
            " reasons that fit your situation, add an example to each, and come back."
        )
        _ui.go_button("Choose reasons", "reasons", "letter_choose", type="primary")
        return
    _ui.bound(
        st.multiselect,
        "Reasons in this letter",
        "letter_reasons",
        draft.reason_ids,
        partial(set_reasons, draft),
        options=[r.id for r in catalogue.reasons],
        format_func=lambda i: f"{i}. {catalogue.reason(i).title}",
        help="Add or take out reasons here; an example you wrote is kept if you take its"
        " reason out. Put them in order on the Choose reasons page.",
    )
    if draft.template not in templates:
        st.warning(
            f"Your draft asks for a kind of letter called '{_ui.escape(draft.template)}', which"
            " this version of the app does not have, so it shows the formal response instead."
        )
        draft.template = "formal"
        _ui.draft_changed()
    left, right = st.columns([3, 2])
    with left:
        _ui.bound(
            st.radio,
            "Kind of letter",
            "letter_template",
            draft.template,
            partial(setattr, draft, "template"),
            options=list(templates),
            format_func=lambda t: templates[t].name,
            captions=[f"{t.description} ({t.length})" for t in templates.values()],
        )
    with right:
        tones = tone_phrases()
        _ui.bound(
            st.radio,
            "Tone",
            "letter_tone",
            draft.tone,
            partial(setattr, draft, "tone"),
            options=TONES,
            format_func=lambda t: tones[t]["label"],
            captions=[tones[t]["description"] for t in TONES],
            help="The tone changes how the letter puts things, never what it says.",
        )

    today = dt.date.today()
    letter = assemble(draft, catalogue, today=today)
    generated = to_text(letter)
    fingerprint = digest(generated, long_date(today))  # the same tomorrow, if nothing changes
    edit = draft.letter_edit if draft.letter_edit.text else None
    final = letter_from_text(letter.title, edit.text) if edit else letter
    st.markdown(f"**Length:** {length_note(final.word_count())}")
    own = measure_letter(draft, catalogue, final, today)
    missing = sum(1 for r in draft.reasons if not r.example.strip())
    if own.low:
        st.info(own_words_note(own, missing), icon=":material/edit_note:")
    else:
        st.markdown(f"**In your own words:** {own_words_note(own)}")
    if draft.questions and draft.template != "questions":
        st.caption(
            f"You have added {plural(len(draft.questions), 'consultation question')}: choose"
            " *Answers to the consultation's questions* to answer them in order."
        )

    view = _ui.view_switch(VIEWS, "preview", "letter_view")
    if view == "preview":
        if edit:
            st.caption(
                "This preview is made from your answers. You have edited the final text, so the"
                " downloads use your edited version instead."
            )
        with st.container(border=True, key="letter_preview"):
            _ui.show_letter(letter)

    def keep_edit(text: str) -> None:
        if text == generated:
            draft.letter_edit = LetterEdit()
        else:
            draft.letter_edit = LetterEdit(text, edit.based_on if edit else fingerprint)

    def regenerate() -> None:
        draft.letter_edit = LetterEdit()
        _ui.draft_changed()
        _ui.notice("Your edits are gone; the letter is made fresh from your answers.", "toast")

    if view == "edit":
        st.markdown(
            "Change any words you like. Your edited version is kept as it is: changing your"
            " answers later will not overwrite it."
        )
        if edit and edit.based_on != fingerprint:
            st.warning(
                "Your answers have changed since you edited the text. Your edited version has"
                " not changed, and it is what the downloads use. To bring in the changes, edit"
                " the text yourself, or replace your edits with a fresh letter.",
                icon=":material/sync_problem:",
            )
        _ui.bound(
            st.text_area,
            "The final text of your letter",
            "letter_edit",
            edit.text if edit else generated,
            keep_edit,
            height=500,
        )
        if edit:
            _ui.confirm_button(
                "Replace my edits with a fresh letter",
                "letter_regenerate",
                question=(
                    "This throws away your edits and makes the text fresh from your answers."
                    " Download your edited version first if you may want it."
                ),
                yes="Yes, replace my edits",
                action=regenerate,
            )

    if view == "email":
        st.markdown(
            "Send your Word letter as an attachment with this short email. Copy it with the"
            " button at its top right, and put the people listed as copied in on the email's"
            " *Cc* line."
        )
        st.code(to_text(cover_email(draft, catalogue, today=today)), language=None, wrap_lines=True)

    survey_blocks(draft, catalogue)
    st.header("Download")
    _ui.deadline_notice(draft)
    if flagged := unanswered_note(draft.questions):
        st.warning(
            f"{flagged} The letter would only say you have no comment there. Add an answer or"
            " a reason on the Questions and fairness page.",
            icon=":material/error:",
        )
    if edit:
        st.info("The letter downloads use **your edited version**.", icon=":material/edit:")
    else:
        st.info(
            "The letter downloads use the letter **generated from your answers**.",
            icon=":material/auto_awesome:",
        )
    author = draft.group.name
    columns = st.columns(3)
    for column, (fmt, label) in zip(
        columns,
        (("docx", "Word (.docx)"), ("txt", "Plain text (.txt)"), ("md", "Markdown (.md)")),
        strict=True,
    ):
        with column:
            _ui.download(
                label,
                partial(render, final, fmt, author),
                file_name(draft, fmt),
                key=f"download_{fmt}",
                type="primary" if fmt == "docx" else "secondary",
            )
    st.caption(
        "Word is best for sending or printing; plain text is ready to paste into an email."
        " Keep a copy of your draft too, to change the letter later:"
    )
    columns = st.columns(2)
    with columns[0]:
        _ui.download(
            "Your draft (.json)",
            lambda: draft_to_json(draft),
            file_name(draft, "json"),
            key="download_json",
        )
    with columns[1]:
        _ui.download(
            "Your reasons and examples (.csv)",
            lambda: reasons_csv(draft, catalogue),
            file_name(draft, "csv"),
            key="download_csv",
        )
    if draft.template != "councillors":
        st.caption(
            "Ask your councillors to act too: the same reasons and examples, as a shorter"
            " letter to elected members (made from your answers, not your edits)."
        )
        _ui.download(
            "Letter to councillors (.docx)",
            lambda: render(assemble(draft, catalogue, template="councillors"), "docx", author),
            file_name(draft, "docx", kind="councillors"),
            key="download_councillors",
        )


letter_page()
_ui.nav_buttons("letter")
