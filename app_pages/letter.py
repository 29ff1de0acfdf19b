"""Your letter: template and tone, a preview you edit in place, and the downloads.

The preview shows exactly what the downloads hold (`drafting.letter.final`): the letter
made from the answers, with the group's own words in place of any paragraph, heading or ask it
edited.
"""

import datetime as dt
from contextlib import nullcontext
from functools import partial

import streamlit as st

from app_pages import _links, session, show, widgets
from app_pages._survey import survey_blocks
from drafting import TONES, draft_to_json, file_name, reasons_csv, to_text, tone_phrases
from drafting.letter.assembly import cover_email, questions_note
from drafting.letter.blocks import Piece
from drafting.letter.final import (
    FinalLetter,
    StaleEdit,
    carry_over,
    keep_edit,
    set_edit,
    use_generated,
)
from drafting.letter.length import length_report
from drafting.letter.ownwords import own_words_note
from drafting.memo import final_letter, letter_file, own_words, preview_pieces
from drafting.model.draft import LETTER_TEXT
from drafting.model.progress import without_example
from drafting.model.questions import unanswered_note
from drafting.model.selection import set_reasons
from drafting.model.wording import plural

widgets.step_title("letter")
draft, catalogue = session.get_draft(), session.catalogue()
templates = {t.id: t for t in session.templates()}
VIEWS = {"preview": "Preview and edit", "email": "Covering email"}
EDITING = "letter_editing"  # the id of the piece being edited, if any
EDITED = "letter_edited"  # the id of the piece last edited: its Edit button takes the focus
KIND_NAMES = {
    "title": "title",
    "heading": "heading",
    "subheading": "heading",
    "numbered": "list item",
    "bullets": "list item",
    "signature": "signature",
}


def _plain(text: str) -> str:
    """The group's text as Markdown that shows it exactly as typed, line breaks and all."""
    return show.escape(text).replace("\n", "  \n") or "*(nothing: taken out of the letter)*"


def change_reasons(ids: list[int]) -> None:
    aside = {r.id for r in draft.set_aside}
    set_reasons(draft, ids)
    session.note_examples_kept(draft, aside)


def start_editing(piece: Piece, text: str) -> None:
    st.session_state[EDITING] = piece.id
    st.session_state[f"edit_text_{piece.id}"] = text


def save_edit(piece: Piece) -> None:
    set_edit(draft, draft.template, piece, st.session_state.get(f"edit_text_{piece.id}", ""))
    stop_editing()
    session.change()


def stop_editing() -> None:
    st.session_state[EDITED] = st.session_state.pop(EDITING, None)


def focus(selector: str) -> None:
    """Put the keyboard focus on the element `selector` finds (when a rerun has replaced the
    button that had it). Our own fixed script: no user text reaches it; ids are [a-z0-9-]."""
    st.html(
        f"<script>setTimeout(() => document.querySelector('{selector}')?.focus(), 100)</script>",
        unsafe_allow_javascript=True,
        width="content",
    )


def use_new_text(block: str) -> None:
    use_generated(draft, draft.template, block)
    st.session_state.pop(EDITING, None)
    session.change()


def keep_mine(stale: StaleEdit) -> None:
    keep_edit(draft, stale)
    session.change()


def stale_note(stale: StaleEdit, where: str) -> None:
    """A stale edit: the group's text beside the new generated text, and the two choices."""
    with st.container(border=True, key=f"stale_{where}_{stale.edit.block}"):
        st.markdown(
            ":material/sync_problem: **Your answers have changed the text you edited here.**"
            " Your edit is still what the letter uses."
        )
        mine, new = st.columns(2)
        mine.markdown(f"**Your edit**  \n{_plain(stale.edit.text)}")
        new.markdown(f"**The new text from your answers**  \n{_plain(stale.now)}")
        keep, use = st.columns(2)
        keep.button(
            "Keep my edit",
            key=f"keep_{where}_{stale.edit.block}",
            on_click=keep_mine,
            args=(stale,),
            icon=":material/check:",
        )
        use.button(
            "Use the new text",
            key=f"use_new_{where}_{stale.edit.block}",
            on_click=use_new_text,
            args=(stale.edit.block,),
            icon=":material/auto_awesome:",
        )


