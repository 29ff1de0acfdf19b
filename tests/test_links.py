"""The draft's links, on both engines: a story, comment or sign-on link does its own job and
nothing else; links close (by hand and after the consultation's closing date); what they take
is bounded, survives a restart, and goes with its draft. Then what the coordinator keeps: a
used story quoted as its sender allowed, an accepted sign-on signing every template, the same
from `python -m drafting build` as from the app."""

import dataclasses
import datetime as dt
import json

import pytest
import sqlalchemy as sa

from drafting import ChosenReason, CoSignatory, Draft, DraftError, draft_to_json, parse_draft
from drafting.letter.final import final_letter
from drafting.memo import letter_file
from drafting.model.contributions import accept_sign_on, attributed, keep_story, use_story
from drafting.model.draft import Comment, Story
from drafting.store import DraftStore
from drafting.store.links import PER_HOUR, LinkClosed, Links, TooMany
from tests.helpers import LETTER_DATE, run_cli


@pytest.fixture(params=["sqlite", "postgresql"])
def where(request, tmp_path) -> dict:
    """DraftStore's arguments for a new store on each engine (PostgreSQL: the tests' server)."""
    if request.param == "sqlite":
        return {"folder": tmp_path}
    return {"url": request.getfixturevalue("postgres_url")}


@pytest.fixture
def links(where):
    store = DraftStore(**where)
    yield Links(store)
    store.close()


def a_draft(**consultation) -> Draft:
    draft = Draft(reasons=[ChosenReason(20, "The lunch club lost its hall."), ChosenReason(2)])
    draft.group.name = "Friday Club"
    draft.consultation = dataclasses.replace(
        draft.consultation, title="Day services", **consultation
    )
    return draft


def story(text: str = "I would lose my friends.", consent: str = "anonymous", **more) -> Story:
    return Story(text=text, consent=consent, **more)


def test_a_story_link_adds_a_story_the_coordinator_reads(links):
    draft_id, _ = links.store.create(a_draft())
    link = links.make(draft_id, "story", "What would you lose?")
    seen = links.open(link, "story")
    assert (seen.title, seen.group, seen.prompt, seen.letter) == (
        "Day services",
        "Friday Club",
        "What would you lose?",
        None,
    )
    links.add(link, "story", story(name="Ann", role="member"))
    [waiting] = links.inbox(draft_id, "story")
    assert (waiting.item.text, waiting.item.name, waiting.item.consent) == (
        "I would lose my friends.",
        "Ann",
        "anonymous",
    )
    assert links.settle(draft_id, waiting.id)
    assert links.inbox(draft_id, "story") == []


def test_what_came_through_a_link_survives_a_restart(where, links, request):
    draft_id, _ = links.store.create(a_draft())
    story_link, comment_link = links.make(draft_id, "story"), links.make(draft_id, "comment")
    links.add(story_link, "story", story())
    links.add(comment_link, "comment", Comment(block="opening", text="Say who we are first."))
    links.store.close()
    if "url" in where:  # the database server itself restarts too
        postgres = request.getfixturevalue("postgres")
        postgres.stop(remove=False)
        postgres.start_again()
    with DraftStore(**where) as reopened:
        again = Links(reopened)
        assert [c.item.text for c in again.inbox(draft_id, "story")] == [story().text]
        assert [c.item.block for c in again.inbox(draft_id, "comment")] == ["opening"]
        assert again.open(story_link, "story") is not None


def test_a_story_link_id_gets_nothing_of_the_draft_as_a_draft_id_or_other_link(links):
    draft_id, _ = links.store.create(a_draft())
    link = links.make(draft_id, "story")
    assert links.store.load(link) is None  # not a draft id
    assert links.open(link, "comment") is None  # not a comment link
    assert links.open(link, "signon") is None
    assert links.open(draft_id, "story") is None  # and the draft's own id is no link
    with pytest.raises(LinkClosed):
        links.add(link, "comment", Comment(block="opening", text="Hello"))


def test_a_closed_link_gets_nothing_and_takes_nothing(links):
    draft_id, _ = links.store.create(a_draft())
    story_link, comment_link = links.make(draft_id, "story"), links.make(draft_id, "comment")
    assert not links.close("A" * 32, story_link)  # only with the draft's own id
    assert links.close(draft_id, story_link) and links.close(draft_id, comment_link)
    assert links.open(story_link, "story") is None
    assert links.open(comment_link, "comment") is None
    with pytest.raises(LinkClosed):
        links.add(story_link, "story", story())
    assert [link.closed for link in links.of_draft(draft_id, "story")] == [True]


