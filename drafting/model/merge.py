"""Merge two versions of a draft changed from one base (two tabs, or a tab and a restored
file): a field changed on one side only is taken from that side; the same field changed on both
is a conflict the page asks about."""

from __future__ import annotations

from typing import Any

from drafting.model.draft import Draft, DraftError
from drafting.model.parsing import draft_from_dict


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

    >>> from drafting.model.draft import Group
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
