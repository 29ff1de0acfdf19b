"""Find a consultation document's numbered questions, in order, on its own lines, and the
answer options printed under each.

Questions come as groups have them: "1. Do you agree…?", "Q2", "1 What do you like best…?"
(a number and no full stop), "* 3." (an online survey), "Question 4" with the question on the
next line after a blank one (a paste from a web page), Word's own list numbering (put back
in front of the text when the file is read), "3a"/"(b)" parts. Answer boxes ("Strongly agree
Agree …", "Yes No Don't know"), tick-box instructions ("(Tick one box)") and lettered options
("a. Meeting people") are never part of a question: the options are kept as the question's.

    >>> found = find_questions([Page(None, "Question 1\\n\\nDo you agree?\\nYes\\nNo\\n"
    ...     "2 What would you change?")])
    >>> [(q.number, q.text, options) for q, options in found]
    [('1', 'Do you agree?', ['Yes', 'No']), ('2', 'What would you change?', [])]
"""

from __future__ import annotations

import re

from drafting.model.draft import Question
from drafting.model.questions import split_questions
from drafting.reading.clean import (
    MAX_BOX_LINE,
    is_answer_boxes,
    is_tick_instruction,
    split_answer_boxes,
)
from drafting.reading.files import Page

MAX_QUESTIONS = 50  # the draft's limit on questions
MAX_OPTIONS = 30


_QUESTION_LIKE = re.compile(
    r"\?|^\s*(?:q|question)\s*\d|^\W*(?:\d{1,3}[a-z]?[.):]?\s+)?(?:please|tell us|describe"
    r"|explain|list|give us)\b",
    re.I,
)


_MAY_BE_NUMBERED = re.compile(r"(?<!\s)\s*\(?(?:q|\d)", re.I)  # a quick look before the splitter's


_LETTERED_LINE = re.compile(r"^\s*\(?[a-z]\)\s+\S", re.I)


# "* 1." as an online survey marks a required question.
_STAR = re.compile(r"^\*\s*(?=\d)")


# "1 What do you like best…" : a number, a space and a capital, with no mark after the number.
_BARE_NUMBER = re.compile(r"^(\d{1,3}[a-z]?) (?=[A-Z])")


# An answer option printed under a question: "a. Meeting people", "/ b. Gaining skills",
# "☐ c) Other". The marks in front are boxes that lost their glyph.
_OPTION_LINE = re.compile(r"^[/☐□■▢○◯●◻◼❏❑\[\]() -]*\(?(?P<letter>[a-z])[.)] (?P<text>\S.{0,119})$")


# An easy-read form's answer boxes: "Do you agree?", "Do you disagree?".
_AGREE_OPTION = re.compile(
    r"^(?:do you )?(?:strongly |tend to )?(?:agree|disagree|support|oppose)"
    r"(?: with (?:this|it))?\?$",
    re.I,
)


# How to answer, inside a question: "(Please tick/select all that apply)".
_INLINE_INSTRUCTION = re.compile(
    r" ?\((?:please )?(?:tick|select|choose|circle)\b[^()]{0,80}\)", re.I
)


# A note after the question mark: "? * Please note that…", "? Note: …".
_NOTE_AFTER = re.compile(r"\?\s+(?:\*|please note\b|note:)", re.I)


# An answer given under a question: the page is a list of frequently asked questions, and its
# questions are not put to respondents.
_FAQ_ANSWER = re.compile(r"^(?:A[.:)]|Answer\b)\s*\S")


# Options on one line: split at boxes, slashes, tabs or wide gaps.
_OPTION_SPLIT = re.compile(r"\s*(?:[☐☑☒□■▢○◯●◻◼❏❑]|\t|\s/\s|\s{3,})\s*")


def _is_numbered(line: str) -> bool:
    """Whether the splitter reads `line` as the start of a numbered question. A heading such as
    "Question 1" has no text of its own, so a stand-in "?" is added for the splitter to keep it."""
    return bool(_MAY_BE_NUMBERED.match(line)) and any(
        q.number for q in split_questions(f"{line} ?")
    )


def _starts_question(lines: list[str], i: int) -> str:
    """The line at `i` as the splitter should read it if a question starts there, else ""."""
    line = _STAR.sub("", lines[i])
    if _is_numbered(line):
        return line
    if bare := _BARE_NUMBER.match(line):
        # Only a question: the line, or the lines that continue it, ask something.
        asked = line
        for more in lines[i + 1 : i + 3]:
            if asked.endswith(("?", ".", ":")) or not more:
                break
            asked = f"{asked} {more}"
        if "?" in asked:
            return f"{bare[1]}. {line[bare.end() :]}"
    return ""


def _is_heading_only(line: str) -> bool:
    """ "Question 4" with no text of its own."""
    return not any(q.text.strip("? ") for q in split_questions(f"{line} ?") if q.number)


