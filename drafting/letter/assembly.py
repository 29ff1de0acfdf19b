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

from jinja2 import TemplateError

from drafting.letter.blocks import Letter, LetterTemplateError, parse_letter
from drafting.letter.context import LEVELS, Contexts, template_context
from drafting.letter.ownwords import body, measure, typed_runs, typed_texts
from drafting.letter.phrasing import letter_title
from drafting.letter.templates import UnknownTemplateError, template_environment, template_info
from drafting.model.draft import Draft
from drafting.model.questions import unanswered_note
from reasons.catalogue import Catalogue
from reasons.phrases import TONES

OWN_MARGIN = 2  # per cent above the template's own-words aim, for the wording of edits


def questions_note(draft: Draft, template: str) -> str:
    """What to tell the group about its questions before it sends the questions letter: that
    it has none (so the letter answers none), or which are left without an answer; else ""."""
    if template != "questions":
        return ""
    if not draft.questions:
        return (
            "This draft has no consultation questions, so the questions letter answers none and"
            " sets out your reasons instead. Add the consultation's questions on the Questions"
            " page, or choose another template."
        )
    return unanswered_note(draft.questions)


def _render(template: str, context: dict) -> str:
    """The template's markup for `context`."""
    try:
        return template_environment().get_template(f"{template}.j2").render(context)
    except TemplateError as e:
        raise LetterTemplateError(f"The template '{template}' is broken: {e}") from e


def assemble(
    draft: Draft,
    catalogue: Catalogue,
    *,
    template: str | None = None,
    tone: str | None = None,
    today: dt.date | None = None,
) -> Letter:
    """Render the draft with a template and tone (the draft's own unless given) into a Letter.

    The letter keeps the template's budgets (its words, its stock words outside the group's
    own, its aim for the group's own share): it starts with the most stock text (LEVELS[0])
    and steps down until all hold, moving the fuller paragraphs to the annex first, then the
    points of reasons with no example, the fair-process sentences, the alternatives'
    descriptions (short letters), the lines of why each example matters and the theme
    headings. The group's own words are never cut: where they alone pass the budget, the last
    level is the letter (and `length_report` says so).

    Raises UnknownTemplateError for a template not in the folder, ValueError for an unknown
    tone, and LetterTemplateError if a template is broken.
    """
    template = template or draft.template
    if not re.fullmatch(r"[a-z0-9_-]{1,40}", template):
        raise UnknownTemplateError(f"'{template[:40]}' is not a template name.")
    tone = tone or draft.tone
    if tone not in TONES:
        raise ValueError(f"Unknown tone '{tone}'; choose from {', '.join(TONES)}.")
    info = template_info(template)
    # The runs of what the group typed, once: each version tried is weighed against them.
    typed = typed_runs(typed_texts(draft))
    contexts = Contexts(draft, catalogue, tone, today or dt.date.today(), template)
    last = None  # the last level rendered: its markup and letter
    for detail in LEVELS:
        markup = _render(template, contexts.at(detail))
        if last and markup == last[0]:
            continue  # a level that changed nothing this template prints
        letter = parse_letter(markup, letter_title(draft))
        last = markup, letter
        words = measure(body(letter), typed)
        if (
            (info.budget is None or words.total <= info.budget)
            and (info.stock is None or words.total - words.own <= info.stock)
            and (info.own is None or words.percent >= info.own + OWN_MARGIN)
        ):
            return letter
    return last[1]


def cover_email(draft: Draft, catalogue: Catalogue, *, today: dt.date | None = None) -> Letter:
    """Render the short email to send with the Word letter (`_cover_email.j2`): what is
    attached, who else signs it, and who is copied in."""
    context = template_context(draft, catalogue, draft.tone, today or dt.date.today())
    try:
        markup = template_environment().get_template("_cover_email.j2").render(context)
    except TemplateError as e:
        raise LetterTemplateError(f"The cover email template is broken: {e}") from e
    return parse_letter(markup, "Covering email")
