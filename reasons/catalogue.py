"""Load and validate the reasons catalogue (`catalogue.toml`) and the situation questionnaire.

The catalogue is data a non-programmer edits, so every record is checked on load and a problem
is reported as one `CatalogueError` naming the file, the record and the field:

    >>> catalogue = load_catalogue()
    >>> catalogue.reason(20).title
    'Small local groups may not survive'
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


FOLDER = Path(__file__).resolve().parent
CATALOGUE_FILE = FOLDER / "catalogue.toml"
SITUATION_FILE = FOLDER / "situation.toml"
REASON_COUNT = 26
REASON_FIELDS = (
    "id",
    "title",
    "theme",
    "summary",
    "point",
    "paragraph",
    "ask",
    "alternatives",
    "prompt",
    "evidence",
    "law",
    "sector",
)
EVIDENCE_FIELDS = ("text", "publisher", "title", "year", "url", "sector")
ALTERNATIVE_FIELDS = ("id", "title", "sector", "text")
LAW_FIELDS = ("text", "sector")
SECTORS = ("council", "nhs", "both")
CONSULTING = ("council", "nhs")  # who can be consulting: a body of one sector or the other
PARAGRAPH_WORDS = (40, 70)
_URL = re.compile(r"https://[^\s<>\"]+")


class CatalogueError(ValueError):
    """A catalogue, questionnaire or checklist file is missing, unreadable or has a bad record."""


@dataclass(frozen=True)
class Paper:
    """The paper the reasons come from, credited in the app and in every export."""

    title: str
    publisher: str
    year: int
    month: str

    @property
    def citation(self) -> str:
        return f"{self.publisher}, \u201c{self.title}\u201d ({self.month} {self.year})"


@dataclass(frozen=True)
class Theme:
    id: str
    title: str


@dataclass(frozen=True)
class Evidence:
    """One item of national evidence: a hedged sentence and where it comes from."""

    text: str
    publisher: str
    title: str
    year: int
    url: str = ""
    sector: str = "both"

    @property
    def citation(self) -> str:
        return cite(self.publisher, self.title, self.year)


def cite(publisher: str, title: str, year: int) -> str:
    """How the app and the letters cite a source (evidence, or a fair-process principle):
    'UK Supreme Court, R (Moseley) v Haringey LBC [2014] UKSC 56 (2014)'."""
    return f"{publisher + ', ' if publisher else ''}{title} ({year})"


def applies(sector: str, consulting: str) -> bool:
    """Whether an item tagged `sector` ("council", "nhs", "both") applies when a body of kind
    `consulting` ("council" or "nhs") is consulting."""
    return sector == "both" or sector == consulting


@dataclass(frozen=True)
class LawSentence:
    """A sentence of law or policy that holds for one sector (or both), kept apart from the
    fuller paragraph of its reason or concern so that it follows that paragraph only in
    letters to a body it applies to: the Procurement Act is not cited to an NHS body."""

    text: str
    sector: str


def with_law(paragraph: str, law: tuple[LawSentence, ...], consulting: str) -> str:
    """`paragraph` followed by those of its law sentences that apply when a body of kind
    `consulting` is consulting."""
    return " ".join([paragraph, *(s.text for s in law if applies(s.sector, consulting))])


@dataclass(frozen=True)
class Alternative:
    """Something a group can propose instead of a competitive tender."""

    id: str
    title: str
    sector: str
    text: str


@dataclass(frozen=True)
class Reason:
    """One reason of the paper; `id` is the paper's own number and never changes."""

    id: int
    title: str
    theme: str
    summary: str
    point: str
    paragraph: str
    ask: str
    prompt: str
    evidence: tuple[Evidence, ...] = ()
    alternatives: tuple[str, ...] = ()
    law: tuple[LawSentence, ...] = ()

    def paragraph_for(self, consulting: str) -> str:
        """The fuller paragraph as a letter to a body of kind `consulting` gives it."""
        return with_law(self.paragraph, self.law, consulting)


