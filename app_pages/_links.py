"""The coordinator's side of the draft's links: making and closing story, comment and sign-on
links, and the inbox of what came through them (stories on Local examples; comments beside
their part of the letter and sign-ons on Your letter). Whatever is kept goes into the draft
(`drafting.model.contributions`) and is saved before it leaves the inbox."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from app_pages import session, show
from drafting import DraftError
from drafting.advice.privacy import personal_details_note
from drafting.model import contributions
from drafting.model.draft import CONSENTS
from drafting.model.wording import long_date
from drafting.store import StoreError
from drafting.store.links import Contribution, Links

WHAT_THEY_SEE = {
    "story": "A story link opens a page with your question and a box for a story. It shows"
    " your group's name and the consultation's title, nothing else of your draft.",
    "comment": "A comment link shows your letter as it stands, with a comment box beside each"
    " part; never your draft, your other links or the stories you were sent.",
    "signon": "A sign-on link shows your letter as it stands and lets a partner group add its"
    " name; it signs your letter only once you accept it.",
}


def _links() -> Links | None:
    store, _ = session.draft_store()
    return Links(store) if store and session.draft_id() else None


def _root() -> str:
    """The app's address, for links to send. These pages are never the default page, so the
    browser's address ends in the page's own path, which the link leaves out."""
    url = st.context.url or "http://localhost:8501/examples"
    return url.rsplit("/", 1)[0] + "/"


def _act(action: Callable[[], None], contribution: Contribution, said: str) -> None:
    """Do `action` to the draft, save it, then take the item out of the inbox: only once the
    draft is saved, so nothing is lost if saving has stopped."""
    links = _links()
    try:
        action()
    except DraftError as problem:
        session.notice(show.escape(str(problem)), "error")
        return
    session.change()
    if links and not {"conflict", "save_problem"} & st.session_state.keys():
        links.settle(session.draft_id(), contribution.id)
    if said:
        session.notice(said, "toast")


def _discard(contribution: Contribution, said: str) -> None:
    if links := _links():
        links.settle(session.draft_id(), contribution.id)
        session.notice(said, "toast")


def _make(kind: str, prompt_key: str = "") -> None:
    links = _links()
    if not links:
        return
    try:
        prompt = st.session_state.get(prompt_key) or "" if prompt_key else ""
        links.make(session.draft_id(), kind, prompt)
    except (StoreError, DraftError) as problem:
        session.notice(show.escape(str(problem)), "error")
        return
    if prompt_key:
        st.session_state[prompt_key] = ""


def _close(link_id: str) -> None:
    if links := _links():
        links.close(session.draft_id(), link_id)
        session.notice("The link is closed: it now shows only that it is closed.", "toast")


def link_maker(kind: str, label: str, prompt_label: str = "") -> None:
    """A button making a link of `kind` (after a prompt, for a story link), and the draft's
    links of that kind, each with its address to copy and a button to close it."""
    links = _links()
    if not links:
        st.caption("Your draft gets its links once it is saved: type something first.")
        return
    st.caption(WHAT_THEY_SEE[kind])
    prompt_key = ""
    if prompt_label:
        prompt_key = f"{kind}_prompt"
        st.text_input(
            prompt_label,
            key=prompt_key,
            max_chars=300,
            placeholder="For example: What would you lose if the Friday club closed?",
        )
    st.button(label, key=f"make_{kind}_link", on_click=_make, args=(kind, prompt_key))
    closes = session.get_draft().consultation.closes
    for link in links.of_draft(session.draft_id(), kind):
        with st.container(border=True, key=f"link_{link.id}"):
            if link.prompt:
                st.markdown(f"**{show.escape(link.prompt)}**")
            if link.closed:
                st.caption("Closed: this link shows only that it is closed.")
                continue
            st.code(f"{_root()}?{kind}={link.id}", language=None, wrap_lines=True)
            if closes:
                st.caption(f"It closes by itself after the consultation closes ({closes}).")
            st.button("Close this link", key=f"close_{link.id}", on_click=_close, args=(link.id,))


def _day(iso: str) -> str:
    return long_date(dt.date.fromisoformat(iso))


def _who(name: str, role: str, nobody: str) -> str:
    name, role = name.strip(), role.strip()
    return show.escape(", ".join(p for p in (name, role) if p) or nobody)


def story_inbox(waiting: list[Contribution]) -> None:
    """New stories, each with its consent, the app's warning about personal details, and what
    to do with it: use it in a reason's example, keep it as background, or discard it."""
    draft, catalogue = session.get_draft(), session.catalogue()
    if not waiting:
        st.caption("No new stories yet.")
    for c in waiting:
        story = c.item
        with st.container(border=True, key=f"story_{c.id}"):
            st.markdown(show.escape(story.text).replace("\n", "  \n"))
            st.caption(
                f"From {_who(story.name, story.role, 'someone who gave no name')}, on"
                f" {_day(story.received)}. **{CONSENTS[story.consent]}.**"
            )
            if note := personal_details_note(story.text):
                st.warning(show.escape(note), icon=":material/privacy_tip:")
            if story.consent == "private" or not draft.reasons:
                st.caption(
                    "Not for quoting: keep it as background for your group, or discard it."
                    if story.consent == "private"
                    else "Choose a reason first to use a story in its example."
                )
            else:
                st.caption(f"In your letter: {show.escape(contributions.attributed(story))}")
                reason = st.selectbox(
                    "Use it in the example of",
                    draft.reason_ids,
                    format_func=lambda i: f"Reason {i}: {catalogue.reason(i).title}",
                    key=f"story_reason_{c.id}",
                )
                chosen = draft.reasons[draft.reason_ids.index(reason)]
                st.button(
                    "Use in the letter",
                    key=f"story_use_{c.id}",
                    type="primary",
                    on_click=_act,
                    args=(
                        lambda s=story, r=chosen: contributions.use_story(draft, s, r),
                        c,
                        f"The story is in the example of reason {reason}.",
                    ),
                )
            with st.container(horizontal=True):
                st.button(
                    "Keep as background",
                    key=f"story_keep_{c.id}",
                    on_click=_act,
                    args=(lambda s=story: contributions.keep_story(draft, s), c, "Story kept."),
                )
                st.button(
                    "Discard",
                    key=f"story_discard_{c.id}",
                    on_click=_discard,
                    args=(c, "Story discarded."),
                )
    if draft.stories:
        with st.expander(f"Stories you have kept ({len(draft.stories)})"):
            for story in draft.stories:
                where = f"in reason {story.reason}" if story.reason else "as background"
                st.markdown(
                    f"{show.escape(story.text)}  \n:gray[{_who(story.name, story.role, 'No name')}"
                    f" ({CONSENTS[story.consent].lower()}), kept {where}]"
                )


