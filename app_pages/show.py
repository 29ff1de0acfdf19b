"""Showing text on a page exactly as typed: Streamlit reads Markdown, and more, in st.markdown."""

from __future__ import annotations

import re

import streamlit as st

from drafting.output.markdown import escape_markdown
from reasons import Reason

_HEADING = re.compile(r"^(#+) ", re.MULTILINE)
_STREAMLIT_EXTRAS = re.compile(r"([$:/])")


def escape(text: str) -> str:
    """Escape `text` as the letter's Markdown does (`escape_markdown`), and Streamlit's extras
    too (see `show_letter`), so that st.markdown shows it exactly as typed."""
    return _STREAMLIT_EXTRAS.sub(r"\\\1", escape_markdown(text))


def show_letter(markdown: str) -> None:
    """Show (part of) a letter from its Markdown (`to_markdown`, `markdown_pieces`) with its
    headings and lists; the group's text appears as typed.

    `to_markdown` escapes what Markdown reads as formatting. Streamlit reads more: `$` as maths,
    `:smile:` as an emoji, `:red[...]` as colour and `:material/home:` as an icon (which a
    backslash before each colon does not stop; one before the slash does), so `$`, `:` and `/`
    are escaped too. Headings drop one level, below the page's own title.
    """
    text = _STREAMLIT_EXTRAS.sub(r"\\\1", markdown)
    st.markdown(_HEADING.sub(r"#\1 ", text), width="stretch")


def evidence_markdown(reason: Reason) -> str:
    """A reason's national evidence as a Markdown list, each item with its source."""
    return "".join(f"\n- {escape(e.text)} *({escape(e.citation)})*" for e in reason.evidence)
