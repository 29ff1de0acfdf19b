"""The draft: the one document the app stores, as dataclasses, with its limits.

Limits (say them in the app and the README): a draft file of at most 3 MB; each field at most the
`max` in its metadata below (examples, context and answers 10,000 characters; stories and
comments from the draft's links 2,000; each of the user's edits of the letter 200,000;
addresses and the group's description 1,000; other single fields 300); lists at most `max`
items, each list or map item at most `item_max` characters.

Fields beyond the minimal contract are named in EXTENSIONS (a dotted name reaches inside a
part, or inside each item of a list) and left out of the file while empty, so a contract-only
draft file round-trips to the same file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from reasons.catalogue import REASON_COUNT

SCHEMA = "response-builder/draft@1"
SCHEMA_PREFIX = "response-builder/draft@"
POSITION_LABELS = {
    "oppose": "We oppose it",
    "support_with_changes": "We support it only with changes",
    "support_with_concerns": "We support it, with concerns",
}
STAGE_LABELS = {
    "early": "Asking for ideas (early engagement)",
    "formal": "Consulting on a proposal",
    "tender": "A tender has been announced",
}
RESPONSE_METHODS = ("email", "letter", "survey", "form")
MAX_FILE_BYTES = 3_000_000
LETTER_TEXT = 200_000
MAX_QUESTIONS = 50
QUESTION_TEXT = 2_000
# The box of a document's questions, one to a line with their numbers: room for as many as a
# draft holds, each as long as a question may be.
QUESTION_LINES = MAX_QUESTIONS * (QUESTION_TEXT + 10)
MAX_EDITS = 500
DOCUMENT_TEXT = 300_000  # the consultation document's text kept for searching (about 100 pages)
PAGE_BREAK = "\f"  # between the pages of `document_text`, where the document has pages
LONG_TEXT = 10_000
STORY_TEXT = 2_000  # a story sent through a story link, and a comment sent through a comment link
MEDIUM_TEXT = 1_000
SHORT_TEXT = 300
KNOWN_REASONS = frozenset(range(1, REASON_COUNT + 1))
FIRST_YEAR, LAST_YEAR = 2000, 2099  # the years a consultation's dates may fall in
TEMPLATE_NAME = re.compile(r"[a-z0-9_-]{1,40}")  # a template file's name, without .j2
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class DraftError(ValueError):
    """A draft file or value is not a valid draft; the message is fit to show a user."""


def _text(limit: int = SHORT_TEXT) -> Any:
    return field(default="", metadata={"max": limit})


def _items(limit: int) -> Any:
    return field(default_factory=list, metadata={"max": limit})


@dataclass
class Group:
    name: str = _text()
    about: str = _text(MEDIUM_TEXT)
    address: str = _text(MEDIUM_TEXT)
    email: str = _text()
    phone: str = _text()
    signatory: str = _text()
    role: str = _text()
    registration: str = _text()


@dataclass
class Consultation:
    body: str = _text()
    title: str = _text()
    reference: str = _text()
    closes: str = _text()
    recipient: str = _text()
    recipient_address: str = _text(MEDIUM_TEXT)
    service: str = _text()
    opens: str = _text()  # the date it opened, YYYY-MM-DD, to judge whether the time was fair
    respond_to: str = _text(MEDIUM_TEXT)  # the e-mail, postal address or survey link it gives
    # How the consultation takes responses: one of RESPONSE_METHODS, "" while not known.
    response_method: str = _text(20)
    # The consultation publishes no closing date (a rolling engagement, information sessions):
    # the app stops asking for one.
    no_closing_date: bool = False

    @property
    def closing_date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.closes) if self.closes else None

    @property
    def opening_date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.opens) if self.opens else None


@dataclass
class Quote:
    """The passage of the consultation document a chosen reason answers, as written, and its
    page (None where the document has no pages)."""

    text: str = _text(MEDIUM_TEXT)
    page: int | None = None


@dataclass
class ChosenReason:
    id: int = 0
    example: str = _text(LONG_TEXT)
    # Left out of repr so a reason without a quote reads as before: ChosenReason(id=2, example='')
    quote: Quote = field(default_factory=Quote, repr=False)


@dataclass
class CoSignatory:
    group: str = _text()
    name: str = _text()
    role: str = _text()
    # The day a partner signed on through a sign-on link and the coordinator accepted it
    # (YYYY-MM-DD); empty for a co-signatory the coordinator typed in.
    signed_on: str = _text(10)


# What a person sending a story lets the group do with it (`Story.consent`).
CONSENTS = {
    "name": "Quote me by name",
    "anonymous": "Quote me without my name",
    "private": "For the group's information only",
}


@dataclass
class Story:
    """A story sent through a story link that the coordinator kept: its words, the name and
    role its sender gave (both optional), their consent (one of CONSENTS), the day it came
    (YYYY-MM-DD), and the reason whose example quotes it (0: kept as background only)."""

    text: str = _text(STORY_TEXT)
    name: str = _text()
    role: str = _text()
    consent: str = _text(20)
    received: str = _text(10)
    reason: int = 0


@dataclass
class Comment:
    """A comment sent through a comment link on one block of the letter (by its id, in the
    template it was made in), that the coordinator marked done."""

    block: str = _text(80)
    template: str = _text(40)
    text: str = _text(STORY_TEXT)
    name: str = _text()
    received: str = _text(10)


@dataclass
class Question:
    """One of the consultation's own questions; `number` is its own numbering ("3", "3a"),
    empty when it has none (the letter then numbers it by its place)."""

    text: str = _text(QUESTION_TEXT)
    reasons: list[int] = _items(REASON_COUNT)
    answer: str = _text(LONG_TEXT)
    number: str = _text(20)


EXTENSIONS = (
    "situation",
    "set_aside",
    "letter_edit",
    "edits.template",  # before "edits": an empty list is dropped whole
    "edits",
    "questions_paste",
    "evidence",
    "fairness",
    "fairness_notes",
    "consultation.opens",
    "consultation.respond_to",
    "reasons.quote",
    "set_aside.quote",
    "consultation.response_method",
    "consultation.no_closing_date",
    "questions.number",
    "position",
    "stage",
    "summary",
    "agree",
    "alternatives",
    "co_signatories.signed_on",
    "stories",
    "comments",
    "left_out",
    "document_text",
)


@dataclass
class LetterEdit:
    """An older version's edit of the whole letter as one text. Read from old drafts only:
    loading one carries its text over to `edits` (see `WHOLE_LETTER`); never written again."""

    text: str = _text(LETTER_TEXT)
    based_on: str = _text(64)


# The block id of an edit of the whole letter, carried over from an old draft's `letter_edit`.
# `drafting.letter.final.carry_over` splits it into edits of the letter's own blocks.
WHOLE_LETTER = "letter"
BLOCK_ID = re.compile(r"[a-z0-9-]{1,80}")


@dataclass
class Edit:
    """The group's own text for one block of the letter (a paragraph, a heading or one list
    item, by its id), and the generated text it replaced, to tell when that has changed since.
    `template` is the letter template it was made in; empty, it applies to any template."""

    block: str = _text(80)
    was: str = _text(LETTER_TEXT)
    text: str = _text(LETTER_TEXT)
    template: str = _text(40)


@dataclass
class Draft:
    """A group's response in progress. The order of `reasons` is the order of the letter."""

    schema: str = SCHEMA
    group: Group = field(default_factory=Group)
    consultation: Consultation = field(default_factory=Consultation)
    reasons: list[ChosenReason] = _items(REASON_COUNT)
    context: str = _text(LONG_TEXT)
    asks: list[str] = _items(20)
    co_signatories: list[CoSignatory] = _items(50)
    copy_to: list[str] = _items(30)
    questions: list[Question] = _items(MAX_QUESTIONS)
    template: str = "formal"
    tone: str = "formal"
    # Beyond the minimal contract: everything else the group typed or chose, so nothing is lost.
    situation: dict[str, str] = field(default_factory=dict, metadata={"max": 50})
    set_aside: list[ChosenReason] = _items(REASON_COUNT)
    letter_edit: LetterEdit = field(default_factory=LetterEdit)
    # The group's edits of the letter, one per block and template (see `drafting.letter.final`).
    edits: list[Edit] = _items(MAX_EDITS)
    # The consultation's questions as pasted, until the group splits them into questions.
    questions_paste: str = _text(LONG_TEXT)
    # Reasons (by id) whose national evidence the group includes; the letter lists its sources.
    evidence: list[int] = _items(REASON_COUNT)
    # Fair-process concerns ticked (ids from reasons/fairness.toml), and the group's note on
    # each; a note outlives unticking its concern.
    fairness: list[str] = field(default_factory=list, metadata={"max": 20, "item_max": 40})
    fairness_notes: dict[str, str] = field(
        default_factory=dict, metadata={"max": 20, "item_max": LONG_TEXT}
    )
    # Where the group stands, how far the process has gone, its position in one sentence, where
    # it agrees, and the alternatives (ids from the catalogue) it proposes instead.
    # Both "" until the group chooses: the letter then states no position.
    position: str = _text(40)
    stage: str = _text(40)
    summary: str = _text(MEDIUM_TEXT)
    agree: str = _text(LONG_TEXT)
    alternatives: list[str] = field(default_factory=list, metadata={"max": 20, "item_max": 40})
    # What came through the draft's links and the coordinator kept (docs/links.md): stories
    # (those used are quoted in their reason's example), and comments marked done.
    stories: list[Story] = _items(200)
    comments: list[Comment] = _items(500)
    # Examples the group leaves out of one template's letter (it is over that template's
    # length on the group's own words alone), each "template:reason id", e.g. "email:20". The
    # example stays in the draft and in every other template.
    left_out: list[str] = field(default_factory=list, metadata={"max": 200, "item_max": 50})
    # The consultation document's text as read (its pages split by PAGE_BREAK), kept so the
    # group can search it for a sentence to quote; cut at DOCUMENT_TEXT characters.
    document_text: str = _text(DOCUMENT_TEXT)

    def leaves_out(self, template: str, reason: int) -> bool:
        return f"{template}:{reason}" in self.left_out

    @property
    def reason_ids(self) -> list[int]:
        return [r.id for r in self.reasons]

    def to_dict(self) -> dict[str, Any]:
        """The draft as JSON-ready data; fields beyond the contract only when they hold
        something, so a contract-only draft file round-trips to the same file."""
        data = dataclasses.asdict(self)
        for name in EXTENSIONS:
            _drop_if_empty(data, name.split("."))
        return data


def _is_empty(value: Any) -> bool:
    if isinstance(value, dict) and value:
        return all(_is_empty(v) for v in value.values())
    return value is None or value is False or value in ("", [], {})


def _drop_if_empty(data: dict[str, Any], path: list[str]) -> None:
    """Delete the field at `path` (into parts, and into every item of a list) while empty."""
    name, *rest = path
    if name not in data:
        return  # dropped already (an empty list before its items' fields)
    if not rest:
        if _is_empty(data[name]):
            del data[name]
        return
    inner = data[name]
    for part in inner if isinstance(inner, list) else [inner]:
        _drop_if_empty(part, rest)
