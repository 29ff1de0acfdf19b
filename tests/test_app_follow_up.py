"""Under AppTest: national evidence, the deadline and its calendar file, the covering email and
the letter to councillors, the own-words measure, and the group profile."""

import copy
import datetime as dt
import io
import json
import re

import docx

from drafting import ChosenReason, CoSignatory, Draft, parse_draft
from drafting.model.profile import profile_to_json
from tests.helpers import (
    edit_block,
    go,
    link_of,
    open_app,
    open_tab,
    preview,
    saved,
    show,
    texts,
    type_an_example,
)


def shown_text(elements) -> str:
    """Markdown as the reader sees it, its backslash escapes undone."""
    return re.sub(r"\\(.)", r"\1", texts(elements))


def own_words_percent(at) -> int:
    said = next(e.value for e in [*at.markdown, *at.info] if "in your own words" in e.value)
    return int(re.search(r"About (\d+)%", said).group(1))


# National evidence.
def test_ticking_the_evidence_on_the_examples_page_puts_it_and_its_sources_in_the_letter(
    app_sample, catalogue
):
    at = open_app(app_sample, "examples")
    assert at.checkbox(key="evidence_20").value is False
    at.checkbox(key="evidence_20").check().run()
    assert saved(at).evidence == [20]
    go(at, "letter")
    shown = preview(at)
    for evidence in catalogue.reason(20).evidence:
        assert evidence.text in shown and evidence.citation in shown
    assert "Sources" in shown


def test_the_reasons_page_offers_the_evidence_of_chosen_reasons_only(app_sample, catalogue):
    at = open_app(app_sample, "reasons")
    assert "Local evidence that makes it count" not in shown_text(at.markdown)  # none chosen
    at.selectbox(key="reasons_read").select(14).run()  # not chosen: read, but no choice
    assert catalogue.reason(14).evidence[0].citation in shown_text(at.markdown)
    assert "reason_evidence_14" not in [c.key for c in at.checkbox]
    at.selectbox(key="reasons_read").select(20).run()  # chosen, with evidence
    assert "Local evidence that makes it count" in shown_text(at.markdown)
    at.checkbox(key="reason_evidence_20").check().run()
    go(at, "examples")
    assert at.checkbox(key="evidence_20").value is True
    assert "NCVO, UK Civil Society Almanac 2024 (2024)" in shown_text(at.markdown)


def test_a_reason_without_national_evidence_offers_none(catalogue):
    at = open_app(Draft(reasons=[ChosenReason(4)]), "examples")
    assert not catalogue.reason(4).evidence
    assert "evidence_4" not in [c.key for c in at.checkbox]


# Deadlines.
def test_the_details_page_counts_down_and_offers_a_calendar_file(app_sample, downloads):
    app_sample.consultation.closes = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    at = open_app(app_sample, "details")
    assert "closes in 10 days" in texts(at.main.info)
    at.date_input(key="consultation_opens").set_value(dt.date.today() - dt.timedelta(days=20))
    at.run()
    assert saved(at).consultation.opens == (dt.date.today() - dt.timedelta(20)).isoformat()
    name, ics = downloads(at)["details_calendar"]
    assert name.startswith("deadline-proposals-to-commission") and name.endswith(".ics")
    text = ics.decode("utf-8")
    closes = dt.date.today() + dt.timedelta(days=10)
    assert f"DTSTART;VALUE=DATE:{closes:%Y%m%d}" in text and "TRIGGER:-P2DT15H" in text


def test_without_a_closing_date_there_is_no_calendar_file():
    at = open_app(page="details")
    assert "details_calendar" not in [b.key for b in at.get("download_button")]
    assert "Add the consultation's closing date" in texts(at.main.info)


def test_the_letter_page_warns_when_the_consultation_has_closed(app_sample):
    app_sample.consultation.closes = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    at = open_app(app_sample, "letter")
    assert "closed 1 day ago" in texts(at.main.warning)
    assert "still accept your response" in texts(at.main.warning)


