"""The way back to a draft: its link, shown with Copy and "Email it to me" when the draft is
first stored, and the drafts opened on this device, listed on Start from the browser's own
storage (app_pages/_way_back.js). The list never reaches the server: the page's script keeps it
and draws it; the server only sends the script, and the id and name of the draft on screen."""

from __future__ import annotations

import json
import urllib.parse
from pathlib import Path

import streamlit as st

from app_pages import session

_SCRIPT = (Path(__file__).parent / "_way_back.js").read_text(encoding="utf-8")


# The script's own buttons, drawn like Streamlit's secondary buttons (in either theme).
_STYLE = """<style>
.rb-button {font: inherit; font-size: 0.875rem; line-height: 1.6; padding: 0.25rem 0.75rem;
  margin: 0.125rem 0.25rem; border-radius: 0.5rem; cursor: pointer; color: inherit;
  background: transparent; border: 1px solid rgba(128, 128, 128, 0.45);}
.rb-button:hover {border-color: currentColor;}
#rb-copy {min-height: 2.5rem; margin: 0;}
.rb-recent li {margin-bottom: 0.25rem;}
</style>"""


def _script(call: str, html: str = "") -> None:
    st.html(
        f"{_STYLE}{html}<script>{_SCRIPT}\n{call}</script>",
        unsafe_allow_javascript=True,
        width="content" if html.startswith("<button") else "stretch",
    )


def _js(value: str) -> str:
    """`value` as a JavaScript string inside a <script>: `</script>` cannot end it early."""
    return json.dumps(value).replace("<", "\\u003c")


def draft_name(draft) -> str:
    return draft.group.name or draft.consultation.title or ""


def remember_on_this_device() -> None:
    """Note the draft on screen in this browser's list (the frame calls it on every run; the
    page runs the script again only when the id or the name changes)."""
    if draft_id := session.draft_id():
        name = draft_name(session.get_draft())
        _script(f"window.responseBuilderWayBack.record({_js(draft_id)}, {_js(name)});")


def recent_drafts() -> None:
    """Start's list of the drafts opened in this browser, each with a way to forget it."""
    _script(  # drawn by the script, in the browser
        "document.querySelectorAll('.rb-recent').forEach(window.responseBuilderWayBack.draw);",
        '<div class="rb-recent"></div>',
    )


def draft_link(draft_id: str) -> str:
    """The full address that opens the draft: this app's address with `?draft=<id>`."""
    here = urllib.parse.urlsplit(st.context.url or "")
    return urllib.parse.urlunsplit(
        (here.scheme, here.netloc, here.path or "/", f"draft={draft_id}", "")
    )


def show_new_link(here: str) -> None:
    """When this window has just stored a new draft: its link, the only key to it, with Copy
    and "Email it to me" (the device's own mail program), on the page `here` where it was
    stored, until the group says it has kept it or moves to another page."""
    draft_id = st.session_state.get("new_link")
    shown_on = st.session_state.setdefault("new_link_page", here)
    if not draft_id or draft_id != session.draft_id() or shown_on != here:
        session.forget_new_link()
        return
    link = draft_link(draft_id)
    with st.container(border=True, key="new_link_box"):
        st.success(
            "**Saved. This link is the only key to your draft:** whoever has it can open the"
            " draft. Keep it safe." + session.kept_note(),
            icon=":material/key:",
        )
        st.code(link, language=None, wrap_lines=True)
        body = (
            "The link to our Response Builder draft (anyone with it can open and change the"
            f" draft, so keep it to the group):\n\n{link}\n"
        )
        mail = "mailto:?" + urllib.parse.urlencode(
            {"subject": "Our consultation response draft", "body": body},
            quote_via=urllib.parse.quote,
        )
        with st.container(horizontal=True, vertical_alignment="center"):
            _script(
                "document.getElementById('rb-copy').onclick = (event) =>"
                f" window.responseBuilderWayBack.copy(event.target, {_js(link)});",
                '<button type="button" class="rb-button" id="rb-copy">Copy the link</button>',
            )
            st.link_button(
                "Email it to me",
                mail,
                icon=":material/mail:",
                help="Opens your own email program with the link in a new message to send to"
                " yourself; this app sends nothing.",
            )
            st.button("I have kept it", key="new_link_kept", on_click=session.forget_new_link)
