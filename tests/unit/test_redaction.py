"""Personal data out before text is stored; the risk words stay for the detector."""

from __future__ import annotations

import pytest

from detector import Detector
from store.redaction import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call me on +1 555 010 0199 tonight", "call me on [phone] tonight"),
        ("my number is (555) 010-0123.", "my number is [phone]."),
        ("write to dana.r+help@example.org please", "write to [email] please"),
        ("card 4111 1111 1111 1111 exp 12/30", "card [card] exp 12/30"),
        ("card 4111-1111-1111-1111", "card [card]"),
    ],
)
def test_phone_numbers_emails_and_card_numbers_are_replaced(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "4111 1111 1111 1112 is my reference",  # 16 digits failing Luhn: not a card, too long for a phone
        "on 2025-03-04 at 10:30 i took 40 tablets of 500mg",
        "i have 12 pills left and 3 days",
    ],
)
def test_numbers_that_are_not_personal_data_stay(text: str) -> None:
    assert redact(text) == text


def test_redaction_removes_no_risk_words_and_the_detector_reads_the_redacted_text(detector: Detector) -> None:
    original = "i've been saving up my tablets and tonight is the night, call +1 555 010 0147 after"
    redacted = redact(original)

    assert "+1 555" not in redacted
    assert redacted.replace("[phone]", "+1 555 010 0147") == original  # only the number went
    before, after = detector.assess(original), detector.assess(redacted)
    assert after.level == before.level and after.level.label in ("high", "imminent")
    assert {s.rule for s in after.signals} == {s.rule for s in before.signals}
