"""The words that leave the platform. Every notifier renders through here and nowhere else.

Only the level, the category, the short incident code and the link are ever used, and the category is
looked up in a fixed table, so even a mislabelled category string cannot carry free text to a phone.
"""

from __future__ import annotations

from escalation.model import Category, Channel
from escalation.notifiers.base import PageMessage

BRAND = "Stayline"
_CATEGORY_WORDS: dict[str, str] = {
    Category.NONE.value: "unspecified",
    Category.SUICIDE.value: "suicide",
    Category.SELF_HARM.value: "self-harm",
    Category.HARM_TO_OTHERS.value: "harm to others",
    Category.ABUSE.value: "abuse",
    Category.MEDICAL.value: "medical",
    Category.THIRD_PARTY.value: "third party",
}


def category_words(category: str) -> str:
    return _CATEGORY_WORDS.get(category, "other")


def category_code(category: str) -> str:
    """The category as a machine-readable value for structured payloads, from the same closed set."""
    return category if category in _CATEGORY_WORDS else "other"


def _headline(message: PageMessage) -> str:
    level = message.level.label.upper()
    return f"{level} risk, {category_words(message.category)}, incident #{message.incident_code}"


def render_text(message: PageMessage) -> str:
    """The text for SMS, webhook and console: level, category, code and link, nothing else."""
    headline = _headline(message)
    if message.kind == "test":
        body = f"TEST page from {BRAND}, no real incident, no action needed. {headline}."
    elif message.kind == "alarm":
        body = f"{BRAND} ALARM: {headline} has no responder yet."
    elif message.kind == "reminder":
        body = f"{BRAND} REMINDER: {headline} is acknowledged but still open."
    else:
        body = f"{BRAND}: {headline}."
    text = f"{body} {message.link}"
    if message.channel is Channel.SMS:
        # A test page keeps the hint too, so a responder can check that replies reach us.
        text += f" Reply ACK {message.incident_code} to acknowledge."
    return text


def render_speech(message: PageMessage) -> str:
    """What a voice call says. Digits are spaced so text-to-speech reads "4 8 2 1", not "four thousand..."."""
    spoken_code = " ".join(message.incident_code)
    what = (
        f"{message.level.label.capitalize()} risk, {category_words(message.category)}, incident {spoken_code}"
    )
    if message.kind == "test":
        return f"This is a TEST call from {BRAND}. There is no real incident. Test page. {what}."
    if message.kind == "alarm":
        return f"{BRAND} alarm. {what} has no responder yet."
    if message.kind == "reminder":
        return f"{BRAND} reminder. {what} is acknowledged but still open."
    return f"{BRAND} page. {what}."
