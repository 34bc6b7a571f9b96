"""The Twilio notifiers through the official client, against a local fake of Twilio's REST API.

Nothing leaves 127.0.0.1: the client's API base URL points at the fake, status callbacks go to a local
receiver, and any other connection attempt fails the test.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from escalation.model import Channel
from escalation.notifiers import (
    DeliveryStatus,
    Notifier,
    TwilioSmsConfig,
    build_notifier,
    call_outcome,
    parse_notifier_config,
    sms_status_delivery,
    twilio_signature_valid,
)
from escalation.notifiers.twilio_common import default_client_factory
from tests.fakes.loopback import only_loopback
from tests.fakes.receiver import Received, RecordingReceiver
from tests.fakes.twilio_callbacks import CallStep
from tests.fakes.twilio_server import ACCOUNT_SID, AUTH_TOKEN, FakeTwilio, Fault
from tests.unit.notifiers.kit import message

TIMEOUT_SECONDS = 0.5
VOICEMAIL = "machine_start"
ENV = {"STAYLINE_TWILIO_AUTH_TOKEN": AUTH_TOKEN}


@pytest.fixture(autouse=True)
def _loopback_only() -> Iterator[None]:
    with only_loopback():
        yield


@pytest.fixture
def twilio() -> Iterator[FakeTwilio]:
    with FakeTwilio() as fake:
        yield fake


@pytest.fixture
def receiver() -> Iterator[RecordingReceiver]:
    with RecordingReceiver() as running:
        yield running


def _notifier(kind: str, twilio: FakeTwilio, receiver: RecordingReceiver, **changes: Any) -> Notifier:
    environ = changes.pop("environ", ENV)
    data: dict[str, Any] = {
        "type": kind,
        "account_sid": ACCOUNT_SID,
        "from_number": "+12025550100",
        "status_callback_url": receiver.url(f"/twilio/{kind}-status"),
        "api_base_url": twilio.base_url,
        "timeout_seconds": TIMEOUT_SECONDS,
        **({"gather_url": "https://stayline.example/twilio/gather"} if kind == "twilio_voice" else {}),
        **changes,
    }
    return build_notifier(parse_notifier_config(data), environ=environ)


def _signed_by_twilio(receiver: RecordingReceiver, received: Received, token: str = AUTH_TOKEN) -> bool:
    signature = received.header("X-Twilio-Signature")
    return twilio_signature_valid(token, receiver.full_url(received), received.form(), signature)


def test_sms_goes_to_the_messages_endpoint_with_validity_period_and_callback(
    twilio: FakeTwilio, receiver: RecordingReceiver
) -> None:
    page = message()
    delivery = _notifier("twilio_sms", twilio, receiver, validity_period_seconds=120).send(page)

    assert delivery.status is DeliveryStatus.QUEUED
    assert (delivery.provider_id or "").startswith("SM")
    (request,) = twilio.requests
    assert request.path == f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"
    assert request.authorized
    assert request.param("To") == "+12025550101"
    assert request.param("From") == "+12025550100"
    assert request.param("ValidityPeriod") == "120"
    assert request.param("Body") == "Stayline: HIGH risk, suicide, incident #4821. " + page.link + (
        " Reply ACK 4821 to acknowledge."
    )
    callback = urlsplit(request.param("StatusCallback") or "")
    assert callback.path == "/twilio/twilio_sms-status"
    assert parse_qs(callback.query)["page"] == [page.idempotency_key]


def test_a_wrong_auth_token_is_refused_by_basic_auth(twilio: FakeTwilio, receiver: RecordingReceiver) -> None:
    notifier = _notifier("twilio_sms", twilio, receiver, environ={"STAYLINE_TWILIO_AUTH_TOKEN": "wrong"})
    delivery = notifier.send(message())
    assert delivery.status is DeliveryStatus.FAILED_PERMANENT
    assert delivery.error == "twilio_20003"
    assert not twilio.requests[0].authorized


def test_voice_call_uses_machine_detection_and_gathers_one_digit(
    twilio: FakeTwilio, receiver: RecordingReceiver
) -> None:
    delivery = _notifier("twilio_voice", twilio, receiver).send(message(channel=Channel.VOICE))

    assert delivery.status is DeliveryStatus.QUEUED
    assert (delivery.provider_id or "").startswith("CA")
    (request,) = twilio.requests
    assert request.path == f"/2010-04-01/Accounts/{ACCOUNT_SID}/Calls.json"
    assert request.param("MachineDetection") == "Enable"
    assert request.params["StatusCallbackEvent"] == ["initiated", "ringing", "answered", "completed"]
    twiml = request.param("Twiml") or ""
    assert '<Gather action="https://stayline.example/twilio/gather?page=' in twiml
    assert 'numDigits="1"' in twiml
    assert "4 8 2 1" in twiml


@pytest.mark.parametrize(
    ("fault", "reason"), [(Fault.rate_limited(), "http_429"), (Fault.server_error(), "http_500")]
)
@pytest.mark.parametrize("kind", ["twilio_sms", "twilio_voice"])
def test_rate_limits_and_server_errors_are_retryable(
    twilio: FakeTwilio, receiver: RecordingReceiver, kind: str, fault: Fault, reason: str
) -> None:
    notifier = _notifier(kind, twilio, receiver)
    page = message(channel=Channel.SMS if kind == "twilio_sms" else Channel.VOICE)
    twilio.fail_next(fault, times=2)

    outcomes = [notifier.send(page) for _ in range(3)]

    assert [delivery.status for delivery in outcomes] == [
        DeliveryStatus.FAILED_RETRYABLE,
        DeliveryStatus.FAILED_RETRYABLE,
        DeliveryStatus.QUEUED,
    ]
    assert outcomes[0].error == reason
    assert len(twilio.requests) == 3  # the client itself did not retry behind our back


def test_an_opted_out_number_fails_permanently_with_a_reason(
    twilio: FakeTwilio, receiver: RecordingReceiver
) -> None:
    twilio.fail_next(Fault.twilio_error(21610, "Attempt to send to unsubscribed recipient"))
    delivery = _notifier("twilio_sms", twilio, receiver).send(message())
    assert delivery.status is DeliveryStatus.FAILED_PERMANENT
    assert delivery.error == "opted_out"
    assert delivery.marks_unreachable


def test_a_hung_request_times_out_as_retryable(twilio: FakeTwilio, receiver: RecordingReceiver) -> None:
    notifier = _notifier("twilio_sms", twilio, receiver)
    twilio.fail_next(Fault.hang(30))

    started = time.monotonic()
    delivery = notifier.send(message())
    elapsed = time.monotonic() - started

    assert delivery.status is DeliveryStatus.FAILED_RETRYABLE
    assert delivery.error == "timeout"
    assert elapsed < 2.0
    assert notifier.send(message()).status is DeliveryStatus.QUEUED  # the next attempt goes through


def test_nobody_listening_is_retryable(receiver: RecordingReceiver) -> None:
    with socket.socket() as probe:  # a port that was free a moment ago and has no listener now
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = {
        "type": "twilio_sms",
        "account_sid": ACCOUNT_SID,
        "from_number": "+12025550100",
        "api_base_url": f"http://127.0.0.1:{port}",
        "timeout_seconds": TIMEOUT_SECONDS,
    }
    delivery = build_notifier(parse_notifier_config(config), environ=ENV).send(message())
    assert (delivery.status, delivery.error) == (DeliveryStatus.FAILED_RETRYABLE, "connection")


@pytest.mark.parametrize(
    ("script", "error_code", "final_status", "final_error"),
    [
        (("sent", "delivered"), None, DeliveryStatus.DELIVERED, None),
        (("sent", "undelivered"), 30003, DeliveryStatus.FAILED_PERMANENT, "undelivered_30003"),
    ],
)
def test_sms_status_callbacks_arrive_signed(
    twilio: FakeTwilio,
    receiver: RecordingReceiver,
    script: tuple[str, ...],
    error_code: int | None,
    final_status: DeliveryStatus,
    final_error: str | None,
) -> None:
    twilio.script_messages(*script, error_code=error_code)
    page = message()
    sent = _notifier("twilio_sms", twilio, receiver).send(page)

    received = receiver.wait_for(len(script))

    assert len(received) == len(script)
    assert all(_signed_by_twilio(receiver, item) for item in received)
    assert not _signed_by_twilio(receiver, received[0], token="not-the-token")
    deliveries = [sms_status_delivery(item.form()) for item in received]
    assert deliveries[0].status is DeliveryStatus.SENT  # "sent" is not an acknowledgement, nor delivered
    assert (deliveries[-1].status, deliveries[-1].error) == (final_status, final_error)
    assert {delivery.provider_id for delivery in deliveries} == {sent.provider_id}
    assert parse_qs(urlsplit(received[0].path).query)["page"] == [page.idempotency_key]


@pytest.mark.parametrize(
    ("steps", "outcome"),
    [
        ((CallStep("ringing"), CallStep("in-progress", "human"), CallStep("completed", "human")), "reached"),
        (
            (CallStep("ringing"), CallStep("in-progress", VOICEMAIL), CallStep("completed", VOICEMAIL)),
            "not_reached",
        ),
        ((CallStep("ringing"), CallStep("no-answer")), "not_reached"),
        ((CallStep("busy"),), "not_reached"),
    ],
)
def test_call_status_callbacks_arrive_signed_and_voicemail_is_not_reached(
    twilio: FakeTwilio, receiver: RecordingReceiver, steps: tuple[CallStep, ...], outcome: str
) -> None:
    twilio.script_calls(CallStep("initiated"), *steps)
    placed = _notifier("twilio_voice", twilio, receiver).send(message(channel=Channel.VOICE))

    received = receiver.wait_for(len(steps) + 1)

    assert len(received) == len(steps) + 1
    assert all(_signed_by_twilio(receiver, item) for item in received)
    forms = [item.form() for item in received]
    assert {form["CallSid"] for form in forms} == {placed.provider_id}
    final = forms[-1]
    assert call_outcome(final["CallStatus"], final.get("AnsweredBy")) == outcome


def test_only_the_call_events_asked_for_are_posted(twilio: FakeTwilio, receiver: RecordingReceiver) -> None:
    # Twilio sends just "completed" when no StatusCallbackEvent is given; the fake must not post more.
    twilio.script_calls(CallStep("initiated"), CallStep("ringing"), CallStep("completed", "human"))
    config = TwilioSmsConfig(
        account_sid=ACCOUNT_SID, from_number="+12025550100", api_base_url=twilio.base_url
    )
    client = default_client_factory(config, AUTH_TOKEN)
    client.calls.create(
        to="+12025550101", from_="+12025550100", twiml="<Response/>", status_callback=receiver.url("/c")
    )
    twilio.callbacks.join(timeout=5)  # every callback the fake meant to send has been sent
    received = receiver.received
    assert [item.form()["CallStatus"] for item in received] == ["completed"]
