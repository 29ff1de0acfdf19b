"""Assemble a letter from a draft, the catalogue and a Jinja2 template in `letter_templates/`.

Templates run in a sandboxed environment with autoescaping. Every value a template prints goes
through `_as_markup`, which escapes it and turns its line breaks into <br>: user text is data,
never template source, and `{{ 7*7 }}` or `<script>` typed by a user come out exactly as typed.

    >>> from reasons import load_catalogue
    >>> letter = assemble(Draft(), load_catalogue(), today=dt.date(2026, 11, 25))
    >>> letter.blocks[0].kind
    'date'
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from drafting.calendar import long_date
from drafting.consultation import quote_sentence
from drafting.draft import TONES, Draft, Quote
from drafting.fairness import RaisedConcern, raised
from drafting.letter import Letter, LetterTemplateError, parse_letter
from drafting.questions import and_list, label
from reasons.catalogue import Catalogue, Evidence, Reason, Theme

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "letter_templates"
TONES_FILE = TEMPLATE_DIR / "tones.toml"
_HEADER = re.compile(r"\A\{#-?(.*?)-?#\}", re.DOTALL)


class UnknownTemplateError(LookupError):
    """The draft names a template that is not in the templates folder."""


@dataclass(frozen=True)
class TemplateInfo:
    """A letter template as the app lists it: from the comment header at the top of its file."""

    id: str
    name: str
    description: str
    length: str


@dataclass(frozen=True)
class ChosenReasonView:
    """What a template sees of one chosen reason: the catalogue's words and the group's example.

    `evidence` is all the reason's national evidence; `national` is what the group chose to
    include in its letter (all of it, or none).
    """

    id: int
    title: str
    theme: str
    summary: str
    paragraph: str
    example: str
    evidence: tuple[Evidence, ...]
    national: tuple[Evidence, ...] = ()
    quote: str = ""  # the sentence quoting the consultation document, e.g. "Your document…"


@dataclass(frozen=True)
class ThemeGroup:
    theme: Theme
    reasons: tuple[ChosenReasonView, ...]


@dataclass(frozen=True)
class QuestionView:
    number: str  # the consultation's own number, else the question's place
    text: str
    answer: str
    reasons: tuple[ChosenReasonView, ...]


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
    return Markup(and_list([_as_markup(v) for v in values]))  # each value escaped first


@cache
def template_environment() -> SandboxedEnvironment:
    """Return the one sandboxed Jinja2 environment for letter templates (built once)."""
    env = SandboxedEnvironment(
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
    return env


@cache
def tone_phrases() -> dict[str, dict[str, str]]:
    """Read `tones.toml`: for each tone, the phrases templates use. Every tone has every key."""
    with TONES_FILE.open("rb") as f:
        tones = tomllib.load(f)
    keys = {tone: set(phrases) for tone, phrases in tones.items()}
    if set(tones) != set(TONES) or len({frozenset(k) for k in keys.values()}) != 1:
        raise LetterTemplateError(f"{TONES_FILE.name}: needs tones {TONES} with the same phrases")
    return tones


def list_templates() -> tuple[TemplateInfo, ...]:
    """List the templates in the folder (files ending .j2, not partials starting with `_`)."""
    found = []
    for path in sorted(TEMPLATE_DIR.glob("*.j2")):
        if path.name.startswith("_"):
            continue
        header = _HEADER.match(path.read_text(encoding="utf-8"))
        meta = {}
        for line in (header.group(1) if header else "").splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip()] = value.strip()
        found.append(
            TemplateInfo(
                id=path.stem,
                name=meta.get("name", path.stem.capitalize()),
                description=meta.get("description", ""),
                length=meta.get("length", ""),
            )
        )
    return tuple(found)


def _view(
    reason: Reason, example: str, national: bool = False, quote: Quote | None = None
) -> ChosenReasonView:
    return ChosenReasonView(
        reason.id,
        reason.title,
        reason.theme,
        reason.summary,
        reason.paragraph,
        example,
        reason.evidence,
        reason.evidence if national else (),
        quote_sentence(quote) if quote else "",
    )


def _by_theme(reasons: list[ChosenReasonView], catalogue: Catalogue) -> list[ThemeGroup]:
    """Group reasons by theme, themes in order of their first reason: the draft's order rules."""
    groups: dict[str, list[ChosenReasonView]] = {}
    for reason in reasons:
        groups.setdefault(reason.theme, []).append(reason)
    return [ThemeGroup(catalogue.theme(t), tuple(rs)) for t, rs in groups.items()]


