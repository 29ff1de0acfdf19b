"""Read a consultation document and find what a group would otherwise type.

A PDF (pages kept), a Word file (paragraphs and tables, in order) or text pasted from a web page
becomes a `Reading`: the title, public body, reference, opening and closing dates, how to respond,
the numbered questions in order (the question splitter on the document's own lines), and the
passages that tie the proposal to a reason, each quoted as written with its page.

    >>> found = read_consultation(b"Have your say on day services\\nThe consultation closes on"
    ...     b" 31 January 2027.\\nQ1. Do you agree with a single lead provider?")
    >>> found.closes, [(q.number, q.text) for q in found.questions]
    ('2027-01-31', [('1', 'Do you agree with a single lead provider?')])
    >>> [(s.reason, s.quote) for s in found.signals][:1]
    [(14, 'Do you agree with a single lead provider?')]

Anything that cannot be read raises one `ConsultationError` with a message fit to show a user.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from drafting.model.draft import DOCUMENT_TEXT, PAGE_BREAK, Question
from drafting.model.fairness import is_short
from drafting.reading.clean import clean_pages
from drafting.reading.dates import find_dates
from drafting.reading.details import find_body, find_reference, find_respond_to, find_title
from drafting.reading.files import read_document
from drafting.reading.questions import find_questions
from drafting.reading.sentences import document_paragraphs, document_sentences
from drafting.reading.signals import Passage, find_signals

SHORT_BY = dt.timedelta(days=8)  # both days counted, and a week's grace: under 11 weeks is short


@dataclass
class Reading:
    """What was found in a consultation document; empty text or None where nothing was."""

    title: str = ""
    body: str = ""
    reference: str = ""
    opens: str | None = None
    closes: str | None = None
    respond_to: str = ""
    questions: list[Question] = field(default_factory=list)
    # A question's answer options or tick boxes, by its number ("1": ["Yes", "No"]).
    options: dict[str, list[str]] = field(default_factory=dict)
    signals: list[Passage] = field(default_factory=list)
    pages: int | None = None  # how many pages the document has, where it has pages
    note: str = ""  # something the group should know about the reading, e.g. pages left out
    text: str = ""  # the document's text, pages split by PAGE_BREAK, at most DOCUMENT_TEXT

    def suggestions(self) -> list[Passage]:
        """The reasons to suggest: one passage for each reason, best first."""
        best: dict[int, Passage] = {}
        for passage in self.signals:
            best.setdefault(passage.reason, passage)
        return list(best.values())

    def to_json(self) -> dict[str, Any]:
        """The command line's JSON object."""
        return {
            "title": self.title,
            "body": self.body,
            "reference": self.reference,
            "opens": self.opens,
            "closes": self.closes,
            "respond_to": self.respond_to,
            "questions": [f"{q.number}. {q.text}" if q.number else q.text for q in self.questions],
            "signals": [
                {"reason": s.reason, "quote": s.quote, "page": s.page} for s in self.signals
            ],
        }


# Reading the file ----------------------------------------------------------------------------


# Finding the details -----------------------------------------------------------------------


# The questions -----------------------------------------------------------------------------


# The signals -------------------------------------------------------------------------------


def read_consultation(data: bytes) -> Reading:
    """Read a consultation document (PDF, .docx or text) and find its details, questions and
    signals. Raises ConsultationError if it cannot be read."""
    document = read_document(data)
    pages = clean_pages(document.pages)
    text = "\n".join(p.text for p in pages)
    sentences = document_sentences(pages)
    body = find_body(document_paragraphs(pages))
    title = find_title(pages, body, document.title)
    opens, closes, closing_sentence = find_dates(sentences)
    # A consultation "from Monday 24 May to Sunday 15 August" runs for 12 weeks: both days count;
    # a few days short of 12 weeks is not worth quoting, a week or more is.
    short = closing_sentence if closes and is_short(opens, closes + SHORT_BY) else None
    questions = find_questions(pages)
    return Reading(
        title=title,
        body=body,
        reference=find_reference(text, title),
        opens=opens.isoformat() if opens else None,
        closes=closes.isoformat() if closes else None,
        respond_to=find_respond_to(text, sentences),
        questions=[q for q, _ in questions],
        options={q.number: options for q, options in questions if options and q.number},
        signals=find_signals(sentences, short, title),
        pages=len(pages) if pages[0].number else None,
        note=document.note,
        text=(PAGE_BREAK if pages[0].number else "\n").join(p.text for p in pages)[:DOCUMENT_TEXT],
    )


# Into the draft and the letter -------------------------------------------------------------
