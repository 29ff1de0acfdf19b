"""Checks the app makes on a draft: personal details in an example, progress, timing, length.

Plain functions, so the pages stay thin and the rules are tested without a browser.

    >>> personal_details("Ring Mrs Patel on 07700 900123.")
    [Finding(kind='a phone number', text='07700 900123'), Finding(kind='a name', text='Mrs Patel')]
    >>> closing_note(dt.date(2027, 1, 31), today=dt.date(2027, 1, 19))
    'The consultation closes in 12 days, on 31 January 2027.'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from drafting.assembly import long_date
from drafting.draft import MAX_FILE_BYTES, Draft, draft_to_json
from drafting.names import find_names
from drafting.questions import unanswered_note

WORDS_PER_PAGE = 450
LONGEST_ADVISED_PAGES = 4

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A UK number: +44 or a leading 0, then digits with spaces, dashes or brackets between them.
_PHONE = re.compile(r"(?<![\w+])(?:\+44|\(?0)[\d ()-]{8,16}\d(?!\w)")
_TITLE = re.compile(r"\b(?:Mrs|Mr|Ms|Miss|Mx|Dr)\b\.?[ \t]+")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class Finding:
    """Something in a text that may identify a person: what kind, and the text found."""

    kind: str
    text: str


def _phone_numbers(text: str) -> list[Finding]:
    found = []
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if 10 <= len(digits) <= 12:
            found.append(Finding("a phone number", match.group().strip()))
    return found


def _names(text: str) -> list[Finding]:
    """Find a title (Mr, Mrs, Ms, Miss, Mx, Dr) followed by up to three capitalised words, and
    people's first names (with a surname if one follows) from a list of given names."""
    found = []
    for title in _TITLE.finditer(text):
        end, words = title.end(), 0
        while words < 3 and (word := _NAME_WORD.match(text, end)) and word.group()[0].isupper():
            end, words = word.end(), words + 1
            if text[end : end + 1] in (" ", "\t"):
                end += 1
        if words:
            found.append(Finding("a name", text[title.start() : end].strip()))
    with_title = " ".join(f.text for f in found)
    return found + [Finding("a name", n) for n in find_names(text) if n not in with_title]


def personal_details(text: str) -> list[Finding]:
    """Return what in `text` looks like a person's details: email addresses, UK phone numbers
    and names (after a title, or a known first name). Letters to a consultation are often
    published."""
    emails = [Finding("an email address", m.group()) for m in _EMAIL.finditer(text)]
    return emails + _phone_numbers(text) + _names(text)


def personal_details_note(text: str) -> str:
    """Say in plain English what personal details `text` seems to hold, or "" if none.

    >>> personal_details_note("Email jo@example.org")
    "This example may identify someone: an email address (jo@example.org). Consultation \
responses are often published, so leave out names and contact details unless the person \
has agreed; 'one of our members, aged 84' says enough."
    """
    findings = personal_details(text)
    if not findings:
        return ""
    listed = "; ".join(f"{f.kind} ({f.text})" for f in findings)
    return (
        f"This example may identify someone: {listed}. Consultation responses are often"
        " published, so leave out names and contact details unless the person has agreed;"
        " 'one of our members, aged 84' says enough."
    )


def repeats_about(draft: Draft) -> bool:
    """Say whether the text before the reasons (`context`) repeats the group's description,
    which the letter already gives: the letter would say it twice.

    >>> from drafting.draft import Group
    >>> repeats_about(Draft(context="We run a café.", group=Group(about="We run a  café")))
    True
    """

    def words(text: str) -> str:
        return " ".join(re.findall(r"\w+", text.lower()))

    context, about = words(draft.context), words(draft.group.about)
    return bool(context and about) and (context in about or about in context)


def plural(count: int, word: str, many: str | None = None) -> str:
    """Write a count with its noun: `plural(1, "reason")` is '1 reason', 2 gives '2 reasons'."""
    return f"{count:,} {word if count == 1 else many or word + 's'}"


def has_content(draft: Draft) -> bool:
    """Say whether the draft holds anything the user typed or chose (template and tone aside)."""
    blank = Draft(template=draft.template, tone=draft.tone)
    return draft != blank


