"""How much of the letter is the group's own writing."""

import pytest

from drafting import ChosenReason, Draft, Edit, Question, assemble
from drafting.final import final_letter, own_words
from drafting.ownwords import measure, measure_letter, own_words_note, without_own_writing
from tests.conftest import LETTER_DATE


def test_words_beyond_the_stock_letter_are_the_groups_own():
    result = measure("We object. Our lunch club closed in May.", "We object.")
    assert (result.own, result.total, result.percent) == (6, 8, 75)


def test_counting_ignores_case_and_punctuation_but_counts_repeats():
    assert measure("The the THE, the.", "the").own == 3


def test_an_empty_letter_has_no_share():
    assert measure("", "").share == 0.0 and measure("", "").low


def test_without_own_writing_leaves_out_everything_the_group_wrote(full_draft):
    stock = without_own_writing(full_draft)
    assert all(not r.example for r in stock.reasons) and not stock.context and not stock.asks
    assert not stock.group.about and not stock.fairness_notes
    assert all(not q.answer for q in stock.questions)
    assert stock.reason_ids == full_draft.reason_ids and stock.group.name == full_draft.group.name
    assert full_draft.reasons[0].example  # the draft itself is untouched


def test_a_letter_of_template_text_only_is_none_of_the_groups_own(catalogue):
    draft = Draft(reasons=[ChosenReason(2), ChosenReason(20)])
    letter = assemble(draft, catalogue, today=LETTER_DATE)
    result = measure_letter(draft, catalogue, letter, LETTER_DATE)
    assert result.own == 0 and result.low


@pytest.mark.parametrize("template", ["formal", "questions", "councillors", "email"])
def test_the_groups_examples_and_answers_count_exactly(catalogue, template):
    example = "Our lunch club lost its grant in May and forty people now eat alone."
    answer = "No: the model would close three small groups."
    draft = Draft(
        reasons=[ChosenReason(2, example)],
        questions=[Question("Do you agree?", [], answer)],
    )
    letter = assemble(draft, catalogue, template=template, today=LETTER_DATE)
    result = measure_letter(draft, catalogue, letter, LETTER_DATE)
    own = len(example.split()) + (len(answer.split()) if template == "questions" else 0)
    assert result.own >= own
    assert result.total == letter.word_count()


def test_words_the_group_adds_in_its_own_edit_count(sample, catalogue):
    before = own_words(
        sample, catalogue, final_letter(sample, catalogue, today=LETTER_DATE), LETTER_DATE
    )
    closing = next(
        p for p in assemble(sample, catalogue, today=LETTER_DATE).pieces() if p.id == "closing"
    )
    edited = closing.text + " We invite you to visit our Thursday lunch club."
    sample.edits = [Edit("closing", closing.text, edited)]
    final = final_letter(sample, catalogue, today=LETTER_DATE)
    after = own_words(sample, catalogue, final, LETTER_DATE)
    assert after.own == before.own + 9


def test_a_low_share_gets_a_nudge_that_says_why_and_what_to_add():
    note = own_words_note(measure("a b c d e f g h i j", "a b c d e f g h i"), missing_examples=2)
    assert note.startswith("About 10% of this letter is in your own words.")
    assert "count them as one" in note and "local evidence" in note
    assert "2 of your reasons have no local example yet." in note
    high = own_words_note(measure("a b c d", "a b"))
    assert high.startswith("About 50%") and "count them as one" not in high
