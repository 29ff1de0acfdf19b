"""Find a consultation's details in its text: title, public body, reference and how to
respond (the dates are in `dates`)."""

from __future__ import annotations

import re

from drafting.model.draft import MEDIUM_TEXT
from drafting.reading.clean import is_answer_boxes
from drafting.reading.dates import DATE
from drafting.reading.files import Page
from drafting.reading.sentences import BULLET_START, LEADING_NUMBER, Sentence, flat
from drafting.text import EMAIL, WEB_ADDRESS

_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")


_NAME_WORD = r"[A-Z][\w'’&-]+"
_S = r"[^\S\n]+"  # a space within a line: a name does not run on to the next line


_BODY = re.compile(
    rf"""\b(?:
        (?:London|Royal){_S}Borough{_S}of{_S}{_NAME_WORD}(?:{_S}(?:and|upon|on){_S}{_NAME_WORD})*
      | (?:{_NAME_WORD}{_S}(?:and{_S})?){{1,6}}
        (?:City{_S}|County{_S}|Borough{_S}|District{_S}|Metropolitan{_S}Borough{_S})?Council
      | (?:{_NAME_WORD}{_S}(?:and{_S})?){{0,6}}NHS{_S}(?:{_NAME_WORD}{_S}(?:and{_S})?){{0,6}}
        (?:Integrated{_S}Care{_S}Board|ICB|Foundation{_S}Trust|Trust|Clinical{_S}Commissioning{_S}Group)
      | (?:{_NAME_WORD}{_S}(?:and{_S})?){{1,6}}
        (?:Integrated{_S}Care{_S}Board|NHS{_S}Foundation{_S}Trust
        |Clinical{_S}Commissioning{_S}Group|University{_S}Health{_S}Board|Health{_S}Board)
      | Health{_S}and{_S}Social{_S}Care{_S}Board
      | (?:{_NAME_WORD}{_S}(?:and{_S})?){{1,4}}Combined{_S}Authority
    )""",
    re.VERBOSE,
)


# A council named by its initials: "KCC" (Kent County Council), "BCC"; not "CCG".
_INITIALS = re.compile(r"\b[A-Z]{1,3}CC\b(?!G)")


# Words that name no particular body: "the County Council", "Full Council".
_GENERIC = frozenset(
    [
        "The",
        "This",
        "That",
        "Our",
        "A",
        "An",
        "Dear",
        "Your",
        "Please",
        "Each",
        "Every",
        "County",
        "City",
        "Borough",
        "District",
        "Metropolitan",
        "Town",
        "Parish",
        "Local",
        "Full",
        "Cabinet",
        "Council",
        "Councils",
        "Integrated",
        "Care",
        "Board",
        "NHS",
        "Trust",
        "Foundation",
        "Health",
        "Social",
        "And",
        "Clinical",
        "Commissioning",
        "Group",
        "Combined",
        "Authority",
    ]
)
# Capitalised words that can start a sentence before a body's name: not part of the name.
_NOT_BODY_START = re.compile(r"^(?:(?:The|This|Our|A|An|Dear|Your|Please|Each|Every)\s+)+")


_REFERENCE = re.compile(
    r"\b(?:(?:our\s+|consultation\s+|procurement\s+|tender\s+)?ref(?:erence)?"
    r"(?:\s+(?:number|no\.?))?|(?:notice|tender|contract|decision|consultation)\s+identifier)"
    r"\s*[:.]?\s*(?P<ref>[A-Z0-9][A-Z0-9/_.\-]{2,40}(?: [0-9][0-9/_.\-]{2,20})?)",
    re.I,
)


_LABELS = {
    # [^\S\n]*: a line's own indent (\s* would run on through every blank line from each).
    "title": re.compile(r"^[^\S\n]*(?:consultation\s+)?title\s*:\s*(.{5,200})$", re.I | re.M),
    "body": re.compile(
        r"^[^\S\n]*(?:public body|organisation|organization|published by|consulting body)\s*:"
        r"\s*(.{3,150})$",
        re.I | re.M,
    ),
}


_TITLE_WORDS = re.compile(
    r"\b(?:consultation|consulting|proposals?|review|have your say|future of|redesign"
    r"|engagement|strategy)\b",
    re.I,
)


