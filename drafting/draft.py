"""The draft: the one document the app stores, its JSON contract, and its validation.

A draft round-trips exactly: `parse_draft(draft_to_json(d)) == d`. Anything that is not a valid
draft raises one `DraftError` whose message says, in plain English, which field is wrong:

    >>> parse_draft('{"schema": "response-builder/draft@1", "reasons": [{"id": 42}]}')
    Traceback (most recent call last):
    ...
    drafting.draft.DraftError: Reason 42 is not one of the 26 reasons (they are numbered 1 to 26).

Limits (say them in the app and the README): a draft file of at most 3 MB; each field at most the
`max` in its metadata below (examples, context and answers 10,000 characters; each of the
user's edits of the letter 200,000; addresses and the group's description 1,000; other single fields
300); lists at most `max` items, each list or map item at most `item_max` characters.

Fields beyond the minimal contract are named in EXTENSIONS (a dotted name reaches inside a
part, or inside each item of a list) and left out of the file while empty, so a contract-only
draft file round-trips to the same file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

from reasons.catalogue import REASON_COUNT, alternative_ids
from reasons.fairness import concern_ids
from reasons.phrases import POSITIONS, STAGES, TONES
from reasons.suggestions import ANSWERS

SCHEMA = "response-builder/draft@1"
SCHEMA_PREFIX = "response-builder/draft@"
POSITION_LABELS = {
    "oppose": "We oppose it",
    "support_with_changes": "We support it only with changes",
    "support_with_concerns": "We support it, with concerns",
}
STAGE_LABELS = {
    "early": "Early engagement: ideas and options",
    "formal": "Formal consultation on a proposal",
    "tender": "A tender has been announced",
}
RESPONSE_METHODS = ("email", "letter", "survey", "form")
MAX_FILE_BYTES = 3_000_000
LETTER_TEXT = 200_000
LONG_TEXT = 10_000
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


@dataclass
class Question:
    """One of the consultation's own questions; `number` is its own numbering ("3", "3a"),
    empty when it has none (the letter then numbers it by its place)."""

    text: str = _text(2_000)
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
    "questions.number",
    "position",
    "stage",
    "summary",
    "agree",
    "alternatives",
)


@dataclass
class LetterEdit:
    """An older version's edit of the whole letter as one text. Read from old drafts only:
    loading one carries its text over to `edits` (see `WHOLE_LETTER`); never written again."""

    text: str = _text(LETTER_TEXT)
    based_on: str = _text(64)


# The block id of an edit of the whole letter, carried over from an old draft's `letter_edit`.
# `drafting.final.carry_over` splits it into edits of the letter's own blocks.
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
    questions: list[Question] = _items(50)
    template: str = "formal"
    tone: str = "formal"
    # Beyond the minimal contract: everything else the group typed or chose, so nothing is lost.
    situation: dict[str, str] = field(default_factory=dict, metadata={"max": 50})
    set_aside: list[ChosenReason] = _items(REASON_COUNT)
    letter_edit: LetterEdit = field(default_factory=LetterEdit)
    # The group's edits of the letter, one per block and template (see `drafting.final`).
    edits: list[Edit] = _items(500)
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
    position: str = "oppose"
    stage: str = "formal"
    summary: str = _text(MEDIUM_TEXT)
    agree: str = _text(LONG_TEXT)
    alternatives: list[str] = field(default_factory=list, metadata={"max": 20, "item_max": 40})

    @property
    def reason_ids(self) -> list[int]:
        return [r.id for r in self.reasons]

    def to_dict(self) -> dict[str, Any]:
        """The draft as JSON-ready data; fields beyond the contract only when they hold
        something, so a contract-only draft file round-trips to the same file."""
        data = dataclasses.asdict(self)
        for name in EXTENSIONS:
            _drop_if_empty(data, name.split("."))
        for name, default in (("position", "oppose"), ("stage", "formal")):
            if data.get(name) == default:
                del data[name]
        return data


def _is_empty(value: Any) -> bool:
    if isinstance(value, dict) and value:
        return all(_is_empty(v) for v in value.values())
    return value is None or value in ("", [], {})


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


def _kind(value: Any) -> str:
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a set of fields"


def _check_text(value: Any, where: str, limit: int) -> str:
    if not isinstance(value, str):
        raise DraftError(f"The field {where} should be text, but it is {_kind(value)}.")
    if len(value) > limit:
        raise DraftError(
            f"The field {where} is {len(value):,} characters long; the limit is {limit:,}."
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise DraftError(
            f"The field {where} holds a broken character (half of a pair) that cannot be saved."
        ) from None
    return value


def _build(cls: type, data: Any, where: str) -> Any:
    """Build dataclass `cls` from JSON `data`, checking every field's type and size."""
    if not isinstance(data, dict):
        raise DraftError(f"The field {where} should be a set of fields, but it is {_kind(data)}.")
    hints = get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = [k for k in data if k not in fields]
    if unknown:
        raise DraftError(f"The field {where}{unknown[0]} is not part of a draft.")
    values = {}
    for name, value in data.items():
        values[name] = _convert(hints[name], value, f"{where}{name}", fields[name].metadata)
    return cls(**values)


