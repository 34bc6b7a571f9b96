"""Personal data taken out of text before it is stored: phone numbers, email addresses, card numbers.

Redaction runs before the message is stored, and the detector scans the stored text, so it sees the
placeholders and never the numbers; evidence offsets point into the redacted text. Only digits and
addresses are replaced, never words, so the risk words the detector looks for are untouched.
A card number is only taken for one when it passes the Luhn check (a long reference number is not a
card); a phone number is 7 to 15 digits, with the separators people type. ISO dates are left alone.
"""

from __future__ import annotations

import re

EMAIL = "[email]"
CARD = "[card]"
PHONE = "[phone]"

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_CARD = re.compile(r"(?<![\w])\d(?:[ -]?\d){12,18}(?![\w])")
_PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d ().-]{5,}\d(?![\w])")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def luhn_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _card(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group())
    return CARD if 13 <= len(digits) <= 19 and luhn_valid(digits) else match.group()


def _phone(match: re.Match[str]) -> str:
    text = match.group()
    digits = re.sub(r"\D", "", text)
    if not 7 <= len(digits) <= 15 or _ISO_DATE.fullmatch(text.strip()):
        return text
    return PHONE


def redact(text: str) -> str:
    """``text`` with email addresses, Luhn-valid card numbers and phone numbers replaced by placeholders."""
    text = _EMAIL.sub(EMAIL, text)
    text = _CARD.sub(_card, text)
    return _PHONE.sub(_phone, text)
