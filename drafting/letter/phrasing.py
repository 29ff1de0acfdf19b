"""The letter's set phrases built from the draft: the greeting and close, how the group is
named, the opening sentence, the title, the sentence quoting the consultation document, and
which sector (council or NHS) is consulting."""

from __future__ import annotations

import re

from drafting.model.draft import Draft, Quote


def quote_sentence(quote: Quote) -> str:
    """The letter's sentence for a chosen reason's quote, or "" without one.

    >>> quote_sentence(Quote("One integrated and unified service model.", 4))
    'Your document proposes ‘One integrated and unified service model’ (page 4).'
    """
    text = quote.text.strip().rstrip(".")
    if not text:
        return ""
    page = f" (page {quote.page})" if quote.page else ""
    return f"Your document proposes ‘{text}’{page}."


_HEALTH = re.compile(
    r"\b(nhs|icb|integrated care|health|hospital|clinical|gp|primary care|trust|drugs?"
    r"|alcohol|substance|sexual health|mental health)\b",
    re.IGNORECASE,
)


def consulting_sector(draft: Draft) -> str:
    """ "nhs" when an NHS body consults, or the service is health care (where the Provider
    Selection Regime applies, councils included); otherwise "council"."""
    c = draft.consultation
    return "nhs" if _HEALTH.search(f"{c.body} {c.service} {c.title}") else "council"


_PERSON_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame"}
_COUNCILLOR = {"cllr", "councillor"}
_POST_WORDS = re.compile(
    r"\b(head|director|team|manager|officer|lead|commissioning|commissioner|department|service"
    r"|services|board|unit|chief|executive|clerk|secretary|panel|committee|consultation"
    r"|council|nhs|icb|procurement|office|chair)\b",
    re.IGNORECASE,
)


def salutation(recipient: str) -> tuple[str, str]:
    """The greeting and the close for a letter to `recipient`, as British letters have them.

    >>> salutation("Ms Amina Khan, Head of Commissioning")
    ('Dear Ms Khan,', 'Yours sincerely,')
    >>> salutation("Head of Commissioning, Adult Social Care")
    ('Dear Head of Commissioning,', 'Yours faithfully,')
    >>> salutation("")
    ('Dear Sir or Madam,', 'Yours faithfully,')
    """
    name = recipient.strip().split(",")[0].split("\n")[0].strip()
    parts = name.split()
    if not parts:
        return "Dear Sir or Madam,", "Yours faithfully,"
    first = parts[0].lower().rstrip(".")
    if first in _PERSON_TITLES | _COUNCILLOR and len(parts) > 1:
        title = "Councillor" if first in _COUNCILLOR else parts[0]
        return f"Dear {title} {parts[-1]},", "Yours sincerely,"
    if _POST_WORDS.search(name) or not 2 <= len(parts) <= 4:
        return f"Dear {name},", "Yours faithfully,"
    return f"Dear {name},", "Yours sincerely,"


_ARTICLE = re.compile(r"^(A|An|The)\s+(?=\S)")


def _sentence(text: str) -> str:
    """The text as a sentence: trimmed, ending with a full stop (or its own ? or !)."""
    text = text.strip()
    return text if not text or text[-1] in ".?!" else f"{text}."


def describe_group(name: str, about: str) -> tuple[str, str]:
    """How the letter names the group, and what is left of its description to print after.

    A one-sentence description that starts "A", "An" or "The" joins the name as a phrase;
    any other description stays as the group wrote it, as a sentence of its own:

        >>> describe_group("Hillside Café", "A drop-in run by volunteers since 2011.")
        ('Hillside Café, a drop-in run by volunteers since 2011,', '')
        >>> describe_group("Hillside Café", "We run a drop-in")
        ('Hillside Café', 'We run a drop-in.')
    """
    name = name if name.strip() else "our group"  # as typed: nothing typed is lost
    about = " ".join(about.split())
    body = about.rstrip(".")
    if _ARTICLE.match(about) and ". " not in body and len(body.split()) <= 40:
        return f"{name}, {body[0].lower()}{body[1:]},", ""
    return name, _sentence(about)


def _consultation_phrase(draft: Draft, whose: str = "your") -> str:
    c = draft.consultation
    title = f"\u201c{c.title.strip()}\u201d" if c.title.strip() else ""
    if draft.stage == "early":
        return f"{whose} early engagement on {title or 'the future of these services'}"
    if draft.stage == "tender":
        service = c.service.strip() or "these services"
        return f"the plan to put {service} out to tender" + (f" ({title})" if title else "")
    return f"{whose} consultation {title}" if title else "this consultation"


def opening(draft: Draft, frame: str, group: str, whose: str = "your") -> str:
    """The letter's first sentence from a tone's `frame`, naming the group (and its
    description, when that reads as a phrase) and what it responds to at the stage reached;
    `whose` consultation it is ("your" to the body consulting, "the" to councillors)."""
    trimmed = group.rstrip(",")  # a description in apposition closes with a comma
    sentence = frame.replace("{group},", f"{trimmed},").replace("{group}.", f"{trimmed}.")
    sentence = sentence.replace("{group}", group)
    return sentence.replace("{consultation}", _consultation_phrase(draft, whose))


def letter_title(draft: Draft) -> str:
    title = draft.consultation.title.strip() or draft.consultation.body.strip()
    return f"Response to {title}" if title else "Consultation response"