def edit_form(piece: Piece, edited: bool) -> None:
    kind = KIND_NAMES.get(piece.kind, "paragraph")
    with st.form(f"edit_form_{piece.id}"):
        st.text_area(
            f"Your words for this {kind}",
            key=f"edit_text_{piece.id}",
            height=68 if kind in ("title", "heading", "list item") else 200,
            max_chars=LETTER_TEXT,
            help="Ctrl+Enter saves. It keeps its place and style in the letter. Leave it empty"
            " to take it out of the letter.",
        )
        with st.container(horizontal=True):
            st.form_submit_button(
                "Save",
                key=f"edit_save_{piece.id}",
                type="primary",
                on_click=save_edit,
                args=(piece,),
            )
            st.form_submit_button("Cancel", key=f"edit_cancel_{piece.id}", on_click=stop_editing)
            if edited:
                st.form_submit_button(
                    "Use the text made from my answers",
                    key=f"edit_undo_{piece.id}",
                    on_click=use_new_text,
                    args=(piece.id,),
                )
    focus(f".st-key-edit_text_{piece.id} textarea")


def edit_label(piece: Piece) -> str:
    """The Edit button's label, naming what it edits (its first words), so that a screen
    reader, which reads a button by its label, tells the letter's many buttons apart."""
    first = piece.text.split()[:4]
    more = "…" if len(piece.text.split()) > 4 else ""
    return show.escape(f"Edit “{' '.join(first)}{more}”") if first else "Edit"


def leave_out_chooser(report) -> None:
    """Over the template's length on the group's own words alone: let it leave examples out
    of this template (they stay in the draft and every other template), or put them back."""
    template = draft.template
    told = [r for r in draft.reasons if r.example.strip()]
    chosen = [r.id for r in told if draft.leaves_out(template, r.id)]
    if not (report.over or chosen):
        return

    def write(ids: list[int]) -> None:
        others = [i for i in draft.left_out if not i.startswith(f"{template}:")]
        draft.left_out = others + [f"{template}:{i}" for i in ids]

    widgets.bound(
        st.multiselect,
        "Examples to leave out of this letter",
        f"left_out_{template}",
        chosen,
        write,
        options=[r.id for r in told],
        format_func=lambda i: (
            f"Reason {i}: {catalogue.reason(i).title}"
            f" ({len(draft.reasons[draft.reason_ids.index(i)].example.split())} words)"
        ),
        help="Only from this kind of letter: each example stays in your draft and in the other"
        " kinds of letter. You can also shorten an example on the Local examples page.",
    )


