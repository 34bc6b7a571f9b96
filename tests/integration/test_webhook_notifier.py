"""The webhook notifier against a local receiver: signed JSON, idempotency header, error mapping."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator

import pytest

from escalation.model import Channel
from escalation.notifiers import (
    Delivery,
    DeliveryStatus,
    WebhookNotifier,
    render_text,
    webhook_signature_valid,
)
from tests.fakes.loopback import only_loopback
from tests.fakes.receiver import RecordingReceiver
from tests.unit.notifiers.kit import CUSTOMER_SENTENCE, message

SECRET = "webhook-signing-secret"


@pytest.fixture(autouse=True)
def _loopback_only() -> Iterator[None]:
    with only_loopback():
        yield


@pytest.fixture
def receiver() -> Iterator[RecordingReceiver]:
    with RecordingReceiver() as running:
        yield running


def _send(url: str, timeout: float = 0.5) -> tuple[WebhookNotifier, Delivery]:
    notifier = WebhookNotifier(SECRET, timeout_seconds=timeout)
    return notifier, notifier.send(message(channel=Channel.WEBHOOK, address=url))


def test_page_is_posted_as_signed_json_with_its_idempotency_key(receiver: RecordingReceiver) -> None:
    page = message(channel=Channel.WEBHOOK, address=receiver.url("/hooks/dana"), category=CUSTOMER_SENTENCE)
    delivery = WebhookNotifier(SECRET).send(page)

    (received,) = receiver.received
    assert delivery.status is DeliveryStatus.DELIVERED
    assert received.path == "/hooks/dana"
    assert received.header("Content-Type") == "application/json"
    assert received.header("X-Stayline-Idempotency-Key") == page.idempotency_key
    signature = received.header("X-Stayline-Signature")
    assert webhook_signature_valid(SECRET, received.body, signature)
    assert not webhook_signature_valid("another-secret", received.body, signature)
    body = json.loads(received.body)
    assert (body["incident_code"], body["level"], body["link"]) == ("4821", "high", page.link)
    assert body["text"] == render_text(page)
    assert "tablets" not in received.body.decode()


@pytest.mark.parametrize(
    ("status", "expected", "retry_after"),
    [
        (500, DeliveryStatus.FAILED_RETRYABLE, None),
        (503, DeliveryStatus.FAILED_RETRYABLE, 7.0),
        (429, DeliveryStatus.FAILED_RETRYABLE, 7.0),
        (404, DeliveryStatus.FAILED_PERMANENT, None),
        (410, DeliveryStatus.FAILED_PERMANENT, None),
    ],
)
def test_error_statuses(
    receiver: RecordingReceiver, status: int, expected: DeliveryStatus, retry_after: float | None
) -> None:
    headers = (("Retry-After", "7"),) if retry_after else ()
    receiver.answer_next(status, headers=headers)
    notifier, delivery = _send(receiver.url("/hook"))
    assert delivery.status is expected
    assert delivery.error == f"http_{status}"
    assert delivery.retry_after == retry_after
    assert notifier.send(message(channel=Channel.WEBHOOK, address=receiver.url("/hook"))).status is (
        DeliveryStatus.DELIVERED
    )


def test_a_redirect_is_not_followed(receiver: RecordingReceiver) -> None:
    receiver.answer_next(302, headers=(("Location", receiver.url("/elsewhere")),))
    _, delivery = _send(receiver.url("/hook"))
    assert delivery.status is DeliveryStatus.FAILED_PERMANENT
    assert [item.path for item in receiver.received] == ["/hook"]


def test_a_receiver_that_never_answers_times_out_as_retryable() -> None:
    with socket.socket() as silent:  # accepts connections (backlog) but never reads or answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        host, port = silent.getsockname()
        started = time.monotonic()
        _, delivery = _send(f"http://{host}:{port}/hook", timeout=0.5)
        elapsed = time.monotonic() - started
    assert (delivery.status, delivery.error) == (DeliveryStatus.FAILED_RETRYABLE, "timeout")
    assert elapsed < 2.0


def test_nobody_listening_is_retryable() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    _, delivery = _send(f"http://127.0.0.1:{port}/hook")
    assert (delivery.status, delivery.error) == (DeliveryStatus.FAILED_RETRYABLE, "connection")
