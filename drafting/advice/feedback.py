"""Plain-English feedback on a local example: what makes it bite, and what it could add.

An example persuades when it is specific. These rules look for five things an officer can check
or picture: a number, a date or period, a place, a consequence and a person's own words. They
only advise; nothing here stops a letter.

    >>> example_feedback("Our Thursday lunch club in Hillside fed 40 people until May 2026.").note
    'It has a number, a date or period and a place. Add what happened as a result.'
    >>> example_feedback("").note
    ''
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
    "|hundred|hundreds|thousand|thousands|dozen|dozens|half|quarter"
)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_PERIODS = (
    r"since|until|ago|last (?:year|month|week|winter|summer|spring|autumn)|this year"
    r"|(?:a|per|each|every) (?:day|week|month|year)|weekly|monthly|yearly|annually"
    r"|\d+ (?:days?|weeks?|months?|years?)|(?:days|weeks|months|years)\b"
)
_PLACE_NOUNS = (
    "centre|center|hall|estate|ward|street|road|village|town|library|surgery|church|school"
    "|park|high street|neighbourhood|borough|district|county|parish|market|station|flat|home"
)
_CONSEQUENCES = (
    r"so|because|which meant|meaning|as a result|led to|lost|closed|closing|stopped|ended|cut"
    r"|had to|could not|couldn't|can't|cannot|no longer|without|left|waited|waiting|gave up"
    r"|turned away|fell|rose|doubled|halved|now"
)

_RULES = (
    (
        "a number",
        re.compile(rf"\d|£|%|\b(?:{_NUMBER_WORDS})\b", re.IGNORECASE),
        "how many or how much",
    ),
    (
        "a date or period",
        re.compile(rf"\b(?:19|20)\d\d\b|\b(?:{_MONTHS}|{_DAYS})\b|\b(?:{_PERIODS})", re.IGNORECASE),
        "when, or for how long",
    ),
    (
        "a place",
        # "in Hillside", "at the Marsh Lane centre": a preposition, then a capitalised name
        # that is not a month or a day; or a word for a place.
        re.compile(
            rf"\b(?i:in|at|near|across|around|from) (?:the )?(?!(?:{_MONTHS}|{_DAYS})\b)[A-Z]"
            rf"|\b(?i:{_PLACE_NOUNS})\b"
        ),
        "where it happened",
    ),
    (
        "a consequence",
        re.compile(rf"\b(?:{_CONSEQUENCES})\b", re.IGNORECASE),
        "what happened as a result",
    ),
    (
        "a person's own words",
        # Quotation marks only: "told us" or "said" alone reports what someone said, in the
        # group's words, and gives the reader nothing of the person's own.
        re.compile(r"[\"“”]|(?:^|\s)'[^']+'"),
        "what someone said, in quotation marks, if they have agreed to be quoted",
    ),
)
# Enough to bite: the first four make a strong example; a person's words are a bonus.
_CORE = ("a number", "a date or period", "a place", "a consequence")


@dataclass(frozen=True)
class Feedback:
    """What an example has (`has`), what it could add (`could_add`), and a note saying both."""

    has: tuple[str, ...]
    could_add: tuple[str, ...]
    note: str


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


@lru_cache(maxsize=2048)
def example_feedback(text: str) -> Feedback:
    """Say what in `text` makes it bite and, in one hint, the first thing it could add.

    An empty example gets no feedback (the page asks for one instead). A person's words come
    with a reminder to ask their permission, since responses are often published. Kept for each
    text (every rerun of Local examples asks again for every example), shared by sessions.
    """
    if not text.strip():
        return Feedback((), (), "")
    has = tuple(name for name, pattern, _ in _RULES if pattern.search(text))
    could_add = tuple(name for name in _CORE if name not in has)
    parts = [f"It has {_listed(list(has))}." if has else "A start."]
    if could_add:
        hint = next(hint for name, pattern, hint in _RULES if name == could_add[0])
        parts.append(f"Add {hint}.")
    else:
        parts.append("That makes it count.")
    if "a person's own words" in has:
        parts.append("Quote someone only if they agree: responses are often published.")
    return Feedback(has, could_add, " ".join(parts))
