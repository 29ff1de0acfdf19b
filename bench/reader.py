"""How well the consultation reader reads real documents: the corpus in
`tests/data/consultations/` (real council and NHS texts, the truth for each written by hand), each
read in every form a group has (a PDF, a browser-printed PDF with its header and footer, a Word
file, text pasted from a web page).

    .venv/bin/python -m bench.reader            # the table, per form and overall
    .venv/bin/python -m bench.reader --detail   # and every miss, document by document
    .venv/bin/python -m bench.reader --set first  # one set: first, second or third

The corpus comes in three sets, each collected and its truth written by hand before the reader
was run on it: the first (24 documents) before the reader was changed; the second (8, listed in
SECOND_SET) and the third (5, in THIRD_SET) after, to measure the reader on documents it was not
built with. Each was then used to improve the reader, so their figures from that first run are
kept in docs/reader.md.

Fields (title, body, reference, opens, closes, how to respond): *right* of those the text gives,
and *invented*, an answer where the text gives none. Dates: opens and closes together.
Questions: *found* (a question the truth lists, read whole, perhaps with extra words), *invented*
(a question the truth does not list), *polluted* (found with answer boxes, headers, footers or
the next heading glued on). Passages: *strong recall* (the strong passages quoted for their
reason) and *relevant* (the share of all quotes that the truth lists, strong or weak, for the
reason they were quoted for).
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "consultations"
FORMS = {  # form name -> the file's name in forms/
    "pdf": "{name}.pdf",
    "print": "{name}.print.pdf",
    "docx": "{name}.docx",
    "paste": "{name}.paste.txt",
}
FIELDS = ("title", "body", "reference", "opens", "closes", "respond_to")
TARGETS = {
    "fields": 0.90,
    "dates": 0.90,
    "questions_found": 0.95,
    "strong_recall": 0.80,
    "relevant": 0.80,
}

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": ""})


def norm(text: str | None) -> str:
    """Text compared as a reader sees it: ligatures and quotes plain, lower case, spaces single,
    punctuation at the ends dropped."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES).lower()
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" .,;:!?-*•·/")


@dataclass
class Tally:
    """Counts for one form (or all forms)."""

    given: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    answered: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    invented: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    questions: int = 0
    questions_found: int = 0
    questions_invented: int = 0
    questions_polluted: int = 0
    strong: int = 0
    strong_found: int = 0
    quotes: int = 0
    quotes_relevant: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in FIELDS:
            for attr in ("given", "right", "answered", "invented"):
                getattr(self, attr)[name] += getattr(other, attr)[name]
        for attr in (
            "questions",
            "questions_found",
            "questions_invented",
            "questions_polluted",
            "strong",
            "strong_found",
            "quotes",
            "quotes_relevant",
        ):
            setattr(self, attr, getattr(self, attr) + getattr(other, attr))
        self.misses.extend(other.misses)

    # The figures ------------------------------------------------------------------------------

    def share(self, names: Iterable[str]) -> tuple[int, int]:
        names = list(names)
        return sum(self.right[n] for n in names), sum(self.given[n] for n in names)

    def figures(self) -> dict[str, float]:
        right, given = self.share(FIELDS)
        dates_right, dates_given = self.share(("opens", "closes"))
        answered = sum(self.answered.values())
        return {
            "fields": right / given if given else 1.0,
            "fields_precision": right / answered if answered else 1.0,
            "dates": dates_right / dates_given if dates_given else 1.0,
            "questions_found": self.questions_found / self.questions if self.questions else 1.0,
            "questions_invented": float(self.questions_invented),
            "questions_polluted": float(self.questions_polluted),
            "strong_recall": self.strong_found / self.strong if self.strong else 1.0,
            "relevant": self.quotes_relevant / self.quotes if self.quotes else 1.0,
        }

    def meets_targets(self) -> list[str]:
        """What falls short of the issue's targets (empty when all are met)."""
        f = self.figures()
        short = [
            f"{name} {f[name]:.0%} < {target:.0%}"
            for name, target in TARGETS.items()
            if f[name] < target
        ]
        if self.questions_invented:
            short.append(f"{self.questions_invented} questions invented")
        if self.questions_polluted:
            short.append(f"{self.questions_polluted} questions polluted")
        return short