def _convert(hint: Any, value: Any, where: str, metadata: Any) -> Any:
    limit = metadata.get("max", SHORT_TEXT)
    if hint is str:
        return _check_text(value, where, limit)
    if hint == int | None and value is None:
        return None
    if hint in (int, int | None):
        if not isinstance(value, int) or isinstance(value, bool):
            raise DraftError(
                f"The field {where} should be a whole number, but it is {_kind(value)}."
            )
        return value
    if get_origin(hint) is list:
        if not isinstance(value, list):
            raise DraftError(f"The field {where} should be a list, but it is {_kind(value)}.")
        if len(value) > limit:
            raise DraftError(f"The list {where} has {len(value)} items; the limit is {limit}.")
        (item,) = get_args(hint)
        inner = {"max": metadata.get("item_max", SHORT_TEXT)}
        return [_convert(item, v, f"{where}[{i + 1}]", inner) for i, v in enumerate(value)]
    if get_origin(hint) is dict:
        if not isinstance(value, dict):
            raise DraftError(f"The field {where} should be a set of fields, not {_kind(value)}.")
        if len(value) > limit:
            raise DraftError(f"The field {where} has {len(value)} entries; the limit is {limit}.")
        _, item = get_args(hint)
        inner = {"max": metadata.get("item_max", SHORT_TEXT)}
        return {
            _check_text(k, f"{where} key", 40): _convert(item, v, f"{where}.{k[:40]}", inner)
            for k, v in value.items()
        }
    return _build(hint, value, f"{where}.")


def _check_reasons(ids: list[int], known: frozenset[int], where: str) -> None:
    seen = set()
    for reason_id in ids:
        if reason_id not in known:
            raise DraftError(
                f"Reason {reason_id} is not one of the {len(known)} reasons"
                f" (they are numbered {min(known)} to {max(known)})."
            )
        if reason_id in seen:
            raise DraftError(f"Reason {reason_id} appears twice in {where}; list each reason once.")
        seen.add(reason_id)


def _check_concerns(draft: Draft) -> None:
    known = concern_ids()
    seen = set()
    for where, concern in [("fairness", c) for c in draft.fairness] + [
        ("fairness_notes", c) for c in draft.fairness_notes
    ]:
        if concern not in known:
            raise DraftError(
                f"The field {where} names '{concern[:40]}', which is not one of the fair"
                f" consultation points ({', '.join(sorted(known))})."
            )
    for concern in draft.fairness:
        if concern in seen:
            raise DraftError(f"The fair consultation point '{concern}' is ticked twice.")
        seen.add(concern)


def _check_edits(draft: Draft) -> None:
    """Check each edit names a block id and carry an old whole-letter edit over to `edits`."""
    seen = set()
    for i, edit in enumerate(draft.edits, start=1):
        if not BLOCK_ID.fullmatch(edit.block):
            raise DraftError(
                f"The field edits[{i}].block should be a block id (lower-case letters, digits"
                f" and '-'), not '{edit.block[:40]}'."
            )
        if edit.template and not TEMPLATE_NAME.fullmatch(edit.template):
            raise DraftError(f"The field edits[{i}].template is not a template name.")
        if (edit.block, edit.template) in seen:
            raise DraftError(f"The block '{edit.block}' is edited twice; keep one edit of it.")
        seen.add((edit.block, edit.template))
    old = draft.letter_edit.text
    if old.strip():
        if (WHOLE_LETTER, draft.template) in seen:  # never both, unless written by hand: keep both
            edit = next(
                e for e in draft.edits if (e.block, e.template) == (WHOLE_LETTER, draft.template)
            )
            edit.text = f"{edit.text}\n\n{old}"
        else:
            draft.edits.append(Edit(WHOLE_LETTER, "", old, draft.template))
    draft.letter_edit = LetterEdit()


