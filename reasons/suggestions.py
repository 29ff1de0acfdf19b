"""Turn answers to the situation questionnaire into suggested reasons, each with its why.

>>> from reasons.catalogue import load_catalogue, load_situation_questions
>>> questions = load_situation_questions(load_catalogue())
>>> [s.reason for s in suggest(questions, {"large_bidder": YES})][:1]
[14]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reasons.catalogue import SituationQuestion

YES, NO, NOT_SURE = "yes", "no", "not sure"
ANSWERS = (YES, NO, NOT_SURE)


@dataclass(frozen=True)
class SuggestedReason:
    reason: int
    whys: tuple[str, ...]


def suggest(
    questions: Iterable[SituationQuestion], answers: Mapping[str, str]
) -> list[SuggestedReason]:
    """Suggest the reasons of every question answered yes, in the questionnaire's order.

    A reason suggested by several answers appears once, with every why in turn.
    """
    whys: dict[int, list[str]] = {}
    for question in questions:
        if answers.get(question.id) == YES:
            for s in question.suggests:
                whys.setdefault(s.reason, []).append(s.why)
    return [SuggestedReason(reason, tuple(w)) for reason, w in whys.items()]
