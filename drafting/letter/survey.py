"""Answers for an online survey: each of the consultation's questions with its own answer, ready
to paste into the survey's box for that question, since a survey takes no letter.

    >>> from drafting import ChosenReason, Draft, Question
    >>> from reasons import load_catalogue
    >>> draft = Draft(reasons=[ChosenReason(2, "Price is 70% of the marks.")],
    ...               questions=[Question("Do you agree?", [2], "No.", "1")])
    >>> [(a.heading, a.question) for a in survey_answers(draft, load_catalogue())]
    [('Question 1', 'Do you agree?')]
    >>> print(survey_answers(draft, load_catalogue())[0].text)
    No.
    <BLANKLINE>
    Price comes before quality. When budgets drive the decision, the cheapest bid can win even \
where it is not the best or most suitable service. From our own experience: Price is 70% of the \
marks.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafting.model.draft import Draft
from drafting.model.questions import label
from reasons import Catalogue


@dataclass(frozen=True)
class SurveyAnswer:
    """One box of the survey: what to look for (`heading`, `question`) and what to paste."""

    heading: str
    question: str
    text: str


def _reason_text(draft: Draft, catalogue: Catalogue, reason_id: int) -> str:
    reason = catalogue.reason(reason_id)
    example = next((r.example.strip() for r in draft.reasons if r.id == reason_id), "")
    text = f"{reason.title}. {reason.summary}"
    return f"{text} From our own experience: {example}" if example else text


def survey_answers(draft: Draft, catalogue: Catalogue) -> list[SurveyAnswer]:
    """Return the answer to paste under each of the draft's consultation questions (the group's
    own answer, then each linked reason in short with the group's example), and a last block
    with the chosen reasons linked to no question, for the survey's "anything else" box.

    Without questions, each chosen reason is its own block, to paste where it fits.
    """
    answers = []
    for position, question in enumerate(draft.questions, start=1):
        parts = [question.answer.strip()] if question.answer.strip() else []
        parts += [_reason_text(draft, catalogue, r) for r in question.reasons]
        text = "\n\n".join(parts) or "We have no comment on this question."
        answers.append(SurveyAnswer(f"Question {label(question, position)}", question.text, text))
    linked = {r for q in draft.questions for r in q.reasons}
    others = [r.id for r in draft.reasons if r.id not in linked]
    if draft.questions and others:
        text = "\n\n".join(_reason_text(draft, catalogue, r) for r in others)
        answers.append(SurveyAnswer("Other points", "For a box such as 'Anything else?'", text))
    elif not draft.questions:
        answers += [
            SurveyAnswer(
                f"Reason {r}", catalogue.reason(r).title, _reason_text(draft, catalogue, r)
            )
            for r in others
        ]
    return answers