@dataclass(frozen=True)
class Catalogue:
    paper: Paper
    themes: tuple[Theme, ...]
    reasons: tuple[Reason, ...]
    alternatives: tuple[Alternative, ...] = ()

    def alternative(self, alternative_id: str) -> Alternative:
        """Return the alternative with this id; raise KeyError if none."""
        return {a.id: a for a in self.alternatives}[alternative_id]

    @cached_property
    def _by_id(self) -> dict[int, Reason]:
        return {r.id: r for r in self.reasons}

    @cached_property
    def _themes_by_id(self) -> dict[str, Theme]:
        return {t.id: t for t in self.themes}

    @property
    def ids(self) -> frozenset[int]:
        return frozenset(self._by_id)

    def reason(self, reason_id: int) -> Reason:
        """Return the reason with the paper's number `reason_id`; raise KeyError if none."""
        return self._by_id[reason_id]

    def theme(self, theme_id: str) -> Theme:
        return self._themes_by_id[theme_id]

    def source_of(self, reason_id: int) -> str:
        """Say where a reason comes from, e.g. 'National Coalition ... (March 2012), reason 7'."""
        return f"{self.paper.citation}, reason {reason_id}"

    def frame(self) -> pd.DataFrame:
        """Return one row per reason: id, title, theme, theme_title, summary, paragraph, prompt,
        evidence (the sentences joined), sources and source."""
        rows = [
            {
                "id": r.id,
                "title": r.title,
                "theme": r.theme,
                "theme_title": self.theme(r.theme).title,
                "summary": r.summary,
                # with every law sentence, for either sector: what a search should find
                "paragraph": " ".join([r.paragraph, *(s.text for s in r.law)]),
                "prompt": r.prompt,
                "evidence": " ".join(e.text for e in r.evidence),
                "sources": "; ".join(e.citation for e in r.evidence),
                "source": self.source_of(r.id),
            }
            for r in self.reasons
        ]
        import pandas as pd  # slow to import, and only the reasons page needs it

        return pd.DataFrame(rows)


@dataclass(frozen=True)
class Suggestion:
    reason: int
    why: str


@dataclass(frozen=True)
class SituationQuestion:
    id: str
    text: str
    help: str
    suggests: tuple[Suggestion, ...]


def read_toml(path: Path) -> dict[str, Any]:
    """Read a TOML data file; raise CatalogueError naming the file if it is missing or broken."""
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise CatalogueError(f"{path.name}: the file is missing") from None
    except tomllib.TOMLDecodeError as e:
        raise CatalogueError(f"{path.name}: not valid TOML ({e})") from None