# Scoring one reading ------------------------------------------------------------------------


def _field_right(name: str, found: str, truth: dict[str, Any]) -> bool:
    want = truth.get(name)
    if name in ("opens", "closes"):
        return found == want
    if name == "respond_to":
        keys = [norm(k) for k in truth.get("respond_keys", [])] or [norm(want)]
        return any(k and k in norm(found) for k in keys)
    options = [want, *truth.get("aliases", {}).get(name, [])]
    return norm(found) in {norm(o) for o in options if o}


def _same_passage(quote: str, text: str) -> bool:
    q, t = norm(quote), norm(text)
    if not q or not t:
        return False
    if q in t or t in q:
        return min(len(q), len(t)) >= 0.6 * max(len(q), len(t)) or len(q) >= 40
    return SequenceMatcher(None, q, t).ratio() >= 0.9


def _question_match(found: str, truth: str) -> str:
    """'clean', 'polluted' or '' (not this question)."""
    f, t = norm(found), norm(truth)
    if f == t or SequenceMatcher(None, f, t).ratio() >= 0.97:
        return "clean"
    if t and t in f:
        return "polluted"
    if len(f) >= 0.8 * len(t) and f in t:
        return "clean"  # a question cut short at its last sentence still reads as itself
    if SequenceMatcher(None, f, t).ratio() >= 0.85:
        return "polluted"
    return ""


def score(reading: Any, truth: dict[str, Any], where: str) -> Tally:
    """Compare what the reader found in one document's form with the truth."""
    tally = Tally()
    for name in FIELDS:
        found = getattr(reading, name) or ""
        want = truth.get(name)
        if found:
            tally.answered[name] += 1
        if want:
            tally.given[name] += 1
            if _field_right(name, found, truth):
                tally.right[name] += 1
            else:
                tally.misses.append(f"{where}: {name} {found!r}, want {want!r}")
        elif found:
            tally.invented[name] += 1
            tally.misses.append(f"{where}: {name} {found!r} invented")

    wanted = truth["questions"]
    tally.questions = len(wanted)
    matched: dict[int, str] = {}
    for question in reading.questions:
        kinds = [(i, _question_match(question.text, w)) for i, w in enumerate(wanted)]
        kinds = [(i, k) for i, k in kinds if k]
        if not kinds:
            tally.questions_invented += 1
            tally.misses.append(f"{where}: question invented {question.text!r}")
            continue
        i, kind = min(kinds, key=lambda ik: (ik[1] != "clean", ik[0] in matched))
        if i in matched:
            continue  # the same question twice counts once
        matched[i] = kind
        if kind == "polluted":
            tally.questions_polluted += 1
            tally.misses.append(f"{where}: question polluted {question.text!r}")
    tally.questions_found = len(matched)
    for i, w in enumerate(wanted):
        if i not in matched:
            tally.misses.append(f"{where}: question missed {w!r}")

    passages = truth["passages"]
    strong = [p for p in passages if p["strength"] == "strong"]
    tally.strong = len(strong)
    for p in strong:
        if any(
            s.reason == p["reason"] and _same_passage(s.quote, p["text"]) for s in reading.signals
        ):
            tally.strong_found += 1
        else:
            tally.misses.append(f"{where}: strong passage missed ({p['reason']}) {p['text']!r}")
    tally.quotes = len(reading.signals)
    for s in reading.signals:
        if any(s.reason == p["reason"] and _same_passage(s.quote, p["text"]) for p in passages):
            tally.quotes_relevant += 1
        else:
            tally.misses.append(f"{where}: quote not relevant ({s.reason}) {s.quote!r}")
    return tally


