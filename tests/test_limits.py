"""What is saved can be opened: one set of limits for every way into a draft (the preview's
edit box, every text box, a value a client sets on a widget, a draft file, the command line),
checked before the store writes, so nothing over a limit is stored and whatever is stored
opens again from its link and from its file."""

import json

import pytest

from drafting import Draft, DraftError, parse_draft
from drafting.model.draft import LETTER_TEXT, LONG_TEXT, MAX_FILE_BYTES, Edit
from drafting.model.parsing import storable_json
from drafting.store import DraftStore
from tests.helpers import PAGES, go, link_of, open_app, run_cli, type_an_example


def compact_draft_growing_past_the_limit() -> bytes:
    """A draft file of just under 3 MB, written without spaces, whose file as the app writes
    it (indented) is over 3 MB: the way a 2,998,896-byte file was stored at 3,020,108."""
    edit = {"block": "b000", "was": "", "text": "x", "template": ""}
    per_edit = len(json.dumps(edit, separators=(",", ":"))) + 1
    room = MAX_FILE_BYTES - 60 - 500 * per_edit  # 500 edits, the most a draft holds
    text = "x" * (1 + room // 500)
    data = {
        "schema": "response-builder/draft@1",
        "edits": [{**edit, "block": f"b{i:03}", "text": text} for i in range(500)],
    }
    content = json.dumps(data, separators=(",", ":")).encode()
    assert MAX_FILE_BYTES - 2_000 < len(content) <= MAX_FILE_BYTES
    return content


def an_old_draft_with_both_edits() -> dict:
    """An old draft's whole-letter edit (`letter_edit`) beside an edit of the block `letter`:
    each within its limit, together over it once carried over."""
    return {
        "schema": "response-builder/draft@1",
        "letter_edit": {"text": "a" * LETTER_TEXT, "based_on": ""},
        "edits": [{"block": "letter", "was": "", "text": "b" * 100_000, "template": "formal"}],
    }


def test_the_check_before_storing_refuses_what_its_link_could_not_open(tmp_path):
    too_long = Draft(edits=[Edit("closing", "", "x" * 250_000, "formal")])
    with pytest.raises(DraftError, match=r"edits\[1\]\.text is 250,000 characters long"):
        storable_json(too_long)
    with DraftStore(tmp_path) as store:
        with pytest.raises(DraftError):
            store.create(too_long)
        assert store.count() == 0
        draft_id, revision = store.create(Draft(context="Our lunch club"))
        with pytest.raises(DraftError):
            store.save(draft_id, too_long, revision)
        kept = store.load(draft_id)
        assert (kept.revision, kept.draft.context) == (1, "Our lunch club")


def test_a_draft_file_that_grows_past_the_limit_when_saved_is_refused_whole():
    with pytest.raises(DraftError, match=r"would be 3,0\d\d,\d{3} bytes; the limit is 3 MB"):
        parse_draft(compact_draft_growing_past_the_limit())


def test_a_draft_file_that_grows_past_the_limit_is_refused_on_upload(tmp_path):
    at = type_an_example(open_app(), "Still here.")
    link = link_of(at)
    go(at, "start")
    upload = ("big.json", compact_draft_growing_past_the_limit(), "application/json")
    at.file_uploader(key="start_upload").set_value(upload).run()
    assert "the limit is 3 MB" in at.error[0].value
    assert link_of(at) == link  # no new draft stored
    with DraftStore() as store:
        assert store.load(link).draft.reasons[0].example == "Still here."


def test_the_command_line_refuses_a_draft_file_that_could_not_be_saved(tmp_path):
    big = tmp_path / "big.json"
    big.write_bytes(compact_draft_growing_past_the_limit())
    old = tmp_path / "old.json"
    old.write_text(json.dumps(an_old_draft_with_both_edits()), encoding="utf-8")
    for path in (big, old):
        result = run_cli("check", str(path))
        assert result.returncode == 2, result.stdout
        assert "limit" in result.stderr and "Traceback" not in result.stderr


def test_an_old_whole_letter_edit_carried_over_within_the_limit_loads_and_saves():
    data = an_old_draft_with_both_edits()
    data["letter_edit"]["text"] = "Our own letter."
    draft = parse_draft(json.dumps(data))
    assert draft.edits[0].text.endswith("\n\nOur own letter.")
    assert parse_draft(storable_json(draft)) == draft


def test_an_old_whole_letter_edit_carried_over_past_the_limit_is_refused():
    with pytest.raises(DraftError, match=r"edits\[1\]\.text \(with letter_edit added to it\)"):
        parse_draft(json.dumps(an_old_draft_with_both_edits()))
    data = an_old_draft_with_both_edits()
    data["edits"] = [{"block": f"b{i}", "was": "", "text": ""} for i in range(500)]
    with pytest.raises(DraftError, match="letter_edit would make one more"):
        parse_draft(json.dumps(data))


def test_the_edit_box_holds_an_edits_limit_even_against_a_client_that_ignores_it(sample):
    at = open_app(sample, "letter")
    at.button(key="edit_closing").click().run()
    box = at.text_area(key="edit_text_closing")
    assert box.max_chars == LETTER_TEXT
    assert box.input("x" * 250_000).value != "x" * 250_000  # the box refuses it, as a browser
    # Over the websocket a client may set any value on a widget, whatever its max_chars.
    box.set_value("x" * 5_000_000)
    at.button(key="edit_save_closing").click().run()
    with DraftStore() as store:
        stored = store.load(link_of(at)).draft  # opens: nothing over the limit was stored
    assert [len(e.text) for e in stored.edits] == [LETTER_TEXT]
    assert not at.exception


def test_edits_that_together_pass_a_drafts_limit_are_not_stored_and_the_page_says_so(sample):
    # Fourteen long edits made for another template: 2.8 MB, within the limit.
    sample.edits = [Edit(f"b{i}", "", "y" * LETTER_TEXT, "councillors") for i in range(14)]
    with DraftStore() as store:
        link, _ = store.create(sample)
    at = open_app(page="letter", link=link)
    at.button(key="edit_closing").click().run()
    at.text_area(key="edit_text_closing").input("x" * LETTER_TEXT)
    at.button(key="edit_save_closing").click().run()
    warning = "\n".join(w.value for w in at.warning)
    assert "too long to save" in warning and "would be 3,00" in warning
    assert "the limit is 3 MB" in warning
    with DraftStore() as store:
        stored = store.load(link).draft  # the last version that fits, which opens
    assert len(stored.edits) == 14 and all(e.block != "closing" for e in stored.edits)
    assert not at.exception


def test_a_value_over_a_boxs_limit_sent_by_a_client_is_not_stored():
    at = type_an_example(open_app(), "Our lunch club closed.")
    link = link_of(at)
    at.text_area(key="example_20").set_value("x" * (LONG_TEXT + 1)).run()
    with DraftStore() as store:
        assert store.load(link).draft.reasons[0].example == "x" * LONG_TEXT
    assert not at.exception


def text_boxes(at) -> dict[str, int]:
    return {box.label: box.max_chars for box in [*at.text_input, *at.text_area]}


def test_every_text_box_has_a_limit(full_draft):
    at = open_app(full_draft)
    at.text_area(key="consultation_paste").input("Q1. Do you agree?")
    at.button(key="consultation_read_paste").click().run()
    boxes = text_boxes(at)
    for page in PAGES[1:]:
        boxes |= text_boxes(go(at, page))
    at.button(key="edit_closing").click().run()
    boxes |= text_boxes(at)
    assert len(boxes) > 20 and "Your words for this paragraph" in boxes
    assert [label for label, limit in boxes.items() if not limit] == []
