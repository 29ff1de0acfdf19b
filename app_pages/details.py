"""About you and the consultation: who writes, to whom, what you ask for, who else signs."""

import datetime as dt
from functools import partial

import streamlit as st

from app_pages import session, show, widgets
from drafting import CoSignatory, Draft, file_name
from drafting.letter.asks import MOST_ASKS, stance_conflicts
from drafting.model.deadline import reminder_time
from drafting.model.draft import FIRST_YEAR, LAST_YEAR, SHORT_TEXT
from drafting.model.profile import profile_file_name, profile_to_json
from drafting.model.wording import long_date
from drafting.output.ics import draft_deadline_ics

widgets.step_title("details")
draft = session.get_draft()
group, consultation = draft.group, draft.consultation
limits = {name: widgets.field_limit(Draft, name) for name in ("asks", "co_signatories", "copy_to")}

st.header("Your group")
left, right = st.columns(2)
with left:
    widgets.text_field("Your group's name", group, "name", "group_name")
    widgets.text_field("Who signs the letter", group, "signatory", "group_signatory")
with right:
    widgets.text_field("Email", group, "email", "group_email")
    widgets.text_field(
        "Role of the person who signs",
        group,
        "role",
        "group_role",
        placeholder="For example: Chair",
    )
widgets.text_field(
    "About your group",
    group,
    "about",
    "group_about",
    area=True,
    help="Why you know what you are talking about.",
    placeholder="What you do, for whom, since when, and how many people: for example, "
    "'A volunteer-run café and drop-in since 2011, serving about 90 people a week.'",
)
with st.expander("Address, phone and registration (optional)", expanded=bool(group.address)):
    widgets.text_field("Your group's address", group, "address", "group_address", area=True)
    left, right = st.columns(2)
    with left:
        widgets.text_field("Phone (optional)", group, "phone", "group_phone")
    with right:
        widgets.text_field(
            "Registration (optional)",
            group,
            "registration",
            "group_registration",
            help="For example: Registered charity 1234567.",
        )
    widgets.download(
        "Save your group's details as a profile",
        lambda: profile_to_json(group),
        profile_file_name(group),
        key="details_profile",
        disabled=not group.name.strip(),
        help="A small file with your group's name, address and who signs. Next time, load it"
        " on the Start page so nobody types these again.",
    )

st.header("The consultation")
left, right = st.columns(2)
with left:
    widgets.text_field(
        "Who is consulting",
        consultation,
        "body",
        "consultation_body",
        placeholder="For example: Hillside District Council",
    )
with right:
    widgets.text_field("Title of the consultation", consultation, "title", "consultation_title")

RESPONSE_METHODS = {
    "email": "By email",
    "letter": "By post",
    "survey": "An online survey",
    "form": "A form to fill in",
}
widgets.bound(
    st.radio,
    "How does the consultation take responses?",
    "consultation_response_method",
    consultation.response_method or None,
    lambda method: setattr(consultation, "response_method", method or ""),
    options=list(RESPONSE_METHODS),
    format_func=RESPONSE_METHODS.get,
    index=None,
    horizontal=True,
    help="Look for 'How to respond' in the consultation document. For a survey, the letter"
    " page gives each answer on its own, ready to paste under the survey's questions.",
)

with st.expander(
    "Reference, contact, service and postal address (optional)",
    expanded=bool(consultation.reference or consultation.recipient_address),
):
    left, right = st.columns(2)
    with left:
        widgets.text_field(
            "Reference (if it has one)", consultation, "reference", "consultation_reference"
        )
        widgets.text_field(
            "Send it to",
            consultation,
            "recipient",
            "consultation_recipient",
            help="The named contact or team in the consultation document.",
            placeholder="For example: Commissioning Team",
        )
    with right:
        widgets.text_field(
            "The service it is about",
            consultation,
            "service",
            "consultation_service",
            placeholder="For example: community support",
        )
        widgets.text_field(
            "Postal address for responses (if they take letters)",
            consultation,
            "recipient_address",
            "consultation_address",
            area=True,
            height=68,
        )
        widgets.text_field(
            "How to respond (the e-mail, postal address or survey link it gives)",
            consultation,
            "respond_to",
            "consultation_respond_to",
            area=True,
            height=68,
        )


def set_date(attr: str, day: dt.date | None) -> None:
    setattr(consultation, attr, day.isoformat() if day else "")


def set_no_closing_date(none: bool) -> None:
    consultation.no_closing_date = none
    if none:
        consultation.closes = ""


left, right = st.columns(2)
dates = [(left, "opens", consultation.opening_date, "Opened on (optional)", "consultation_opens")]
if not consultation.no_closing_date:
    dates.append(
        (right, "closes", consultation.closing_date, "Closing date", "consultation_closes")
    )
for column, attr, day, label, key in dates:
    with column:
        widgets.bound(
            st.date_input,
            label,
            key,
            day,
            partial(set_date, attr),
            value=None,
            format="DD/MM/YYYY",
            min_value=dt.date(FIRST_YEAR, 1, 1),
            max_value=dt.date(LAST_YEAR, 12, 31),
            help="The opening date lets the app check whether you were given enough time."
            if attr == "opens"
            else None,
        )
