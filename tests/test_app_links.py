"""The links' pages under AppTest: the story, comment and sign-on pages (each its link's job
and nothing else, no navigation, no draft id, never the draft in the session), and the
coordinator's side: making and closing links, the story inbox on Local examples, comments
beside their part and sign-ons on Your letter."""

import datetime as dt
import re

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from drafting import ChosenReason, Draft
from drafting.model.draft import Comment, CoSignatory, Story
from drafting.store import DATABASE_ENV, DraftStore, configured_url
from drafting.store.links import PER_HOUR, Links
from tests.helpers import APP, go, open_app, saved, texts


@pytest.fixture
def stored():
    """A stored draft with two reasons, and the Links of the app's own store."""
    draft = Draft(reasons=[ChosenReason(20, "The lunch club lost its hall."), ChosenReason(2)])
    draft.group.name = "Friday Club"
    draft.consultation.title = "Day services review"
    with DraftStore() as store:
        draft_id, _ = store.create(draft)
        yield draft_id, Links(store)


def visit(kind: str, link_id: str) -> AppTest:
    """Open the app at a story, comment or sign-on link, as its holder would."""
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params[kind] = link_id
    return at.run()


def everything_shown(at: AppTest) -> str:
    """Every piece of text the page sent, widget labels and values included."""
    parts = [repr(e.proto) for e in at.main] + [repr(e.proto) for e in at.sidebar]
    return "\n".join(parts)


def nothing_of_the_draft(at: AppTest, draft_id: str) -> None:
    assert not at.exception
    assert "draft" not in at.session_state
    assert draft_id not in everything_shown(at) and "draft" not in at.query_params
    assert len(at.sidebar) == 0  # no navigation, no progress panel


def test_a_story_link_page_asks_for_a_story_and_sends_it(stored):
    draft_id, links = stored
    link = links.make(draft_id, "story", "What would you lose if the Friday club closed?")
    at = visit("story", link)
    nothing_of_the_draft(at, draft_id)
    assert at.title[0].value == "Share your story"
    assert (
        "**Friday Club** is writing a response to **Day services review**" in at.markdown[0].value
    )
    assert at.header[0].value == "What would you lose if the Friday club closed?"
    assert "lunch club lost its hall" not in everything_shown(at)
    at.text_area(key="story_text").input("My only hot meal of the week.")
    at.text_input(key="story_name").input("Ann Lee")
    at.radio(key="story_consent").set_value("anonymous")
    at.button(key="story_send").click().run()
    assert "your story has been sent" in texts(at.success)
    assert at.text_area(key="story_text").value == ""  # ready for another
    [sent] = links.inbox(draft_id, "story")
    assert (sent.item.text, sent.item.name, sent.item.consent) == (
        "My only hot meal of the week.",
        "Ann Lee",
        "anonymous",
    )
    nothing_of_the_draft(at, draft_id)


def test_a_story_without_consent_is_not_sent_and_nothing_typed_is_lost(stored):
    draft_id, links = stored
    at = visit("story", links.make(draft_id, "story"))
    at.text_area(key="story_text").input("My words.")
    at.button(key="story_send").click().run()
    assert "Please choose whether and how we may quote you" in texts(at.error)
    assert at.text_area(key="story_text").value == "My words."
    assert links.inbox(draft_id, "story") == []


def test_the_201st_story_in_an_hour_is_refused_politely_and_kept_on_screen(stored):
    draft_id, links = stored
    link = links.make(draft_id, "story")
    for i in range(PER_HOUR):
        links.add(link, "story", Story(f"Story {i}.", consent="private"))
    at = visit("story", link)
    at.text_area(key="story_text").input("One more story.")
    at.radio(key="story_consent").set_value("name")
    at.button(key="story_send").click().run()
    assert "Please try again in an hour; nothing you wrote has been lost" in texts(at.error)
    assert at.text_area(key="story_text").value == "One more story."


