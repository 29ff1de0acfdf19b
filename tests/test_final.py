"""Edits that keep their shape: block ids, edits applied in place in every export, stale and
unknown edits, old whole-letter edits carried over, and the command line contract."""

import io
import json

import docx
import pytest

from drafting import (
    ChosenReason,
    DraftError,
    Edit,
    assemble,
    draft_from_dict,
    draft_to_json,
    list_templates,
    parse_draft,
    to_docx,
    to_markdown,
    to_text,
)
from drafting.letter.blocks import parse_letter
from drafting.letter.final import carry_over, final_letter, keep_edit, set_edit, use_generated
from drafting.model.draft import WHOLE_LETTER
from drafting.output.markdown import markdown_pieces
from tests.helpers import DATA, LETTER_DATE
from tests.helpers import run_cli as run

TEMPLATES = [t.id for t in list_templates()]
WORD_STYLES = {
    "title": "Heading 1",
    "heading": "Heading 2",
    "subheading": "Heading 3",
    "numbered": "List Number",
    "bullets": "List Bullet",
}


def pieces(draft, catalogue, **kw):
    return {p.id: p for p in assemble(draft, catalogue, today=LETTER_DATE, **kw).pieces()}


def detailed(draft):
    """The draft with examples long enough that the letter has room for theme headings and a
    bold title before each reason's point (a letter of short examples leaves them out)."""
    for chosen in draft.reasons:
        chosen.example = " ".join(
            f"In week {week} our reason {chosen.id} volunteers served {week * 12} meals."
            for week in range(1, 13)
        )
    return draft


def edit_of(draft, catalogue, block, change, template="formal"):
    """An edit of `block` as the app makes it: its generated text, and the group's."""
    piece = pieces(draft, catalogue, template=template)[block]
    return Edit(block, piece.text, change(piece.text), template)


# Block ids.
def test_the_same_draft_regenerated_has_the_same_ids(full_draft, catalogue):
    for template in TEMPLATES:
        first = list(pieces(full_draft, catalogue, template=template))
        assert first == list(pieces(full_draft, catalogue, template=template))
        assert len(first) == len(set(first))  # unique within a letter


def test_reason_ids_follow_the_reason_through_reordering_and_tone(sample, catalogue):
    before = pieces(sample, catalogue)
    assert {"reason-2-example", "reason-20-example"} <= set(before)
    sample.reasons.reverse()
    sample.tone = "firm"
    after = pieces(sample, catalogue)
    for chosen in sample.reasons:  # the reason's title, then the example: the same in any tone
        block = f"reason-{chosen.id}-example"
        assert after[block].text == before[block].text
        assert after[block].text.startswith(f"{catalogue.reason(chosen.id).title}. ")
        assert chosen.example in after[block].text
    assert list(after).index("reason-20-example") < list(after).index("reason-2-example")


def test_an_edited_theme_heading_stays_with_its_theme_when_reasons_are_reordered(sample, catalogue):
    detailed(sample)
    sample.edits = [edit_of(sample, catalogue, "theme-cost", lambda t: "What it would cost")]
    sample.reasons.reverse()
    final = final_letter(sample, catalogue, today=LETTER_DATE)
    headings = [p.text for p in final.letter.pieces() if p.kind == "subheading"]
    assert headings == ["The shape of the local sector", "What it would cost"]
    assert not final.stale


def test_ids_from_data_are_made_safe_and_a_repeated_id_is_numbered():
    letter = parse_letter(
        '<h3 id="question-4.1">Question 4.1</h3><p id="reason-2">A</p><p id="reason-2">B</p>'
        "<ul><li>x</li></ul>"
    )
    assert [p.id for p in letter.pieces()] == [
        "question-4-1",
        "reason-2",
        "reason-2-2",
        "bullets-1-1",
    ]


def test_each_ask_is_its_own_numbered_piece(sample, catalogue):
    sample.asks = ["Keep the grants.", "Publish the options appraisal."]
    found = pieces(sample, catalogue)
    assert (found["ask-1"].kind, found["ask-1"].text) == ("numbered", "Keep the grants.")
    assert found["ask-2"].text == "Publish the options appraisal."


