"""What a template sees of the draft: plain, frozen views of each chosen reason, theme,
question and source."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.letter.phrasing import quote_sentence
from drafting.model.draft import Draft, Quote
from drafting.model.fairness import RaisedConcern
from drafting.model.questions import label
from reasons.catalogue import Catalogue, Evidence, Reason, Theme, applies


@dataclass(frozen=True)
class ChosenReasonView:
    """What a template sees of one chosen reason: the catalogue's words and the group's example.

    `evidence` is the reason's national evidence that applies to the body consulting; `national`
    is what the group chose to include in its letter (all of that, or none).
    """

    id: int
    title: str
    theme: str
    summary: str
    point: str
    paragraph: str
    ask: str
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
    """One consultation question as the letter answers it: `number` is the consultation's own
    (else its place), `anchor` the block id; `reasons` are the linked reasons answered here for
    the first time, `also` the titles of linked reasons already made under an earlier question."""

    number: str
    anchor: str
    text: str
    answer: str
    reasons: tuple[ChosenReasonView, ...]
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceView:
    """One entry of a letter's sources: the citation and the link a reader can follow."""

    citation: str
    url: str


def reason_view(
    reason: Reason, example: str, sector: str, national: bool, quote: Quote | None = None
) -> ChosenReasonView:
    evidence = tuple(e for e in reason.evidence if applies(e.sector, sector))
    return ChosenReasonView(
        reason.id,
        reason.title,
        reason.theme,
        reason.summary,
        reason.point,
        reason.paragraph_for(sector),
        reason.ask,
        example.strip(),
        evidence,
        evidence if national else (),
        quote_sentence(quote) if quote else "",
    )


def by_theme(reasons: list[ChosenReasonView], catalogue: Catalogue) -> list[ThemeGroup]:
    """Group reasons by theme, themes in order of their first reason: the draft's order rules."""
    groups: dict[str, list[ChosenReasonView]] = {}
    for reason in reasons:
        groups.setdefault(reason.theme, []).append(reason)
    return [ThemeGroup(catalogue.theme(t), tuple(rs)) for t, rs in groups.items()]


def sources_of(reasons: list[ChosenReasonView], fairness: list[RaisedConcern]) -> list[SourceView]:
    """The letter's sources: the national evidence included, then the fair-process principles
    raised, each once, in the order the letter first uses them, with their links."""
    found = [SourceView(e.citation, e.url) for r in reasons for e in r.national]
    found += [SourceView(s.citation, s.url) for f in fairness for s in f.sources]
    return list(dict.fromkeys(found))


_LEADING_NUMBER = r"^\s*(?:q(?:uestion)?\.?\s*)?{}\s*[.):\-\u2013\u2014]?\s+"


def question_views(draft: Draft, chosen: dict[int, ChosenReasonView], make) -> list:
    """Each question once, numbered as the consultation numbers it, its text without that
    number repeated; a reason linked to several questions is made under the first of them."""
    views, made = [], {}
    for i, q in enumerate(draft.questions, start=1):
        number = label(q, i)
        pattern = _LEADING_NUMBER.format(re.escape(number))
        text = re.sub(pattern, "", q.text.strip(), count=1, flags=re.IGNORECASE)
        first, also = [], []
        for rid in q.reasons:
            view = chosen.get(rid) or make(rid)
            if rid in made:
                also.append(f"{view.title} (question {made[rid]})")
            else:
                made[rid] = number
                first.append(view)
        anchor = "question-" + (re.sub(r"[^a-z0-9]+", "-", number.lower()).strip("-") or str(i))
        views.append(
            QuestionView(number, anchor, text, q.answer.strip(), tuple(first), tuple(also))
        )
    return views
