"""How much of the letter is the group's own writing: words in a run of four also found in
what the group typed, counted on the body from the salutation to the sign-off."""

import pytest

from drafting import ChosenReason, Draft, Edit, Question, assemble
from drafting.letter.final import final_letter, own_words
from drafting.letter.ownwords import (
    added_words,
    body,
    measure,
    measure_letter,
    own_words_note,
    typed_texts,
    words,
)
from tests.helpers import LETTER_DATE


def test_words_in_a_run_of_four_from_what_the_group_typed_are_its_own():
    result = measure("We object. Our lunch club closed in May.", ["Our lunch club closed in May"])
    assert (result.own, result.total, result.percent) == (6, 8, 75)


def test_a_run_shorter_than_four_words_is_not_own():
    assert measure("We object to the plan.", ["to the plan"]).own == 0


def test_case_and_punctuation_do_not_break_a_run():
    assert measure("OUR LUNCH-CLUB, closed!", ["our lunch club closed"]).own == 4


def test_an_empty_letter_has_no_share():
    assert measure("", []).share == 0.0 and measure("", []).low


def test_what_the_group_typed_leaves_out_what_it_copied(full_draft):
    typed = typed_texts(full_draft)
    assert full_draft.reasons[0].example in typed and full_draft.context in typed
    assert full_draft.consultation.title not in typed
    assert all(q.text not in typed for q in full_draft.questions)


def test_a_letter_of_template_text_only_is_none_of_the_groups_own(catalogue):
    draft = Draft(reasons=[ChosenReason(2), ChosenReason(20)])
    letter = assemble(draft, catalogue, today=LETTER_DATE)
    result = measure_letter(draft, letter)
    assert result.own == 0 and result.low


def test_the_body_runs_from_the_salutation_to_the_signature(sample, catalogue):
    letter = assemble(sample, catalogue, today=LETTER_DATE)
    text = body(letter)
    assert text.startswith("Dear ") and text.endswith(sample.group.name)
    assert sample.group.address not in text and "Annex" not in text


@pytest.mark.parametrize("template", ["formal", "questions", "councillors", "email"])
def test_the_groups_examples_and_answers_count(catalogue, template):
    example = "Our lunch club lost its grant in May and forty people now eat alone."
    answer = "No: the model would close three small groups."
    draft = Draft(
        reasons=[ChosenReason(2, example)],
        questions=[Question("Do you agree?", [], answer)],
    )
    letter = assemble(draft, catalogue, template=template, today=LETTER_DATE)
    result = measure_letter(draft, letter)
    own = len(example.split()) + (len(answer.split()) if template == "questions" else 0)
    assert result.own >= own
    assert result.total == len(words(body(letter)))


def test_words_the_group_adds_in_its_own_edit_count(sample, catalogue):
    before = own_words(sample, final_letter(sample, catalogue, today=LETTER_DATE))
    closing = next(
        p for p in assemble(sample, catalogue, today=LETTER_DATE).pieces() if p.id == "closing"
    )
    edited = closing.text + " We invite you to visit our Thursday lunch club."
    sample.edits = [Edit("closing", closing.text, edited)]
    after = own_words(sample, final_letter(sample, catalogue, today=LETTER_DATE))
    assert after.own == before.own + 9


def test_stock_text_kept_in_an_edit_is_not_the_groups_own(sample, catalogue):
    closing = next(
        p for p in assemble(sample, catalogue, today=LETTER_DATE).pieces() if p.id == "closing"
    )
    assert added_words(closing.text, closing.text + " " + closing.text) == []  # only a copy
    assert added_words(closing.text, "Thank you. " + closing.text) == ["thank you"]


def test_a_low_share_gets_a_nudge_that_says_why_and_what_to_add():
    note = own_words_note(measure("a b c d e f g h i j", ["a b c d"]), missing_examples=2)
    assert note.startswith("About 40% of this letter is in your own words.")
    high = own_words_note(measure("a b c d", ["a b c d"]))
    assert high.startswith("About 100%") and "count them as one" not in high
    low = own_words_note(measure("a b c d e f g h i j k l m n o p q r s t u", ["a b c d"]), 2)
    assert "count them as one" in low and "local evidence" in low
    assert "2 of your reasons have no local example yet." in low
