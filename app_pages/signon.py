"""A sign-on link's page: the letter, read-only, and a form for a partner group to sign it.
Its signature reaches the letter only once the group that wrote it accepts."""

import streamlit as st

from app_pages import _contribute
from drafting.model.draft import CoSignatory

link_id, seen = _contribute.opened("signon")
st.title(_contribute.TITLES["signon"])
_contribute.introduce(seen, "They invite your group to sign it with them.")
WRITER = seen.group.strip() or "the group"
THANKS = f"Thank you: your group will be listed among the co-signatories once {WRITER} accepts."


with st.container(border=True, key="signon_letter"):
    _contribute.letter(seen.letter)
st.header("Add your group")
st.text_input("Your group's name", key="signon_group", max_chars=300)
st.text_input("Who signs for it (optional)", key="signon_name", max_chars=300)
st.text_input("Their role (optional)", key="signon_role", max_chars=300)
st.caption(
    "Only the group that wrote this letter sees your signature until it accepts it; then your"
    " group's name appears among those signing."
)
st.button(
    "Sign the letter",
    key="signon_send",
    type="primary",
    on_click=_contribute.send_form,
    args=("signon", link_id, CoSignatory, ("group", "name", "role"), THANKS),
)
_contribute.show_result("signon")
