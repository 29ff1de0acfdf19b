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

import dataclasses
import datetime as dt
import functools
import re
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from drafting.consultation import quote_sentence
from drafting.draft import Draft, Quote
from drafting.fairness import RaisedConcern, raised
from drafting.letter import Letter, LetterTemplateError, parse_letter
from drafting.ownwords import body, measure, typed_runs, typed_texts, words
from drafting.questions import label, unanswered_note
from drafting.wording import and_list, long_date
from reasons.catalogue import Catalogue, Evidence, Reason, Theme, applies
from reasons.phrases import TONES, position_phrases, tone_phrases

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "letter_templates"
_HEADER = re.compile(r"\A\{#-?(.*?)-?#\}", re.DOTALL)


class UnknownTemplateError(LookupError):
    """The draft names a template that is not in the templates folder."""


@dataclass(frozen=True)
class TemplateInfo:
    """A letter template as the app lists it: from the comment header at the top of its file.

    `budget` is the most words its body should have, and `own` the least share (in per cent)
    of the group's own words it aims for; either is None when the template sets none.
    """

    id: str
    name: str
    description: str
    length: str
    budget: int | None = None
    own: int | None = None


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

    def __getattribute__(self, name: str) -> Any:
        # A render notes everything it reads of the level (see `_render`).
        reads = _READS.get()
        if reads is not None:
            reads.add((Detail, name))
        return super().__getattribute__(name)


# What the render under way has read: the names it looked up in its context, and (as
# `(Detail, name)`) the attributes of its level of detail. A level that differs from the
# last one rendered only in what that render never read would give the same letter again.
_READS: ContextVar[set | None] = ContextVar("_READS", default=None)


class _WatchedContext(Context):
    """A Jinja2 context noting each name a render looks up (`_READS`): every lookup of a
    template, or of a part imported with the context, comes through here."""

    def resolve_or_missing(self, key: str) -> Any:
        reads = _READS.get()
        if reads is not None:
            reads.add(key)
        return super().resolve_or_missing(key)


LEVELS = (
    Detail(),
    Detail(paragraphs=False),
    Detail(paragraphs=False, fairness=False),
    Detail(paragraphs=False, fairness=False, titles=False),
    Detail(paragraphs=False, fairness=False, titles=False, reason_asks=False),
    Detail(paragraphs=False, fairness=False, titles=False, reason_asks=False, extras=False),
    Detail(False, False, False, False, extras=False, brief_examples=True),
)
_VIEW_FIELDS = {
    view: frozenset(f.name for f in dataclasses.fields(view))
    for view in (ChosenReasonView, ThemeGroup, QuestionView, SourceView, Detail)
}
# Values that are never a method (such as a bound `str.format`, which the sandbox wraps).
_PLAIN = frozenset({str, bool, int, float, tuple, type(None)})
_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'(])")


def first_sentence(text: str) -> str:
    """The first sentence of `text` (all of it when it is one sentence).

    >>> first_sentence("We lost the grant in May. Forty people now eat alone.")
    'We lost the grant in May.'
    """
    return _FIRST_SENTENCE.split(text.strip(), maxsplit=1)[0]


OWN_MARGIN = 2  # per cent above the template's own-words aim, for the wording of edits


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


class _LetterSandbox(SandboxedEnvironment):
    """The sandbox, keeping its verdict on each attribute a template reads by the type of the
    object and the name: a letter reads the same few hundred again and again, and the verdict
    depends on nothing else. (Its checks are `isinstance` against Python's own types, which
    goes by the type, unless the object's `__class__` claims another: checked in full.)"""

    context_class = _WatchedContext

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._verdicts: dict[tuple[type, str], bool] = {}

    def getattr(self, obj: Any, attribute: str) -> Any:
        # The fields of assembly's own views, the attributes a letter reads most, are plain
        # data (never a method, never private): the sandbox would pass each as it is.
        if attribute in _VIEW_FIELDS.get(type(obj), ()):
            value = getattr(obj, attribute)
            if type(value) in _PLAIN:
                return value
            return self.wrap_str_format(value) or value  # as the stock getattr does first
        return super().getattr(obj, attribute)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        kind = type(obj)
        if obj.__class__ is not kind:
            return super().is_safe_attribute(obj, attr, value)
        verdict = self._verdicts.get((kind, attr))
        if verdict is None:
            verdict = self._verdicts[kind, attr] = super().is_safe_attribute(obj, attr, value)
        return verdict


