"""Start: what the app does, where the reasons come from, and starting or loading a draft."""

import streamlit as st

from app_pages import _consultation_upload, _way_back, session, show, widgets
from drafting import Draft, parse_draft
from drafting.model.draft import MAX_FILE_BYTES
from drafting.model.profile import parse_profile
from drafting.model.progress import has_content
from drafting.model.wording import plural
from drafting.store import StoreError

widgets.step_title("start")
paper = session.catalogue().paper

st.markdown(
    "Write your group's response to a council or NHS consultation about"
    " **commissioning**: buying a service through a contract, often after a tender, instead of"
    " funding local groups with grants. It is made for small voluntary and community groups."
)
st.markdown(
    "**A first letter takes about twenty minutes**: a few questions, two sentences for each of"
    " three reasons, then who you are. All seven steps take an hour or two."
)
widgets.go_button("Write your first letter", "situation", "start_quick", type="primary")

with st.expander("Where the reasons come from"):
    st.markdown(
        f"The 26 reasons are based on the paper *{show.escape(paper.title)}*, published by the"
        f" {show.escape(paper.publisher)} in {paper.month} {paper.year}. We have put each reason"
        " in our own words, ready for a letter, with a note on the local evidence that makes it"
        " count."
    )

st.markdown(
    "**Your work is saved under a private link (the address ending `?draft=`), the only key to"
    " your draft:** bookmark it or keep a copy." + session.kept_note()
)
with st.expander("About your link"):
    st.markdown(
        "Anyone with the link can open the draft, so share it only with people you would show"
        " the letter to; nothing lists drafts on the server, and nobody can find yours without"
        " it. This browser also lists the drafts opened in it, below."
    )
    if kept_for := session.kept_for():
        st.markdown(
            f"A draft is kept on this server for {kept_for} after its last change, then deleted."
        )
    st.markdown(
        "To keep a copy of your own, or to move your work to another computer, use **Save your"
        " draft to a file** in the sidebar, and load that file here next time."
    )
_way_back.recent_drafts()

st.header("Start or carry on")
draft = session.get_draft()


def start_new() -> None:
    session.start_draft(Draft())
    session.notice(
        "You have a new, empty response with a new link. Your previous one is still saved at"
        " its own link, if you kept it."
    )


def delete_draft() -> None:
    store, draft_id = session.draft_store()[0], session.draft_id()
    if store and draft_id:
        try:
            store.delete(draft_id)
        except StoreError as error:
            session.notice(f"The draft could not be deleted: {show.escape(str(error))}", "error")
            return
    session.start_draft(Draft())
    session.notice("Your draft has been deleted from this server. Here is a new, empty response.")


if has_content(draft):
    widgets.confirm_button(
        "Start a new response",
        "start_new",
        question=(
            "This clears everything in your current response, including your examples."
            " Save your draft to a file first if you might want it again."
        ),
        yes="Yes, clear it and start again",
        action=start_new,
    )
else:
    st.button("Start a new response", key="start_new", on_click=start_new)


def load_file() -> None:
    loaded = session.read_upload("start_upload", parse_draft)
    if loaded is None:
        return
    session.start_draft(loaded)
    name = loaded.group.name or "your group"
    session.notice(
        f"Loaded the draft for {show.escape(name)} with {plural(len(loaded.reasons), 'reason')}."
        " It has replaced what was on screen."
    )


st.file_uploader(  # any type: a wrong file gets its reason in words on the page
    "Load a draft file",
    key="start_upload",
    on_change=load_file,
    max_upload_size=MAX_FILE_BYTES // 1_000_000,  # the draft's limit, not the server's
    help="A .json file saved from Response Builder, at most 3 MB. Loading it replaces what is on"
    " screen now.",
)


def load_profile() -> None:
    group = session.read_upload("start_profile", parse_profile, " as a group profile")
    if group is None:
        return
    name = show.escape(group.name or "your group")
    current = session.get_draft()
    if has_content(current):
        previous = session.draft_id()
        session.start_draft(Draft(group=group))
        kept = f" Your previous response is still saved at `?draft={previous}`." if previous else ""
        session.notice(f"Started a new response for {name} from its profile.{kept}")
    else:
        current.group = group
        session.change()
        session.notice(f"Filled in {name}'s details from its profile.")


st.file_uploader(
    "Start from your group's profile",
    key="start_profile",
    on_change=load_profile,
    max_upload_size=MAX_FILE_BYTES // 1_000_000,
    help="A profile file saved on the About you page (or any draft file): your group's name,"
    " address and who signs, so you need not type them again. If you have started a response,"
    " a new one is started and the current one stays saved at its link.",
)

if session.draft_id():
    with st.expander("Delete this draft"):
        st.markdown(
            "Deleting removes this response and everything typed in it from the server, for"
            " good. Its link will stop working. Save your draft to a file first if you may want"
            " it again."
        )
        widgets.confirm_button(
            "Delete this draft",
            "start_delete",
            question="Delete this draft for good? This cannot be undone.",
            yes="Yes, delete it",
            action=delete_draft,
        )

_consultation_upload.section()

widgets.nav_buttons("start")