# Edits applied in place, in every export.
def test_an_edited_block_keeps_its_kind_and_style_in_word_text_and_markdown(sample, catalogue):
    detailed(sample)
    sample.asks = ["Keep the grants.", "Publish the options appraisal."]
    sample.edits = [
        edit_of(sample, catalogue, "ask-2", lambda t: "Publish every option considered."),
        edit_of(sample, catalogue, "reason-20-example", lambda t: t + " We have seen it here."),
        edit_of(sample, catalogue, "title", lambda t: "Our response to the proposals"),
    ]
    final = final_letter(sample, catalogue, today=LETTER_DATE)
    assert final.edited == {"ask-2", "reason-20-example", "title"} and not final.stale
    word = docx.Document(io.BytesIO(to_docx(final.letter)))
    styled = {p.text: p for p in word.paragraphs}
    assert styled["Our response to the proposals"].style.name == "Heading 1"
    assert styled["Publish every option considered."].style.name == "List Number"
    assert styled["Keep the grants."].style.name == "List Number"
    reason = next(p for p in word.paragraphs if p.text.endswith("We have seen it here."))
    assert reason.runs[0].bold and reason.runs[0].text == "Small local groups may not survive."
    assert [p.style.name for p in word.paragraphs if p.text == "Our reasons"] == ["Heading 2"]
    assert "\n2. Publish every option considered.\n" in to_text(final.letter)
    markdown = to_markdown(final.letter)
    assert "# Our response to the proposals\n" in markdown
    assert "**Small local groups may not survive.**" in markdown
    assert "We have seen it here." in markdown


def test_an_edit_is_data_in_every_export(sample, catalogue):
    hostile = "{{ 7*7 }} <b>ŵ</b> **not bold** [link](http://x)\n# not a heading"
    sample.edits = [edit_of(sample, catalogue, "closing", lambda t: hostile)]
    letter = final_letter(sample, catalogue, today=LETTER_DATE).letter
    assert hostile in to_text(letter)
    assert hostile in [p.text for p in docx.Document(io.BytesIO(to_docx(letter))).paragraphs]
    markdown = to_markdown(letter)
    assert (
        r"\*\*not bold\*\* \[link\](http://x)  " in markdown and "\n\\# not a heading" in markdown
    )


def test_an_empty_edit_takes_its_block_out(sample, catalogue):
    sample.edits = [edit_of(sample, catalogue, "closing", lambda t: "")]
    final = final_letter(sample, catalogue, today=LETTER_DATE)
    closing = pieces(sample, catalogue)["closing"].text
    assert closing not in to_text(final.letter)
    assert "closing" in final.edited and not final.stale


@pytest.mark.parametrize("template", TEMPLATES)
def test_the_preview_shows_the_blocks_every_export_holds(full_draft, catalogue, template):
    full_draft.edits = [
        edit_of(full_draft, catalogue, "ask-1", lambda t: "Our own ask.", template),
        edit_of(full_draft, catalogue, "reason-2-example", lambda t: t + " Ours too.", template),
    ]
    final = final_letter(full_draft, catalogue, template=template, today=LETTER_DATE)
    assert final.edited == {"ask-1", "reason-2-example"}
    shown = markdown_pieces(final.letter)  # what the preview draws, piece by piece
    assert "\n".join(md for _, md in shown).replace("\n", "") == to_markdown(final.letter).replace(
        "\n", ""
    )
    word = docx.Document(io.BytesIO(to_docx(final.letter)))
    assert [p.text for p in word.paragraphs] == [piece.text for piece, _ in shown]
    for (piece, _), paragraph in zip(shown, word.paragraphs, strict=True):
        assert paragraph.style.name == WORD_STYLES.get(piece.kind, "Normal")
    text = to_text(final.letter)
    for piece, _ in shown:
        assert piece.text in text
    assert "Our own ask." in text and "Ours too." in text