@cache
def template_environment() -> SandboxedEnvironment:
    """Return the one sandboxed Jinja2 environment for letter templates (built once)."""
    env = _LetterSandbox(
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
    )


def template_info(template: str) -> TemplateInfo:
    """The listed template called `template` (its file alone read); raise UnknownTemplateError
    if there is none."""
    path = TEMPLATE_DIR / f"{template}.j2"
    if path.parent == TEMPLATE_DIR and not template.startswith("_") and path.is_file():
        return _read_info(path)
    names = ", ".join(p.stem for p in _template_paths())
    raise UnknownTemplateError(f"There is no template called '{template}'; choose from {names}.")


_HEALTH = re.compile(
    r"\b(nhs|icb|integrated care|health|hospital|clinical|gp|primary care|trust|drugs?"
    r"|alcohol|substance|sexual health|mental health)\b",
    re.IGNORECASE,
)


def consulting_sector(draft: Draft) -> str:
    """ "nhs" when an NHS body consults, or the service is health care (where the Provider
    Selection Regime applies, councils included); otherwise "council"."""
    c = draft.consultation
    return "nhs" if _HEALTH.search(f"{c.body} {c.service} {c.title}") else "council"


_PERSON_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame"}
_COUNCILLOR = {"cllr", "councillor"}
_POST_WORDS = re.compile(
    r"\b(head|director|team|manager|officer|lead|commissioning|commissioner|department|service"
    r"|services|board|unit|chief|executive|clerk|secretary|panel|committee|consultation"
    r"|council|nhs|icb|procurement|office|chair)\b",
    re.IGNORECASE,
)


def salutation(recipient: str) -> tuple[str, str]:
    """The greeting and the close for a letter to `recipient`, as British letters have them.

    >>> salutation("Ms Amina Khan, Head of Commissioning")
    ('Dear Ms Khan,', 'Yours sincerely,')
    >>> salutation("Head of Commissioning, Adult Social Care")
    ('Dear Head of Commissioning,', 'Yours faithfully,')
    >>> salutation("")
    ('Dear Sir or Madam,', 'Yours faithfully,')
    """
    name = recipient.strip().split(",")[0].split("\n")[0].strip()
    parts = name.split()
    if not parts:
        return "Dear Sir or Madam,", "Yours faithfully,"
    first = parts[0].lower().rstrip(".")
    if first in _PERSON_TITLES | _COUNCILLOR and len(parts) > 1:
        title = "Councillor" if first in _COUNCILLOR else parts[0]
        return f"Dear {title} {parts[-1]},", "Yours sincerely,"
    if _POST_WORDS.search(name) or not 2 <= len(parts) <= 4:
        return f"Dear {name},", "Yours faithfully,"
    return f"Dear {name},", "Yours sincerely,"


_ARTICLE = re.compile(r"^(A|An|The)\s+(?=\S)")


def _sentence(text: str) -> str:
    """The text as a sentence: trimmed, ending with a full stop (or its own ? or !)."""
    text = text.strip()
    return text if not text or text[-1] in ".?!" else f"{text}."