def test_a_link_closes_by_itself_after_the_consultation_closes(links):
    draft_id, _ = links.store.create(a_draft(closes="2027-01-31"))
    link = links.make(draft_id, "story")
    assert links.open(link, "story", today=dt.date(2027, 1, 31)) is not None
    assert links.open(link, "story", today=dt.date(2027, 2, 1)) is None
    with pytest.raises(LinkClosed):
        links.add(link, "story", story(), today=dt.date(2027, 2, 1))


def test_the_201st_story_in_an_hour_is_refused_politely(links):
    draft_id, _ = links.store.create(a_draft())
    link = links.make(draft_id, "story")
    start = dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC)

    def at(minutes: float) -> str:
        return (start + dt.timedelta(minutes=minutes)).isoformat(timespec="milliseconds")

    # The first 199 as they would be stored, in one transaction; the 200th through the link.
    rows = [
        {"id": f"c{i}", "link": link, "draft": draft_id, "body": "{}", "received": at(i * 0.25)}
        for i in range(PER_HOUR - 1)
    ]
    with links.store.engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO contributions VALUES (:id, :link, :draft, 'story', :body,"
                " :received, 'done')"
            ),
            rows,
        )
    links.add(link, "story", story("The 200th."), now=at(58))
    with pytest.raises(TooMany, match="Please try again in an hour; nothing you wrote"):
        links.add(link, "story", story("One more."), now=at(59))
    assert [c.item.text for c in links.inbox(draft_id, "story")] == ["The 200th."]
    links.add(link, "story", story("An hour later."), now=at(61))  # the first has aged out
    other = links.make(draft_id, "story")  # the limit is per link
    links.add(other, "story", story("Through another link."), now=at(59))


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (story(""), "Please write your story"),
        (story(consent=""), "Please choose whether and how we may quote you"),
        (story("x" * 2_001), "2,001 characters long; the limit is 2,000"),
        (story(name="n" * 301), "the limit is 300"),
    ],
)
def test_a_story_that_is_empty_too_long_or_without_consent_is_refused(links, item, message):
    draft_id, _ = links.store.create(a_draft())
    link = links.make(draft_id, "story")
    with pytest.raises(DraftError, match=message):
        links.add(link, "story", item)
    assert links.inbox(draft_id, "story") == []


def test_deleting_a_draft_deletes_its_links_and_contributions(links):
    draft_id, _ = links.store.create(a_draft())
    link = links.make(draft_id, "story")
    links.add(link, "story", story())
    assert links.store.delete(draft_id)
    assert links.open(link, "story") is None
    with links.store.engine.connect() as conn:
        for table in ("links", "contributions"):
            assert conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar() == 0


def test_the_keeping_time_applies_to_contributions_too(links):
    draft_id, _ = links.store.create(a_draft())
    link = links.make(draft_id, "story")
    links.add(link, "story", story("Long ago."), now="2020-01-01T10:00:00.000+00:00")
    links.add(link, "story", story("Today."))
    links.store.purge()
    assert [c.item.text for c in links.inbox(draft_id, "story")] == ["Today."]
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=links.store.keep_days + 1)
    links.store.purge(now=later)  # the draft expires: its links and stories go with it
    with links.store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM contributions")).scalar() == 0
        assert conn.execute(sa.text("SELECT count(*) FROM links")).scalar() == 0


def test_a_comment_or_sign_on_link_shows_the_letter_and_nothing_else(links, catalogue):
    draft = a_draft()
    draft.stories = [Story("Private words.", consent="private", received="2026-11-20")]
    draft_id, _ = links.store.create(draft)
    for kind in ("comment", "signon"):
        seen = links.open(links.make(draft_id, kind), kind, catalogue, today=LETTER_DATE)
        letter = final_letter(draft, catalogue, today=LETTER_DATE).letter
        assert seen.letter == letter
        assert draft_id not in repr(seen) and "Private words" not in repr(seen)


