"""The way back to a draft (issue 25): when a draft is first stored, its link with Copy and
"Email it to me", saying that the link is the only key; Start's advice in plain view, the list
of drafts opened in this browser (drawn in the browser: tests/browser/test_way_back.py), and,
on a server whose disk is wiped on restart, that drafts are kept only while the app runs."""

import urllib.parse

from streamlit.testing.v1 import AppTest

from drafting.store.settings import DISK_NOT_KEPT_ENV
from tests.helpers import APP, go, link_of, open_tab, texts


def first_change(at):
    go(at, "details").text_input(key="group_name").input("Hillside Lunch Club").run()
    return at


def test_a_new_draft_shows_its_link_as_the_only_key_with_copy_and_email():
    at = first_change(open_tab())
    draft_id = link_of(at)
    assert "This link is the only key to your draft" in texts(at.success)
    (link,) = [c.value for c in at.code if "draft=" in c.value]
    assert link.endswith(f"?draft={draft_id}")
    (mail,) = [b for b in at.get("link_button") if b.proto.label == "Email it to me"]
    assert mail.proto.url.startswith("mailto:?")
    assert draft_id in urllib.parse.unquote(mail.proto.url)
    at.button(key="new_link_kept").click().run()
    assert "only key" not in texts(at.success)
    assert not [c for c in at.code if "draft=" in c.value]


def test_the_new_link_stays_on_its_page_only():
    at = first_change(open_tab())
    at.text_input(key="group_email").input("hello@example.org").run()  # a second change
    assert "only key" in texts(at.success)
    go(at, "letter")
    assert "only key" not in texts(at.success)
    go(at, "details")
    assert "only key" not in texts(at.success)


def test_a_draft_opened_by_its_link_does_not_show_it_again():
    link = link_of(first_change(open_tab()))
    again = open_tab(link, "details")
    assert "only key" not in texts(again.success)
    assert again.text_input(key="group_name").value == "Hillside Lunch Club"


def test_start_says_the_link_is_the_only_key_in_plain_view_and_lists_this_browsers_drafts():
    at = open_tab()
    assert "What happens to what you type" not in [e.label for e in at.expander]
    assert "the only key to your draft" in texts(at.markdown)
    assert any('class="rb-recent"' in h.proto.body for h in at.get("html"))


def test_the_page_tells_the_browser_which_draft_is_on_screen_and_nothing_more():
    at = first_change(open_tab())
    scripts = [
        h.proto.body for h in at.get("html") if "responseBuilderWayBack.record" in h.proto.body
    ]
    assert len(scripts) == 1
    assert f'record("{link_of(at)}", "Hillside Lunch Club")' in scripts[0]


def test_a_group_name_cannot_end_the_script_early():
    at = open_tab()
    go(at, "details").text_input(key="group_name").input("</script><b>x</b>").run()
    (script,) = [h.proto.body for h in at.get("html") if "WayBack.record(" in h.proto.body]
    assert script.count("</script>") == 1 and "\\u003c/script>\\u003cb>" in script


def test_a_server_whose_disk_is_wiped_says_drafts_are_kept_only_while_it_runs(monkeypatch):
    monkeypatch.setenv(DISK_NOT_KEPT_ENV, "1")
    at = open_tab()
    assert "drafts are kept only while the app runs" in texts(at.markdown)
    first_change(at)
    assert "drafts are kept only while the app runs" in texts(at.success)
    monkeypatch.delenv(DISK_NOT_KEPT_ENV)
    assert "only while the app runs" not in texts(open_tab().markdown)


def test_an_address_with_two_draft_links_opens_neither():
    """`?draft=B&draft=A` once opened A while the address bar kept B (issue 25)."""
    first = link_of(first_change(open_tab()))
    other = open_tab()
    go(other, "details").text_input(key="group_name").input("Riverside Tenants").run()
    second = link_of(other)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["draft"] = [second, first]
    at.run()
    assert "more than one draft link" in texts(at.warning)
    assert "draft" not in at.query_params
    go(at, "details")
    assert at.text_input(key="group_name").value == ""