def preview(final: FinalLetter, pieces: list, comments: list) -> None:
    """The letter piece by piece as the downloads hold it (`pieces`: the final letter's, with
    their Markdown), each with its own Edit button and the comments sent on it."""
    shown = {piece.id: (piece, text) for piece, text in pieces}
    beside = {}  # a comment made on another kind of letter goes with those on parts not shown
    for comment in comments:
        ours = comment.item.template in ("", draft.template)
        beside.setdefault(comment.item.block if ours else "", []).append(comment)
    stale = {s.edit.block: s for s in final.stale}
    editing = st.session_state.get(EDITING)
    for piece in final.generated.pieces():
        edited = piece.id in final.edited
        current = shown[piece.id][0].text if piece.id in shown else ""
        if piece.id == editing:
            edit_form(piece, edited)
            continue
        # One row: the words, then their Edit button. A horizontal container rather than two
        # columns: three fewer blocks for each of the letter's many pieces, drawn on every run.
        marked = edited and piece.id not in stale  # shown as the group's own words
        with st.container(horizontal=True, wrap=False):
            with st.container(width="stretch") if marked else nullcontext():
                if piece.id in shown:
                    show.show_letter(shown[piece.id][1])
                else:
                    st.caption(f"You took this out: {show.escape(piece.text[:80])}…")
                if marked:
                    st.caption(":material/edit: Your own words")
            st.button(
                edit_label(piece),
                key=f"edit_{piece.id}",
                on_click=start_editing,
                args=(piece, current or piece.text),
                type="tertiary",
                icon=":material/edit:",
                width="content",
            )
        if piece.id in stale:
            stale_note(stale[piece.id], "preview")
        for comment in beside.pop(piece.id, []):
            _links.comment_note(comment)
    if others := [c for waiting in beside.values() for c in waiting]:
        st.caption("Comments on parts that are not in this letter now:")
        for comment in others:
            _links.comment_note(comment)
    if back_to := st.session_state.pop(EDITED, None):
        focus(f".st-key-edit_{back_to} button")


def edits_beside_downloads(final: FinalLetter) -> None:
    """What the downloads hold, and every edit that needs a look, never hidden."""
    edits = len(final.edited)
    if not edits:
        st.info(
            "The letter downloads hold the letter **made from your answers**, as the preview"
            " shows it.",
            icon=":material/auto_awesome:",
        )
    else:
        st.info(
            "The letter downloads hold the letter as the preview shows it: made from your"
            f" answers, with **your own words in {plural(edits, 'place')}**.",
            icon=":material/edit:",
        )
    if final.stale:
        st.warning(
            f"{plural(len(final.stale), 'edit')} replaced text that your answers have changed"
            " since. The downloads use your edits; check each one:",
            icon=":material/sync_problem:",
        )
        for stale in final.stale:
            stale_note(stale, "downloads")
    for edit in final.unknown:
        with st.container(border=True, key=f"unknown_{edit.block}"):
            st.markdown(
                "**Kept, but not in this letter:** you edited a part that this letter no longer"
                " has (perhaps its reason or example was taken out). It comes back if the part"
                f" does.  \n{_plain(edit.text)}"
            )
            st.button(
                "Delete this edit",
                key=f"drop_{edit.block}",
                on_click=use_new_text,
                args=(edit.block,),
                icon=":material/delete:",
            )