def check_schema(schema: Any, expected: str, what: str) -> None:
    """Refuse a file whose `schema` is not `expected` (e.g. "response-builder/draft@1"), saying
    when it comes from a newer version of the app (the same name, another version). `what`
    names the file for the user, e.g. "draft"."""
    if schema == expected:
        return
    if isinstance(schema, str) and schema.startswith(expected.partition("@")[0] + "@"):
        raise DraftError(
            f"This {what} was saved by a newer version of Response Builder ({schema[:60]});"
            f" this version reads {expected}."
        )
    if not isinstance(schema, str):
        raise DraftError(f"This file is not a Response Builder {what}: it has no 'schema' field.")
    raise DraftError(f"This file is not a Response Builder {what}: its schema is '{schema[:80]}'.")


def _check_schema(data: Any) -> None:
    if not isinstance(data, dict):
        raise DraftError(f"This file is not a Response Builder draft: it holds {_kind(data)}.")
    check_schema(data.get("schema"), SCHEMA, "draft")


def draft_from_dict(data: Any, known_reasons: frozenset[int] = KNOWN_REASONS) -> Draft:
    """Validate JSON-like `data` and return a Draft; raise DraftError naming the bad field.

    Missing fields take their empty defaults, so a hand-written draft can be short.
    """
    _check_schema(data)
    draft = _build(Draft, data, "")
    _check_reasons(draft.reason_ids, known_reasons, "the chosen reasons")
    _check_reasons([r.id for r in draft.set_aside], known_reasons, "the reasons set aside")
    for question_id, answer in draft.situation.items():
        if answer not in ANSWERS:
            raise DraftError(
                f"The answer to situation question '{question_id[:40]}' should be one of"
                f" {', '.join(ANSWERS)}, not '{answer[:40]}'."
            )
    for i, question in enumerate(draft.questions, start=1):
        _check_reasons(question.reasons, known_reasons, f"question {i}")
    for i, reason in enumerate(draft.reasons, start=1):
        if reason.quote.page is not None and reason.quote.page < 1:
            raise DraftError(f"The field reasons[{i}].quote.page should be 1 or more.")
    _check_reasons(draft.evidence, known_reasons, "the reasons with national evidence")
    _check_concerns(draft)
    for name in ("opens", "closes"):
        check_date(getattr(draft.consultation, name), f"consultation.{name}")
    if draft.position not in POSITIONS:
        raise DraftError(
            f"The position '{draft.position[:40]}' is not one of {', '.join(POSITIONS)}."
        )
    if draft.stage not in STAGES:
        raise DraftError(f"The stage '{draft.stage[:40]}' is not one of {', '.join(STAGES)}.")
    known_alternatives = alternative_ids()
    for alternative in draft.alternatives:
        if alternative not in known_alternatives:
            raise DraftError(
                f"The field alternatives names '{alternative[:40]}', which is not one of the"
                f" alternatives ({', '.join(sorted(known_alternatives))})."
            )
    if len(set(draft.alternatives)) != len(draft.alternatives):
        raise DraftError("An alternative is listed twice in the field alternatives.")
    method = draft.consultation.response_method
    if method and method not in RESPONSE_METHODS:
        raise DraftError(
            f"The field consultation.response_method should be one of"
            f" {', '.join(RESPONSE_METHODS)} (or empty), not '{method[:40]}'."
        )
    if draft.tone not in TONES:
        raise DraftError(f"The tone '{draft.tone[:40]}' is not one of {', '.join(TONES)}.")
    _check_edits(draft)
    if not TEMPLATE_NAME.fullmatch(draft.template):
        raise DraftError(f"The template name '{draft.template[:40]}' is not a template name.")
    return draft


def check_date(value: str, where: str) -> None:
    """Raise DraftError unless `value` is empty or a real date written YYYY-MM-DD in the years
    FIRST_YEAR to LAST_YEAR (a date far outside them breaks the countdown and calendar file)."""
    if not value:
        return
    try:
        if not _DATE.fullmatch(value):
            raise ValueError
        date = dt.date.fromisoformat(value)
    except ValueError:
        raise DraftError(
            f"The field {where} should be a date written YYYY-MM-DD, like 2027-01-31,"
            f" not '{value[:40]}'."
        ) from None
    if not FIRST_YEAR <= date.year <= LAST_YEAR:
        raise DraftError(
            f"The field {where} is {value}; a consultation date should be between"
            f" {FIRST_YEAR} and {LAST_YEAR}."
        )


