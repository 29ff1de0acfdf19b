"""Nothing typed is lost: autosave under the id in the URL, two tabs, deletion, and a store
that cannot save. Each AppTest is one browser tab; a new AppTest with the same URL is a refresh,
a closed tab reopened, or a restarted server (the store is a file, read afresh)."""

import subprocess
from contextlib import contextmanager

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from app_pages.session import MAX_DRAFTS_PER_SESSION
from drafting import draft_to_json
from drafting.model.progress import draft_size_note
from drafting.store import DraftStore, is_draft_id
from tests.helpers import (
    PAYLOADS,
    edit_block,
    go,
    link_of,
    open_tab,
    preview,
    texts,
    type_an_example,
)


@contextmanager
def unwritable(path):
    subprocess.run(["chattr", "+i", str(path)], check=True)
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def no_reasons_ticked(at: AppTest) -> bool:
    """On Choose reasons: are reasons listed, and none of them ticked?"""
    boxes = [c for c in at.checkbox if (c.key or "").startswith("reason_")]
    return bool(boxes) and not any(c.value for c in boxes)


def named(at: AppTest, name: str = "Hillside Lunch Club") -> AppTest:
    """Type the group's name on About you: the draft's first real change."""
    go(at, "details").text_input(key="group_name").input(name).run()
    return at


def test_a_new_response_gets_an_unguessable_link_at_its_first_change():
    before = DraftStore().count()
    visits = [open_tab() for _ in range(5)]
    assert "draft" not in visits[0].query_params  # a visit alone stores nothing (issue 12)
    assert DraftStore().count() == before
    first, second = named(visits[0]), named(visits[1])
    assert is_draft_id(link_of(first)) and link_of(second) != link_of(first)
    assert DraftStore().count() == before + 2


def test_one_session_may_store_only_so_many_new_drafts():
    at = named(open_tab())
    for n in range(MAX_DRAFTS_PER_SESSION):
        go(at, "start")
        at.button(key="start_new").click().run()
        at.button(key="start_new_yes").click().run()
        named(at, f"Group {n}")
    assert "already started 20 new drafts" in texts(at.warning)
    assert "draft" not in at.query_params
    go(at, "details")  # still on screen
    assert at.text_input(key="group_name").value == f"Group {MAX_DRAFTS_PER_SESSION - 1}"


def test_an_example_typed_is_there_after_a_refresh_on_any_page():
    at = type_an_example(open_tab(), "Our lunch club lost its grant in May.")
    link = link_of(at)
    for page in ("examples", "letter"):
        again = open_tab(link, page)
        assert not again.exception
        shown = preview(again) if page == "letter" else again.text_area(key="example_20").value
        assert "Our lunch club lost its grant in May." in shown
    assert open_tab(link, "examples").text_area(key="example_20").value == (
        "Our lunch club lost its grant in May."
    )


def test_the_link_survives_moving_between_pages():
    at = named(open_tab())
    link = link_of(at)
    go(at, "details")
    assert link_of(at) == link


@pytest.mark.parametrize("link", ["A" * 32, "not-a-draft", "../../etc/passwd", "' OR 1=1 --"])
def test_an_unknown_or_malformed_link_gives_a_message_and_a_fresh_draft(link):
    someone_else = type_an_example(open_tab(), "Someone else's example.")
    at = open_tab(link)
    assert "There is no draft at this link" in texts(at.warning)
    assert "draft" not in at.query_params  # a new link only at its first change
    assert no_reasons_ticked(go(at, "reasons"))
    assert DraftStore().load(link_of(someone_else)) is not None


def test_a_stale_tab_asks_before_overwriting_a_newer_save():
    first = named(open_tab())
    link = link_of(first)
    second = open_tab(link, "details")
    go(first, "details")
    first.text_input(key="group_name").input("Saved in the first tab").run()
    second.text_input(key="group_name").input("Typed in the second tab").run()
    assert "changed in another tab" in texts(second.warning)
    assert DraftStore().load(link).draft.group.name == "Saved in the first tab"

    second.button(key="conflict_this").click().run()
    assert DraftStore().load(link).draft.group.name == "Typed in the second tab"
    first.text_input(key="group_name").input("First tab again").run()
    assert "changed in another tab" in texts(first.warning)
    first.button(key="conflict_newer").click().run()
    assert first.text_input(key="group_name").value == "Typed in the second tab"
    assert open_tab(link, "details").text_input(key="group_name").value == (
        "Typed in the second tab"
    )