def describe_group(name: str, about: str) -> tuple[str, str]:
    """How the letter names the group, and what is left of its description to print after.

    A one-sentence description that starts "A", "An" or "The" joins the name as a phrase;
    any other description stays as the group wrote it, as a sentence of its own:

        >>> describe_group("Hillside Café", "A drop-in run by volunteers since 2011.")
        ('Hillside Café, a drop-in run by volunteers since 2011,', '')
        >>> describe_group("Hillside Café", "We run a drop-in")
        ('Hillside Café', 'We run a drop-in.')
    """
    name = name if name.strip() else "our group"  # as typed: nothing typed is lost
    about = " ".join(about.split())
    body = about.rstrip(".")
    if _ARTICLE.match(about) and ". " not in body and len(body.split()) <= 40:
        return f"{name}, {body[0].lower()}{body[1:]},", ""
    return name, _sentence(about)


def _consultation_phrase(draft: Draft, whose: str = "your") -> str:
    c = draft.consultation
    title = f"\u201c{c.title.strip()}\u201d" if c.title.strip() else ""
    if draft.stage == "early":
        return f"{whose} early engagement on {title or 'the future of these services'}"
    if draft.stage == "tender":
        service = c.service.strip() or "these services"
        return f"the plan to put {service} out to tender" + (f" ({title})" if title else "")
    return f"{whose} consultation {title}" if title else "this consultation"


def opening(draft: Draft, frame: str, group: str, whose: str = "your") -> str:
    """The letter's first sentence from a tone's `frame`, naming the group (and its
    description, when that reads as a phrase) and what it responds to at the stage reached;
    `whose` consultation it is ("your" to the body consulting, "the" to councillors)."""
    trimmed = group.rstrip(",")  # a description in apposition closes with a comma
    sentence = frame.replace("{group},", f"{trimmed},").replace("{group}.", f"{trimmed}.")
    sentence = sentence.replace("{group}", group)
    return sentence.replace("{consultation}", _consultation_phrase(draft, whose))


_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "by",
        "can",
        "could",
        "do",
        "does",
        "for",
        "from",
        "has",
        "have",
        "how",
        "in",
        "into",
        "is",
        "it",
        "its",
        "it's",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "should",
        "so",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "us",
        "we",
        "what",
        "when",
        "whether",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
        "your",
        "ask",
        "please",
        "make",
        "sure",
    ]
)


def _stem(word: str) -> str:
    for end in ("ing", "ed", "es", "s"):
        if word.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    return word


@functools.lru_cache(maxsize=2048)
def _content(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in words(text) if w not in _STOP)


def same_ask(a: str, b: str) -> bool:
    """Whether two asks say much the same thing: half the content words of the shorter one
    (or more) are in the other.

        >>> same_ask("Pause the tender until the equality impact assessment is published.",
        ...          "Publish an equality impact assessment before any decision is taken.")
        True
    """
    ca, cb = _content(a), _content(b)
    if not ca or not cb:
        return False
    return len(ca & cb) / min(len(ca), len(cb)) >= 0.5


def merge_asks(own: list[str], stock: list[str]) -> list[str]:
    """One list of asks: the group's own first, as typed, then each catalogue ask that says
    something new. An ask like an earlier one is merged into it, the fuller wording kept in the
    earlier place; a catalogue ask never replaces the group's own words."""
    merged: list[tuple[str, bool]] = []
    for text in (t for t in own if t.strip()):  # the group's own, a repeat of itself merged
        match = next((i for i, (kept, _) in enumerate(merged) if same_ask(kept, text)), None)
        if match is None:
            merged.append((text, True))
        elif len(text) > len(merged[match][0]):
            merged[match] = (text, True)
    for text in stock:
        match = next((i for i, (kept, _) in enumerate(merged) if same_ask(kept, text)), None)
        if match is None:
            merged.append((text, False))
        elif not merged[match][1] and len(text) > len(merged[match][0]):
            merged[match] = (text, False)
    return [text for text, _ in merged]


@functools.lru_cache(maxsize=64)
def _merged_asks(own: tuple[str, ...], stock: tuple[str, ...]) -> tuple[str, ...]:
    # Kept: the same asks are merged again for each template, tone and cover email.
    return tuple(merge_asks(list(own), list(stock)))


