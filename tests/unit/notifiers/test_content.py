"""What leaves the platform: level, category, short code and link; never the customer's words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from escalation.model import Category, Channel, Level
from escalation.notifiers import PageMessage, render_speech, render_text
from tests.unit.notifiers.kit import ACK_LINK, CUSTOMER_SENTENCE, message

KNOWN_CATEGORIES = {category.value for category in Category}


@pytest.mark.parametrize("channel", [Channel.SMS, Channel.WEBHOOK, Channel.CONSOLE])
def test_text_carries_level_category_code_and_link(channel: Channel) -> None:
    address = {Channel.WEBHOOK: "https://hooks.example/page", Channel.CONSOLE: ""}.get(
        channel, "+12025550101"
    )
    text = render_text(message(channel=channel, address=address, category="self_harm"))
    assert "HIGH" in text
    assert "self-harm" in text
    assert "#4821" in text
    assert ACK_LINK in text
    assert "Dana" not in text  # not even the responder's own name


def test_a_customer_sentence_in_the_category_never_reaches_the_text() -> None:
    # The category is the one free-form string a caller could get wrong; it is looked up, never copied.
    leaked = message(category=CUSTOMER_SENTENCE)
    for rendered in (render_text(leaked), render_speech(leaked)):
        assert "tablets" not in rendered
        assert "Jo Bloggs" not in rendered
        assert "other" in rendered


@given(st.text(max_size=200).filter(lambda text: text not in KNOWN_CATEGORIES))
def test_text_does_not_depend_on_an_unknown_category(category: str) -> None:
    assert render_text(message(category=category)) == render_text(message(category="not-a-category"))
    assert render_speech(message(category=category)) == render_speech(message(category="not-a-category"))


@pytest.mark.parametrize(
    "link",
    [f"{ACK_LINK} {CUSTOMER_SENTENCE}", "javascript:alert(1)", "stayline.example/ack", "https://x/\nmore"],
)
def test_a_link_cannot_smuggle_text(link: str) -> None:
    with pytest.raises(ValueError):
        message(link=link)


@pytest.mark.parametrize("code", ["48 21", "ABCD", "123", "123456789", f"4821 {CUSTOMER_SENTENCE}"])
def test_incident_code_is_four_to_eight_digits(code: str) -> None:
    with pytest.raises(ValueError):
        message(incident_code=code)


def test_test_pages_are_marked_test_from_the_first_word() -> None:
    assert render_text(message(kind="test")).startswith("TEST")
    assert "TEST" in render_speech(message(kind="test", channel=Channel.VOICE))
    assert "TEST" not in render_text(message(kind="page"))


def test_alarm_and_reminder_say_what_they_are() -> None:
    assert "ALARM" in render_text(message(kind="alarm"))
    assert "REMINDER" in render_text(message(kind="reminder"))


def test_only_sms_carries_the_reply_hint() -> None:
    assert "Reply ACK 4821" in render_text(message())
    webhook = message(channel=Channel.WEBHOOK, address="https://hooks.example/page")
    assert "Reply" not in render_text(webhook)


def test_speech_spells_the_code_and_never_reads_the_link() -> None:
    speech = render_speech(message(channel=Channel.VOICE, level=Level.IMMINENT))
    assert "4 8 2 1" in speech
    assert "Imminent risk" in speech
    assert "http" not in speech


@pytest.mark.parametrize(
    ("channel", "address"),
    [(Channel.SMS, "2025550101"), (Channel.VOICE, "+1 202 555 0101"), (Channel.WEBHOOK, "hooks.example/x")],
)
def test_address_must_fit_the_channel(channel: Channel, address: str) -> None:
    with pytest.raises(ValueError):
        message(channel=channel, address=address)


def test_unknown_kind_and_untyped_level_are_rejected() -> None:
    with pytest.raises(ValueError):
        message(kind="urgent")
    with pytest.raises(TypeError):
        PageMessage("k", "4821", "Dana", "+12025550101", Channel.SMS, "high", "suicide", ACK_LINK)  # type: ignore[arg-type]
