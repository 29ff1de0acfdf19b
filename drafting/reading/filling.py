"""Put what was read from a consultation document into the draft, without overwriting what
the group has typed."""

from __future__ import annotations

from drafting.model.draft import Draft, Question, Quote
from drafting.model.selection import set_chosen
from drafting.model.wording import plural
from drafting.reading.questions import MAX_QUESTIONS
from drafting.reading.reader import Reading
from drafting.reading.signals import Passage

SHOWN_FIRST = 5  # suggestions the app shows before "more"


def fill_draft(draft: Draft, reading: Reading, chosen: list[Passage]) -> list[str]:
    """Fill the draft from a reading the group has confirmed (and perhaps corrected).

    The details found replace the draft's (a detail not found leaves the draft's as it is); the
    questions are added after any the draft holds, except those it has already, up to its
    limit; each chosen passage's reason is added, and given the quote if it has none (a passage
    already quoted for another reason is not quoted twice). Return
    what was filled, in words, e.g. ["the title", "3 questions", "2 reasons (2 with a quote)"].
    """
    filled = []
    details = {
        "title": reading.title,
        "body": reading.body,
        "reference": reading.reference,
        "opens": reading.opens or "",
        "closes": reading.closes or "",
        "respond_to": reading.respond_to,
    }
    words = {
        "title": "the title",
        "body": "the public body",
        "reference": "the reference",
        "opens": "the opening date",
        "closes": "the closing date",
        "respond_to": "how to respond",
    }
    for name, value in details.items():
        if value.strip():
            setattr(draft.consultation, name, value.strip())
            filled.append(words[name])
    have = {(q.number, q.text.strip()) for q in draft.questions}
    new = [q for q in reading.questions if (q.number, q.text.strip()) not in have]
    new = new[: max(0, MAX_QUESTIONS - len(draft.questions))]
    draft.questions.extend(Question(text=q.text, number=q.number) for q in new)
    if new:
        filled.append(plural(len(new), "question"))
    quoted = 0
    used = {r.quote.text for r in draft.reasons}
    for passage in chosen:
        set_chosen(draft, passage.reason, True)
        reason = next(r for r in draft.reasons if r.id == passage.reason)
        # A passage that two reasons answer is quoted once in the letter, under the first.
        if not reason.quote.text.strip() and passage.quote not in used:
            reason.quote = Quote(passage.quote, passage.page)
            used.add(passage.quote)
            quoted += 1
    if chosen:
        filled.append(f"{plural(len(chosen), 'reason')} ({quoted} with a quote)")
    if reading.text.strip():
        draft.document_text = reading.text
        filled.append("its text (to quote from on Local examples)")
    return filled
