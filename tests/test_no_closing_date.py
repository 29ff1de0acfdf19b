"""A consultation with no closing date (a rolling engagement): the group says so once, and the
sidebar, About you and the downloads stop asking for one; old drafts load as they were."""

import datetime as dt

import pytest

from drafting import Draft, draft_to_json, parse_draft
from drafting.model.draft import DraftError
from drafting.model.progress import progress
from tests.helpers import open_app, saved, texts

ASKING = "Add the consultation's closing date to see how long you have."


def test_the_flag_round_trips_and_an_old_draft_loads_without_it():
    draft = Draft()
    assert "no_closing_date" not in draft_to_json(draft)  # old drafts and new ones alike
    draft.consultation.no_closing_date = True
    assert parse_draft(draft_to_json(draft)).consultation.no_closing_date is True


def test_the_flag_must_be_true_or_false():
    text = draft_to_json(Draft()).replace(
        '"consultation": {', '"consultation": {"no_closing_date": "yes", ', 1
    )
    with pytest.raises(DraftError, match="no_closing_date should be true or false"):
        parse_draft(text)


def test_progress_stops_asking_for_a_closing_date():
    draft = Draft()
    assert "Add the closing date" in progress(draft, situation_answered=False)["details"].missing
    draft.consultation.no_closing_date = True
    assert (
        "Add the closing date" not in progress(draft, situation_answered=False)["details"].missing
    )


def test_ticking_no_closing_date_on_about_you_stops_the_app_asking():
    draft = Draft()
    draft.consultation.closes = "2027-01-31"
    at = open_app(draft, "details")
    assert at.date_input(key="consultation_closes").value == dt.date(2027, 1, 31)
    at.checkbox(key="consultation_no_closing_date").check().run()
    assert not at.exception
    assert "consultation_closes" not in [d.key for d in at.date_input]
    assert ASKING not in texts(at.info) + texts(at.sidebar.info)
    assert "Add the closing date" not in at.sidebar.markdown[0].value
    stored = saved(at).consultation
    assert (stored.no_closing_date, stored.closes) == (True, "")
    for page in ("letter", "questions"):
        at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception
        assert ASKING not in texts(at.info) + texts(at.sidebar.info)


def test_without_the_tick_the_app_still_asks():
    at = open_app(Draft(), "details")
    assert ASKING in texts(at.info)