def _option_of(line: str) -> list[str] | None:
    """The options a line under a question gives, [] for an instruction, None for text."""
    if len(line) > MAX_BOX_LINE:
        return None
    if is_tick_instruction(line) or re.match(r"^-\s*please tick\b", line, re.I):
        return []
    if is_answer_boxes(line):
        parts = [p.strip(" /") for p in _OPTION_SPLIT.split(line)]
        return [option for part in parts if part for option in split_answer_boxes(part)]
    if (match := _OPTION_LINE.match(line)) and not _QUESTION_LIKE.search(match["text"]):
        return [match["text"].strip()]
    if _AGREE_OPTION.match(line):
        return [line.strip()]
    return None


def _clean(text: str) -> str:
    """A question's text without a tick-box instruction or a note after its question mark."""
    text = _INLINE_INSTRUCTION.sub("", text)
    if note := _NOTE_AFTER.search(text):
        text = text[: note.start() + 1]
    return text.strip()


def _unnumbered(lines: list[str], i: int) -> tuple[list[str], list[str], int] | None:
    """A statement with no number (its lines up to a full stop or question mark) that two or
    more answer boxes follow ("Advocacy should be independent." over "Do you agree?" and "Do
    you disagree?", blank lines allowed between): a question, its options and the lines they
    take."""
    if len(lines[i]) < 15 or _option_of(lines[i]) is not None or _starts_question(lines, i):
        return None
    statement, j = lines[i], i + 1
    while j < len(lines) and lines[j] and not statement.endswith((".", "?", "!", ":")):
        if j - i >= 3 or _option_of(lines[j]) is not None:
            break
        statement, j = f"{statement} {lines[j]}", j + 1
    options: list[str] = []
    boxes = 0
    while j < len(lines) and len(options) < MAX_OPTIONS:
        if not lines[j]:
            j += 1
            continue
        found = _option_of(lines[j])
        if not found:
            break
        options.extend(found)
        boxes, j = boxes + 1, j + 1
    return ([statement], options, j - i - 1) if boxes >= 2 else None


def _blocks(pages: list[Page]) -> list[tuple[list[str], list[str]]]:
    """Each question's lines (a numbered line that reads as a question, the lines that continue
    it until a sentence ends, any lettered parts under it) and the options under it."""
    lines = [line.strip() for page in pages for line in page.text.splitlines()]
    blocks: list[tuple[list[str], list[str]]] = []
    i = 0
    while i < len(lines):
        first = _starts_question(lines, i) if lines[i] else ""
        if not first:
            if unnumbered := _unnumbered(lines, i):
                blocks.append(unnumbered[:2])
                i += 1 + unnumbered[2]
                continue
            i += 1
            continue
        block = [first]
        j = i + 1
        if _is_heading_only(first):
            # "Question 4", a blank line, then the question.
            while j < len(lines) and not lines[j] and j - i <= 3:
                j += 1
            if j < len(lines) and lines[j] and not _starts_question(lines, j):
                block[0] = f"{first} {lines[j]}"
                j += 1
        while (
            j < len(lines)
            and len(block) < 6
            and lines[j]
            and not block[-1].endswith(("?", ".", ":"))
            and not _starts_question(lines, j)
            and _option_of(lines[j]) is None
        ):
            block.append(lines[j])
            j += 1
        while j < len(lines) and _LETTERED_LINE.match(lines[j]):
            block.append(lines[j])
            j += 1
        options: list[str] = []
        k = j
        while k < len(lines) and len(options) < MAX_OPTIONS:
            if not lines[k]:
                k += 1
                continue
            if _starts_question(lines, k):
                break
            found = _option_of(lines[k])
            if found is None:
                break
            options.extend(found)
            k += 1
        answered = k < len(lines) and _FAQ_ANSWER.match(lines[k])
        if (_QUESTION_LIKE.search(" ".join(block)) or options) and not answered:
            blocks.append((block, options))
        i = k
    return blocks


def find_questions(pages: list[Page]) -> list[tuple[Question, list[str]]]:
    """The document's numbered questions in order, each once (a form that repeats them at the
    end does not list them twice), with the answer options printed under each. Section
    headings such as "4.1 Background" are left out."""
    found: list[tuple[Question, list[str]]] = []
    seen = set()
    for block, options in _blocks(pages):
        if not _MAY_BE_NUMBERED.match(block[0]) or not _is_numbered(block[0]):
            found.append((Question(text=_clean(block[0])), options))  # asked without a number
            continue
        questions = split_questions("\n".join(block))
        for n, question in enumerate(questions):
            key = question.number or question.text
            if not question.number or key in seen:
                continue
            seen.add(key)
            question.text = _clean(question.text)
            found.append((question, options if n == len(questions) - 1 else []))
    return found[:MAX_QUESTIONS]
