"""Choosing, unchoosing and ordering reasons never loses a group's example."""

import pytest

from drafting import ChosenReason, Draft
from drafting.model.selection import add_reasons, move, set_chosen, set_evidence, set_reasons


@pytest.fixture
def draft():
    return Draft(reasons=[ChosenReason(2, "Price is 70%."), ChosenReason(20, ""), ChosenReason(5)])


def test_unticking_keeps_the_example_and_reticking_restores_it(draft):
    set_chosen(draft, 2, False)
    assert draft.reason_ids == [20, 5]
    assert draft.set_aside == [ChosenReason(2, "Price is 70%.")]
    set_chosen(draft, 2, True)
    assert draft.reasons[-1] == ChosenReason(2, "Price is 70%.")
    assert draft.set_aside == []


def test_unticking_a_reason_without_an_example_keeps_nothing(draft):
    set_chosen(draft, 20, False)
    assert draft.set_aside == []


def test_ticking_a_chosen_reason_or_unticking_an_unchosen_one_changes_nothing(draft):
    draft.set_aside = [ChosenReason(7, "kept")]
    before = draft.reasons.copy()
    set_chosen(draft, 2, True)
    set_chosen(draft, 9, False)
    assert draft.reasons == before
    assert draft.set_aside == [ChosenReason(7, "kept")]


def test_an_example_set_aside_is_saved_with_the_draft(draft):
    from drafting import draft_to_json, parse_draft

    set_chosen(draft, 2, False)
    assert parse_draft(draft_to_json(draft)).set_aside == [ChosenReason(2, "Price is 70%.")]


def test_adding_suggestions_skips_chosen_ones_and_keeps_their_examples(draft):
    draft.set_aside = [ChosenReason(14, "A national charity came to the market event.")]
    added = add_reasons(draft, [14, 2, 19, 14])
    assert added == [14, 19]
    assert draft.reasons == [
        ChosenReason(2, "Price is 70%."),
        ChosenReason(20, ""),
        ChosenReason(5),
        ChosenReason(14, "A national charity came to the market event."),
        ChosenReason(19),
    ]


@pytest.mark.parametrize(
    ("reason", "step", "order"),
    [
        (20, -1, [20, 2, 5]),
        (20, 1, [2, 5, 20]),
        (2, -1, [2, 20, 5]),
        (5, 1, [2, 20, 5]),
        (5, -5, [5, 2, 20]),
    ],
)
def test_moving_a_reason(draft, reason, step, order):
    move(draft, reason, step)
    assert draft.reason_ids == order
    assert draft.reasons[order.index(2)].example == "Price is 70%."


def test_evidence_is_included_once_and_the_choice_outlives_unticking_the_reason():
    draft = Draft(reasons=[ChosenReason(20, "Four groups.")])
    set_evidence(draft, 20, True)
    set_evidence(draft, 20, True)
    assert draft.evidence == [20]
    set_chosen(draft, 20, False)
    set_chosen(draft, 20, True)
    assert draft.evidence == [20]
    set_evidence(draft, 20, False)
    assert draft.evidence == []


def test_setting_the_reasons_keeps_order_and_sets_removed_examples_aside(draft):
    set_reasons(draft, [5, 14, 2, 19])
    assert draft.reason_ids == [2, 5, 14, 19]
    assert draft.set_aside == []  # reason 20 had no example to keep
    set_reasons(draft, [5, 14, 19])
    assert draft.set_aside == [ChosenReason(2, "Price is 70%.")]
    set_reasons(draft, [5, 14, 19, 2])
    assert draft.reasons[-1] == ChosenReason(2, "Price is 70%.")
