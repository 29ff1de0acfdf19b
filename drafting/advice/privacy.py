"""Personal details in what a group typed: letters to a consultation are often published.

>>> personal_details("Ring Mrs Patel on 07700 900123.")
[Finding(kind='a phone number', text='07700 900123'), Finding(kind='a name', text='Mrs Patel')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from drafting.advice.names import find_names
from drafting.text import EMAIL, NAME_WORD

# A UK number: +44 or a leading 0, then digits with spaces, dashes or brackets between them.
_PHONE = re.compile(r"(?<![\w+])(?:\+44|\(?0)[\d ()-]{8,16}\d(?!\w)")
_TITLE = re.compile(r"\b(?:Mrs|Mr|Ms|Miss|Mx|Dr)\b\.?[ \t]+")


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
        while words < 3 and (word := NAME_WORD.match(text, end)) and word.group()[0].isupper():
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
    emails = [Finding("an email address", m.group()) for m in EMAIL.finditer(text)]
    return emails + _phone_numbers(text) + _names(text)


@lru_cache(maxsize=2048)
def personal_details_note(text: str) -> str:
    """Say in plain English what personal details `text` seems to hold, or "" if none. Kept for
    each text: every rerun of a page asks again for every example it shows.

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