# Joint and follow-up.
def test_the_covering_email_names_who_signs_and_who_is_copied_in(app_sample):
    app_sample.co_signatories = [CoSignatory("Hillside Tenants", "Sam Okafor", "Chair")]
    app_sample.copy_to = ["Cllr Jane Doe"]
    at = show(open_app(app_sample, "letter"), "email")
    (email,) = at.code
    assert email.value.startswith("Subject: Response to Proposals")
    assert "signed with us by Hillside Tenants" in email.value
    assert "- Cllr Jane Doe" in email.value
    shown = preview(show(at, "preview"))
    assert "Also signed by" in shown and "Sam Okafor, Chair, Hillside Tenants" in shown


def test_a_letter_to_councillors_comes_from_the_same_draft(app_sample, downloads):
    at = open_app(app_sample, "letter")
    name, word = downloads(at)["download_councillors"]
    assert name.startswith("councillors-") and name.endswith(".docx")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(word)).paragraphs)
    assert "Dear Councillor," in text and app_sample.reasons[1].example in text
    at.radio(key="letter_template").set_value("councillors").run()
    assert "download_councillors" not in [b.key for b in at.get("download_button")]


# In our own words.
def test_the_own_words_share_is_shown_and_nudges_when_low(catalogue):
    draft = Draft(reasons=[ChosenReason(2), ChosenReason(20)])
    at = open_app(draft, "letter")
    nudge = texts(at.info)
    assert "About 0% of this letter is in your own words." in nudge
    assert "count them as one" in nudge and "2 of your reasons have no local example" in nudge
    example = " ".join(["Our lunch club closed in May after forty years."] * 30)
    go(at, "examples").text_area(key="example_2").input(example).run()
    go(at, "letter")
    assert "count them as one" not in texts(at.info)
    assert "of this letter is in your own words" in texts(at.markdown)


def test_words_added_in_an_edit_count_as_the_groups_own(app_sample):
    at = open_app(app_sample, "letter")
    before = own_words_percent(at)
    edit_block(at, "closing", lambda text: text + " We run a lunch club." * 60)
    assert own_words_percent(at) > before + 20


# A group profile.
def test_the_groups_details_save_as_a_profile_and_start_the_next_response(app_sample, downloads):
    at = open_app(app_sample, "details")
    name, profile = downloads(at)["details_profile"]
    assert name == "profile-hillside-community-cafe.json"
    assert json.loads(profile)["group"]["address"] == "3 Station Road, Hillside HS1 4AB"

    fresh = open_app()
    fresh.file_uploader(key="start_profile").set_value((name, profile, "application/json"))
    fresh.run()
    assert "Filled in Hillside Community Café's details" in fresh.success[0].value
    assert saved(fresh).group == app_sample.group and saved(fresh).reasons == []
    go(fresh, "details")
    assert fresh.text_area(key="group_address").value == "3 Station Road, Hillside HS1 4AB"


def test_a_profile_loaded_over_a_response_starts_a_new_one_and_keeps_the_old(app_sample):
    at = type_an_example(open_tab(), "Our lunch club lost its grant.")
    old_link = link_of(at)
    go(at, "start")
    profile = profile_to_json(app_sample.group).encode()
    at.file_uploader(key="start_profile").set_value(("p.json", profile, "application/json"))
    at.run()
    assert saved(at).group == app_sample.group and saved(at).reasons == []
    assert f"`?draft={old_link}`" in at.success[0].value
    assert link_of(at) != old_link
    assert open_tab(old_link, "examples").text_area(key="example_20").value == (
        "Our lunch club lost its grant."
    )


def test_a_file_that_is_not_a_profile_changes_nothing(app_sample, downloads):
    before = copy.deepcopy(app_sample)
    at = open_app(app_sample)
    at.file_uploader(key="start_profile").set_value(("x.json", b"[1, 2]", "application/json"))
    at.run()
    assert "as a group profile" in at.error[0].value and "Nothing has changed" in at.error[0].value
    go(at, "letter")  # the draft file downloaded now is the draft from before
    assert parse_draft(downloads(at)["download_json"][1]) == before


def test_the_profile_button_waits_for_a_group_name():
    at = open_app(page="details")
    assert next(b for b in at.get("download_button") if b.key == "details_profile").disabled
