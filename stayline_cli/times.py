"""Times a person types at a terminal: "now", "tomorrow 3am", "+2h", "in 30 min", or ISO 8601 with a zone.

Small on purpose (no date-parsing dependency): anything else is refused with the forms accepted, never a
traceback and never a guess. Words like "tomorrow" and "3am" are read in the local zone given (the
operator's), because that is what the person at the keyboard means by them.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta, tzinfo

ACCEPTED = (
    'accepted: "now", "today 9pm", "tomorrow 3am", "tomorrow 03:30", "+2h", "+90m", "in 3 days", '
    'or ISO 8601 with a zone, e.g. "2026-11-27T03:00+00:00"'
)
_OFFSET = re.compile(r"^(?:\+|in\s+)(\d+)\s*(m|min|mins|minutes?|h|hrs?|hours?|d|days?)$")
_DAY_AT = re.compile(r"^(today|tomorrow)(?:\s+(?:at\s+)?(.+))?$")
_CLOCK = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days"}


class UnreadableTime(ValueError):
    def __init__(self, text: str, why: str = "not a time I can read") -> None:
        super().__init__(f"{text!r}: {why}; {ACCEPTED}")


def parse_when(text: str, now: datetime, local: tzinfo) -> datetime:
    """``text`` as an aware datetime; ``now`` is aware, ``local`` reads "today"/"tomorrow"/"3am"."""
    words = " ".join(text.strip().lower().split())
    if words == "now":
        return now
    if found := _OFFSET.match(words):
        return now + timedelta(**{_UNITS[found.group(2)[0]]: int(found.group(1))})
    if found := _DAY_AT.match(words):
        day = now.astimezone(local).date() + timedelta(days=1 if found.group(1) == "tomorrow" else 0)
        at = _clock(found.group(2), text) if found.group(2) else time(0, 0)
        return datetime.combine(day, at, tzinfo=local)
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UnreadableTime(text) from None
    if moment.tzinfo is None:
        raise UnreadableTime(text, "give a time zone, e.g. 2026-11-27T03:00+00:00")
    return moment


def _clock(words: str, text: str) -> time:
    found = _CLOCK.match(words.replace(" ", "") if words.endswith(("am", "pm")) else words)
    if found is None:
        raise UnreadableTime(text)
    hour, minute, half = int(found.group(1)), int(found.group(2) or 0), found.group(3)
    if half:
        if not 1 <= hour <= 12:
            raise UnreadableTime(text, "an am/pm hour runs from 1 to 12")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise UnreadableTime(text, "no such time of day")
    return time(hour, minute)