# Stale and unknown edits.
def test_an_edit_is_stale_when_its_generated_text_changes_and_still_used(sample, catalogue):
    sample.edits = [edit_of(sample, catalogue, "reason-20-example", lambda t: t + " Since May.")]
    assert not final_letter(sample, catalogue, today=LETTER_DATE).stale
    sample.reasons[1].example = "A newer example."
    final = final_letter(sample, catalogue, today=LETTER_DATE)
    (stale,) = final.stale
    assert stale.edit.block == "reason-20-example" and "A newer example." in stale.now
    assert "Since May." in to_text(final.letter)
    keep_edit(sample, stale)
    assert not final_letter(sample, catalogue, today=LETTER_DATE).stale
    use_generated(sample, "formal", "reason-20-example")
    assert "A newer example." in to_text(final_letter(sample, catalogue, today=LETTER_DATE).letter)


def test_a_tone_change_makes_an_edit_of_a_toned_sentence_stale(sample, catalogue):
    sample.edits = [edit_of(sample, catalogue, "closing", lambda t: t + " Really.")]
    sample.tone = "firm"
    assert [s.edit.block for s in final_letter(sample, catalogue, today=LETTER_DATE).stale] == [
        "closing"
    ]


def test_edits_belong_to_their_template_and_unknown_blocks_are_kept(sample, catalogue):
    sample.edits = [
        edit_of(sample, catalogue, "reason-20-example", lambda t: t + " Formal only."),
        Edit("reason-9", "", "A reason not in this letter.", "formal"),
    ]
    email = final_letter(sample, catalogue, template="email", today=LETTER_DATE)
    assert "Formal only." not in to_text(email.letter) and not email.unknown
    formal = final_letter(sample, catalogue, today=LETTER_DATE)
    assert "Formal only." in to_text(formal.letter)
    assert [e.block for e in formal.unknown] == ["reason-9"]
    assert len(parse_draft(draft_to_json(sample)).edits) == 2  # nothing dropped


def test_setting_the_generated_text_again_removes_the_edit(sample, catalogue):
    piece = pieces(sample, catalogue)["closing"]
    set_edit(sample, "formal", piece, "Our own closing.")
    assert [(e.block, e.was, e.text) for e in sample.edits] == [
        ("closing", piece.text, "Our own closing.")
    ]
    set_edit(sample, "formal", piece, piece.text + "\n")
    assert sample.edits == []


# Drafts.
def test_edits_round_trip_and_bad_ones_are_refused(sample_dict):
    sample_dict["edits"] = [{"block": "ask-1", "was": "A", "text": "B"}]
    draft = draft_from_dict(sample_dict)
    assert json.loads(draft_to_json(draft))["edits"] == sample_dict["edits"]  # no empty template
    sample_dict["edits"].append({"block": "ask-1", "was": "", "text": "C"})
    with pytest.raises(DraftError, match="edited twice"):
        draft_from_dict(sample_dict)
    sample_dict["edits"] = [{"block": "Ask 1", "was": "", "text": ""}]
    with pytest.raises(DraftError, match=r"edits\[1\]\.block"):
        draft_from_dict(sample_dict)


def test_an_old_whole_letter_edit_is_carried_over_and_no_word_is_lost(sample_dict, catalogue):
    draft = draft_from_dict(sample_dict)
    paragraphs = to_text(assemble(draft, catalogue, today=LETTER_DATE)).strip().split("\n\n")
    opening = next(i for i, p in enumerate(paragraphs) if p.startswith("Thank you"))
    paragraphs[opening] += " We have run a café since 2011."
    paragraphs.insert(opening + 1, "A paragraph of our own.")
    dropped = paragraphs.pop(paragraphs.index("Yours faithfully,"))
    sample_dict["letter_edit"] = {"text": "\n\n".join(paragraphs), "based_on": "0" * 32}
    old = draft_from_dict(sample_dict)
    assert [(e.block, e.template) for e in old.edits] == [(WHOLE_LETTER, "formal")]
    assert "letter_edit" not in json.loads(draft_to_json(old))
    final = final_letter(old, catalogue, today=LETTER_DATE)
    assert to_text(final.letter) == "\n\n".join(paragraphs) + "\n"
    assert not final.stale and not final.unknown
    assert carry_over(old, catalogue, LETTER_DATE)
    assert [e.block for e in old.edits] == ["opening", "close"]
    assert old.edits[0].text.endswith("since 2011.\n\nA paragraph of our own.")
    assert dropped not in to_text(final_letter(old, catalogue, today=LETTER_DATE).letter)
    assert not carry_over(old, catalogue, LETTER_DATE)


