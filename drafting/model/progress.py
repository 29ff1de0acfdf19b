"""The draft's progress as the app shows it: each step done or not and what is missing, and
the checks that go with it (content typed at all, context repeating the description, file size).

Plain functions, so the pages stay thin and the rules are tested without a browser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.model.draft import MAX_FILE_BYTES, ChosenReason, Draft
from drafting.model.questions import unanswered_note
from drafting.model.wording import plural


def repeats_about(draft: Draft) -> bool:
    """Say whether the text before the reasons (`context`) repeats the group's description,
    which the letter already gives: the letter would say it twice.

    >>> from drafting.model.draft import Group
    >>> repeats_about(Draft(context="We run a café.", group=Group(about="We run a  café")))
    True
    """

    def words(text: str) -> str:
        return " ".join(re.findall(r"\w+", text.lower()))

    context, about = words(draft.context), words(draft.group.about)
    return bool(context and about) and (context in about or about in context)


def without_example(draft: Draft) -> list[ChosenReason]:
    """The chosen reasons with no local example yet (the letter gives only their point)."""
    return [r for r in draft.reasons if not r.example.strip()]


def has_content(draft: Draft) -> bool:
    """Say whether the draft holds anything the user typed or chose (template and tone aside)."""
    blank = Draft(template=draft.template, tone=draft.tone)
    return draft != blank


@dataclass(frozen=True)
class Step:
    """One step of the app as the progress panel shows it: whether it is done, a word for its
    state ("done", "to do", "optional", "ready", "not yet"), and what is still missing."""

    done: bool
    status: str
    missing: tuple[str, ...] = ()


def _step(done: bool, missing: tuple[str, ...] = (), *, yes: str = "done", no: str = "to do"):
    return Step(done, yes if done else no, missing)


def _details_missing(draft: Draft) -> tuple[str, ...]:
    g, c = draft.group, draft.consultation
    needed = (
        (g.name, "your group's name"),
        (g.signatory, "who signs the letter"),
        (c.body or c.title, "which consultation this is"),
        ("none published" if c.no_closing_date else c.closes, "the closing date"),
    )
    return tuple(f"Add {what}" for value, what in needed if not value.strip())


def progress(draft: Draft, *, situation_answered: bool) -> dict[str, Step]:
    """Return each step of the app (keyed by page name) with whether it is done and what is
    missing, e.g. '2 reasons have no local example'. The letter is "ready" only with a group's
    name, a consultation and at least one reason."""
    no_example = len(without_example(draft))
    chosen = bool(draft.reasons)
    if not chosen:
        examples_missing = ("Choose reasons first",)
    elif no_example:
        verb = "has" if no_example == 1 else "have"
        examples_missing = (f"{plural(no_example, 'reason')} {verb} no local example",)
    else:
        examples_missing = ()
    details_missing = _details_missing(draft)
    if not (draft.position and draft.stage):
        details_missing += ("Say where you stand",)
    # Ready to send needs a sender, an addressee and something to say.
    letter_needs = (
        (chosen, "Choose at least one reason"),
        (draft.group.name.strip(), "Add your group's name"),
        ((draft.consultation.body + draft.consultation.title).strip(), "Say which consultation"),
    )
    letter_missing = tuple(what for value, what in letter_needs if not value)
    if not (draft.position and draft.stage):  # the letter states no position until then
        letter_missing += ("Say where you stand (Your situation or About you)",)
    flagged = unanswered_note(draft.questions)
    return {
        "situation": _step(situation_answered, no="optional"),
        "reasons": _step(chosen, () if chosen else ("No reasons chosen yet",)),
        "examples": _step(chosen and not no_example, examples_missing),
        "details": _step(not details_missing, details_missing),
        "questions": _step(
            not flagged and bool(draft.questions or draft.fairness),
            (flagged,) if flagged else (),
            no="to do" if flagged else "optional",
        ),
        "letter": _step(not letter_missing, letter_missing, yes="ready", no="not yet"),
    }


def draft_size_note(content: str) -> str:
    """Say how big the draft file with `content` (its JSON) is against its limit, e.g. 'Draft
    size: 12 kB of 3,000 kB.'"""
    size = len(content.encode("utf-8"))
    return f"Draft size: {max(1, round(size / 1000)):,} kB of {MAX_FILE_BYTES // 1000:,} kB."