class RecordFields:
    """Read typed fields from one record of a data file, naming the record in every error."""

    def __init__(self, file: str, where: str, record: Any, allowed: tuple[str, ...] = ()):
        self.file, self.name = file, where
        self.where = f"{file}: {where}"
        if not isinstance(record, dict):
            raise CatalogueError(f"{self.where}: expected a table of fields")
        unknown = [key for key in record if allowed and key not in allowed]
        if unknown:
            raise CatalogueError(
                f"{self.where}: '{unknown[0]}' is not a field here (fields: {', '.join(allowed)})"
            )
        self.record = record

    def text(self, name: str, *, max_len: int | None = None) -> str:
        value = self.record.get(name)
        if value is None:
            raise CatalogueError(f"{self.where}: field '{name}' is missing")
        if not isinstance(value, str) or not value.strip():
            raise CatalogueError(f"{self.where}: field '{name}' must be non-empty text")
        if max_len is not None and len(value) > max_len:
            raise CatalogueError(
                f"{self.where}: field '{name}' is {len(value)} characters; the limit is {max_len}"
            )
        return value.strip()

    def flag(self, name: str) -> bool:
        """A true/false field; false when it is left out."""
        value = self.record.get(name, False)
        if not isinstance(value, bool):
            raise CatalogueError(f"{self.where}: field '{name}' must be true or false")
        return value

    def integer(self, name: str) -> int:
        value = self.record.get(name)
        if value is None:
            raise CatalogueError(f"{self.where}: field '{name}' is missing")
        if not isinstance(value, int) or isinstance(value, bool):
            raise CatalogueError(f"{self.where}: field '{name}' must be a whole number")
        return value

    def sector(self, name: str = "sector") -> str:
        value = self.text(name)
        if value not in SECTORS:
            raise CatalogueError(
                f"{self.where}: field '{name}' is '{value}', not one of {', '.join(SECTORS)}"
            )
        return value

    def own_sector(self, kind: str) -> str:
        """The sector a record's own words hold for, where they state law: they are printed
        to every body, so only "both" will do; a sentence for one sector goes in its
        [[...law]] tables. Left out, "both"."""
        if "sector" not in self.record:
            return "both"
        value = self.sector()
        if value != "both":
            raise CatalogueError(
                f"{self.where}: field 'sector' is '{value}', but a {kind}'s own words go to"
                f" councils and NHS bodies alike: put a sentence for one of them in a"
                f" [[{kind}s.law]] table"
            )
        return value

    def law(self, name: str = "law") -> tuple[LawSentence, ...]:
        """The record's [[...law]] tables: each a sentence of law or policy and its sector."""
        found = []
        for j, raw in enumerate(self.tables(name), start=1):
            s = RecordFields(self.file, f"{self.name} law {j}", raw, LAW_FIELDS)
            found.append(LawSentence(s.text("text"), s.sector()))
        return tuple(found)

    def words_for_each_sector(
        self, name: str, law: tuple[LawSentence, ...], low: int, high: int
    ) -> str:
        """A paragraph of `low` to `high` words as a letter to a council, and to an NHS body,
        gives it (with the law sentences that apply)."""
        value = self.text(name)
        for consulting in CONSULTING:
            count = len(with_law(value, law, consulting).split())
            if not low <= count <= high:
                raise CatalogueError(
                    f"{self.where}: field '{name}' with its law sentences for a {consulting}"
                    f" letter has {count} words; it needs {low} to {high}"
                )
        return value

    def url(self, name: str = "url") -> str:
        value = self.text(name)
        if not _URL.fullmatch(value):
            raise CatalogueError(f"{self.where}: field '{name}' must be one https:// link")
        return value

    def names(self, name: str, known: list[str]) -> tuple[str, ...]:
        """A list of ids, each one of `known`; empty when left out."""
        value = self.record.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise CatalogueError(f"{self.where}: field '{name}' must be a list of ids")
        for item in value:
            if item not in known:
                raise CatalogueError(
                    f"{self.where}: field '{name}' names '{item}', not one of {known}"
                )
        return tuple(value)

    def tables(self, name: str) -> list[Any]:
        value = self.record.get(name, [])
        if not isinstance(value, list):
            raise CatalogueError(f"{self.where}: field '{name}' must be a list of tables")
        return value


