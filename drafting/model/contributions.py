"""What the coordinator does with what came through the draft's links: a story used in a
reason's example (quoted as its sender allowed) or kept as background, a comment marked done,
a partner's sign-on accepted as a co-signatory.

A used story becomes part of its reason's example, with its attribution, so every template,
download and `python -m drafting build` quote it exactly as the app does:

    >>> attributed(Story("I talk to no one all week.", "Ann Lee", "member", "name", "2026-11-20"))
    'Ann Lee (member) told us in November: “I talk to no one all week.”'
    >>> attributed(Story("I would be alone.", "Ann Lee", "", "anonymous", "2026-11-20"))
    'One member told us in November: “I would be alone.”'
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from drafting.model.draft import (
    LONG_TEXT,
    ChosenReason,
    Comment,
    CoSignatory,
    Draft,
    DraftError,
    Story,
)


def _add(draft: Draft, name: str, item, what: str) -> None:
    """Append `item` to the draft's list `name`, unless the list is at its limit."""
    items = getattr(draft, name)
    limit = next(f for f in dataclasses.fields(Draft) if f.name == name).metadata["max"]
    if len(items) >= limit:
        raise DraftError(f"This draft already keeps {limit} {what}, the most it can hold.")
    items.append(item)


def attributed(story: Story) -> str:
    """The story as the letter quotes it: by name (and role) with consent to name, else as
    "one member" and the month it came. Raises DraftError for a story not to be quoted."""
    if story.consent == "private":
        raise DraftError("This story was sent for the group's information only: it is not quoted.")
    month = dt.date.fromisoformat(story.received).strftime("%B") if story.received else ""
    when = f" in {month}" if month else ""
    words = " ".join(story.text.split())
    name, role = story.name.strip(), story.role.strip()
    if story.consent == "name" and name:
        who = f"{name} ({role})" if role else name
        return f"{who} told us{when}: \u201c{words}\u201d"
    return f"One member told us{when}: \u201c{words}\u201d"


def use_story(draft: Draft, story: Story, reason: ChosenReason) -> None:
    """Quote `story` in `reason`'s example (after what is there), and keep it in the draft's
    stories as used there. Raises DraftError if it may not be quoted or the example would
    pass its limit; the draft is then unchanged."""
    quoted = attributed(story)
    example = f"{reason.example.rstrip()}\n\n{quoted}" if reason.example.strip() else quoted
    if len(example) > LONG_TEXT:
        raise DraftError(
            f"The example of reason {reason.id} would be {len(example):,} characters long with"
            f" this story; the limit is {LONG_TEXT:,}. Shorten the example first."
        )
    _add(draft, "stories", dataclasses.replace(story, reason=reason.id), "stories")
    reason.example = example


def keep_story(draft: Draft, story: Story) -> None:
    """Keep `story` with the draft as background: in the draft file, never in the letter."""
    _add(draft, "stories", dataclasses.replace(story, reason=0), "stories")


def accept_sign_on(draft: Draft, signer: CoSignatory) -> None:
    """Add a partner's sign-on to the co-signatories: it then signs every template."""
    _add(draft, "co_signatories", signer, "co-signatories")


def comment_done(draft: Draft, comment: Comment) -> None:
    """Keep a comment the coordinator has dealt with in the draft."""
    _add(draft, "comments", comment, "comments marked done")
