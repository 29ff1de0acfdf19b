"""The checks behind the app's warnings and progress panel: personal details, progress,
the closing date, and the length of a letter."""

import datetime as dt

import pytest

from drafting import ChosenReason, Draft, Question
from drafting.advice.privacy import personal_details, personal_details_note
from drafting.model.deadline import closing_note
from drafting.model.progress import has_content, progress, repeats_about
from drafting.model.wording import plural


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Write to jo.bloggs+cafe@example.org.uk today",
            [("an email address", "jo.bloggs+cafe@example.org.uk")],
        ),
        ("Call 07700 900123 after six", [("a phone number", "07700 900123")]),
        ("Ring (01234) 567890", [("a phone number", "(01234) 567890")]),
        ("Text +44 7700 900123", [("a phone number", "+44 7700 900123")]),
        ("Office: 020-7946-0000.", [("a phone number", "020-7946-0000")]),
        ("Mrs Patel, 84, lost her lunch club", [("a name", "Mrs Patel")]),
        ("We spoke to Dr. Ann Marie Jones yesterday", [("a name", "Dr. Ann Marie Jones")]),
        ("Our chair Mr Ŵyn Owen came", [("a name", "Mr Ŵyn Owen")]),
        # Names without a title, from the list of given names.
        (
            "Doreen Smith (84) and Priya missed their lunch when the van stopped.",
            [("a name", "Doreen Smith"), ("a name", "Priya")],
        ),
        ("Siobhan's daughter rang us in March.", [("a name", "Siobhan")]),
        (
            "We drove Grace Okafor home; Agnieszka came too.",
            [("a name", "Grace Okafor"), ("a name", "Agnieszka")],
        ),
    ],
)
def test_personal_details_are_found(text, expected):
    assert [(f.kind, f.text) for f in personal_details(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "In 2011 about 3000 people used the café; by 2019 it was 4,500.",
        "The contract is worth £1,200,000 over 3 years (2026 to 2029).",
        "One of our members, aged 84, lost her lunch club.",
        "Mrs and Mr are titles; mr smith wrote in lower case.",
        "Reference HDC/2026/17 and 0.5 FTE.",
        "Our Thursday lunch club fed 40 people a week until the grant ended in May 2026.",
        "The Grant Committee met in Brent and at Victoria Park with Age UK; Will they listen?",
        "Hope and grace: we will mark the day the Hillside District Council decided.",
    ],
)
def test_ordinary_examples_raise_no_warning(text):
    assert personal_details(text) == []
    assert personal_details_note(text) == ""


def test_the_warning_names_what_it_found_and_why_it_matters():
    note = personal_details_note("Mrs Patel (jo@example.org) says hello")
    assert "an email address (jo@example.org)" in note
    assert "a name (Mrs Patel)" in note
    assert "published" in note


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "0 reasons"), (1, "1 reason"), (2, "2 reasons"), (1200, "1,200 reasons")],
)
def test_plural(count, expected):
    assert plural(count, "reason") == expected


def test_a_blank_draft_has_no_content_even_with_another_tone():
    assert not has_content(Draft())
    assert not has_content(Draft(tone="firm", template="email"))


@pytest.mark.parametrize(
    "change",
    [
        lambda d: setattr(d.group, "name", "Hillside"),
        lambda d: d.reasons.append(ChosenReason(2)),
        lambda d: d.copy_to.append(""),
        lambda d: setattr(d, "context", "x"),
    ],
)
def test_anything_typed_or_chosen_is_content(change):
    draft = Draft()
    change(draft)
    assert has_content(draft)


def test_progress_of_a_blank_draft_says_what_to_do():
    steps = progress(Draft(), situation_answered=False)
    assert not any(step.done for step in steps.values())
    assert [s.status for s in steps.values()] == [
        "optional",
        "to do",
        "to do",
        "to do",
        "optional",
        "not yet",
    ]
    assert steps["reasons"].missing == ("No reasons chosen yet",)
    assert steps["examples"].missing == ("Choose reasons first",)
    assert steps["details"].missing == (
        "Add your group's name",
        "Add who signs the letter",
        "Add which consultation this is",
        "Add the closing date",
        "Say where you stand",
    )
    assert steps["letter"].missing == (
        "Choose at least one reason",
        "Add your group's name",
        "Say which consultation",
        "Say where you stand (Your situation or About you)",
    )