@pytest.mark.parametrize("used_as", ["draft", "comment", "signon"])
def test_a_story_link_id_used_as_another_link_gets_nothing_of_the_draft(stored, used_as):
    draft_id, links = stored
    link = links.make(draft_id, "story")
    at = visit(used_as, link)
    assert not at.exception
    if used_as == "draft":  # a new, empty response: never the draft
        assert "There is no draft at this link" in texts(at.warning)
        assert at.session_state["draft"] == Draft()
    else:
        nothing_of_the_draft(at, draft_id)
        assert "This link is closed or does not exist" in texts(at.info)
    assert "Friday Club" not in everything_shown(at)
    assert "lunch club lost its hall" not in everything_shown(at)


@pytest.mark.parametrize("kind", ["story", "comment", "signon"])
def test_a_closed_link_shows_one_plain_message_and_nothing_of_the_draft(stored, kind):
    draft_id, links = stored
    link = links.make(draft_id, kind)
    links.close(draft_id, link)
    at = visit(kind, link)
    nothing_of_the_draft(at, draft_id)
    assert "This link is closed or does not exist" in texts(at.info)
    assert "Friday Club" not in everything_shown(at)
    assert not at.text_area and not at.button


def test_a_comment_page_shows_the_letter_with_a_box_beside_each_part(stored):
    draft_id, links = stored
    link = links.make(draft_id, "comment")
    at = visit("comment", link)
    nothing_of_the_draft(at, draft_id)
    shown = texts(at.markdown)
    assert "The lunch club lost its hall." in shown  # the letter, as its downloads hold it
    box = next(a for a in at.text_area if a.label == "Your comment on paragraph 3")
    box.input("Say how many members come each week.")
    at.text_input(key="comment_name").input("Jo, treasurer")
    at.button(key=box.key.replace("comment_", "send_", 1)).click().run()
    assert "your comment has been sent" in texts(at.success)
    [sent] = links.inbox(draft_id, "comment")
    assert (sent.item.text, sent.item.name, sent.item.template) == (
        "Say how many members come each week.",
        "Jo, treasurer",
        "formal",
    )
    assert box.key == f"comment_{sent.item.block}"


def test_a_sign_on_page_takes_a_partner_group_and_says_it_waits_for_acceptance(stored):
    draft_id, links = stored
    at = visit("signon", links.make(draft_id, "signon"))
    nothing_of_the_draft(at, draft_id)
    at.button(key="signon_send").click().run()
    assert "Please give your group's name" in texts(at.error)
    at.text_input(key="signon_group").input("Hill Tenants")
    at.text_input(key="signon_name").input("Sam Okafor")
    at.button(key="signon_send").click().run()
    assert "once Friday Club accepts" in texts(at.success)
    assert [c.item.group for c in links.inbox(draft_id, "signon")] == ["Hill Tenants"]


# The coordinator's side.
def test_the_coordinator_makes_a_story_link_and_can_close_it(stored):
    draft_id, links = stored
    at = open_app(page="examples", link=draft_id)
    assert "story_prompt" not in [box.key for box in at.text_input]  # behind its switch
    at.toggle(key="stories_open").set_value(True).run()
    at.text_input(key="story_prompt").input("What would you lose?").run()
    at.button(key="make_story_link").click().run()
    [link] = links.of_draft(draft_id, "story")
    assert link.prompt == "What would you lose?"
    assert any(re.search(rf"\?story={link.id}$", c.value) for c in at.code)
    at.button(key=f"close_{link.id}").click().run()
    assert links.of_draft(draft_id, "story")[0].closed
    assert not any(link.id in c.value for c in at.code)


@pytest.mark.parametrize("kind", ["comment", "signon"])
def test_the_coordinator_makes_comment_and_sign_on_links_on_the_letter_page(stored, kind):
    draft_id, links = stored
    at = open_app(page="letter", link=draft_id)
    at.button(key=f"make_{kind}_link").click().run()
    assert not at.exception
    [link] = links.of_draft(draft_id, kind)
    assert any(c.value.endswith(f"?{kind}={link.id}") for c in at.code)
    assert links.open(link.id, kind) is not None


