"""The app on PostgreSQL (RESPONSE_BUILDER_DATABASE_URL), under AppTest: typing is saved there;
while the database server is down the app says saving has stopped and keeps what is on screen;
when it is back, saving resumes, even for a server that started while it was down."""

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from drafting.store import DATABASE_ENV, DraftStore

APP = Path(__file__).resolve().parents[1] / "app.py"


@pytest.fixture
def on_postgres(postgres_url, monkeypatch):
    """The app's store on a new PostgreSQL database (the store is opened afresh)."""
    monkeypatch.setenv(DATABASE_ENV, postgres_url)
    st.cache_resource.clear()
    yield postgres_url
    st.cache_resource.clear()  # closes the app's store and its connections


def type_name(at: AppTest, name: str) -> AppTest:
    at.text_input(key="group_name").input(name).run()
    assert not at.exception
    return at


def about_you() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=30).run()
    return at.switch_page("app_pages/details.py").run()


def stored_name(url: str, draft_id: str) -> str:
    with DraftStore(url=url) as store:
        return store.load(draft_id).draft.group.name


def warnings(at: AppTest) -> str:
    return "\n".join(w.value for w in at.warning)


def test_saving_stops_while_the_database_is_down_and_resumes_after(postgres, on_postgres):
    at = type_name(about_you(), "Hillside Lunch Club")
    draft_id = at.query_params["draft"]
    draft_id = draft_id[0] if isinstance(draft_id, list) else draft_id
    assert stored_name(on_postgres, draft_id) == "Hillside Lunch Club"

    postgres.stop(remove=False)
    try:
        type_name(at, "Typed while the database is down")
        assert "Saving has stopped: the database server cannot be reached" in warnings(at)
        assert "127.0.0.1" not in warnings(at) and str(postgres.port) not in warnings(at)
        assert at.text_input(key="group_name").value == "Typed while the database is down"
    finally:
        postgres.start_again()

    type_name(at, "Typed once it was back")
    assert "Saving has stopped" not in warnings(at)
    assert stored_name(on_postgres, draft_id) == "Typed once it was back"


def test_a_server_started_while_the_database_is_down_saves_once_it_is_back(postgres, on_postgres):
    postgres.stop(remove=False)
    try:
        at = about_you()
        assert "Your work cannot be saved on this server" in warnings(at)
        assert "Cannot open the database that keeps drafts" in warnings(at)
        assert "postgresql://" not in warnings(at) and str(postgres.port) not in warnings(at)
    finally:
        postgres.start_again()
    type_name(at, "Typed once it was back")
    assert "cannot be saved" not in warnings(at)
    draft_id = at.query_params["draft"]
    draft_id = draft_id[0] if isinstance(draft_id, list) else draft_id
    assert stored_name(on_postgres, draft_id) == "Typed once it was back"