# Lines at the top of a web page or decision record that are not its title.
_NOT_TITLE_LINE = re.compile(
    r"^(?:page \d+(?: of \d+)?|contents|consultation(?: document)?|decision details|issue details"
    r"|issue - meetings|agenda item|minutes|menu|home|skip to (?:main )?content|share(?: with)?"
    r"|print|back|search|cookies?\b.*|.*\benable javascript\b.*|notice information|notice title"
    r"|notice description|tender|award|scope|description|summary|background|introduction)$",
    re.I,
)
# A label and its value ("Decision Maker: Cabinet", "Is Key decision?: Yes").
_LABEL_LINE = re.compile(r"^[\w '’()?-]{1,40}\?? ?: ")
# How a sentence, not a title, starts.
_SENTENCE_START = re.compile(
    r"^(?:this|these|that|those|it|we|you|they|our|there|to|if|when|please|for|in|on|at|as|by"
    r"|from|with|following|all|each|every|any)\s",
    re.I,
)
_SENTENCE_WORDS = re.compile(
    r"\b(?:is|are|was|were|will|would|has|had|have been|can|must|we|you|us)\b", re.I
)


def _title_line(line: str, body: str) -> bool:
    """Whether a line near the top can be the document's title."""
    words = line.split()
    return bool(
        4 <= len(line) <= 200
        and line != body
        and not DATE.search(line)
        and not _NOT_TITLE_LINE.match(line)
        and not ((label := _LABEL_LINE.match(line)) and not _TITLE_WORDS.search(label[0]))
        and not line.endswith((".", ":", ";", ",", "…"))
        and not LEADING_NUMBER.match(line)
        and not BULLET_START.match(line)
        and ">" not in line  # a breadcrumb: Home > Residents > Have your say
        and not (_SENTENCE_START.match(line) and len(words) > 3)
        and not (_SENTENCE_WORDS.search(line) and len(words) > 6)
        and not is_answer_boxes(line)
    )


def _ends_the_top(line: str) -> bool:
    """A line of running text: the title, if any, came before it."""
    words = len(line.split())
    return (words >= 8 and line.endswith((".", "!"))) or words >= 20


def find_title(pages: list[Page], body: str, hint: str = "") -> str:
    """The title the file gives (a PDF's largest text or real metadata, a Word file's first
    heading), else a "Title:" line, else a line near the top, before the running text starts,
    that reads as a title: the first that names a consultation, else the first of all if it
    is among the first three lines. A title that wraps onto a line starting in lower case is
    joined up. Empty where the document has no title (a form that starts with its
    questions, a decision record that starts "Decision Maker: Cabinet")."""
    if hint:
        # A body's name set as large as the title, above it, is not part of it.
        if body and hint.startswith(body) and len(hint) > len(body) + 8:
            hint = hint[len(body) :].strip(" -–—:,|")
        return hint
    if match := _LABELS["title"].search(pages[0].text):
        return flat(match[1])
    lines = [flat(line) for line in pages[0].text.splitlines()[:30]]
    lines = [line for line in lines if line]
    for i in range(len(lines) - 1, 0, -1):
        if lines[i][:1].islower() and lines[i - 1] and not lines[i - 1].endswith((".", ":")):
            lines[i - 1 : i + 1] = [f"{lines[i - 1]} {lines[i]}"]
    candidates = []
    for position, line in enumerate(lines[:15]):
        if _NOT_TITLE_LINE.match(line):
            continue
        if _ends_the_top(line):
            break
        if _title_line(line, body) and not (position and line.endswith("?")):
            candidates.append((position, line))
    # A line that names a consultation wins over the first line, unless it is a short section
    # heading ("About the consultation") under a first line that reads as the title.
    first = candidates[0][1] if candidates and candidates[0][0] == 0 else ""
    for _, line in candidates:
        if (
            _TITLE_WORDS.search(line)
            and not line.endswith(",")
            and (line == first or not first or len(line.split()) >= 4)
        ):
            return line
    if candidates and candidates[0][0] < 3:
        return candidates[0][1]
    return ""