def test_a_whole_letter_edit_of_a_list_becomes_edits_of_its_items(sample_dict, catalogue):
    sample_dict["asks"] = ["Keep the grants.", "Publish the appraisal."]
    draft = draft_from_dict(sample_dict)
    text = to_text(assemble(draft, catalogue, today=LETTER_DATE))
    sample_dict["letter_edit"] = {"text": text.replace("2. Publish the", "2. Publish all the")}
    old = draft_from_dict(sample_dict)
    carry_over(old, catalogue, LETTER_DATE)
    assert [(e.block, e.text) for e in old.edits] == [("ask-2", "Publish all the appraisal.")]


# The command line contract.
def test_blocks_prints_the_letters_blocks_as_json(catalogue):
    result = run("blocks", str(DATA / "sample-draft.json"), "--template", "formal")
    assert result.returncode == 0, result.stderr
    blocks = json.loads(result.stdout)
    assert all(set(b) == {"id", "kind", "text"} for b in blocks)
    found = {b["id"]: b for b in blocks}
    assert found["title"]["kind"] == "title"
    assert found["reason-20-example"]["text"].startswith(catalogue.reason(20).title)


def test_build_applies_edits_and_reports_stale_and_unknown_ones(tmp_path, sample_dict):
    blocks = {
        b["id"]: b["text"]
        for b in json.loads(run("blocks", str(DATA / "sample-draft.json")).stdout)
    }
    sample_dict["edits"] = [
        {"block": "closing", "was": blocks["closing"], "text": "Our own closing words."}
    ]
    draft = tmp_path / "draft.json"
    draft.write_text(json.dumps(sample_dict), encoding="utf-8")
    output = tmp_path / "letter.docx"
    result = run("build", str(draft), "--output", str(output))
    assert (result.returncode, result.stderr) == (0, "")  # nothing stale: nothing said
    word = docx.Document(output)
    assert "Our own closing words." in [p.text for p in word.paragraphs]
    assert [p.text for p in word.paragraphs if p.style.name == "List Number"] == [
        text for block, text in blocks.items() if block.startswith("ask-")
    ]

    sample_dict["edits"] += [
        {"block": "reason-20-example", "was": "An older example.", "text": "Our edit."},
        {"block": "reason-9", "was": "", "text": "Kept for later."},
    ]
    draft.write_text(json.dumps(sample_dict), encoding="utf-8")
    result = run("build", str(draft), "--template", "formal", "--output", str(output))
    assert result.returncode == 0
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert "'reason-20-example' is used" in lines[0] and "changed" in lines[0]
    assert "'reason-9' is kept in the draft" in lines[1]
    text = [p.text for p in docx.Document(output).paragraphs]
    assert "Our own closing words." in text and "Our edit." in text
    assert "Kept for later." not in text
    assert json.loads(draft.read_text(encoding="utf-8"))["edits"][2]["text"] == "Kept for later."


def test_a_chosen_reason_edit_applies_to_any_template_when_made_without_one(sample, catalogue):
    sample.reasons = [ChosenReason(20, "Our example.")]
    piece = pieces(sample, catalogue, template="email")["reason-20-example"]
    sample.edits = [Edit("reason-20-example", piece.text, "Ours.")]
    for template in ("email", "councillors"):
        final = final_letter(sample, catalogue, template=template, today=LETTER_DATE)
        assert "Ours." in to_text(final.letter)