# Running the corpus -------------------------------------------------------------------------


SETS = ("first", "second", "third")


def documents(corpus: Path = CORPUS, which: str = "all") -> list[str]:
    """The corpus's documents: "all", or one set: the "second" and "third" are listed in
    SECOND_SET and THIRD_SET, the "first" is the rest."""
    names = sorted(p.name[: -len(".truth.json")] for p in corpus.glob("*.truth.json"))
    listed = {}
    for name in SETS[1:]:
        path = corpus / f"{name.upper()}_SET"
        listed[name] = set(path.read_text(encoding="utf-8").split()) if path.exists() else set()
    if which == "first":
        return [n for n in names if not any(n in s for s in listed.values())]
    if which in listed:
        return [n for n in names if n in listed[which]]
    return names


def run(
    read: Callable[[bytes], Any],
    corpus: Path = CORPUS,
    forms: Iterable[str] = FORMS,
    which: str = "all",
) -> dict[str, Tally]:
    """Read every document (of the set `which`) in every form; a Tally per form and one for
    "all"."""
    tallies = {form: Tally() for form in forms}
    for name in documents(corpus, which):
        truth = json.loads((corpus / f"{name}.truth.json").read_text(encoding="utf-8"))
        for form in tallies:
            data = (corpus / "forms" / FORMS[form].format(name=name)).read_bytes()
            tallies[form].add(score(read(data), truth, f"{name} [{form}]"))
    total = Tally()
    for tally in tallies.values():
        total.add(tally)
    tallies["all"] = total
    return tallies


def table(tallies: dict[str, Tally]) -> str:
    """The figures as a Markdown table, one column per form."""
    rows = [
        ("Fields the text gives, right", lambda t: _frac(*t.share(FIELDS))),
        ("… title", lambda t: _frac(*t.share(["title"]))),
        ("… public body", lambda t: _frac(*t.share(["body"]))),
        ("… reference", lambda t: _frac(*t.share(["reference"]))),
        ("… how to respond", lambda t: _frac(*t.share(["respond_to"]))),
        (
            "Fields answered that are right (precision)",
            lambda t: _pct(t.figures()["fields_precision"]),
        ),
        ("Fields invented (the text gives none)", lambda t: str(sum(t.invented.values()))),
        ("Dates (opens and closes), right", lambda t: _frac(*t.share(["opens", "closes"]))),
        ("Questions found", lambda t: _frac(t.questions_found, t.questions)),
        ("Questions invented", lambda t: str(t.questions_invented)),
        ("Questions polluted", lambda t: str(t.questions_polluted)),
        ("Strong passages quoted (recall)", lambda t: _frac(t.strong_found, t.strong)),
        ("Quotes that are relevant", lambda t: _frac(t.quotes_relevant, t.quotes)),
    ]
    forms = list(tallies)
    lines = ["| What | " + " | ".join(forms) + " |", "|---" * (len(forms) + 1) + "|"]
    for label, cell in rows:
        lines.append(f"| {label} | " + " | ".join(cell(tallies[f]) for f in forms) + " |")
    return "\n".join(lines)


def _frac(right: int, total: int) -> str:
    return f"{right}/{total} ({right / total:.0%})" if total else "–"


def _pct(value: float) -> str:
    return f"{value:.0%}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--detail", action="store_true", help="list every miss")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the corpus folder")
    parser.add_argument("--set", default="all", choices=["all", *SETS])
    args = parser.parse_args(argv)
    from drafting.reading.reader import read_consultation

    tallies = run(read_consultation, args.corpus, which=args.set)
    print(f"{len(documents(args.corpus, args.set))} documents, {len(FORMS)} forms each")
    print(table(tallies))
    if args.detail:
        for miss in tallies["all"].misses:
            print(miss)
    short = tallies["all"].meets_targets()
    print("Targets met." if not short else "Short of the targets: " + "; ".join(short))


if __name__ == "__main__":
    main()
