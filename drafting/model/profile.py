"""A group profile: the group's details in a small file, to start the next response from.

So nobody types the group's address twice. A profile is JSON holding a draft's `group` part,
checked the same way; a whole draft file is accepted too (its group is taken):

    >>> profile = profile_to_json(Group(name="Hillside Community Café"))
    >>> parse_profile(profile).name
    'Hillside Community Café'
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from drafting.model.draft import SCHEMA, SCHEMA_PREFIX, DraftError, Group
from drafting.model.parsing import check_schema, draft_from_dict, read_json
from drafting.text import slug

PROFILE_SCHEMA = "response-builder/profile@1"


def profile_to_json(group: Group) -> str:
    """Return the group's details as the text of a profile file."""
    data = {"schema": PROFILE_SCHEMA, "group": dataclasses.asdict(group)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _group_of(data: Any) -> Group:
    schema = data.get("schema") if isinstance(data, dict) else None
    if isinstance(schema, str) and schema.startswith(SCHEMA_PREFIX):
        return draft_from_dict(data).group  # a whole draft file: take its group
    check_schema(schema, PROFILE_SCHEMA, "group profile")
    unknown = [key for key in data if key not in ("schema", "group")]
    if unknown:
        raise DraftError(f"The field {unknown[0][:40]} is not part of a group profile.")
    return draft_from_dict({"schema": SCHEMA, "group": data.get("group", {})}).group


def parse_profile(content: str | bytes) -> Group:
    """Read a profile file (or a draft file) and return the group's details.

    Raises DraftError, with a message fit to show a user, for anything that is not one.
    """
    data = read_json(content, "group profile")
    return _group_of(data)


def profile_file_name(group: Group) -> str:
    """Name a profile file after the group, e.g. `profile-hillside-community-cafe.json`."""
    return f"profile-{slug(group.name) or 'our-group'}.json"
