"""The letter templates in `letter_templates/`: the sandboxed Jinja2 environment they render
in, and the list of templates with the metadata from each file's header.

Templates run in Jinja2's `ImmutableSandboxedEnvironment` with autoescaping: a template cannot
change the lists and dicts it is given, and every value it prints goes through `_as_markup`,
which escapes it and turns its line breaks into <br>. User text is data, never template source:
`{{ 7*7 }}` or `<script>` typed by a user come out exactly as typed.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from drafting.model.wording import and_list

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "letter_templates"
_HEADER = re.compile(r"\A\{#-?(.*?)-?#\}", re.DOTALL)


class UnknownTemplateError(LookupError):
    """The draft names a template that is not in the templates folder."""


@dataclass(frozen=True)
class TemplateInfo:
    """A letter template as the app lists it: from the comment header at the top of its file.

    `budget` is the most words its body should have, `stock` the most of those that are not
    the group's own (outside any four-word run of what it typed), and `own` the least share
    (in per cent) of the group's own words it aims for; each is None when the template sets
    none.
    """

    id: str
    name: str
    description: str
    length: str
    budget: int | None = None
    own: int | None = None
    stock: int | None = None


def _as_markup(value: Any) -> Markup:
    """Escape one printed value and keep its line breaks (the environment's `finalize`)."""
    if isinstance(value, Markup):
        return value
    text = str(value)
    if "\n" not in text and "\r" not in text:
        return escape(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Markup("<br>").join(escape(line) for line in text.split("\n"))


def _lines(values: Any) -> Markup:
    """Join the non-empty values as lines: `{{ [group.name, group.address] | lines }}`."""
    return Markup("<br>").join(_as_markup(v.strip()) for v in values if v and v.strip())


def _and_list(values: Any) -> Markup:
    """Join values as English does: `{{ ["A", "B", "C"] | and_list }}` gives 'A, B and C'."""
    return Markup(and_list([str(_as_markup(v)) for v in values]))  # each value escaped once


def _quoted(value: Any) -> Markup:
    """The text in single quotation marks, as a title is named in a sentence:
    `{{ "Price comes first" | quoted }}` gives ‘Price comes first’."""
    return Markup("\u2018") + _as_markup(value) + Markup("\u2019")


@cache
def template_environment() -> ImmutableSandboxedEnvironment:
    """Return the one sandboxed Jinja2 environment for letter templates (built once)."""
    env = ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        finalize=_as_markup,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["lines"] = _lines
    env.filters["and_list"] = _and_list
    env.filters["quoted"] = _quoted
    return env


def list_templates() -> tuple[TemplateInfo, ...]:
    """List the templates in the folder (files ending .j2, not partials starting with `_`)."""
    return tuple(_read_info(path) for path in _template_paths())


def _template_paths() -> list[Path]:
    return [p for p in sorted(TEMPLATE_DIR.glob("*.j2")) if not p.name.startswith("_")]


def _read_info(path: Path) -> TemplateInfo:
    """The template in `path`, as the comment header at the top of the file describes it."""
    return _info_of(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _info_of(path: Path, _modified: int) -> TemplateInfo:
    """`_read_info`, read again only when the file has changed (every assembly asks)."""
    header = _HEADER.match(path.read_text(encoding="utf-8"))
    meta = {}
    for line in (header.group(1) if header else "").splitlines():
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip()] = value.strip()
    return TemplateInfo(
        id=path.stem,
        name=meta.get("name", path.stem.capitalize()),
        description=meta.get("description", ""),
        length=meta.get("length", ""),
        budget=int(meta["budget"]) if meta.get("budget", "").isdigit() else None,
        own=int(meta["own"]) if meta.get("own", "").isdigit() else None,
        stock=int(meta["stock"]) if meta.get("stock", "").isdigit() else None,
    )


def template_info(template: str) -> TemplateInfo:
    """The listed template called `template` (its file alone read); raise UnknownTemplateError
    if there is none."""
    path = TEMPLATE_DIR / f"{template}.j2"
    if path.parent == TEMPLATE_DIR and not template.startswith("_") and path.is_file():
        return _read_info(path)
    names = ", ".join(p.stem for p in _template_paths())
    raise UnknownTemplateError(f"There is no template called '{template}'; choose from {names}.")
