"""The deadline: days left before the consultation closes, what to say about it, and when
to remind the group."""

from __future__ import annotations

import datetime as dt

from drafting.model.wording import long_date, plural

REMINDER_DAYS = 3
REMINDER_HOUR = 9


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
