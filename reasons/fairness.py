"""The fair-process checklist, `fairness.toml`: data a non-programmer edits, checked on load.

What each ticked concern adds to a letter is worked out in `drafting/fairness.py`.

    >>> [c.id for c in concerns()][:2]
    ['formative', 'information']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reasons.catalogue import CatalogueError, LawSentence, RecordFields, cite, read_toml, with_law

FAIRNESS_FILE = Path(__file__).resolve().parent / "fairness.toml"
CONCERN_FIELDS = (
    "id",
    "title",
    "question",
    "help",
    "principle",
    "summary",
    "paragraph",
    "ask",
    "dates",
    "sources",
    "sector",
    "law",
)
SOURCE_FIELDS = ("publisher", "title", "year", "url", "sector")


@dataclass(frozen=True)
class Source:
    """Where a principle comes from: a case, an Act or a guide, with its year."""

    title: str
    year: int
    publisher: str = ""
    url: str = ""
    sector: str = "both"

    @property
    def citation(self) -> str:
        return cite(self.publisher, self.title, self.year)


@dataclass(frozen=True)
class Concern:
    """One item of the checklist; `dates` marks the concern about time."""

    id: str
    title: str
    question: str
    help: str
    principle: str
    summary: str
    paragraph: str
    ask: str
    sources: tuple[Source, ...]
    dates: bool = False
    law: tuple[LawSentence, ...] = ()

    def paragraph_for(self, consulting: str) -> str:
        """The paragraph as a letter to a body of kind `consulting` gives it."""
        return with_law(self.paragraph, self.law, consulting)


def load_concerns(path: Path = FAIRNESS_FILE) -> tuple[Concern, ...]:
    """Read and check the checklist file.

    Raises CatalogueError naming the concern and field for a missing or malformed field, an id
    used twice, more than one concern marked `dates`, or a concern without sources.
    """
    file = path.name
    found = []
    for i, raw in enumerate(RecordFields(file, "top level", read_toml(path)).tables("concerns")):
        name = raw.get("id", f"#{i + 1}") if isinstance(raw, dict) else f"#{i + 1}"
        f = RecordFields(file, f"concern {name}", raw, CONCERN_FIELDS)
        sources = []
        for j, raw_source in enumerate(f.tables("sources"), start=1):
            s = RecordFields(file, f"concern {name} source {j}", raw_source, SOURCE_FIELDS)
            publisher = s.text("publisher") if "publisher" in raw_source else ""
            sources.append(
                Source(s.text("title"), s.integer("year"), publisher, s.url(), s.sector())
            )
        if not sources:
            raise CatalogueError(f"{f.where}: needs at least one [[concerns.sources]] table")
        if "sector" not in raw:  # every concern names a principle of law or guidance
            raise CatalogueError(f"{f.where}: field 'sector' is missing")
        f.own_sector("concern")
        found.append(
            Concern(
                id=f.text("id", max_len=40),
                title=f.text("title", max_len=80),
                question=f.text("question", max_len=200),
                help=f.text("help", max_len=400),
                principle=f.text("principle", max_len=200),
                summary=f.text("summary", max_len=300),
                paragraph=f.text("paragraph"),
                ask=f.text("ask", max_len=300),
                sources=tuple(sources),
                dates=f.flag("dates"),
                law=f.law(),
            )
        )
    ids = [c.id for c in found]
    if not found or len(set(ids)) != len(ids):
        raise CatalogueError(f"{file}: concerns must be listed, each id once")
    if sum(c.dates for c in found) > 1:
        raise CatalogueError(f"{file}: only one concern may have 'dates = true'")
    return tuple(found)


@cache
def concerns() -> tuple[Concern, ...]:
    """The checklist from `reasons/fairness.toml`, read once."""
    return load_concerns()


def concern_ids() -> frozenset[str]:
    return frozenset(c.id for c in concerns())