def find_body(text: str) -> str:
    """A "Published by:" line, else the first council, NHS body or combined authority named
    near the start ("The Council" or "the County Council" alone names none; a body the
    document works "with" is not the one consulting), else a council's initials ("KCC")."""
    if match := _LABELS["body"].search(text):
        return flat(match[1])
    start = text[:20_000]
    for match in _BODY.finditer(start):
        name = flat(_NOT_BODY_START.sub("", match[0]))
        if not set(name.replace("’", "'").split()) - _GENERIC:
            continue
        before = start[max(0, match.start() - 20) : match.start()]
        if re.search(r"\b(?:with|delivered by|provided by)\s+(?:the\s+)?$", before):
            continue  # a partner or a provider, not the body consulting
        if len(name.split()) >= 2:
            return name
    if match := _INITIALS.search(start):
        return match[0]
    return ""


# A reference code such as "MAR14/CAB/29" or "WCC/ASC/2026/114": letters and digits in three
# or more parts.
_CODE = re.compile(r"(?<![\w/])[A-Z0-9]{2,10}(?:/[A-Z0-9]{1,10}){2,5}\b")


def find_reference(text: str, title: str = "") -> str:
    """A reference the text labels as one ("Ref: ASC/123"), else a code in the title."""
    for match in _REFERENCE.finditer(text):
        ref = match["ref"].rstrip(".")
        if re.search(r"\d", ref):
            return ref
    for match in _CODE.finditer(title):
        if re.search(r"[A-Z]", match[0]) and re.search(r"\d", match[0]):
            return match[0]
    return ""


_RESPOND = re.compile(
    r"\b(?:respon\w*|reply|send|return|e-?mail|write|post|complete|survey|online|views"
    r"|comments?|have your say)\b",
    re.I,
)


_SURVEY = re.compile(
    r"survey|consult|haveyoursay|have-your-say|citizenspace|questionnaire|forms?\b|engage", re.I
)


_POST_TO = re.compile(
    r"(?:(?:write|writing) to|(?:post|send) (?:it |them |this |your (?:response|form) )?to"
    r"|address\s*:|by post\s*(?:to)?\s*:?)\s*",
    re.I,
)


# A telephone number given for responding: "respond by telephone to Julian Legat on 01539
# 713072", "telephone 028 9032 1313".
_PHONE = re.compile(
    r"\b(?:tele?phone|phone|call|ring|tel\.?)\b[^\d\n]{0,40}?"
    r"(?P<number>\(?0\d{2,4}\)?[ -]?\d{3,4}[ -]?\d{3,4})\b",
    re.I,
)
# A sentence that tells people how to respond: complete the survey, return the form.
_RESPOND_BY = re.compile(
    r"\b(?:complet\w*|fill(?:ing)? in|take part in|return|respond (?:to|via|using|through|by)"
    r"|submit)\b[^.?!]{0,60}?\b(?:survey|questionnaire|response form|form|forms)\b",
    re.I,
)


def find_respond_to(text: str, sentences: list[Sentence] | None = None) -> str:
    """How to respond, as the document gives it: its e-mail address, survey link, postal
    address and telephone number, each the first one near words about responding (else the
    first one); failing all of those, the sentence that says how ("Complete the consultation
    questionnaire.")."""

    def near_respond(match: re.Match[str]) -> bool:
        return bool(_RESPOND.search(text[max(0, match.start() - 200) : match.start()]))

    found = []
    # Only an address given for responding: an author's or officer's contact is not one.
    emails = [m for m in EMAIL.finditer(text) if near_respond(m)]
    if emails:
        found.append(emails[0][0])
    urls = [m for m in WEB_ADDRESS.finditer(text) if _SURVEY.search(m[0]) or near_respond(m)]
    if urls:
        found.append(urls[0][0].rstrip(".,;:)"))
    for match in _POSTCODE.finditer(text):
        before = text[max(0, match.start() - 200) : match.start()]
        starts = [m.end() for m in _POST_TO.finditer(before)]
        if not starts and "freepost" not in before.lower():
            continue
        start = starts[-1] if starts else before.lower().rfind("freepost")
        address = (before[start:] + match[0]).strip(" ,:\n")
        # An address set out one part to a line gets commas; one written in a sentence (with
        # its own commas) has only wrapped lines.
        joint = " " if "," in address else ", "
        found.append(re.sub(r"\s+", " ", re.sub(r"(?<!\s)\s*\n\s*", joint, address)))
        break
    if match := _PHONE.search(text):
        found.append(f"telephone {match['number']}")
    if not found:
        for sentence in sentences or []:
            if len(sentence.text) <= 250 and _RESPOND_BY.search(sentence.text):
                found.append(sentence.text)
                break
    return "; ".join(found)[:MEDIUM_TEXT]
