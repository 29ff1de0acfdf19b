"""Turn answers to the situation questionnaire into suggested reasons, strongest first.

>>> from reasons.catalogue import load_catalogue, load_situation_questions
>>> questions = load_situation_questions(load_catalogue())
>>> [s.reason for s in suggest(questions, {"large_bidder": YES})][:1]
[14]
>>> [s.reason for s in suggest(questions, {"large_bidder": YES, "small_group": YES})][:1]
[20]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reasons.catalogue import SituationQuestion

YES, NO, NOT_SURE = "yes", "no", "not sure"
ANSWERS = (YES, NO, NOT_SURE)
# The quick path ticks this many of the strongest suggestions; three to five strong reasons,
# each with a local example, make a better letter than many.
QUICK_PICK = 3


@dataclass(frozen=True)
class SuggestedReason:
    reason: int
    whys: tuple[str, ...]


def suggest(
    questions: Iterable[SituationQuestion], answers: Mapping[str, str]
) -> list[SuggestedReason]:
    """Suggest the reasons of every question answered yes, strongest first.

    A reason suggested by several answers appears once, with every why in turn. The strongest
    reason fits the most "yes" answers; between equals, the one listed nearer the top of a
    question's suggestions (situation.toml lists each question's strongest first), then the one
    suggested first in the questionnaire.
    """
    whys: dict[int, list[str]] = {}
    best_place: dict[int, int] = {}
    for question in questions:
        if answers.get(question.id) == YES:
            for place, s in enumerate(question.suggests):
                whys.setdefault(s.reason, []).append(s.why)
                best_place[s.reason] = min(place, best_place.get(s.reason, place))
    first_seen = {reason: n for n, reason in enumerate(whys)}
    ranked = sorted(whys, key=lambda r: (-len(whys[r]), best_place[r], first_seen[r]))
    return [SuggestedReason(reason, tuple(whys[reason])) for reason in ranked]