@dataclass(frozen=True)
class Step:
    """One step of the app as the progress panel shows it: whether it is done, a word for its
    state ("done", "to do", "optional", "ready", "not yet"), and what is still missing."""

    done: bool
    status: str
    missing: tuple[str, ...] = ()


def _step(done: bool, missing: tuple[str, ...] = (), *, yes: str = "done", no: str = "to do"):
    return Step(done, yes if done else no, missing)


def _details_missing(draft: Draft) -> tuple[str, ...]:
    g, c = draft.group, draft.consultation
    needed = (
        (g.name, "your group's name"),
        (g.signatory, "who signs the letter"),
        (c.body or c.title, "which consultation this is"),
        (c.closes, "the closing date"),
    )
    return tuple(f"Add {what}" for value, what in needed if not value.strip())


def progress(draft: Draft, *, situation_answered: bool) -> dict[str, Step]:
    """Return each step of the app (keyed by page name) with whether it is done and what is
    missing, e.g. '2 reasons have no local example'. The letter is "ready" only with a group's
    name, a consultation and at least one reason."""
    no_example = sum(1 for r in draft.reasons if not r.example.strip())
    chosen = bool(draft.reasons)
    if not chosen:
        examples_missing = ("Choose reasons first",)
    elif no_example:
        verb = "has" if no_example == 1 else "have"
        examples_missing = (f"{plural(no_example, 'reason')} {verb} no local example",)
    else:
        examples_missing = ()
    details_missing = _details_missing(draft)
    # Ready to send needs a sender, an addressee and something to say.
    letter_needs = (
        (chosen, "Choose at least one reason"),
        (draft.group.name.strip(), "Add your group's name"),
        ((draft.consultation.body + draft.consultation.title).strip(), "Say which consultation"),
    )
    letter_missing = tuple(what for value, what in letter_needs if not value)
    flagged = unanswered_note(draft.questions)
    return {
        "situation": _step(situation_answered, no="optional"),
        "reasons": _step(chosen, () if chosen else ("No reasons chosen yet",)),
        "examples": _step(chosen and not no_example, examples_missing),
        "details": _step(not details_missing, details_missing),
        "questions": _step(
            not flagged and bool(draft.questions or draft.fairness),
            (flagged,) if flagged else (),
            no="to do" if flagged else "optional",
        ),
        "letter": _step(not letter_missing, letter_missing, yes="ready", no="not yet"),
    }


def closing_note(closes: dt.date | None, today: dt.date) -> str:
    """Say how long is left until the consultation closes, in plain English."""
    if closes is None:
        return "Add the consultation's closing date to see how long you have."
    days = (closes - today).days
    on = long_date(closes)
    if days > 1:
        return f"The consultation closes in {days} days, on {on}."
    if days == 1:
        return f"The consultation closes tomorrow, {on}."
    if days == 0:
        return f"The consultation closes today, {on}."
    return (
        f"The consultation closed {plural(-days, 'day')} ago, on {on}. Ask the team whether"
        " they will still accept your response."
    )


def estimate_pages(words: int) -> int:
    """Estimate A4 pages at about 450 words a page, never fewer than one.

    >>> [estimate_pages(w) for w in (0, 500, 700, 1800)]
    [1, 1, 2, 4]
    """
    return max(1, round(words / WORDS_PER_PAGE))


def length_note(words: int) -> str:
    """Describe a letter's length, with a hint when it runs past what guides advise."""
    pages = estimate_pages(words)
    note = f"{plural(words, 'word')}, about {plural(pages, 'page')} of A4."
    if pages > LONGEST_ADVISED_PAGES:
        note += (
            " Guides advise two to four pages: a shorter letter is more likely to be read in"
            " full. Try the email or councillors template, or fewer reasons."
        )
    return note


def draft_size_note(draft: Draft) -> str:
    """Say how big the draft file is against its limit, e.g. 'Draft size: 12 kB of 3,000 kB.'"""
    size = len(draft_to_json(draft).encode("utf-8"))
    return f"Draft size: {max(1, round(size / 1000)):,} kB of {MAX_FILE_BYTES // 1000:,} kB."
