"""A document's pages as sentences: lines joined into paragraphs (a PDF wraps them, a Word
file does not), each paragraph split into sentences, a bulleted item or a table cell a sentence of
its own, numbers and bullets in front left out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.reading.clean import is_answer_boxes, is_tick_instruction
from drafting.reading.files import Page
from drafting.text import DOCUMENT_SENTENCE_BREAK

# A paragraph or question number at the start of a line: "4.1", "3.", "Q2", "(b)".
LEADING_NUMBER = re.compile(
    r"^\s*(?:(?:q|question)\s*\d{1,3}[a-z]?[.):]?|\d{1,3}(?:\.\d{1,3})+|\(?\d{1,3}[a-z]?[.):])\s+",
    re.I,
)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Sentence:
    text: str  # whitespace collapsed, otherwise as written
    page: int | None


# A bullet at the start of a line or inside one ("· Annual saving · Programmes of support"):
# each item is a sentence of its own, as a table cell is.
BULLET_START = re.compile(r"^(?:[•·▪◦●○■□➢➤►–—]|[-*o](?= ))\s*")
_GLUED_NUMBER = re.compile(r"^\(?\d{1,3}[a-z]?[.)](?=[A-Z])")  # "1)To receive"
_INLINE_BULLET = re.compile(r"\s?[•·▪◦●■➢➤►]\s?| \* ")  # no "\s*": linear on long gaps


def _paragraphs(text: str, kind: str = "text") -> list[str]:
    """Split a page's lines into paragraphs. A Word file's lines are its paragraphs and table
    cells already. Otherwise: at a blank line, at a numbered or bulleted line, and after a short
    line with no closing punctuation (a heading) when the next line starts a new one. Answer
    boxes and tick-box instructions are left out."""
    paragraphs: list[list[str]] = [[]]
    for line in text.splitlines():
        line = line.strip()
        if is_answer_boxes(line) or is_tick_instruction(line):
            paragraphs.append([])
            continue
        previous = paragraphs[-1][-1] if paragraphs[-1] else ""
        heading = (
            previous
            and len(previous) < 60
            and not previous.endswith((".", ",", ";", ":", "-"))
            and line[:1].isupper()
        )
        # "Cabinet RESOLVED:" over "1)To receive the feedback", "Decision:" over "Approved".
        after_label = previous.endswith(":") and (line[:1].isupper() or line[:1].isdigit())
        if (
            kind == "docx"
            or not line
            or LEADING_NUMBER.match(line)
            or _GLUED_NUMBER.match(line)
            or BULLET_START.match(line)
            or heading
            or after_label
        ):
            paragraphs.append([])
        if line:
            paragraphs[-1].append(BULLET_START.sub("", line))
    return [_join_lines(p) for p in paragraphs if p]


def _join_lines(lines: list[str]) -> str:
    """Lines of one paragraph joined; a word broken at its hyphen across two lines of a PDF
    ("borough-" over "wide") is joined without a space."""
    text = ""
    for line in lines:
        if text.endswith("-") and text[-2:-1].isalpha() and line[:1].islower():
            text += line
        else:
            text = f"{text} {line}" if text else line
    return text


def document_paragraphs(pages: list[Page]) -> str:
    """The document's text with a PDF's wrapped lines joined, one paragraph a line: where a
    name split across two lines ("the Cotswold District" over "Council area") reads whole, and
    a heading stays apart from the line after it."""
    return "\n".join(p for page in pages for p in _paragraphs(page.text, page.kind))


def document_sentences(pages: list[Page]) -> list[Sentence]:
    """The document's sentences with their pages, whitespace collapsed and any paragraph or
    question number or bullet in front left out. Bulleted items inside a paragraph (as a PDF
    gives a table cell's list) are sentences of their own."""
    found = []
    for page in pages:
        for paragraph in _paragraphs(page.text, page.kind):
            for item in _INLINE_BULLET.split(LEADING_NUMBER.sub("", paragraph)):
                for sentence in DOCUMENT_SENTENCE_BREAK.split(item):
                    if text := flat(sentence):
                        found.append(Sentence(text, page.number))
    return found
