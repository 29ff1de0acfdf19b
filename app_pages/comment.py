"""A comment link's page: the letter, read-only, with a comment box beside each part. The
comments reach the group beside the same part on its Your letter page."""

import streamlit as st

from app_pages import _contribute
from drafting.letter.blocks import Piece
from drafting.model.draft import STORY_TEXT, Comment

link_id, seen = _contribute.opened("comment")
st.title(_contribute.TITLES["comment"])
_contribute.introduce(
    seen, "Here is the letter as it stands: add a comment beside any part, and press Send."
)
st.text_input("Your name (optional)", key="comment_name", max_chars=300)
KIND_NAMES = {"paragraph": "paragraph", "heading": "heading", "subheading": "heading"}
KIND_NAMES |= {"numbered": "list item", "bullets": "list item", "sender": "our address"}
KIND_NAMES |= {"recipient": "their address", "salutation": "greeting"}


def send(piece: Piece) -> None:
    key = f"comment_{piece.id}"
    comment = Comment(
        block=piece.id,
        template=seen.template,
        text=st.session_state.get(key, ""),
        name=st.session_state.get("comment_name", ""),
    )
    thanks = "Thank you: your comment has been sent."
    _contribute.send("comment", piece.id, link_id, comment, (key,), thanks)


def comment_box(piece: Piece, number: int) -> None:
    st.text_area(
        f"Your comment on {KIND_NAMES.get(piece.kind, piece.kind)} {number}",
        key=f"comment_{piece.id}",
        max_chars=STORY_TEXT,
        height=68,
    )
    st.button("Send comment", key=f"send_{piece.id}", on_click=send, args=(piece,))
    _contribute.show_result(piece.id)


with st.container(key="comment_letter"):
    _contribute.letter(seen.letter, comment_box)