widgets.bound(
    st.checkbox,
    "It has no closing date (for example, an engagement that stays open)",
    "consultation_no_closing_date",
    consultation.no_closing_date,
    set_no_closing_date,
    help="Tick this if the consultation gives no closing date: the app stops asking for one.",
)
widgets.deadline_notice(draft)
if consultation.closing_date:
    widgets.download(
        "Add the closing date to your calendar (.ics)",
        lambda: draft_deadline_ics(
            draft, stamp=dt.datetime.now(dt.UTC), uid_seed=session.draft_id() or ""
        ),
        file_name(draft, "ics", kind="deadline"),
        key="details_calendar",
        help="A calendar file for Outlook, Google or Apple calendars: the closing date, with a"
        f" reminder at 9am on {long_date(reminder_time(consultation.closing_date).date())},"
        " three days before.",
    )

# The panel's label and starting state stay the same all session: a change to either would
# make it a new panel, closed, after each choice made inside it.
with st.expander(
    "Where you stand",
    expanded=st.session_state.setdefault(
        "stance_open",
        not (draft.position and draft.stage)
        or bool(draft.summary or draft.agree or draft.alternatives),
    ),
    key="stance_panel",
):
    widgets.stance(
        draft,
        st.selectbox,
        placeholder="Not chosen yet",
        help="Your letter states no position until you choose, and its opening follows how far"
        " the process has gone.",
    )
    widgets.text_field(
        "In one sentence (optional)",
        draft,
        "summary",
        "summary",
        placeholder="For example: Fund neighbourhood groups directly, not through one contract.",
    )
    widgets.text_field(
        "Where you agree (optional)",
        draft,
        "agree",
        "agree",
        area=True,
        height=68,
        help="Saying what you agree with shows you have read the proposal fairly.",
    )
    alternatives = session.catalogue().alternatives
    widgets.bound(
        st.multiselect,
        "What you propose (optional)",
        "alternatives",
        [a for a in draft.alternatives if a in {x.id for x in alternatives}],
        lambda chosen: setattr(draft, "alternatives", list(chosen)),
        options=[a.id for a in alternatives],
        format_func={a.id: a.title for a in alternatives}.get,
        help="Direct award under the Provider Selection Regime appears in the letter only when the"
        " NHS, or a health care service, is consulting.",
    )
    conflicts = stance_conflicts(draft, {a.id: a.title for a in alternatives})
    for where, conflict in conflicts:
        if where == "alternatives":
            st.warning(show.escape(conflict))

st.header("What you ask for")
st.caption("What the decision-makers should do, one request at a time.")


ASK_EXAMPLE = "For example: Keep the current grants for at least two more years."


def text_item(items: list[str], key: str, label: str, index: int, *, area: bool = False) -> None:
    widgets.bound(
        st.text_area if area else st.text_input,
        f"{label} {index + 1}",
        f"{key}_{index}",
        items[index],
        partial(items.__setitem__, index),
        max_chars=SHORT_TEXT,
        **({"height": 68, "placeholder": ASK_EXAMPLE} if area else {}),
    )


widgets.item_list(
    draft.asks,
    "asks",
    partial(text_item, draft.asks, "asks", "Request", area=True),  # a request runs long
    new=str,
    add_label="Add a request",
    limit=limits["asks"],
)
for where, conflict in conflicts:
    if where == "asks":
        st.warning(show.escape(conflict))
if (typed := sum(1 for a in draft.asks if a.strip())) > MOST_ASKS:
    st.info(
        f"You have {typed} requests. An officer acts on a short list: your letter keeps all of"
        f" yours, but at most {MOST_ASKS} read best. Could two of them be one?"
    )


def co_signatory(index: int) -> None:
    person = draft.co_signatories[index]
    columns = st.columns(3)
    for column, attr, label in zip(
        columns, ("group", "name", "role"), ("Group", "Name", "Role"), strict=True
    ):
        with column:
            widgets.text_field(label, person, attr, f"cosign_{index}_{attr}")


with st.expander("Other groups signing with you", expanded=bool(draft.co_signatories)):
    st.caption(
        "A joint response from several groups carries more weight. Each is listed under your"
        " signature."
    )
    widgets.item_list(
        draft.co_signatories,
        "cosign",
        co_signatory,
        new=CoSignatory,
        add_label="Add a group that signs",
        limit=limits["co_signatories"],
    )

with st.expander("Who to copy in", expanded=bool(draft.copy_to)):
    st.caption(
        "Send a copy to the people who can act on it: for a council, the cabinet member for the"
        " service, the chair of the scrutiny committee (the councillors who check decisions)"
        " and your ward councillors; for the NHS, the board of the integrated care board (ICB)"
        " and your local Healthwatch."
    )
    widgets.item_list(
        draft.copy_to,
        "copy",
        partial(text_item, draft.copy_to, "copy", "Copy to"),
        new=str,
        add_label="Add someone to copy in",
        limit=limits["copy_to"],
    )

widgets.nav_buttons("details", skip_to="letter")  # the next step is optional
