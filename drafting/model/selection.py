"""Change which reasons a draft holds, their order, and whether their national evidence goes in
the letter, without ever losing an example.

Unticking a reason moves its example to the draft's `set_aside` list (saved with the draft),
and ticking it again brings the example back:

    >>> from drafting.model.draft import ChosenReason, Draft
    >>> draft = Draft(reasons=[ChosenReason(20, "Our lunch club closed.")])
    >>> set_chosen(draft, 20, False); draft.set_aside
    [ChosenReason(id=20, example='Our lunch club closed.')]
    >>> set_chosen(draft, 20, True); draft.reasons
    [ChosenReason(id=20, example='Our lunch club closed.')]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from drafting.model.draft import ChosenReason, Draft


def _index(reasons: list[ChosenReason], reason_id: int) -> int | None:
    return next((i for i, r in enumerate(reasons) if r.id == reason_id), None)


def set_chosen(draft: Draft, reason_id: int, chosen: bool) -> None:
    """Add a reason at the end of the letter (restoring an example set aside), or take it out
    (setting its example aside, if it has one). Doing what is already done changes nothing.
    """
    index = _index(draft.reasons, reason_id)
    if chosen and index is None:
        aside = _index(draft.set_aside, reason_id)
        draft.reasons.append(
            draft.set_aside.pop(aside) if aside is not None else ChosenReason(reason_id)
        )
    elif not chosen and index is not None:
        removed = draft.reasons.pop(index)
        if removed.example.strip() or removed.quote.text.strip():
            draft.set_aside.append(removed)


def add_reasons(draft: Draft, ids: Iterable[int]) -> list[int]:
    """Add each reason not already chosen, in the order given; return the ids added."""
    added = [i for i in dict.fromkeys(ids) if i not in draft.reason_ids]
    for reason_id in added:
        set_chosen(draft, reason_id, True)
    return added


def move(draft: Draft, reason_id: int, step: int) -> None:
    """Move a chosen reason `step` places later (negative: earlier), stopping at either end."""
    ids = draft.reason_ids
    old = ids.index(reason_id)
    new = min(max(old + step, 0), len(ids) - 1)
    draft.reasons.insert(new, draft.reasons.pop(old))


def set_evidence(draft: Draft, reason_id: int, include: bool) -> None:
    """Include a reason's national evidence in the letter (with its sources), or leave it out.

    The choice is kept while the reason is not chosen, and applies again if it is chosen."""
    toggle(draft.evidence, reason_id, include)


def toggle(items: list, item: Any, present: bool) -> None:
    """Put `item` in `items` (at the end) or take it out, whichever `present` says; a list in
    the draft holds each item once."""
    if present and item not in items:
        items.append(item)
    elif not present and item in items:
        items.remove(item)


def set_reasons(draft: Draft, ids: Iterable[int]) -> None:
    """Make the letter hold exactly `ids`: reasons taken out set their examples aside, chosen
    ones keep their place, new ones follow in the order given."""
    wanted = list(dict.fromkeys(ids))
    for reason_id in [i for i in draft.reason_ids if i not in wanted]:
        set_chosen(draft, reason_id, False)
    add_reasons(draft, wanted)
