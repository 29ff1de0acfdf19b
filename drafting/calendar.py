"""Dates: the countdown to the closing date, and a calendar file (.ics) with a reminder.

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

from drafting.draft import Draft
from drafting.wording import long_date, plural

REMINDER_DAYS = 3
REMINDER_HOUR = 9
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def days_left(closes: dt.date | None, today: dt.date) -> int | None:
    """Days from today to the closing date: 0 on the day, negative once it has passed."""
    return None if closes is None else (closes - today).days


def has_closed(closes: dt.date | None, today: dt.date) -> bool:
    """Whether the closing date is known and already past (the closing day itself is open)."""
    left = days_left(closes, today)
    return left is not None and left < 0


def closing_note(closes: dt.date | None, today: dt.date) -> str:
    """Say how long is left until the consultation closes, in plain English."""
    if closes is None:
        return "Add the consultation's closing date to see how long you have."
    days = days_left(closes, today)
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


def reminder_time(closes: dt.date) -> dt.datetime:
    """When the calendar file's reminder goes off: 9am, three days before the closing date."""
    day = closes - dt.timedelta(days=REMINDER_DAYS)
    return dt.datetime.combine(day, dt.time(REMINDER_HOUR))


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
