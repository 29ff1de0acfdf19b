"""Find a consultation document's numbered questions, in order, on its own lines."""

from __future__ import annotations

import re

from drafting.model.draft import Question
from drafting.model.questions import split_questions
from drafting.reading.files import Page

MAX_QUESTIONS = 50  # the draft's limit on questions
_QUESTION_LIKE = re.compile(
    r"\?|^\s*(?:q|question)\s*\d|^\W*(?:\d{1,3}[a-z]?[.):]?\s+)?(?:please|tell us|describe"
    r"|explain|list|give us)\b",
    re.I,
)
_MAY_BE_NUMBERED = re.compile(r"(?<!\s)\s*\(?(?:q|\d)", re.I)  # a quick look before the splitter's
_LETTERED_LINE = re.compile(r"^\s*\(?[a-z]\)\s+\S", re.I)


def _is_numbered(line: str) -> bool:
    """Whether the splitter reads `line` as the start of a numbered question. A heading such as
    "Question 1" has no text of its own, so a stand-in "?" is added for the splitter to keep it."""
    return bool(_MAY_BE_NUMBERED.match(line)) and any(
        q.number for q in split_questions(f"{line} ?")
    )


def _question_lines(pages: list[Page]) -> list[str]:
    """The lines of the document's questions: a numbered line that reads as a question, the
    lines that continue it until a sentence ends, and any lettered parts under it."""
    lines = [line.strip() for page in pages for line in page.text.splitlines()]
    kept: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not (line and _is_numbered(line)):
            i += 1
            continue
        block = [line]
        j = i + 1
        while (
            j < len(lines)
            and len(block) < 6
            and lines[j]
            and not block[-1].endswith(("?", ".", ":"))
            and not _is_numbered(lines[j])
        ):
            block.append(lines[j])
            j += 1
        while j < len(lines) and _LETTERED_LINE.match(lines[j]):
            block.append(lines[j])
            j += 1
        if _QUESTION_LIKE.search(" ".join(block)):
            kept.extend(block)
        i = j
    return kept


def find_questions(pages: list[Page]) -> list[Question]:
    """The document's numbered questions in order, each once (a form that repeats them at the
    end does not list them twice). Section headings such as "4.1 Background" are left out."""
    found: list[Question] = []
    seen = set()
    for question in split_questions("\n".join(_question_lines(pages))):
        key = question.number or question.text
        if question.number and key not in seen:
            seen.add(key)
            found.append(question)
    return found[:MAX_QUESTIONS]
