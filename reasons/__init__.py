"""The reasons catalogue (built from NCIA's "26 Good Reasons", 2012) and the situation
questionnaire: data files beside this package, validated on load."""

from reasons.catalogue import (
    Catalogue,
    CatalogueError,
    Evidence,
    Paper,
    Reason,
    SituationQuestion,
    Theme,
    load_catalogue,
    load_situation_questions,
)
from reasons.suggestions import (
    ANSWERS,
    NO,
    NOT_SURE,
    QUICK_PICK,
    YES,
    SuggestedReason,
    suggest,
)

__all__ = [
    "ANSWERS",
    "NO",
    "NOT_SURE",
    "QUICK_PICK",
    "YES",
    "Catalogue",
    "CatalogueError",
    "Evidence",
    "Paper",
    "Reason",
    "SituationQuestion",
    "SuggestedReason",
    "Theme",
    "load_catalogue",
    "load_situation_questions",
    "suggest",
]
