"""The letter, its own-words share and its files, made once per content of the draft."""

import datetime as dt
import io

import docx

from drafting import memo
from drafting.letter.blocks import to_text
from drafting.letter.final import final_letter, own_words

DAY = dt.date(2026, 11, 25)


def test_an_unchanged_draft_gets_the_same_letter_without_assembling_again(sample, catalogue):
    first = memo.final_letter(sample, catalogue, today=DAY)
    assert memo.final_letter(sample, catalogue, today=DAY) is first
    assert to_text(first.letter) == to_text(final_letter(sample, catalogue, today=DAY).letter)


def test_a_changed_example_changes_the_letter_its_share_and_its_word_file(sample, catalogue):
    before = memo.final_letter(sample, catalogue, today=DAY)
    share = memo.own_words(sample, catalogue, today=DAY)
    word = memo.letter_file(sample, catalogue, "docx", today=DAY)
    assert memo.letter_file(sample, catalogue, "docx", today=DAY) is word  # a second download
    typed = "Our members queued in the rain for the only bus to the new hub, twice a week."
    sample.reasons[0].example = typed
    after = memo.final_letter(sample, catalogue, today=DAY)
    assert typed in to_text(after.letter) and typed not in to_text(before.letter)
    assert memo.own_words(sample, catalogue, today=DAY) == own_words(sample, after)
    assert memo.own_words(sample, catalogue, today=DAY) != share
    text = "\n".join(
        p.text
        for p in docx.Document(
            io.BytesIO(memo.letter_file(sample, catalogue, "docx", today=DAY))
        ).paragraphs
    )
    assert typed in text


def test_each_template_and_tone_has_its_own_letter(sample, catalogue):
    formal = memo.final_letter(sample, catalogue, today=DAY)
    councillors = memo.final_letter(sample, catalogue, template="councillors", today=DAY)
    assert to_text(councillors.letter) == to_text(
        final_letter(sample, catalogue, template="councillors", today=DAY).letter
    )
    assert to_text(councillors.letter) != to_text(formal.letter)
    firm = memo.final_letter(sample, catalogue, tone="firm", today=DAY)
    assert to_text(firm.letter) == to_text(
        final_letter(sample, catalogue, tone="firm", today=DAY).letter
    )


def test_the_shared_cache_holds_a_bounded_number_of_bytes_however_long_the_drafts(
    sample, catalogue
):
    """Forty drafts with 100,000 characters of examples each (about 8 MB of letters, its keys
    and its Word files): each kind keeps at most KEPT_BYTES, and what it gives back is the
    letter made afresh."""
    kinds = (memo._letters, memo._files, memo._pieces, memo._own)
    for kept in kinds:
        kept.set_limit(2_000_000)  # so that forty drafts go well past it
    try:
        for n in range(40):
            for chosen in sample.reasons:
                chosen.example = f"Draft {n}: our lunch club fed forty people a week. " * 400
            final = memo.final_letter(sample, catalogue, today=DAY)
            memo.preview_pieces(sample, catalogue, today=DAY)
            memo.letter_file(sample, catalogue, "docx", today=DAY)
            assert f"Draft {n}:" in to_text(final.letter)
            for kept in kinds:
                assert kept.bytes <= kept.limit
        assert memo._letters.bytes > 1_000_000  # it still keeps what fits
        made = final_letter(sample, catalogue, today=DAY)
        assert to_text(memo.final_letter(sample, catalogue, today=DAY).letter) == to_text(
            made.letter
        )
    finally:
        for kept in kinds:
            kept.limit = memo.KEPT_BYTES


def test_size_of_counts_every_string_a_letter_holds(sample, catalogue):
    final = final_letter(sample, catalogue, today=DAY)
    assert memo.size_of(final) > len(to_text(final.letter)) + len(to_text(final.generated))
