"""Response Builder: the frame around the pages (navigation, progress panel, footer).

Run with `streamlit run app.py`. Each step is a page in `app_pages/`, beside what the pages
share: `session.py` (the draft, saving, messages), `widgets.py` and `show.py`. The folder is not
called `pages/`: Streamlit treats a `pages/` folder beside the entry script as an old-style
multipage app on a server's first run and in AppTest, and then runs a page without this frame.
"""

import logging

import streamlit as st

from app_pages import _contribute, _way_back, session, show, widgets
from drafting import draft_to_json, file_name
from drafting.model.progress import draft_size_note, progress


def size_note() -> str:
    """The draft's size against its limit, worked out again only when its JSON has changed (a
    new string at each save: `session.draft_json`)."""
    content = session.draft_json()
    measured, note = st.session_state.get("size_note", (None, ""))
    if measured is not content:
        note = draft_size_note(content)
        st.session_state["size_note"] = (content, note)
    return note


# Store faults, damaged files, refused files and limits reached, for whoever runs the server (on
# standard error, beside Streamlit's own lines); never a draft's id, its link or its text.
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

# The tab's icon is a file the app ships: a Material icon name would be fetched from a font server.
st.set_page_config(page_title="Response Builder", page_icon=str(widgets.ICON))
if kind := _contribute.wanted():  # a story, comment or sign-on link: its own page, nothing else
    st.html(widgets.UNSAVED_TYPING_SCRIPT, unsafe_allow_javascript=True)
    st.navigation([_contribute.page(kind)], position="hidden").run()
    st.stop()

draft = session.get_draft()
if session.draft_id() and st.query_params.get("draft") != session.draft_id():
    st.query_params["draft"] = session.draft_id()  # navigation clears the URL's parameters
elif not session.draft_id() and "draft" in st.query_params:
    del st.query_params["draft"]  # a new response, not yet stored: no link yet
page = st.navigation(
    [
        st.Page(f"app_pages/{step.name}.py", title=step.title, icon=step.icon, default=i == 0)
        for i, step in enumerate(widgets.STEPS)
    ]
)

with st.sidebar:
    st.subheader("Your progress")
    steps = progress(draft, situation_answered=bool(session.answers()))
    lines = []
    for step in widgets.STEPS[1:]:
        status = steps[step.name]
        mark = ":material/check_circle:" if status.done else ":material/radio_button_unchecked:"
        missing = "".join(f"  \n:gray[{line}]" for line in status.missing)
        lines.append(f"{mark} **{step.title}** ({status.status}){missing}")
    st.markdown("\n\n".join(lines))  # one element, not one per step: every rerun draws it
    widgets.deadline_notice(draft)
    widgets.download(
        "Save your draft to a file",
        lambda: draft_to_json(draft),
        file_name(draft, "json"),
        key="sidebar_save_draft",
        help="Everything you have typed, in a file you can load again on the Start page.",
    )
    st.caption(size_note())
    st.caption(
        "Your typing is saved when you leave a box, or press Enter (Ctrl+Enter in a large box)."
        " If you try to close or reload the page before that, your browser asks first."
    )

st.html(  # on a phone, show a chosen reason's whole title rather than cut it short; the
    # preview's Edit buttons show their pencil, their label (naming what each edits) is for
    # screen readers, as it would crowd the letter beside it
    "<style>.st-key-letter_preview [class*='st-key-edit_'] button p {position: absolute;"
    " width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;}"
    " @media (max-width: 640px) {"
    " .stMultiSelect [data-baseweb='tag'] {max-width: 100%; height: auto;}"
    " .stMultiSelect [data-baseweb='tag'] span {white-space: normal; overflow: visible;}"
    " [data-baseweb='popover'] li {white-space: normal;}}</style>"
)
# The browser's own "Leave page?" question while a box holds unsaved typing: our own script,
# run in the page itself (st.html is not an iframe and runs scripts when told to, as documented).
st.html(widgets.UNSAVED_TYPING_SCRIPT, unsafe_allow_javascript=True)

session.show_notices()
session.show_save_status()
_way_back.show_new_link(page.url_path)
_way_back.remember_on_this_device()
page.run()
session.notices_done()
session.warm_up_server()

with st.sidebar:  # on every page, out of the way of the steps
    st.divider()
    st.caption(
        "The reasons in this app are based on "
        + show.escape(session.catalogue().paper.citation)
        + ", written in our own words."
    )
