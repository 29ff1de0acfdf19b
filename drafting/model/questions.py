"""The consultation's own questions: split pasted text into questions, keeping their numbering.

Consultation documents number their questions in many ways ("1.", "Q2", "Question 3:", "3a)",
"(b)" under question 3, "4.1"). A numbered line starts a question and the lines after it
continue it, so a question that wraps in the document stays whole; answer options such as
"Strongly agree" are dropped. Pasted text with no numbers at all is one question per line.

    >>> [(q.number, q.text) for q in split_questions("Q1. Do you agree?\\nYes / No\\n2) Why?")]
    [('1', 'Do you agree?'), ('2', 'Why?')]
    >>> [q.number for q in split_questions("3. How would it affect you?\\n(a) Now\\n(b) Later")]
    ['3', '3a', '3b']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafting.model.draft import Draft, Question
from drafting.model.wording import and_list, plural

MAX_TEXT = 2_000  # Question.text's limit in the draft
_NUMBERED = re.compile(
    r"""^(?P<prefix>(?:question|q)\s*(?:no\.?\s*)?)?
        (?P<open>\()?
        (?P<number>\d{1,3}(?:\.\d{1,3})*[a-z]?)
        (?(open)\))
        (?P<mark>[.):]|\s+[-–—]\s|\s+(?=\S)|\s*$)?
        \s*(?P<text>.*)$""",
    re.IGNORECASE | re.VERBOSE,
)
_LETTERED = re.compile(r"^\(?(?P<letter>[a-z])\)\s*(?P<text>.*)$", re.IGNORECASE)
_BULLET = re.compile(r"^[\s•·▪◦○●☐☑☒□■*–—-]+")
# Answer options a form prints under its questions: not part of any question.
_OPTIONS = re.compile(
    r"^(?:strongly agree|agree|neither agree nor disagree|disagree|strongly disagree|yes|no"
    r"|not sure|don'?t know|unsure|yes\s*/\s*no|please tick(?: one)?(?: box)?"
    r"|tick one(?: box)?)\W*$",
    re.IGNORECASE,
)


def _numbered(line: str) -> tuple[str, str] | None:
    """The (number, text) a line starts with, if it starts a numbered question."""
    match = _NUMBERED.match(line)
    if not match:
        return None
    number, mark, prefix = match["number"], match["mark"], match["prefix"]
    # "2026 was hard" is not question 2026: without "Q"/"Question" a number needs a mark
    # (3. 3) 3: 3 - (3)) unless it is a section number such as 4.1.
    if not (prefix or match["open"] or "." in number or (mark and mark.strip())):
        return None
    if not prefix and not match["text"] and not mark:
        return None  # a bare number on its own line is more likely a page number
    return number.lower(), match["text"].strip()


def _join(text: str, more: str) -> str:
    return f"{text} {more}".strip() if text else more


def split_questions(pasted: str) -> list[Question]:
    """Split pasted consultation questions into Questions with their own numbers.

    Numbered text: each numbered line starts a question ("(a)" under question 3 becomes 3a);
    other lines continue it. Text without numbers: each non-empty line is a question, with no
    number. Answer options ("Agree", "Yes / No") and bullet marks are dropped. Never raises.
    """
    lines = [_BULLET.sub("", line).strip() for line in pasted.replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line and not _OPTIONS.match(line)]
    if not any(_numbered(line) for line in lines):
        return [Question(text=line[:MAX_TEXT]) for line in lines]
    found: list[Question] = []
    parent = ""
    for line in lines:
        numbered = _numbered(line)
        lettered = _LETTERED.match(line) if found and not numbered else None
        if numbered:
            parent, text = numbered
            found.append(Question(text=text, number=parent[:20]))
        elif lettered and parent:
            number = f"{parent}{lettered['letter'].lower()}"
            found.append(Question(text=lettered["text"].strip(), number=number[:20]))
        elif found:
            found[-1].text = _join(found[-1].text, line)
        # Text before the first numbered question (an introduction) is left out.
    for question in found:
        question.text = question.text[:MAX_TEXT]
    return [q for q in found if q.text]


def label(question: Question, position: int) -> str:
    """How the app and the letter name a question: its own number, else its place (from 1)."""
    return question.number.strip() or str(position)


def unanswered(questions: Sequence[Question]) -> list[str]:
    """The labels of questions with neither an answer nor a linked reason (flag these before a
    download: the letter would say only that the group has no comment)."""
    return [
        label(q, i)
        for i, q in enumerate(questions, start=1)
        if not q.answer.strip() and not q.reasons
    ]


def describe(found: Sequence[Question]) -> str:
    """Say what a paste was split into, e.g. 'Found 3 questions: 1, 2 and 3a.'"""
    if not found:
        return "No questions found yet. Paste them numbered, or one to a line."
    count = f"Found {plural(len(found), 'question')}"
    if not any(q.number for q in found):
        return f"{count}, one to a line."
    return f"{count}: {and_list([label(q, i) for i, q in enumerate(found, start=1)])}."


def unanswered_note(questions: Sequence[Question]) -> str:
    """Say which questions have neither an answer nor a reason, or "" if none.

    >>> unanswered_note([Question("Why?", number="2"), Question("How?", number="3a")])
    'Questions 2 and 3a have no answer and no linked reason.'
    """
    flagged = unanswered(questions)
    if not flagged:
        return ""
    if len(flagged) == 1:
        return f"Question {flagged[0]} has no answer and no linked reason."
    return f"Questions {and_list(flagged)} have no answer and no linked reason."


def add_pasted(draft: Draft, limit: int) -> tuple[int, int]:
    """Split the draft's pasted questions and add them after its questions, up to `limit` in
    all. The paste is cleared once every question found is added. Return (added, left out)."""
    found = split_questions(draft.questions_paste)
    room = max(0, limit - len(draft.questions))
    draft.questions.extend(found[:room])
    if len(found) <= room:
        draft.questions_paste = ""
    return min(len(found), room), max(0, len(found) - room)
