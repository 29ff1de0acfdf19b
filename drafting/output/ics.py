"""A calendar file (.ics) for the consultation's closing date, with a reminder.

The calendar file holds one all-day event on the closing date and an alarm at 9am three days
before, so the group has time to check and send its response:

    >>> ics = deadline_ics("Hillside consultation", dt.date(2027, 1, 31),
    ...                    stamp=dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC))
    >>> [line for line in ics.splitlines() if line.startswith(("DTSTART", "TRIGGER"))]
    ['DTSTART;VALUE=DATE:20270131', 'TRIGGER:-P2DT15H']
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from drafting.model.deadline import REMINDER_DAYS, REMINDER_HOUR
from drafting.model.draft import Draft
from drafting.model.wording import long_date

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _escape(text: str) -> str:
    """Escape a value for an iCalendar TEXT property (RFC 5545, 3.3.11)."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    for plain, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(plain, escaped)
    return text


def _fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a character (RFC 5545, 3.1)."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            parts.append(current)
            current, size = " ", 1
        current += char
        size += width
    parts.append(current)
    return "\r\n".join(parts)


def _alarm_offset(hours_before: int) -> str:
    days, hours = divmod(hours_before, 24)
    return f"-P{days}D" + (f"T{hours}H" if hours else "")


def deadline_ics(
    title: str,
    closes: dt.date,
    *,
    stamp: dt.datetime,
    details: str = "",
    uid_seed: str = "",
) -> str:
    """Return a calendar file (iCalendar text, CRLF line ends) for the closing date.

    `title` names the consultation; `details` goes in the event's notes; `uid_seed` (e.g. the
    draft's id) keeps the event's identity when the file is downloaded again. `stamp` is when
    the file was made (timezone-aware).
    """
    summary = f"Consultation closes: {title.strip() or 'your consultation'}"
    uid = hashlib.sha256(f"{uid_seed}|{title}|{closes}".encode()).hexdigest()[:32]
    hours_before = REMINDER_DAYS * 24 - REMINDER_HOUR
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Response Builder//Consultation deadline//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uid}@response-builder",
        f"DTSTAMP:{stamp.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}",
        f"DTSTART;VALUE=DATE:{closes:%Y%m%d}",
        f"DTEND;VALUE=DATE:{closes + dt.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(details)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_escape(f'{REMINDER_DAYS} days left to send your response: {title}')}",
        f"TRIGGER:{_alarm_offset(hours_before)}",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(_fold(line) + "\r\n" for line in lines)


def draft_deadline_ics(draft: Draft, *, stamp: dt.datetime, uid_seed: str = "") -> str:
    """The calendar file for a draft's consultation: who to send the response to, and when.

    Raises ValueError if the draft has no closing date.
    """
    c = draft.consultation
    if c.closing_date is None:
        raise ValueError("The draft has no closing date.")
    to = ", ".join(part for part in (c.recipient.strip(), c.body.strip()) if part)
    details = f"Send your response{f' to {to}' if to else ''} by {long_date(c.closing_date)}."
    if c.reference.strip():
        details += f" Reference: {c.reference.strip()}."
    title = c.title.strip() or c.body.strip()
    return deadline_ics(title, c.closing_date, stamp=stamp, details=details, uid_seed=uid_seed)
