"""The webhook body and its signature, without sending anything."""

from __future__ import annotations

import hashlib
import hmac
import json
from email.message import Message

from escalation.model import Channel
from escalation.notifiers import DeliveryStatus
from escalation.notifiers.webhook import (
    WebhookNotifier,
    payload,
    retry_after_seconds,
    sign_body,
    webhook_signature_valid,
)
from tests.unit.notifiers.kit import CUSTOMER_SENTENCE, message


def test_payload_holds_only_the_minimal_fields() -> None:
    body = payload(
        message(channel=Channel.WEBHOOK, address="https://hooks.example/p", category=CUSTOMER_SENTENCE)
    )
    fields = "version kind idempotency_key incident_code responder level category link text"
    assert set(body) == set(fields.split())
    assert (body["level"], body["category"]) == ("high", "other")
    assert "tablets" not in json.dumps(body)
    known = payload(message(channel=Channel.WEBHOOK, address="https://hooks.example/p", category="self_harm"))
    assert known["category"] == "self_harm"


def test_signature_is_hmac_sha256_hex_of_the_body() -> None:
    body = json.dumps({"a": 1}).encode()
    expected = hmac.new(b"secret", body, hashlib.sha256).hexdigest()
    assert sign_body("secret", body) == f"sha256={expected}"
    assert webhook_signature_valid("secret", body, f"sha256={expected}")
    assert not webhook_signature_valid("secret", body + b" ", f"sha256={expected}")
    assert not webhook_signature_valid("other", body, f"sha256={expected}")
    assert not webhook_signature_valid("", body, sign_body("", body))
    assert not webhook_signature_valid("secret", body, None)


def _headers(value: str | None) -> Message:
    headers = Message()
    if value is not None:
        headers["Retry-After"] = value
    return headers


def test_retry_after_reads_seconds_only() -> None:
    assert retry_after_seconds(_headers("30")) == 30.0
    assert retry_after_seconds(_headers(" 2 ")) == 2.0
    assert retry_after_seconds(_headers("Wed, 21 Oct 2015 07:28:00 GMT")) is None
    assert retry_after_seconds(_headers("-5")) is None
    assert retry_after_seconds(_headers(None)) is None
    assert retry_after_seconds(None) is None


def test_a_phone_number_is_not_posted_to() -> None:
    delivery = WebhookNotifier("secret").send(message())  # an SMS message routed here by mistake
    assert (delivery.status, delivery.error) == (DeliveryStatus.FAILED_PERMANENT, "bad_address")
