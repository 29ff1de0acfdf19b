"""Merge two versions of a draft changed from one base (two tabs, or a tab and a restored
file): a field changed on one side only is taken from that side; the same field changed on both
is a conflict the page asks about.

Lists are compared item by item, so that two tabs writing examples for different reasons, or
adding an ask each, lose nothing: the chosen reasons (and those set aside) by reason, the
letter's edits by block and template, and the other lists (asks, questions, co-signatories, the
copy list) place by place, or as items added at the end of both.
"""

from __future__ import annotations

from typing import Any

from drafting.model.draft import Draft, DraftError
from drafting.model.parsing import draft_from_dict

MISSING: Any = object()  # a field or item one version does not have


class _Conflict(Exception):
    """Both versions changed the same thing differently."""


def _identity(item: Any) -> Any:
    """What names a list item whatever its place: a reason's id, an edit's block and template."""
    if isinstance(item, dict) and "id" in item:
        return item["id"]
    if isinstance(item, dict) and "block" in item:
        return (item["block"], item.get("template", ""))
    return MISSING


def _merge(base: Any, mine: Any, theirs: Any) -> Any:
    if mine == theirs or theirs == base:
        return mine
    if mine == base:
        return theirs
    if all(isinstance(v, dict) for v in (base, mine, theirs)):
        merged = {
            key: _merge(base.get(key, MISSING), mine.get(key, MISSING), theirs.get(key, MISSING))
            for key in {**base, **mine, **theirs}
        }
        return {key: value for key, value in merged.items() if value is not MISSING}
    if all(isinstance(v, list) for v in (base, mine, theirs)):
        return _merge_lists(base, mine, theirs)
    raise _Conflict


def _merge_lists(base: list, mine: list, theirs: list) -> list:
    items = [*base, *mine, *theirs]
    if items and all(_identity(item) is not MISSING for item in items):
        return _merge_keyed(base, mine, theirs)
    if len(base) == len(mine) == len(theirs):
        return [_merge(*versions) for versions in zip(base, mine, theirs, strict=True)]
    if mine[: len(base)] == base == theirs[: len(base)]:  # each added its own at the end
        added = mine[len(base) :]
        return [*base, *added, *(item for item in theirs[len(base) :] if item not in added)]
    raise _Conflict


def _merge_keyed(base: list, mine: list, theirs: list) -> list:
    """Items named by `_identity`: each merged on its own, the order from the side that
    changed it (an item only one side added goes after the one it follows there)."""
    by_key = [{_identity(item): item for item in version} for version in (base, mine, theirs)]
    merged = {}
    for key in {**by_key[0], **by_key[1], **by_key[2]}:
        item = _merge(*(version.get(key, MISSING) for version in by_key))
        if item is not MISSING:
            merged[key] = item
    orders = [[_identity(item) for item in version] for version in (base, mine, theirs)]
    shared = set(orders[0]) & set(orders[1]) & set(orders[2])
    old, ours, other = ([key for key in order if key in shared] for order in orders)
    if ours == old:
        first, second = orders[2], orders[1]
    elif other in (old, ours):
        first, second = orders[1], orders[2]
    else:
        raise _Conflict
    order = [key for key in first if key in merged]
    for at, key in enumerate(second):
        if key in merged and key not in order:
            before = next((k for k in reversed(second[:at]) if k in order), MISSING)
            order.insert(0 if before is MISSING else order.index(before) + 1, key)
    return [merged[key] for key in order]


def merge_drafts(base: Draft, mine: Draft, theirs: Draft) -> Draft | None:
    """Combine two versions changed from the same `base`, when they changed different things
    (each field of a part, each entry of a map and each item of a list on its own). Return None
    when both changed one thing differently, or the two together do not make a valid draft
    (a reason chosen in one and set aside in the other).

    >>> from drafting.model.draft import ChosenReason, Group
    >>> base = Draft()
    >>> mine, theirs = Draft(context="Our town"), Draft(group=Group(name="Lunch club"))
    >>> merged = merge_drafts(base, mine, theirs)
    >>> merged.context, merged.group.name
    ('Our town', 'Lunch club')
    >>> merge_drafts(base, mine, Draft(context="Another town")) is None
    True
    >>> base = Draft(reasons=[ChosenReason(2), ChosenReason(20)])
    >>> mine = Draft(reasons=[ChosenReason(2, "Our hall"), ChosenReason(20)])
    >>> theirs = Draft(reasons=[ChosenReason(2), ChosenReason(20, "Our bus")])
    >>> [(r.id, r.example) for r in merge_drafts(base, mine, theirs).reasons]
    [(2, 'Our hall'), (20, 'Our bus')]
    """
    try:
        merged = _merge(base.to_dict(), mine.to_dict(), theirs.to_dict())
        return draft_from_dict(merged)
    except (_Conflict, DraftError):
        return None
