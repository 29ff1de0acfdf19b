"""A story link's page: one plain, phone-first form for a member's story and their consent.
It can add a story and do nothing else (see `_contribute`)."""

import streamlit as st

from app_pages import _contribute, show
from drafting.model.draft import CONSENTS, STORY_TEXT, Story

link_id, seen = _contribute.opened("story")
st.title(_contribute.TITLES["story"])
_contribute.introduce(seen, "They would like to hear from you.")
if seen.prompt:
    st.header(show.escape(seen.prompt))
st.text_area("Your story", key="story_text", max_chars=STORY_TEXT, height=200)
st.text_input("Your name (optional)", key="story_name", max_chars=300)
st.text_input(
    "Your role (optional)",
    key="story_role",
    max_chars=300,
    placeholder="For example: member, volunteer, parent",
)
st.radio(
    "May the group quote you?",
    list(CONSENTS),
    format_func=CONSENTS.get,
    index=None,
    key="story_consent",
)
st.caption(
    "Your story goes to this group only. If you agree, they may quote it in their response,"
    " which the council or NHS body may publish; by name only if you choose that. It is kept"
    " with the group's draft and deleted with it."
)
st.button(
    "Send your story",
    key="story_send",
    type="primary",
    on_click=_contribute.send_form,
    args=(
        "story",
        link_id,
        Story,
        ("text", "name", "role", "consent"),
        "Thank you: your story has been sent.",
    ),
)
_contribute.show_result("story")