def test_the_letter_is_ready_only_with_a_group_a_consultation_and_a_reason():
    draft = Draft(reasons=[ChosenReason(20)], position="oppose", stage="formal")
    assert progress(draft, situation_answered=False)["letter"].status == "not yet"
    draft.group.name = "Hillside Café"
    assert progress(draft, situation_answered=False)["letter"].missing == (
        "Say which consultation",
    )
    draft.consultation.body = "Hillside District Council"
    assert progress(draft, situation_answered=False)["letter"].status == "ready"


def test_progress_counts_reasons_without_an_example(sample):
    sample.position, sample.stage = "oppose", "formal"
    sample.reasons += [ChosenReason(5, ""), ChosenReason(6, "  ")]
    steps = progress(sample, situation_answered=True)
    assert steps["situation"].done and steps["reasons"].done and steps["details"].done
    assert not steps["examples"].done
    assert steps["examples"].missing == ("2 reasons have no local example",)
    sample.reasons[-1].example = "Our drop-in closed."
    assert progress(sample, situation_answered=True)["examples"].missing == (
        "1 reason has no local example",
    )


def test_the_sample_draft_is_complete_but_for_the_optional_questions(sample):
    assert progress(sample, situation_answered=True)["letter"].missing == (
        "Say where you stand (Your situation or About you)",
    )  # the sample draft has not chosen
    sample.position, sample.stage = "oppose", "formal"
    steps = progress(sample, situation_answered=True)
    assert all(step.done for name, step in steps.items() if name != "questions")
    assert not any(step.missing for step in steps.values())
    statuses = [s.status for s in steps.values()]
    assert statuses == ["done", "done", "done", "done", "optional", "ready"]


def test_progress_flags_questions_with_no_answer_and_no_reason(sample):
    sample.questions = [Question("Why?", [], "", number="2"), Question("How?", [], "", number="5")]
    step = progress(sample, situation_answered=True)["questions"]
    assert (step.done, step.status) == (False, "to do")
    assert step.missing == ("Questions 2 and 5 have no answer and no linked reason.",)
    sample.questions[0].reasons = [2]
    sample.questions[1].answer = "We think not."
    assert progress(sample, situation_answered=True)["questions"].status == "done"


def test_a_fairness_concern_alone_completes_the_questions_step(sample):
    sample.fairness = ["time"]
    assert progress(sample, situation_answered=True)["questions"].done


CLOSES = dt.date(2027, 1, 31)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2027, 1, 19), "The consultation closes in 12 days, on 31 January 2027."),
        (dt.date(2027, 1, 30), "The consultation closes tomorrow, 31 January 2027."),
        (CLOSES, "The consultation closes today, 31 January 2027."),
        (dt.date(2027, 2, 1), "The consultation closed 1 day ago, on 31 January 2027."),
        (dt.date(2027, 2, 3), "The consultation closed 3 days ago, on 31 January 2027."),
    ],
)
def test_closing_note(today, expected):
    assert closing_note(CLOSES, today).startswith(expected)


def test_closing_note_without_a_date_asks_for_one():
    assert "Add the consultation's closing date" in closing_note(None, CLOSES)


@pytest.mark.parametrize(
    ("context", "about", "repeated"),
    [
        ("A café since 2011.", "a café since 2011", True),
        ("We are a café since 2011.", "A café since 2011, serving 90 people a week.", False),
        ("A café since 2011", "A café since 2011, serving 90 people a week.", True),
        ("", "A café.", False),
        ("The proposal would end the only lunch club in the ward.", "A café.", False),
    ],
)
def test_text_before_the_reasons_that_repeats_the_group_description_is_noticed(
    context, about, repeated
):
    draft = Draft(context=context)
    draft.group.about = about
    assert repeats_about(draft) is repeated