def test_two_tabs_that_changed_different_fields_can_keep_both():
    """Choosing one whole version once lost the other tab's change to another field (issue
    12): where the two touch different fields, the app offers to keep both."""
    first = named(open_tab())
    link = link_of(first)
    second = open_tab(link, "details")
    first.text_input(key="group_name").input("Named in the first tab").run()
    second.text_input(key="consultation_title").input("Titled in the second tab").run()
    assert "you can keep both" in texts(second.warning)
    second.button(key="conflict_both").click().run()
    stored = DraftStore().load(link).draft
    assert (stored.group.name, stored.consultation.title) == (
        "Named in the first tab",
        "Titled in the second tab",
    )
    assert second.text_input(key="group_name").value == "Named in the first tab"
    assert "Kept both" in texts(second.success)
    second.text_input(key="group_email").input("both@example.org").run()  # saving again
    assert DraftStore().load(link).draft.group.email == "both@example.org"


def test_two_tabs_that_changed_the_same_field_choose_one():
    first = named(open_tab())
    link = link_of(first)
    second = open_tab(link, "details")
    first.text_input(key="group_name").input("First").run()
    second.text_input(key="group_name").input("Second").run()
    assert "Which version do you want to keep?" in texts(second.warning)
    assert not [b for b in second.button if b.key == "conflict_both"]


def test_starting_a_new_response_keeps_the_old_one_at_its_link():
    at = type_an_example(open_tab(), "Keep me.")
    old = link_of(at)
    go(at, "start")
    at.button(key="start_new").click().run()
    at.button(key="start_new_yes").click().run()
    assert "draft" not in at.query_params
    assert no_reasons_ticked(go(at, "reasons"))
    assert open_tab(old, "examples").text_area(key="example_20").value == "Keep me."


def test_deleting_a_draft_removes_it_after_a_confirmation():
    at = type_an_example(open_tab(), "Delete me.")
    link = link_of(at)
    go(at, "start")
    at.button(key="start_delete").click().run()
    assert DraftStore().load(link) is not None  # only asked so far
    at.button(key="start_delete_yes").click().run()
    assert DraftStore().load(link) is None
    assert "draft" not in at.query_params
    assert "There is no draft at this link" in texts(open_tab(link).warning)


def test_a_store_that_cannot_save_warns_and_keeps_what_is_on_screen():
    at = named(open_tab())
    link = link_of(at)
    with unwritable(DraftStore().path):
        at.text_input(key="group_name").input("Typed while the disk is read-only").run()
        assert not at.exception
        assert texts(at.warning).count("Saving has stopped") == 1
        go(at, "details")  # still on screen after a rerun
        assert at.text_input(key="group_name").value == "Typed while the disk is read-only"
    at.text_input(key="group_name").input("Typed after").run()
    assert "Saving has stopped" not in texts(at.warning)
    assert DraftStore().load(link).draft.group.name == "Typed after"


def test_situation_answers_set_aside_examples_and_letter_edits_are_saved_too():
    at = type_an_example(open_tab(), "An example to set aside.")
    link = link_of(at)
    go(at, "situation")
    stance = ("situation_position", "situation_stage")  # where the group stands comes first
    question = next(r for r in at.radio if r.key not in stance)
    question.set_value("yes").run()
    go(at, "reasons")
    at.checkbox(key="reason_20").uncheck().run()
    at.checkbox(key="reason_2").check().run()
    edit_block(go(at, "letter"), "closing", lambda _: "My own closing words.")
    stored = DraftStore().load(link).draft
    assert list(stored.situation.values()) == ["yes"]
    assert stored.set_aside[0].example == "An example to set aside."
    assert [(e.block, e.text) for e in stored.edits] == [("closing", "My own closing words.")]
    assert "My own closing words." in preview(open_tab(link, "letter"))


def test_an_oversized_upload_is_refused_and_changes_nothing():
    at = type_an_example(open_tab(), "Still here.")
    go(at, "start")
    big = b'{"schema": "response-builder/draft@1", "context": "' + b"x" * 3_000_000 + b'"}'
    at.file_uploader(key="start_upload").set_value(("big.json", big, "application/json")).run()
    assert "the limit is 3 MB" in at.error[0].value
    assert go(at, "examples").text_area(key="example_20").value == "Still here."