def test_the_inbox_uses_keeps_or_discards_each_story_as_its_consent_allows(stored):
    draft_id, links = stored
    link = links.make(draft_id, "story")
    for text, name, consent in (
        ("I would lose my friends. Call me on 07700 900123.", "Ann Lee", "name"),
        ("It is my only hot meal.", "Bob", "anonymous"),
        ("Please do not quote this.", "", "private"),
        ("Spam.", "", "anonymous"),
    ):
        links.add(link, "story", Story(text, name, "member", consent))
    at = open_app(page="examples", link=draft_id)
    first, second, third, fourth = links.inbox(draft_id, "story")
    assert "a phone number" in texts(at.container(key=f"story_{first.id}").warning)
    assert not [b for b in at.container(key=f"story_{third.id}").button if "use" in b.key]
    at.selectbox(key=f"story_reason_{first.id}").set_value(2).run()
    at.button(key=f"story_use_{first.id}").click().run()
    at.button(key=f"story_use_{second.id}").click().run()
    at.button(key=f"story_keep_{third.id}").click().run()
    at.button(key=f"story_discard_{fourth.id}").click().run()
    assert not at.exception and links.inbox(draft_id, "story") == []
    draft = saved(at)
    month = dt.date.today().strftime("%B")  # the month each story came in: this one
    assert draft.reasons[1].example == (
        f"Ann Lee (member) told us in {month}: \u201cI would lose my friends. Call me on 07700"
        " 900123.\u201d"
    )
    assert draft.reasons[0].example == (
        f"The lunch club lost its hall.\n\nOne member told us in {month}: \u201cIt is my only"
        " hot meal.\u201d"
    )
    assert [(s.text[:10], s.reason) for s in draft.stories] == [
        ("I would lo", 2),
        ("It is my o", 20),
        ("Please do ", 0),
    ]
    assert "Spam" not in repr(draft)


def test_comments_appear_beside_their_part_and_can_be_marked_done(stored):
    draft_id, links = stored
    link = links.make(draft_id, "comment")
    links.add(
        link, "comment", Comment(block="reason-20-example", template="formal", text="Add a date.")
    )
    at = open_app(page="letter", link=draft_id)
    [waiting] = links.inbox(draft_id, "comment")
    preview = at.container(key="letter_preview")
    parts = [e for e in preview if e.type in ("markdown",)]
    where = next(i for i, e in enumerate(parts) if "Add a date." in e.value)
    assert "The lunch club lost its hall." in parts[where - 1].value  # right after its paragraph
    at.button(key=f"comment_done_{waiting.id}").click().run()
    assert links.inbox(draft_id, "comment") == []
    assert [c.text for c in saved(at).comments] == ["Add a date."]


def test_an_accepted_sign_on_signs_the_letter(stored):
    draft_id, links = stored
    links.add(links.make(draft_id, "signon"), "signon", CoSignatory("Hill Tenants", "Sam", "Chair"))
    at = open_app(page="letter", link=draft_id)
    [waiting] = links.inbox(draft_id, "signon")
    assert "Hill Tenants" not in texts(at.container(key="letter_preview").markdown)
    at.button(key=f"signon_accept_{waiting.id}").click().run()
    assert "Hill Tenants" in texts(at.container(key="letter_preview").markdown)
    assert [c.group for c in saved(at).co_signatories] == ["Hill Tenants"]
    assert saved(at).co_signatories[0].signed_on
    go(at, "details")
    assert not at.exception


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_a_story_sent_before_a_restart_reaches_the_inbox_after_it(engine, request, monkeypatch):
    if engine == "postgresql":
        monkeypatch.setenv(DATABASE_ENV, request.getfixturevalue("postgres_url"))
    st.cache_resource.clear()  # the app's store opened afresh, on this engine
    draft = Draft(reasons=[ChosenReason(20, "The lunch club lost its hall.")])
    with DraftStore(url=configured_url()) as store:
        draft_id, _ = store.create(draft)
        link = Links(store).make(draft_id, "story")
    at = visit("story", link)
    at.text_area(key="story_text").input("Sent before the restart.")
    at.radio(key="story_consent").set_value("anonymous")
    at.button(key="story_send").click().run()
    st.cache_resource.clear()  # the server restarts: its store and connections are closed
    at = open_app(page="examples", link=draft_id)
    assert "Sent before the restart." in texts(at.markdown)
    st.cache_resource.clear()
