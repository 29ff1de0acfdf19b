"""The template context: everything a letter template may use, at each level of detail
(`LEVELS`, from the most catalogue text to the least). The group's passages are each printed
once (`_Once`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass

from drafting.letter.asks import Asks, ask_kind, ask_subjects_of, letter_asks
from drafting.letter.ownwords import words
from drafting.letter.phrasing import (
    _sentence,
    consulting_sector,
    describe_group,
    letter_title,
    opening,
    salutation,
)
from drafting.letter.views import by_theme, question_views, reason_view, sources_of
from drafting.model.draft import Draft
from drafting.model.fairness import raised
from drafting.model.wording import long_date
from drafting.text import sentences
from reasons.catalogue import Catalogue, applies
from reasons.phrases import ask_subjects, position_phrases, tone_phrases


@dataclass(frozen=True)
class Detail:
    """How much stock text the letter carries: the fuller paragraph after each example (full
    letters), the point of each reason with no example (full letters; the short ones list such
    reasons by title only), a sentence naming each fair-process principle, the alternatives'
    descriptions, the line after each example saying why it matters, and the theme headings
    over the reasons (each reason keeps its bold title). `assemble` steps down these
    levels until the template's budgets hold. What the group wrote is in every level, whole."""

    paragraphs: bool = True
    bare_points: bool = True
    fairness: bool = True
    described: bool = True
    whys: bool = True
    titles: bool = True


LEVELS = (
    Detail(),
    Detail(paragraphs=False),
    Detail(paragraphs=False, bare_points=False),
    Detail(paragraphs=False, bare_points=False, fairness=False),
    Detail(paragraphs=False, bare_points=False, fairness=False, described=False),
    Detail(False, False, False, described=False, whys=False),
    Detail(False, False, False, described=False, whys=False, titles=False),
)


class _Once:
    """Pass each passage the group typed the first time only: the same words pasted into two
    boxes (the description and the context, two examples) are printed once. A sentence of six
    words or more already printed is left out of a later passage; a passage is kept exactly as
    typed unless it repeats something."""

    def __init__(self) -> None:
        # The words of every passage passed so far, a line each: one substring search finds a
        # passage or sentence inside any of them, as words hold no line break.
        self.seen = ""

    def __call__(self, text: str) -> str:
        key = " ".join(words(text))
        if not key or key in self.seen:
            return ""
        parts = sentences(text)
        fresh = [
            sentence
            for sentence in parts
            if len(sentence_words := words(sentence)) < 6
            or " ".join(sentence_words) not in self.seen
        ]
        self.seen += f"{key}\n"
        return text if len(fresh) == len(parts) else " ".join(fresh)


@functools.lru_cache(maxsize=16)
def _once_each(passages: tuple[str, ...]) -> tuple[str, ...]:
    """Each passage as `_Once` passes it, in turn. Kept: the same draft is assembled again in
    another template or tone, and for the cover email."""
    once = _Once()
    return tuple(once(p) for p in passages)


def _scrutiny(sector: str) -> str:
    return "the health scrutiny committee" if sector == "nhs" else "scrutiny"