def load_catalogue(path: Path = CATALOGUE_FILE) -> Catalogue:
    """Read and validate the catalogue file.

    Raises CatalogueError naming the reason and field for a missing or malformed field, an
    unknown theme, a duplicated or missing reason number, or a theme with no reasons.
    """
    data = read_toml(path)
    file = path.name
    p = RecordFields(file, "[paper]", data.get("paper"))
    paper = Paper(p.text("title"), p.text("publisher"), p.integer("year"), p.text("month"))

    themes = []
    for i, raw in enumerate(RecordFields(file, "top level", data).tables("themes"), start=1):
        f = RecordFields(file, f"theme {i}", raw)
        themes.append(Theme(f.text("id"), f.text("title")))
    theme_ids = [t.id for t in themes]
    if not themes or len(set(theme_ids)) != len(theme_ids):
        raise CatalogueError(f"{file}: themes must be listed, each id once")

    alternatives = []
    for i, raw in enumerate(RecordFields(file, "top level", data).tables("alternatives"), 1):
        f = RecordFields(file, f"alternative {i}", raw, ALTERNATIVE_FIELDS)
        alternatives.append(
            Alternative(
                f.text("id", max_len=40), f.text("title", max_len=80), f.sector(), f.text("text")
            )
        )
    alternative_ids = [a.id for a in alternatives]
    if len(set(alternative_ids)) != len(alternative_ids):
        raise CatalogueError(f"{file}: alternatives must be listed, each id once")

    reasons = []
    for i, raw in enumerate(RecordFields(file, "top level", data).tables("reasons"), start=1):
        where = f"reason {raw.get('id', f'#{i}')}" if isinstance(raw, dict) else f"reason #{i}"
        f = RecordFields(file, where, raw, REASON_FIELDS)
        theme = f.text("theme")
        if theme not in theme_ids:
            raise CatalogueError(f"{f.where}: field 'theme' is '{theme}', not one of {theme_ids}")
        evidence = []
        for j, raw_ev in enumerate(f.tables("evidence"), start=1):
            e = RecordFields(file, f"{where} evidence {j}", raw_ev, EVIDENCE_FIELDS)
            evidence.append(
                Evidence(
                    e.text("text"),
                    e.text("publisher"),
                    e.text("title"),
                    e.integer("year"),
                    e.url(),
                    e.sector(),
                )
            )
        law = f.law()
        f.own_sector("reason")
        reasons.append(
            Reason(
                id=f.integer("id"),
                title=f.text("title", max_len=80),
                theme=theme,
                summary=f.text("summary", max_len=200),
                point=f.text("point", max_len=200),
                paragraph=f.words_for_each_sector("paragraph", law, *PARAGRAPH_WORDS),
                ask=f.text("ask", max_len=200),
                prompt=f.text("prompt"),
                evidence=tuple(evidence),
                alternatives=f.names("alternatives", alternative_ids),
                law=law,
            )
        )

    ids = [r.id for r in reasons]
    if sorted(ids) != list(range(1, REASON_COUNT + 1)):
        missing = sorted(set(range(1, REASON_COUNT + 1)) - set(ids))
        extra = sorted({i for i in ids if ids.count(i) > 1 or not 1 <= i <= REASON_COUNT})
        raise CatalogueError(
            f"{file}: reasons must be numbered 1 to {REASON_COUNT} once each"
            f" (missing {missing or 'none'}, duplicated or out of range {extra or 'none'})"
        )
    empty = [t for t in theme_ids if t not in {r.theme for r in reasons}]
    if empty:
        raise CatalogueError(f"{file}: theme(s) {empty} have no reasons")
    return Catalogue(
        paper, tuple(themes), tuple(sorted(reasons, key=lambda r: r.id)), tuple(alternatives)
    )


@cache
def alternative_ids(path: Path = CATALOGUE_FILE) -> frozenset[str]:
    """The ids of the catalogue's alternatives (what a draft may name), read once."""
    return frozenset(a.id for a in load_catalogue(path).alternatives)


def load_situation_questions(
    catalogue: Catalogue, path: Path = SITUATION_FILE
) -> tuple[SituationQuestion, ...]:
    """Read the situation questionnaire; every suggested reason must be in `catalogue`."""
    data = read_toml(path)
    file = path.name
    questions = []
    for i, raw in enumerate(RecordFields(file, "top level", data).tables("questions"), start=1):
        f = RecordFields(file, f"question {i}", raw)
        suggests = []
        for j, raw_s in enumerate(f.tables("suggests"), start=1):
            s = RecordFields(file, f"question {i} suggestion {j}", raw_s)
            reason = s.integer("reason")
            if reason not in catalogue.ids:
                raise CatalogueError(f"{s.where}: reason {reason} is not in the catalogue")
            suggests.append(Suggestion(reason, s.text("why")))
        if not suggests:
            raise CatalogueError(f"{f.where}: suggests no reasons")
        questions.append(
            SituationQuestion(f.text("id"), f.text("text"), f.text("help"), tuple(suggests))
        )
    ids = [q.id for q in questions]
    if not questions or len(set(ids)) != len(ids):
        raise CatalogueError(f"{file}: questions must be listed, each id once")
    return tuple(questions)
