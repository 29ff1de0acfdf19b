"""The template context: everything a letter template may use, at each level of detail
(`LEVELS`, from the most catalogue text to the least). The group's passages are each printed
once (`_Once`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass

from drafting.letter.asks import merged_asks
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
from drafting.text import first_sentence, sentences
from reasons.catalogue import Catalogue, applies
from reasons.phrases import position_phrases, tone_phrases


@dataclass(frozen=True)
class Detail:
    """How much catalogue text the letter carries: the fuller paragraph after each example
    (full letters), a sentence naming each fair-process principle, the chosen reasons' asks,
    and headings over the reasons (theme headings, a bold title before each point). `assemble`
    steps down these levels until the template's budget and own share hold. The reasons' asks
    go only when the group has asks of its own to lead the list; last of all, a short letter
    over its budget leaves out the group's context, where it agrees and the alternatives'
    descriptions, and then gives each example of several sentences by its first (each is still
    in the draft and in the full letters)."""

    paragraphs: bool = True
    fairness: bool = True
    reason_asks: bool = True
    titles: bool = True
    extras: bool = True
    brief_examples: bool = False


LEVELS = (
    Detail(),
    Detail(paragraphs=False),
    Detail(paragraphs=False, fairness=False),
    Detail(paragraphs=False, fairness=False, titles=False),
    Detail(paragraphs=False, fairness=False, titles=False, reason_asks=False),
    Detail(paragraphs=False, fairness=False, titles=False, reason_asks=False, extras=False),
    Detail(False, False, False, False, extras=False, brief_examples=True),
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


class Contexts:
    """A draft's template context at each level of detail. What no level changes is worked
    out once; the passages the group typed (which depend only on whether examples are given
    by their first sentence) and the merged asks (only on whether the reasons' asks are in)
    once per variant."""

    def __init__(self, draft: Draft, catalogue: Catalogue, tone: str, today: dt.date) -> None:
        self.draft, self.catalogue = draft, catalogue
        self.sector = consulting_sector(draft)
        self.position = position_phrases()[draft.position]
        self._passages: dict[bool, dict] = {}
        self._asks: dict[bool, list[str]] = {}
        closes = draft.consultation.closing_date
        co_signatories = [c for c in draft.co_signatories if c.name.strip() or c.group.strip()]
        phrases = tone_phrases()[tone]
        group, about = describe_group(draft.group.name, draft.group.about)
        dear, close = salutation(draft.consultation.recipient)
        body_name = draft.consultation.body.strip()
        self.fixed = {
            "title": letter_title(draft),
            "group": draft.group,
            "consultation": draft.consultation,
            "closes": long_date(closes) if closes else "",
            "today": long_date(today),
            "dear": dear,
            "yours": close,
            "opening": opening(draft, phrases[f"opening_{draft.stage}"], group),
            "councillor_opening": opening(
                draft,
                phrases["councillor_opening"],
                group,
                f"{body_name}\u2019s" if body_name else "the",
            ),
            "about": about,
            "position": self.position[draft.stage],
            "alternatives": [
                a
                for a in catalogue.alternatives
                if a.id in draft.alternatives and applies(a.sector, self.sector)
            ],
            "co_signatories": co_signatories,
            "co_signers": [c.group.strip() or c.name.strip() for c in co_signatories],
            "copy_to": [c for c in draft.copy_to if c.strip()],
            "tone": phrases,
        }

    def passages(self, brief: bool) -> dict:
        """The parts of the context that hold what the group typed, each passage once."""
        if brief not in self._passages:
            draft, catalogue, sector = self.draft, self.catalogue, self.sector
            included = set(draft.evidence)
            concerns = raised(draft)
            examples = [first_sentence(r.example) if brief else r.example for r in draft.reasons]
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
            self._passages[brief] = {
                "summary": _sentence(summary),
                "agree": agree,
                "reasons": chosen,
                "themes": by_theme(chosen, catalogue),
                "questions": questions,
                "other_reasons": [r for r in chosen if r.id not in linked],
                "context": context,
                "fairness": fairness,
                "sources": sources_of(chosen, fairness),
            }
        return self._passages[brief]

    def asks(self, reason_asks: bool) -> list[str]:
        """The group's own asks, then the stock asks that say something new (the reasons'
        asks only with `reason_asks`, or when the group has none of its own)."""
        draft = self.draft
        reason_asks = reason_asks or not any(a.strip() for a in draft.asks)
        if reason_asks not in self._asks:
            passages = self.passages(False)  # the asks are the same whatever the examples
            stage_ask = self.position[f"{draft.stage}_ask"]
            stock = [stage_ask] if stage_ask else []
            if reason_asks:
                stock += [r.ask for r in passages["reasons"]]
            stock += [f.ask for f in passages["fairness"]]
            self._asks[reason_asks] = list(merged_asks(tuple(draft.asks), tuple(stock)))
        return self._asks[reason_asks]

    def at(self, detail: Detail) -> dict:
        """Everything a template may use, at this level of detail."""
        passages = self.passages(detail.brief_examples)
        reasons = passages["reasons"]
        context = {
            **self.fixed,
            **passages,
            "asks": self.asks(detail.reason_asks),
            "detail": detail,
            "annexed": [r for r in reasons if r.national or not (detail.paragraphs and r.example)],
        }
        return context


def template_context(
    draft: Draft, catalogue: Catalogue, tone: str, today: dt.date, detail: Detail = LEVELS[0]
) -> dict:
    """Everything a template may use: see the `letter_templates/*.j2` files for examples."""
    return Contexts(draft, catalogue, tone, today).at(detail)