class Contexts:
    """A draft's template context at each level of detail, for one template (whose left-out
    examples it leaves out). What no level changes is worked out once."""

    def __init__(
        self, draft: Draft, catalogue: Catalogue, tone: str, today: dt.date, template: str = ""
    ) -> None:
        self.draft, self.catalogue, self.template = draft, catalogue, template
        self.sector = consulting_sector(draft)
        stance = position_phrases().get(draft.position, {})
        closes = draft.consultation.closing_date
        co_signatories = [c for c in draft.co_signatories if c.name.strip() or c.group.strip()]
        phrases = tone_phrases()[tone]
        group, about = describe_group(draft.group.name, draft.group.about)
        dear, close = salutation(draft.consultation.recipient)
        body_name = draft.consultation.body.strip()
        stage = draft.stage or "formal"  # unchosen: the opening answers "your consultation"
        supports = draft.position.startswith("support")
        instead = set(ask_subjects()["instead_alternatives"])
        self.passages = self._passages()
        self.asks = self._asks(stance.get(f"{draft.stage}_ask", ""))
        asked = frozenset().union(*map(ask_subjects_of, self.asks.all))
        self.fixed = {
            "title": letter_title(draft),
            "group": draft.group,
            "consultation": draft.consultation,
            "closes": long_date(closes) if closes else "",
            "today": long_date(today),
            "dear": dear,
            "yours": close,
            "opening": opening(draft, phrases[f"opening_{stage}"], group),
            "councillor_opening": opening(
                draft,
                phrases["councillor_opening"],
                group,
                f"{body_name}\u2019s" if body_name else "the",
            ),
            "councillor_ask": phrases["councillor_ask"].replace(
                "{scrutiny}", _scrutiny(self.sector)
            ),
            "about": about,
            "position": stance.get(draft.stage or "formal", ""),
            "alternatives": [
                a
                for a in catalogue.alternatives
                if a.id in draft.alternatives
                and applies(a.sector, self.sector)
                and not (supports and a.id in instead)
                and not ask_subjects_of(a.title) & asked  # the asks say it already
            ],
            "alternatives_heading": "Changes we propose" if supports else "What we propose instead",
            "asks": list(self.asks.first),
            "asks_ahead": list(self.asks.ahead),
            "co_signatories": co_signatories,
            "co_signers": [c.group.strip() or c.name.strip() for c in co_signatories],
            "copy_to": [c for c in draft.copy_to if c.strip()],
            "tone": phrases,
        }

    def _passages(self) -> dict:
        """The parts of the context that hold what the group typed, each passage once."""
        draft, catalogue, sector = self.draft, self.catalogue, self.sector
        included = set(draft.evidence)
        concerns = raised(draft)
        examples = [
            "" if draft.leaves_out(self.template, r.id) else r.example for r in draft.reasons
        ]
        kept = _once_each(
            (
                draft.group.about,
                draft.summary,
                draft.context,
                draft.agree,
                *examples,
                *(f.note for f in concerns),
            )
        )
        summary, context, agree = (t.strip() for t in kept[1:4])
        examples, notes = kept[4 : 4 + len(examples)], kept[4 + len(examples) :]
        chosen = [
            reason_view(catalogue.reason(r.id), example, sector, r.id in included, r.quote)
            for r, example in zip(draft.reasons, examples, strict=True)
        ]
        by_id = {r.id: r for r in chosen}
        questions = question_views(
            draft, by_id, lambda rid: reason_view(catalogue.reason(rid), "", sector, False)
        )
        linked = {rid for q in draft.questions for rid in q.reasons}
        fairness = [
            dataclasses.replace(f.for_sector(sector), note=note)
            for f, note in zip(concerns, notes, strict=True)
        ]
        return {
            "summary": _sentence(summary),
            "agree": agree,
            "reasons": chosen,
            "told": [r for r in chosen if r.example],
            "bare": [r for r in chosen if not r.example],
            "themes": by_theme(chosen, catalogue),
            "questions": questions,
            "other_reasons": [r for r in chosen if r.id not in linked],
            # The reasons a question names though the group did not choose them.
            "linked_only": [r for q in questions for r in q.reasons if r.id not in by_id],
            "context": context,
            "fairness": fairness,
            # Those with dates or the group's note: a concern with neither is left to its ask
            # where the letter has no room for the sentence naming its principle.
            "fairness_told": [f for f in fairness if f.detail or f.note],
            "sources": sources_of(chosen, fairness),
        }

    def _asks(self, stage_ask: str) -> Asks:
        """The group's own asks, then the stock ones: the stage's, the fair-process ones the
        group ticked, those of the reasons it gave an example for, then the other reasons'.
        The same in every template and tone: a template's left-out examples change nothing."""
        draft = self.draft
        stock = [(stage_ask, ask_kind(stage_ask))] if stage_ask else []
        reasons = [self.catalogue.reason(r.id) for r in draft.reasons]
        told = {r.id for r in draft.reasons if r.example.strip()}
        stock += [(f.ask, ask_kind(f.ask)) for f in self.passages["fairness"]]
        stock += [(r.ask, ask_kind(r.ask, r.id)) for r in reasons if r.id in told]
        stock += [(r.ask, ask_kind(r.ask, r.id)) for r in reasons if r.id not in told]
        return letter_asks(tuple(draft.asks), tuple(stock), draft.position == "oppose")

    def at(self, detail: Detail) -> dict:
        """Everything a template may use, at this level of detail."""
        reasons = self.passages["reasons"] + self.passages["linked_only"]
        return {
            **self.fixed,
            **self.passages,
            "detail": detail,
            "annexed": [r for r in reasons if r.national or not (detail.paragraphs and r.example)],
        }


def template_context(
    draft: Draft, catalogue: Catalogue, tone: str, today: dt.date, detail: Detail = LEVELS[0]
) -> dict:
    """Everything a template may use: see the `letter_templates/*.j2` files for examples."""
    return Contexts(draft, catalogue, tone, today).at(detail)
