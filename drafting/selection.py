"""Change which reasons a draft holds, and their order, without ever losing an example.

Unticking a reason moves its example to `kept` (the app keeps that dict for the session), and
ticking it again brings the example back:

    >>> from drafting.draft import ChosenReason, Draft
    >>> draft, kept = Draft(reasons=[ChosenReason(20, "Our lunch club closed.")]), {}
    >>> set_chosen(draft, 20, False, kept); kept
    {20: 'Our lunch club closed.'}
    >>> set_chosen(draft, 20, True, kept); draft.reasons
    [ChosenReason(id=20, example='Our lunch club closed.')]
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping

from drafting.draft import ChosenReason, Draft


def set_chosen(draft: Draft, reason_id: int, chosen: bool, kept: MutableMapping[int, str]) -> None:
    """Add a reason at the end of the letter (restoring a kept example), or take it out
    (keeping its example, if it has one, in `kept`). Doing what is already done changes nothing.
    """
    index = next((i for i, r in enumerate(draft.reasons) if r.id == reason_id), None)
    if chosen and index is None:
        draft.reasons.append(ChosenReason(reason_id, kept.pop(reason_id, "")))
    elif not chosen and index is not None:
        example = draft.reasons.pop(index).example
        if example.strip():
            kept[reason_id] = example


def add_reasons(draft: Draft, ids: Iterable[int], kept: MutableMapping[int, str]) -> list[int]:
    """Add each reason not already chosen, in the order given; return the ids added."""
    added = [i for i in dict.fromkeys(ids) if i not in draft.reason_ids]
    for reason_id in added:
        set_chosen(draft, reason_id, True, kept)
    return added


def move(draft: Draft, reason_id: int, step: int) -> None:
    """Move a chosen reason `step` places later (negative: earlier), stopping at either end."""
    ids = draft.reason_ids
    old = ids.index(reason_id)
    new = min(max(old + step, 0), len(ids) - 1)
    draft.reasons.insert(new, draft.reasons.pop(old))
