"""Two versions of one draft merged item by item (drafting/model/merge.py): two tabs writing
examples for different reasons, adding an ask each, answering different questions or editing
different blocks of the letter keep both; the same item changed twice is a choice for the user."""

from drafting import ChosenReason, Draft, draft_to_json, parse_draft
from drafting.model.draft import Edit, Question
from drafting.model.merge import merge_drafts


def copy(draft: Draft) -> Draft:
    return parse_draft(draft_to_json(draft))


def base_draft() -> Draft:
    return Draft(
        reasons=[ChosenReason(2), ChosenReason(20, "Our hall"), ChosenReason(7)],
        asks=["Keep the grant"],
        questions=[Question(text="Do you agree?"), Question(text="Anything else?")],
        edits=[Edit(block="opening", was="Dear", text="Dear Ms Khan")],
    )


def test_examples_of_different_reasons_are_both_kept():
    base = base_draft()
    mine, theirs = copy(base), copy(base)
    mine.reasons[0].example = "Our lunch club closed in May."
    theirs.reasons[2].example = "The bus to the new hub runs twice a week."
    merged = merge_drafts(base, mine, theirs)
    assert [(r.id, r.example) for r in merged.reasons] == [
        (2, "Our lunch club closed in May."),
        (20, "Our hall"),
        (7, "The bus to the new hub runs twice a week."),
    ]


def test_the_same_example_changed_in_both_is_a_choice():
    base = base_draft()
    mine, theirs = copy(base), copy(base)
    mine.reasons[1].example = "Our hall, first tab"
    theirs.reasons[1].example = "Our hall, second tab"
    assert merge_drafts(base, mine, theirs) is None


def test_an_ask_added_in_each_tab_keeps_both_and_answers_to_different_questions_too():
    base = base_draft()
    mine, theirs = copy(base), copy(base)
    mine.asks.append("Publish the options appraisal")
    mine.questions[0].answer = "No: the lots are too big."
    theirs.asks.append("Extend the deadline by four weeks")
    theirs.questions[1].answer = "Talk to us first."
    merged = merge_drafts(base, mine, theirs)
    assert merged.asks == [
        "Keep the grant",
        "Publish the options appraisal",
        "Extend the deadline by four weeks",
    ]
    assert [q.answer for q in merged.questions] == [
        "No: the lots are too big.",
        "Talk to us first.",
    ]


def test_a_reason_added_in_one_tab_and_the_order_changed_in_the_other():
    base = base_draft()
    mine, theirs = copy(base), copy(base)
    mine.reasons.insert(1, ChosenReason(11, "Our advice line"))  # after reason 2
    theirs.reasons.reverse()  # 7, 20, 2
    merged = merge_drafts(base, mine, theirs)
    assert [r.id for r in merged.reasons] == [7, 20, 2, 11]
    assert merged.reasons[3].example == "Our advice line"


def test_edits_of_different_blocks_are_both_kept_and_a_removed_reason_with_a_new_example_is_not():
    base = base_draft()
    mine, theirs = copy(base), copy(base)
    mine.edits.append(Edit(block="closing", was="Yours", text="With thanks"))
    theirs.edits[0].text = "Dear Councillor Khan"
    merged = merge_drafts(base, mine, theirs)
    assert [(e.block, e.text) for e in merged.edits] == [
        ("opening", "Dear Councillor Khan"),
        ("closing", "With thanks"),
    ]
    mine, theirs = copy(base), copy(base)
    mine.reasons[1].example = "More about our hall"
    del theirs.reasons[1]
    assert merge_drafts(base, mine, theirs) is None