@session.fragment
def letter_page() -> None:
    """Everything below the title. A change here (a reason, the tone, an edit) reruns only this,
    not the whole page and its frame, so the preview follows at once."""
    if not draft.reasons:
        st.info(
            "Your letter will appear here once you have chosen at least one reason. Choose the"
            " reasons that fit your situation, add an example to each, and come back."
        )
        widgets.go_button("Choose reasons", "reasons", "letter_choose", type="primary")
        return
    st.markdown("[Go to the downloads](#downloads)")  # eight screens down on a phone
    widgets.bound(
        st.multiselect,
        "Reasons in this letter",
        "letter_reasons",
        draft.reason_ids,
        change_reasons,
        options=[r.id for r in catalogue.reasons],
        format_func=lambda i: f"{i}. {catalogue.reason(i).title}",
        help="Add or take out reasons here; an example you wrote is kept if you take its"
        " reason out. Put them in order on the Choose reasons page.",
    )
    if draft.template not in templates:
        st.warning(
            f"Your draft asks for a kind of letter called '{show.escape(draft.template)}', which"
            " this version of the app does not have, so it shows the formal response instead."
        )
        draft.template = "formal"
        session.change()
    left, right = st.columns([3, 2])
    with left:
        widgets.bound(
            st.radio,
            "Kind of letter",
            "letter_template",
            draft.template,
            partial(setattr, draft, "template"),
            options=list(templates),
            format_func=lambda t: templates[t].name,
            captions=[f"{t.description} ({t.length})" for t in templates.values()],
            help="Each kind of letter keeps its own edits.",
        )
    with right:
        tones = tone_phrases()
        widgets.bound(
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
    if carry_over(draft, catalogue, today):
        session.change()
        st.info(
            "Your draft held an edit of the whole letter from an earlier version of this app."
            " Each paragraph you changed is now an edit of that paragraph, marked *Your own"
            " words* below; paragraphs you added follow the one before them.",
            icon=":material/edit:",
        )
    content = session.draft_json()
    final = final_letter(draft, catalogue, today=today, content=content)
    report = length_report(draft, final.letter, templates[draft.template])
    # One length: the body's words (what an officer reads), against the budget where there is one.
    (st.warning if report.over else st.markdown)(f"**Length:** {report.note}")
    leave_out_chooser(report)
    own = own_words(draft, catalogue, today=today, content=content)
    missing = len(without_example(draft))
    if missing:
        st.caption(
            f"{plural(missing, 'reason')} without an example: the letter names each, but has"
            " nothing local to show for it. Add what you have seen on the Examples page to make"
            " it count."
        )
    if draft.template == "questions" and not draft.questions:
        st.warning(questions_note(draft, draft.template))
    if own.low:
        st.info(own_words_note(own, missing), icon=":material/edit_note:")
    else:
        st.markdown(f"**In your own words:** {own_words_note(own)}")
    if draft.questions and draft.template != "questions":
        st.caption(
            f"You have added {plural(len(draft.questions), 'consultation question')}: choose"
            " *Answers to the consultation's questions* to answer them in order."
        )

    view = widgets.view_switch(VIEWS, "preview", "letter_view")
    if view == "preview":
        st.caption(
            "This is the letter your downloads hold. Press the pencil beside a paragraph, heading"
            " or ask to put it in your own words; the rest keeps following your answers."
        )
        with st.container(border=True, key="letter_preview"):
            pieces = preview_pieces(draft, catalogue, today=today, content=content)
            preview(final, pieces, _links.waiting_comments())

    if view == "email":
        st.markdown(
            "Send your Word letter as an attachment with this short email. Copy it with the"
            " button at its top right, and put the people listed as copied in on the email's"
            " *Cc* line."
        )
        st.code(to_text(cover_email(draft, catalogue, today=today)), language=None, wrap_lines=True)

    survey_blocks(draft, catalogue)
    _links.sharing_section()
    st.header("Download", anchor="downloads")
    widgets.deadline_notice(draft)
    if flagged := unanswered_note(draft.questions):
        st.warning(
            f"{flagged} The letter would only say you have no comment there. Add an answer or"
            " a reason on the Questions and fairness page.",
            icon=":material/error:",
        )
    edits_beside_downloads(final)
    columns = st.columns(3)
    for column, (fmt, label) in zip(
        columns,
        (("docx", "Word (.docx)"), ("txt", "Plain text (.txt)"), ("md", "Markdown (.md)")),
        strict=True,
    ):
        with column:
            widgets.download(
                label,
                partial(letter_file, draft, catalogue, fmt, today=today),
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
        widgets.download(
            "Your draft (.json)",
            lambda: draft_to_json(draft),
            file_name(draft, "json"),
            key="download_json",
        )
    with columns[1]:
        widgets.download(
            "Your reasons and examples (.csv)",
            lambda: reasons_csv(draft, catalogue),
            file_name(draft, "csv"),
            key="download_csv",
        )
    if draft.template != "councillors":
        st.caption(
            "Ask your councillors to act too: the same reasons and examples, as a shorter"
            " letter to elected members (with any edits you made to that kind of letter)."
        )
        widgets.download(
            "Letter to councillors (.docx)",
            partial(letter_file, draft, catalogue, "docx", template="councillors", today=today),
            file_name(draft, "docx", kind="councillors"),
            key="download_councillors",
        )


letter_page()
widgets.nav_buttons("letter")