# What the coordinator keeps, in the draft and its letter.
@pytest.mark.parametrize(
    ("consent", "name", "quoted"),
    [
        ("name", "Ann Lee", "Ann Lee (member) told us in November: \u201cI would be alone.\u201d"),
        ("anonymous", "Ann Lee", "One member told us in November: \u201cI would be alone.\u201d"),
        ("name", "", "One member told us in November: \u201cI would be alone.\u201d"),
    ],
)
def test_a_used_story_is_quoted_as_its_sender_allowed(consent, name, quoted):
    sent = Story("I would be alone.", name, "member", consent, "2026-11-20")
    assert attributed(sent) == quoted


def test_a_story_for_information_only_is_never_quoted():
    draft = a_draft()
    private = Story("Private words.", "Ann", "", "private", "2026-11-20")
    with pytest.raises(DraftError, match="information only"):
        use_story(draft, private, draft.reasons[0])
    assert draft.reasons[0].example == "The lunch club lost its hall." and draft.stories == []
    keep_story(draft, private)
    assert draft.stories[0].reason == 0


def test_what_the_coordinator_kept_round_trips_in_the_draft_file():
    draft = a_draft()
    use_story(draft, Story("I would be alone.", "Ann", "", "name", "2026-11-20"), draft.reasons[1])
    keep_story(draft, Story("Just for you.", "", "", "private", "2026-11-21"))
    accept_sign_on(draft, CoSignatory("Hill Tenants", "Sam", "Chair", signed_on="2026-11-22"))
    draft.comments = [Comment("opening", "formal", "Shorter?", "Jo", "2026-11-23")]
    text = draft_to_json(draft)
    assert parse_draft(text) == draft
    data = json.loads(text)
    assert data["stories"][0]["reason"] == 2 and data["co_signatories"][0]["signed_on"]
    assert data["reasons"][1]["example"] == "Ann told us in November: \u201cI would be alone.\u201d"
    assert "stories" not in json.loads(draft_to_json(a_draft()))  # left out while empty


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("stories", [{"text": "x", "consent": "maybe"}], "consent should be one of"),
        ("stories", [{"text": "x", "consent": "private", "reason": 20}], "information only"),
        ("stories", [{"text": "x", "consent": "name", "reason": 99}], "names no reason"),
        ("comments", [{"block": "No Such Block!", "text": "x"}], "should be a block id"),
    ],
)
def test_a_draft_file_with_bad_contributions_is_refused(field, value, message):
    data = {"schema": "response-builder/draft@1", field: value}
    with pytest.raises(DraftError, match=message):
        parse_draft(json.dumps(data))


def test_the_command_line_quotes_stories_and_signs_on_as_the_app(tmp_path, catalogue):
    draft = a_draft()
    use_story(
        draft, Story("I would be alone.", "", "", "anonymous", "2026-11-20"), draft.reasons[0]
    )
    keep_story(draft, Story("Do not print me.", "", "", "private", "2026-11-20"))
    accept_sign_on(draft, CoSignatory("Hill Tenants", "Sam Okafor", "Chair", "2026-11-22"))
    path = tmp_path / "draft.json"
    path.write_text(draft_to_json(draft), encoding="utf-8")
    for template in ("formal", "email"):
        out = tmp_path / f"{template}.txt"
        built = run_cli(
            "build", str(path), "--template", template, "--format", "txt", "--output", str(out)
        )
        assert built.returncode == 0, built.stderr
        app = letter_file(draft, catalogue, "txt", template=template).decode("utf-8")
        assert out.read_text(encoding="utf-8") == app  # what the app's download holds


@pytest.mark.parametrize("template", ["formal", "councillors", "email", "questions"])
def test_every_template_quotes_a_used_story_and_is_signed_by_an_accepted_partner(
    template, catalogue
):
    draft = a_draft()
    use_story(
        draft, Story("I would be alone.", "", "", "anonymous", "2026-11-20"), draft.reasons[0]
    )
    keep_story(draft, Story("Do not print me.", "", "", "private", "2026-11-20"))
    accept_sign_on(draft, CoSignatory("Hill Tenants", "Sam Okafor", "Chair", "2026-11-22"))
    text = final_letter(draft, catalogue, template=template, today=LETTER_DATE).letter.text
    assert "One member told us in November: \u201cI would be alone.\u201d" in text
    assert "Hill Tenants" in text and "Do not print me" not in text