def _flatten(data: dict[str, Any], path: tuple[str, ...] = ()) -> dict[tuple[str, ...], Any]:
    """A draft's data as {path: value}, into every part and map, a list as one value."""
    flat = {}
    for key, value in data.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, (*path, key)))
        else:
            flat[(*path, key)] = value
    return flat


def _unflatten(flat: dict[tuple[str, ...], Any]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for path, value in flat.items():
        target = data
        for key in path[:-1]:
            target = target.setdefault(key, {})
        target[path[-1]] = value
    return data


def merge_drafts(base: Draft, mine: Draft, theirs: Draft) -> Draft | None:
    """Combine two versions changed from the same `base`, when they changed different fields
    (each field of a part and each entry of a map on its own; a list, such as the reasons with
    their examples, as one field). Return None when both changed one field differently.

    >>> base = Draft()
    >>> mine, theirs = Draft(context="Our town"), Draft(group=Group(name="Lunch club"))
    >>> merged = merge_drafts(base, mine, theirs)
    >>> merged.context, merged.group.name
    ('Our town', 'Lunch club')
    >>> merge_drafts(base, mine, Draft(context="Another town")) is None
    True
    """
    missing = object()
    old, ours, other = (_flatten(d.to_dict()) for d in (base, mine, theirs))
    ours_changed = {
        k for k in old.keys() | ours.keys() if ours.get(k, missing) != old.get(k, missing)
    }
    for key in ours_changed:
        if other.get(key, missing) not in (old.get(key, missing), ours.get(key, missing)):
            return None
    merged = dict(other)
    for key in ours_changed:
        if key in ours:
            merged[key] = ours[key]
        else:
            merged.pop(key, None)
    try:
        return draft_from_dict(_unflatten(merged))
    except DraftError:  # e.g. a reason chosen in one and set aside in the other
        return None


def _check_size(size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise DraftError(
            f"The draft file is {size / 1_000_000:.1f} MB; the limit is"
            f" {MAX_FILE_BYTES / 1_000_000:.0f} MB."
        )


def read_json(content: str | bytes, what: str = "draft") -> Any:
    """Decode a file's content (text or UTF-8 bytes, at most MAX_FILE_BYTES) as JSON.

    Raises DraftError saying plainly why it is not a `what` (e.g. "draft", "group profile").
    """
    _check_size(len(content.encode("utf-8") if isinstance(content, str) else content))
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise DraftError(f"This file is not a {what}: it is not UTF-8 text.") from None
    try:
        return json.loads(content)
    except json.JSONDecodeError as e:
        raise DraftError(
            f"This file is not a {what}: it is not valid JSON ({e.msg} at line {e.lineno},"
            f" column {e.colno}); it may be cut short or damaged."
        ) from None
    except RecursionError:
        raise DraftError(f"This file is not a {what}: it is nested too deeply.") from None
    except ValueError:  # a whole number too long for Python to read (over 4,300 digits)
        raise DraftError(
            f"This file is not a {what}: it holds a number too long to read."
        ) from None


def parse_draft(content: str | bytes, known_reasons: frozenset[int] = KNOWN_REASONS) -> Draft:
    """Parse a draft file's content (text or UTF-8 bytes); raise DraftError if it is not one."""
    return draft_from_dict(read_json(content), known_reasons)


def draft_to_json(draft: Draft) -> str:
    """Return the draft as the JSON text of a draft file (UTF-8, every character kept as typed)."""
    return json.dumps(draft.to_dict(), ensure_ascii=False, indent=2) + "\n"


def load_draft(path: Path | str, known_reasons: frozenset[int] = KNOWN_REASONS) -> Draft:
    """Read a draft file; raise DraftError if it cannot be read or is not a draft."""
    path = Path(path)
    try:
        _check_size(path.stat().st_size)
        content = path.read_bytes()
    except OSError as e:
        raise DraftError(f"Cannot read the draft file {path.name}: {e.strerror}.") from None
    return parse_draft(content, known_reasons)


def save_draft(draft: Draft, path: Path | str) -> None:
    """Write a draft file atomically: a crash leaves the old file or the new one, never half."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(draft_to_json(draft))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