def _view(
    reason: Reason, example: str, sector: str, national: bool, quote: Quote | None = None
) -> ChosenReasonView:
    evidence = tuple(e for e in reason.evidence if applies(e.sector, sector))
    return ChosenReasonView(
        reason.id,
        reason.title,
        reason.theme,
        reason.summary,
        reason.point,
        reason.paragraph,
        reason.ask,
        example.strip(),
        evidence,
        evidence if national else (),
        quote_sentence(quote) if quote else "",
    )


def _by_theme(reasons: list[ChosenReasonView], catalogue: Catalogue) -> list[ThemeGroup]:
    """Group reasons by theme, themes in order of their first reason: the draft's order rules."""
    groups: dict[str, list[ChosenReasonView]] = {}
    for reason in reasons:
        groups.setdefault(reason.theme, []).append(reason)
    return [ThemeGroup(catalogue.theme(t), tuple(rs)) for t, rs in groups.items()]


def _sources(reasons: list[ChosenReasonView], fairness: list[RaisedConcern]) -> list[SourceView]:
    """The letter's sources: the national evidence included, then the fair-process principles
    raised, each once, in the order the letter first uses them, with their links."""
    found = [SourceView(e.citation, e.url) for r in reasons for e in r.national]
    found += [SourceView(s.citation, s.url) for f in fairness for s in f.sources]
    return list(dict.fromkeys(found))


_LEADING_NUMBER = r"^\s*(?:q(?:uestion)?\.?\s*)?{}\s*[.):\-\u2013\u2014]?\s+"


def _question_views(draft: Draft, chosen: dict[int, ChosenReasonView], make) -> list:
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
        sentences = _FIRST_SENTENCE.split(text.strip())
        fresh = [
            sentence
            for sentence in sentences
            if len(sentence_words := words(sentence)) < 6
            or " ".join(sentence_words) not in self.seen
        ]
        self.seen += f"{key}\n"
        return text if len(fresh) == len(sentences) else " ".join(fresh)


@functools.lru_cache(maxsize=16)
def _once_each(passages: tuple[str, ...]) -> tuple[str, ...]:
    """Each passage as `_Once` passes it, in turn. Kept: the same draft is assembled again in
    another template or tone, and for the cover email."""
    once = _Once()
    return tuple(once(p) for p in passages)