@pytest.mark.parametrize("name", PAYLOADS, ids=list(PAYLOADS))
def test_a_hostile_payload_is_saved_and_shown_exactly_as_typed(name):
    payload = PAYLOADS[name]
    at = type_an_example(open_tab(), payload)
    again = open_tab(link_of(at), "letter")
    assert DraftStore().load(link_of(at)).draft.reasons[0].example == payload
    # The letter trims white space at the very end of a paragraph (here a vertical tab).
    again.button(key="edit_reason-20-example").click().run()
    assert payload.strip() in again.text_area(key="edit_text_reason-20-example").value
    assert not again.exception


def test_a_corrupt_store_is_put_aside_and_the_app_keeps_working(tmp_path, monkeypatch):
    (tmp_path / "drafts.sqlite3").write_bytes(b"not a database at all" * 50)
    monkeypatch.setenv("RESPONSE_BUILDER_DATA", str(tmp_path))
    st.cache_resource.clear()
    try:
        at = type_an_example(open_tab(), "Saved in the fresh store.")
        assert "could not be read, so it was put aside" in texts(at.warning)
        assert any(p.name.startswith("drafts.sqlite3.unreadable-") for p in tmp_path.iterdir())
        assert DraftStore(tmp_path).load(link_of(at)).draft.reasons[0].example == (
            "Saved in the fresh store."
        )
    finally:
        st.cache_resource.clear()


@pytest.mark.parametrize("damage", ["overwritten", "truncated to nothing"])
def test_a_store_damaged_while_running_is_replaced_and_keeps_what_is_on_screen(
    tmp_path, monkeypatch, damage
):
    """Once a traceback for every visitor until a restart (issue 12): now the next save puts
    the damaged file aside, says so, and saves what is on screen under a new link."""
    monkeypatch.setenv("RESPONSE_BUILDER_DATA", str(tmp_path))
    st.cache_resource.clear()
    try:
        at = named(open_tab())
        old = link_of(at)
        store_file = tmp_path / "drafts.sqlite3"
        store_file.write_bytes(b"garbage" * 100 if damage == "overwritten" else b"")
        at.text_input(key="group_name").input("Typed after the damage").run()
        assert not at.exception
        assert "damaged while the app was running" in texts(at.warning)
        assert link_of(at) != old
        assert DraftStore(tmp_path).load(link_of(at)).draft.group.name == ("Typed after the damage")
        assert len(list(tmp_path.glob("drafts.sqlite3.unreadable-*"))) == 1
        visitor = open_tab(old)  # another visitor, with the old link: a message, no traceback
        assert not visitor.exception
        assert "There is no draft at this link" in texts(visitor.warning)
    finally:
        st.cache_resource.clear()


@pytest.mark.parametrize(("days", "said"), [("", "a year"), ("90", "90 days")])
def test_the_start_page_says_how_long_drafts_are_kept(monkeypatch, days, said):
    monkeypatch.setenv("RESPONSE_BUILDER_KEEP_DAYS", days)
    st.cache_resource.clear()
    try:
        shown = texts(open_tab().markdown)
    finally:
        st.cache_resource.clear()
    assert f"A draft is kept on this server for {said} after its last change, then deleted." in (
        shown
    )


def test_a_tab_is_not_taken_for_another_when_an_overlapping_run_lost_its_revision():
    """Two runs of one tab can overlap (a click while the script runs): if one of them keeps an
    older revision number, the tab's next save must not be mistaken for another tab's."""
    at = open_tab(page="details")
    at.text_input(key="group_name").input("First save").run()
    link = link_of(at)  # a draft is stored, and linked, from its first change
    saved = at.session_state["revision"]
    at.session_state["revision"] = saved - 1  # as an overlapping run may leave it
    at.text_input(key="group_name").input("Second save").run()
    assert "changed in another tab" not in texts(at.warning)
    assert DraftStore().load(link).draft.group.name == "Second save"


def test_the_draft_size_in_the_sidebar_follows_each_change():
    def stored(at: AppTest):
        return DraftStore().load(link_of(at)).draft

    def size(at: AppTest) -> str:
        return next(c.value for c in at.sidebar.caption if c.value.startswith("Draft size:"))

    at = open_tab()
    assert size(at) == "Draft size: 1 kB of 3,000 kB."
    type_an_example(at, "x" * 2400)
    assert size(at) == draft_size_note(draft_to_json(stored(at))) == "Draft size: 3 kB of 3,000 kB."
    at.text_area(key="example_20").input("x" * 6400).run()
    assert size(at) == draft_size_note(draft_to_json(stored(at))) == "Draft size: 7 kB of 3,000 kB."