def _sources(reasons: list[ChosenReasonView], fairness: list[RaisedConcern]) -> list[str]:
    """The letter's Sources list: the national evidence included, then the fair-process
    principles raised, each once, in the order the letter first uses them."""
    found = [e.source for r in reasons for e in r.national]
    found += [source for concern in fairness for source in concern.sources]
    return list(dict.fromkeys(found))


def template_context(draft: Draft, catalogue: Catalogue, tone: str, today: dt.date) -> dict:
    """Everything a template may use: see the `letter_templates/*.j2` files for examples."""
    included = set(draft.evidence)
    chosen = [
        _view(catalogue.reason(r.id), r.example, r.id in included, r.quote) for r in draft.reasons
    ]
    by_id = {r.id: r for r in chosen}
    questions = [
        QuestionView(
            label(q, i),
            q.text,
            q.answer,
            tuple(by_id.get(rid) or _view(catalogue.reason(rid), "") for rid in q.reasons),
        )
        for i, q in enumerate(draft.questions, start=1)
    ]
    linked = {rid for q in draft.questions for rid in q.reasons}
    closes = draft.consultation.closing_date
    fairness = raised(draft)
    co_signatories = [c for c in draft.co_signatories if c.name.strip() or c.group.strip()]
    return {
        "title": letter_title(draft),
        "group": draft.group,
        "consultation": draft.consultation,
        "closes": long_date(closes) if closes else "",
        "today": long_date(today),
        "reasons": chosen,
        "themes": _by_theme(chosen, catalogue),
        "questions": questions,
        "other_reasons": [r for r in chosen if r.id not in linked],
        "context": draft.context,
        "asks": [a for a in draft.asks if a.strip()] + [f.ask for f in fairness],
        "fairness": fairness,
        "sources": _sources(chosen, fairness),
        "co_signatories": co_signatories,
        "co_signers": [c.group.strip() or c.name.strip() for c in co_signatories],
        "copy_to": [c for c in draft.copy_to if c.strip()],
        "tone": tone_phrases()[tone],
    }


def letter_title(draft: Draft) -> str:
    title = draft.consultation.title.strip() or draft.consultation.body.strip()
    return f"Response to {title}" if title else "Consultation response"


def assemble(
    draft: Draft,
    catalogue: Catalogue,
    *,
    template: str | None = None,
    tone: str | None = None,
    today: dt.date | None = None,
) -> Letter:
    """Render the draft with a template and tone (the draft's own unless given) into a Letter.

    Raises UnknownTemplateError for a template not in the folder, ValueError for an unknown
    tone, and LetterTemplateError if a template is broken.
    """
    template = template or draft.template
    if not re.fullmatch(r"[a-z0-9_-]{1,40}", template):
        raise UnknownTemplateError(f"'{template[:40]}' is not a template name.")
    tone = tone or draft.tone
    if tone not in TONES:
        raise ValueError(f"Unknown tone '{tone}'; choose from {', '.join(TONES)}.")
    if template.startswith("_") or not (TEMPLATE_DIR / f"{template}.j2").is_file():
        names = ", ".join(t.id for t in list_templates())
        raise UnknownTemplateError(
            f"There is no template called '{template}'; choose from {names}."
        )
    context = template_context(draft, catalogue, tone, today or dt.date.today())
    try:
        markup = template_environment().get_template(f"{template}.j2").render(context)
    except TemplateError as e:
        raise LetterTemplateError(f"The template '{template}' is broken: {e}") from e
    return parse_letter(markup, letter_title(draft))


def cover_email(draft: Draft, catalogue: Catalogue, *, today: dt.date | None = None) -> Letter:
    """Render the short email to send with the Word letter (`_cover_email.j2`): what is
    attached, who else signs it, and who is copied in."""
    context = template_context(draft, catalogue, draft.tone, today or dt.date.today())
    try:
        markup = template_environment().get_template("_cover_email.j2").render(context)
    except TemplateError as e:
        raise LetterTemplateError(f"The cover email template is broken: {e}") from e
    return parse_letter(markup, "Covering email")