class _Contexts:
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
                _view(catalogue.reason(r.id), example, sector, r.id in included, r.quote)
                for r, example in zip(draft.reasons, examples, strict=True)
            ]
            by_id = {r.id: r for r in chosen}
            questions = _question_views(
                draft, by_id, lambda rid: _view(catalogue.reason(rid), "", sector, False)
            )
            linked = {rid for q in draft.questions for rid in q.reasons}
            fairness = [
                dataclasses.replace(f, note=note) for f, note in zip(concerns, notes, strict=True)
            ]
            self._passages[brief] = {
                "summary": _sentence(summary),
                "agree": agree,
                "reasons": chosen,
                "themes": _by_theme(chosen, catalogue),
                "questions": questions,
                "other_reasons": [r for r in chosen if r.id not in linked],
                "context": context,
                "fairness": fairness,
                "sources": _sources(chosen, fairness),
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
            self._asks[reason_asks] = list(_merged_asks(tuple(draft.asks), tuple(stock)))
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


def _own_copies(context: dict) -> dict:
    """The context with lists and dicts of its own, for one render: a template could change
    one (`asks.pop()`, `tone.update(...)`), and the next render, the comparison of what renders
    read (`_reads_alike`) and other sessions (the tone's phrases are shared) must not see it."""
    return {
        k: list(v) if type(v) is list else dict(v) if type(v) is dict else v
        for k, v in context.items()
    }


def template_context(
    draft: Draft, catalogue: Catalogue, tone: str, today: dt.date, detail: Detail = LEVELS[0]
) -> dict:
    """Everything a template may use: see the `letter_templates/*.j2` files for examples."""
    return _own_copies(_Contexts(draft, catalogue, tone, today).at(detail))


def letter_title(draft: Draft) -> str:
    title = draft.consultation.title.strip() or draft.consultation.body.strip()
    return f"Response to {title}" if title else "Consultation response"


def _render(template: str, context: dict) -> tuple[str, set]:
    """The template's markup for `context`, and what the render read (see `_READS`). A render
    is taken to be pure, the same reads giving the same markup (no `|random`, no state kept
    from one render to the next: each gets its own lists and dicts), which lets `assemble`
    skip a level whose reads are all alike."""
    reads: set = set()
    token = _READS.set(reads)
    try:
        return template_environment().get_template(f"{template}.j2").render(context), reads
    except TemplateError as e:
        raise LetterTemplateError(f"The template '{template}' is broken: {e}") from e
    finally:
        _READS.reset(token)


_ABSENT = object()


def _reads_alike(reads: set, context: dict, earlier: dict) -> bool:
    """Whether everything a render of `earlier` read is the same in `context`."""
    for read in reads:
        if isinstance(read, tuple):  # a flag of the level (or a name it does not have)
            name = read[1]
            if getattr(context["detail"], name, _ABSENT) != getattr(
                earlier["detail"], name, _ABSENT
            ):
                return False
        elif read != "detail" and context.get(read, _ABSENT) != earlier.get(read, _ABSENT):
            return False
    return True


def assemble(
    draft: Draft,
    catalogue: Catalogue,
    *,
    template: str | None = None,
    tone: str | None = None,
    today: dt.date | None = None,
) -> Letter:
    """Render the draft with a template and tone (the draft's own unless given) into a Letter.

    The letter keeps the template's budget of words and its aim for the group's own share:
    it starts with the most catalogue text (LEVELS[0]) and steps down until both hold, moving
    the fuller paragraphs to the annex first, then the fair-process sentences, then the
    reasons' asks. The group's own words are never cut.

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
    # The runs of what the group typed, once: each version tried is weighed against them
    # (where the template aims for a share of the group's own words).
    typed = typed_runs(typed_texts(draft)) if info.own is not None else frozenset()
    contexts = _Contexts(draft, catalogue, tone, today or dt.date.today())
    tried = []  # each level that missed: within budget, its words, its body, its letter
    last = None  # the last level rendered: its context, what it read, markup, letter, body
    for detail in LEVELS:
        if detail.brief_examples and info.own is not None:
            break  # the full letters give every example whole
        context = contexts.at(detail)
        if last and _reads_alike(last[1], context, last[0]):
            letter, text = last[3:]  # the template would write the same letter again
        else:
            markup, read = _render(template, _own_copies(context))
            if last and markup == last[2]:
                letter, text = last[3:]
            else:
                letter = parse_letter(markup, letter_title(draft))
                text = body(letter)
            last = context, read, markup, letter, text
        count = len(text.split())
        within = info.budget is None or count <= info.budget
        if within and (info.own is None or measure(text, typed).percent >= info.own + OWN_MARGIN):
            return letter
        tried.append((within, count, text, letter))
    # Nothing met both: of the letters within budget (else of all), the one with the most of
    # the group's own words (for a template without an aim, the shortest), the first of equals.
    within = [t for t in tried if t[0]] or tried
    if info.own is None:
        return min(within, key=lambda t: t[1])[3]
    return max(within, key=lambda t: measure(t[2], typed).percent)[3]


def cover_email(draft: Draft, catalogue: Catalogue, *, today: dt.date | None = None) -> Letter:
    """Render the short email to send with the Word letter (`_cover_email.j2`): what is
    attached, who else signs it, and who is copied in."""
    context = template_context(draft, catalogue, draft.tone, today or dt.date.today())
    try:
        markup = template_environment().get_template("_cover_email.j2").render(context)
    except TemplateError as e:
        raise LetterTemplateError(f"The cover email template is broken: {e}") from e
    return parse_letter(markup, "Covering email")
