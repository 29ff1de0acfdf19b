"""Read and write a draft file: JSON in, a validated `Draft` out, and back.

A draft round-trips exactly: `parse_draft(draft_to_json(d)) == d`. Anything that is not a valid
draft raises one `DraftError` whose message says, in plain English, which field is wrong:

    >>> parse_draft('{"schema": "response-builder/draft@1", "reasons": [{"id": 42}]}')
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    drafting.model.draft.DraftError: Reason 42 is not one of the 26 reasons (they are numbered 1...
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import os
import tempfile
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

from drafting.model.draft import (
    _DATE,
    BLOCK_ID,
    CONSENTS,
    FIRST_YEAR,
    KNOWN_REASONS,
    LAST_YEAR,
    LETTER_TEXT,
    MAX_EDITS,
    MAX_FILE_BYTES,
    RESPONSE_METHODS,
    SCHEMA,
    SHORT_TEXT,
    TEMPLATE_NAME,
    WHOLE_LETTER,
    Draft,
    DraftError,
    Edit,
    LetterEdit,
)
from reasons.catalogue import alternative_ids
from reasons.fairness import concern_ids
from reasons.phrases import POSITIONS, STAGES, TONES
from reasons.suggestions import ANSWERS


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


def check_text(value: Any, where: str, limit: int) -> str:
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


@functools.cache
def _fields(cls: type) -> tuple[dict[str, Any], dict[str, dataclasses.Field]]:
    """A dataclass's type hints and fields by name (working out the hints is most of the time
    a small draft takes to read, and the store reads each draft it saves)."""
    return get_type_hints(cls), {f.name: f for f in dataclasses.fields(cls)}


def _build(cls: type, data: Any, where: str) -> Any:
    """Build dataclass `cls` from JSON `data`, checking every field's type and size."""
    if not isinstance(data, dict):
        raise DraftError(f"The field {where} should be a set of fields, but it is {_kind(data)}.")
    hints, fields = _fields(cls)
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
        return check_text(value, where, limit)
    if hint is bool:
        if not isinstance(value, bool):
            raise DraftError(
                f"The field {where} should be true or false, but it is {_kind(value)}."
            )
        return value
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
            check_text(k, f"{where} key", 40): _convert(item, v, f"{where}.{k[:40]}", inner)
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
            i, edit = next(
                (i, e)
                for i, e in enumerate(draft.edits, start=1)
                if (e.block, e.template) == (WHOLE_LETTER, draft.template)
            )
            edit.text = f"{edit.text}\n\n{old}"
            # Checked as merged, so that what is loaded can be saved and opened again.
            check_text(edit.text, f"edits[{i}].text (with letter_edit added to it)", LETTER_TEXT)
        elif len(draft.edits) >= MAX_EDITS:
            raise DraftError(
                f"The list edits has {MAX_EDITS} items and letter_edit would make one more;"
                f" the limit is {MAX_EDITS}."
            )
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
    if draft.position and draft.position not in POSITIONS:
        raise DraftError(
            f"The position '{draft.position[:40]}' is not one of {', '.join(POSITIONS)}."
        )
    if draft.stage and draft.stage not in STAGES:
        raise DraftError(f"The stage '{draft.stage[:40]}' is not one of {', '.join(STAGES)}.")
    for item in draft.left_out:
        template, _, reason = item.partition(":")
        if not TEMPLATE_NAME.fullmatch(template) or not reason.isdigit():
            raise DraftError(
                f"The field left_out should hold entries like 'email:20', not '{item[:40]}'."
            )
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
    _check_contributions(draft, known_reasons)
    if not TEMPLATE_NAME.fullmatch(draft.template):
        raise DraftError(f"The template name '{draft.template[:40]}' is not a template name.")
    return draft


def _check_contributions(draft: Draft, known_reasons: frozenset[int]) -> None:
    """Check what came through the draft's links: each story's consent and reason (a story
    for the group's information only is never used in the letter), each comment's block."""
    for i, story in enumerate(draft.stories, start=1):
        if story.consent not in CONSENTS:
            raise DraftError(
                f"The field stories[{i}].consent should be one of {', '.join(CONSENTS)},"
                f" not '{story.consent[:40]}'."
            )
        if story.reason and story.reason not in known_reasons:
            raise DraftError(f"The field stories[{i}].reason names no reason ({story.reason}).")
        if story.reason and story.consent == "private":
            raise DraftError(
                f"Story {i} was sent for the group's information only, so it cannot be used"
                " in the letter (its reason should be 0)."
            )
        check_date(story.received, f"stories[{i}].received")
    for i, comment in enumerate(draft.comments, start=1):
        if not BLOCK_ID.fullmatch(comment.block):
            raise DraftError(f"The field comments[{i}].block should be a block id.")
        if comment.template and not TEMPLATE_NAME.fullmatch(comment.template):
            raise DraftError(f"The field comments[{i}].template is not a template name.")
        check_date(comment.received, f"comments[{i}].received")
    for i, signer in enumerate(draft.co_signatories, start=1):
        check_date(signer.signed_on, f"co_signatories[{i}].signed_on")


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


def _check_size(size: int, what: str = "The draft file is") -> None:
    if size > MAX_FILE_BYTES:
        shown = f"{size / 1_000_000:.1f} MB"
        if shown == f"{MAX_FILE_BYTES / 1_000_000:.1f} MB":  # "3.0 MB" reads as within it
            shown = f"{size:,} bytes"
        raise DraftError(f"{what} {shown}; the limit is {MAX_FILE_BYTES / 1_000_000:.0f} MB.")


def _check_saved_size(body: str) -> None:
    """Refuse a draft whose file, as this app writes it, is over MAX_FILE_BYTES: a compact file
    within the limit can grow past it when written out again."""
    _check_size(
        len(body.encode("utf-8", "surrogatepass")),
        "This draft, saved as a draft file, would be",
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
    """Parse a draft file's content (text or UTF-8 bytes); raise DraftError if it is not one,
    or if it could not be saved (stored) and opened again."""
    draft = draft_from_dict(read_json(content), known_reasons)
    _check_saved_size(draft_to_json(draft))
    return draft


def storable_json(draft: Draft, body: str | None = None) -> str:
    """Return `draft` as the JSON the store keeps (`body`, if made already), once it has passed
    every check it will be opened with, so that whatever is stored opens again from its link
    and from its file. The one check before a write, whatever the way in (a box, the edit box,
    a value a client sets on a widget, a loaded file). Raises DraftError saying what is too
    long or wrong, e.g. "The field edits[1].text is 250,000 characters long; the limit is
    200,000."
    """
    body = body or draft_to_json(draft)
    _check_saved_size(body)
    draft_from_dict(json.loads(body))
    return body


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
