"""Engine actions become page messages; deliveries say whether to retry or to mark a number dead."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from escalation.model import Alarm, AlarmReason, Channel, Level, Page, Reminder, Urgency
from escalation.notifiers import Delivery, DeliveryStatus, message_for
from escalation.notifiers.base import (
    OPTED_OUT,
    MissingSecretError,
    failure_for_http_status,
    permanent_failure,
    read_secret,
)
from tests.unit.notifiers.kit import ACK_LINK


def _page(standing_alarm: bool = False) -> Page:
    return Page(
        incident_id="inc-1", responder="Dana Reyes", channel=Channel.SMS, tier=0, attempt=0, step=3,
        level=Level.HIGH, category="suicide", urgency=Urgency.HIGH, standing_alarm=standing_alarm,
        idempotency_key="inc-1/3/0/Dana%20Reyes/sms",
    )  # fmt: skip


def test_a_page_becomes_a_page_message() -> None:
    built = message_for(_page(), incident_code="4821", address="+12025550101", link=ACK_LINK)
    assert (built.kind, built.level, built.category) == ("page", Level.HIGH, "suicide")
    assert built.idempotency_key == "inc-1/3/0/Dana%20Reyes/sms"


def test_a_standing_alarm_page_reads_as_an_alarm() -> None:
    built = message_for(
        _page(standing_alarm=True), incident_code="4821", address="+12025550101", link=ACK_LINK
    )
    assert built.kind == "alarm"


def test_an_alarm_without_responder_goes_to_operations() -> None:
    alarm = Alarm(
        incident_id="inc-1", reason=AlarmReason.NOBODY_ON_CALL, subject="primary", responder=None,
        channel=Channel.CONSOLE, tier=1, attempt=0, step=4, level=Level.IMMINENT, category="suicide",
        idempotency_key="inc-1/4/0/ops/console",
    )  # fmt: skip
    built = message_for(alarm, incident_code="4821", address="", link=ACK_LINK)
    assert (built.kind, built.responder, built.level) == ("alarm", "operations", Level.IMMINENT)


def test_a_reminder_needs_the_incident_level() -> None:
    reminder = Reminder(
        "inc-1", "Dana Reyes", Channel.SMS, datetime(2025, 6, 10, tzinfo=UTC), "inc-1/r/0/D/sms"
    )
    with pytest.raises(ValueError):
        message_for(reminder, incident_code="4821", address="+12025550101", link=ACK_LINK)
    built = message_for(
        reminder,
        incident_code="4821",
        address="+12025550101",
        link=ACK_LINK,
        level=Level.HIGH,
        category="abuse",
    )
    assert (built.kind, built.category) == ("reminder", "abuse")


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (429, DeliveryStatus.FAILED_RETRYABLE),
        (408, DeliveryStatus.FAILED_RETRYABLE),
        (500, DeliveryStatus.FAILED_RETRYABLE),
        (503, DeliveryStatus.FAILED_RETRYABLE),
        (400, DeliveryStatus.FAILED_PERMANENT),
        (401, DeliveryStatus.FAILED_PERMANENT),
        (404, DeliveryStatus.FAILED_PERMANENT),
        (302, DeliveryStatus.FAILED_PERMANENT),
    ],
)
def test_http_status_mapping(status: int, expected: DeliveryStatus) -> None:
    delivery = failure_for_http_status("webhook", status)
    assert delivery.status is expected
    assert delivery.error == f"http_{status}"


def test_only_number_failures_mark_a_responder_unreachable() -> None:
    assert permanent_failure("twilio", OPTED_OUT).marks_unreachable
    assert not permanent_failure("twilio", "http_400").marks_unreachable
    assert not failure_for_http_status("twilio", 500).marks_unreachable
    assert not Delivery(DeliveryStatus.DELIVERED, "console").failed


def test_secrets_come_from_the_environment_or_start_up_fails() -> None:
    assert read_secret("TOKEN", {"TOKEN": "s3cret"}) == "s3cret"
    with pytest.raises(MissingSecretError, match="TOKEN"):
        read_secret("TOKEN", {"TOKEN": "  "})
    with pytest.raises(MissingSecretError):
        read_secret("TOKEN", {})
