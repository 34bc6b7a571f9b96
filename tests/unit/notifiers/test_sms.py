"""SMS: what is sent, how replies are read, what delivery receipts mean."""

from __future__ import annotations

import pytest

from escalation.model import Channel
from escalation.notifiers import (
    SMS_HELP_TEXT,
    DeliveryStatus,
    TwilioSmsConfig,
    TwilioSmsNotifier,
    parse_sms_reply,
    render_text,
    sms_reply_twiml,
    sms_status_delivery,
)
from tests.unit.notifiers.kit import ACCOUNT_SID, CUSTOMER_SENTENCE, RecordingTwilioClient, message


def _notifier(client: RecordingTwilioClient, **changes: object) -> TwilioSmsNotifier:
    config = TwilioSmsConfig.model_validate(
        {
            "account_sid": ACCOUNT_SID,
            "from_number": "+12025550100",
            "status_callback_url": "https://stayline.example/twilio/sms-status",
            **changes,
        }
    )
    return TwilioSmsNotifier(config, client)


def test_sms_is_sent_with_minimal_body_short_validity_and_a_tagged_callback() -> None:
    client = RecordingTwilioClient()
    page = message()
    delivery = _notifier(client, validity_period_seconds=300).send(page)
    (sent,) = client.messages.calls
    assert sent["to"] == "+12025550101"
    assert sent["from_"] == "+12025550100"
    assert sent["body"] == render_text(page)
    assert sent["validity_period"] == 300
    assert sent["status_callback"].startswith("https://stayline.example/twilio/sms-status?page=inc-1")
    assert (delivery.status, delivery.provider_id) == (DeliveryStatus.QUEUED, "SM" + "1".zfill(32))


def test_validity_period_defaults_to_ten_minutes() -> None:
    client = RecordingTwilioClient()
    _notifier(client).send(message())
    assert client.messages.calls[0]["validity_period"] == 600


def test_a_console_only_address_is_refused_without_calling_twilio() -> None:
    client = RecordingTwilioClient()
    delivery = _notifier(client).send(message(channel=Channel.CONSOLE, address="ops"))
    assert delivery.status is DeliveryStatus.FAILED_PERMANENT
    assert client.messages.calls == []


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("ACK 4821", "4821"),
        ("ack4821", "4821"),
        ("Ack  4821", "4821"),
        ("ACK: #4821", "4821"),
        ("1 4821", "4821"),
        (" 4821 ", "4821"),
        ("4821.", "4821"),
        ("\tack 12345678\n", "12345678"),
        ("14821", "14821"),  # a five-digit code, not "1" + "4821"
    ],
)
def test_replies_that_acknowledge(body: str, code: str) -> None:
    assert parse_sms_reply(body) == code


@pytest.mark.parametrize(
    "body",
    ["ACK", "", "STOP", "yes", "ack 48", "2 4821", "ACK 4821 4822", "ok 4821", CUSTOMER_SENTENCE, "1\n4821x"],
)
def test_anything_else_is_not_an_acknowledgement(body: str) -> None:
    assert parse_sms_reply(body) is None


def test_help_reply_is_twiml_with_the_help_text() -> None:
    twiml = sms_reply_twiml(SMS_HELP_TEXT)
    assert twiml.startswith("<?xml")
    assert "<Message>Stayline: to acknowledge, reply ACK" in twiml


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("queued", DeliveryStatus.QUEUED),
        ("sent", DeliveryStatus.SENT),
        ("delivered", DeliveryStatus.DELIVERED),
    ],
)
def test_status_callbacks_in_progress(status: str, expected: DeliveryStatus) -> None:
    delivery = sms_status_delivery({"MessageSid": "SM1", "MessageStatus": status})
    assert (delivery.status, delivery.provider_id, delivery.failed) == (expected, "SM1", False)


@pytest.mark.parametrize(
    ("status", "code", "reason", "unreachable"),
    [
        ("undelivered", "30003", "undelivered_30003", False),  # handset off: try voice, keep the number
        ("failed", "", "failed", False),
        ("undelivered", "21610", "opted_out", True),
        ("undelivered", "30006", "not_mobile", True),
        ("failed", "30005", "invalid_number", True),
    ],
)
def test_failed_status_callbacks(status: str, code: str, reason: str, unreachable: bool) -> None:
    delivery = sms_status_delivery({"MessageSid": "SM1", "MessageStatus": status, "ErrorCode": code})
    assert delivery.status is DeliveryStatus.FAILED_PERMANENT
    assert delivery.error == reason
    assert delivery.marks_unreachable is unreachable


def test_an_unknown_status_is_not_a_failure() -> None:
    assert not sms_status_delivery({"MessageSid": "SM1", "MessageStatus": "receiving"}).failed