def stories_section() -> None:
    """Local examples' section for stories: the story links, then the inbox. Behind a switch
    (a first letter does not need it) until the draft has a story link or stories waiting;
    not in a folded expander, whose hidden text a browser may still count and read."""
    links = _links()
    waiting = links.inbox(session.draft_id(), "story") if links else []
    made = bool(links and links.of_draft(session.draft_id(), "story"))
    if not (waiting or made) and not st.toggle(
        "Collect members' stories",
        key="stories_open",
        help="Make a link that members can use to send you a story from a phone.",
    ):
        return
    st.header("Stories from your members" + (f" ({len(waiting)} new)" if waiting else ""))
    st.markdown(
        "The strongest examples are in the words of the people who use your service. Ask a"
        " question, make a story link and send it to members, volunteers and the people you"
        " serve; each can send a story from a phone and say whether you may quote them."
    )
    link_maker("story", "Make a story link", "Your question for them")
    story_inbox(waiting)


def waiting_comments() -> list[Contribution]:
    links = _links()
    return links.inbox(session.draft_id(), "comment") if links else []


def comment_note(c: Contribution) -> None:
    """One comment, as sent, with a button to mark it done (it is then kept in the draft)."""
    draft = session.get_draft()
    with st.container(border=True, key=f"comment_{c.id}"):
        st.markdown(
            f":material/comment: **{_who(c.item.name, '', 'A comment')}:**"
            f" {show.escape(c.item.text)}"
        )
        st.button(
            "Mark done",
            key=f"comment_done_{c.id}",
            on_click=_act,
            args=(lambda: contributions.comment_done(draft, c.item), c, "Comment marked done."),
        )


def sharing_section() -> None:
    """Your letter's section for the committee and partner groups: comment and sign-on links,
    and the sign-ons waiting to be accepted."""
    links = _links()
    waiting = links.inbox(session.draft_id(), "signon") if links else []
    draft = session.get_draft()
    with st.expander("Ask your committee and partner groups", expanded=bool(waiting)):
        st.markdown("**Comments from your committee**")
        link_maker("comment", "Make a comment link")
        st.markdown("**Partner groups signing with you**")
        link_maker("signon", "Make a sign-on link")
        for c in waiting:
            signer = c.item
            with st.container(border=True, key=f"signon_{c.id}"):
                st.markdown(
                    f"**{show.escape(signer.group)}** asks to sign your letter"
                    f" ({_who(signer.name, signer.role, 'no signatory given')}), on"
                    f" {_day(signer.signed_on)}."
                )
                with st.container(horizontal=True):
                    st.button(
                        "Accept",
                        key=f"signon_accept_{c.id}",
                        type="primary",
                        on_click=_act,
                        args=(
                            lambda s=signer: contributions.accept_sign_on(draft, s),
                            c,
                            "They now sign your letter.",
                        ),
                    )
                    st.button(
                        "Decline",
                        key=f"signon_decline_{c.id}",
                        on_click=_discard,
                        args=(c, "Sign-on declined."),
                    )
