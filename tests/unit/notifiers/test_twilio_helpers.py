"""Twilio error mapping and the webhook signature check, without any network."""

from __future__ import annotations

import pytest
import requests
from twilio.base.exceptions import TwilioException, TwilioRestException, TwilioServiceException
from twilio.request_validator import RequestValidator

from escalation.notifiers import DeliveryStatus, twilio_signature_valid
from escalation.notifiers.twilio_common import call_twilio, failure_for_twilio_error, with_page_key

# Twilio's published request-validation example (https://www.twilio.com/docs/usage/security).
DOCS_TOKEN = "12345"
DOCS_URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
DOCS_PARAMS = {
    "CallSid": "CA1234567890ABCDE",
    "Caller": "+14158675309",
    "Digits": "1234",
    "From": "+14158675309",
    "To": "+18005551212",
}
DOCS_SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8="
URI = "/2010-04-01/Accounts/AC0/Messages.json"


@pytest.mark.parametrize(
    ("code", "reason"), [(21610, "opted_out"), (21211, "invalid_number"), (21614, "not_mobile")]
)
def test_dead_numbers_are_permanent_and_mark_the_responder_unreachable(code: int, reason: str) -> None:
    delivery = failure_for_twilio_error(
        TwilioRestException(400, URI, "Unable to create record", code, "POST")
    )
    assert delivery.status is DeliveryStatus.FAILED_PERMANENT
    assert delivery.error == reason
    assert delivery.marks_unreachable
    assert str(code) in (delivery.detail or "")


@pytest.mark.parametrize(
    ("status", "code", "expected", "reason"),
    [
        (429, 20429, DeliveryStatus.FAILED_RETRYABLE, "http_429"),
        (500, 500, DeliveryStatus.FAILED_RETRYABLE, "http_500"),
        (503, None, DeliveryStatus.FAILED_RETRYABLE, "http_503"),
        (400, 21408, DeliveryStatus.FAILED_PERMANENT, "twilio_21408"),
        (401, 20003, DeliveryStatus.FAILED_PERMANENT, "twilio_20003"),
        (404, 404, DeliveryStatus.FAILED_PERMANENT, "http_404"),
    ],
)
def test_other_twilio_errors_follow_the_http_status(
    status: int, code: int | None, expected: DeliveryStatus, reason: str
) -> None:
    delivery = failure_for_twilio_error(TwilioRestException(status, URI, "error", code, "POST"))
    assert (delivery.status, delivery.error) == (expected, reason)
    assert not delivery.marks_unreachable


def test_problem_details_errors_are_mapped_the_same_way() -> None:
    error = TwilioServiceException("https://twilio.com/errors/21610", "Unsubscribed", 400, 21610)
    assert failure_for_twilio_error(error).error == "opted_out"


def test_a_twilio_error_without_status_is_retried() -> None:
    assert failure_for_twilio_error(TwilioException("boom")).status is DeliveryStatus.FAILED_RETRYABLE


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (requests.exceptions.ReadTimeout("read timed out"), "timeout"),
        (requests.exceptions.ConnectTimeout("connect timed out"), "timeout"),
        (requests.exceptions.ConnectionError("refused"), "connection"),
    ],
)
def test_transport_failures_are_retryable(error: Exception, reason: str) -> None:
    def create() -> object:
        raise error

    delivery = call_twilio(create)
    assert (delivery.status, delivery.error) == (DeliveryStatus.FAILED_RETRYABLE, reason)


def test_a_programming_error_is_not_swallowed() -> None:
    def create() -> object:
        raise KeyError("bug")

    with pytest.raises(KeyError):
        call_twilio(create)


def test_signature_matches_twilios_published_example() -> None:
    assert twilio_signature_valid(DOCS_TOKEN, DOCS_URL, DOCS_PARAMS, DOCS_SIGNATURE)


def test_signature_fails_on_any_change() -> None:
    assert not twilio_signature_valid(DOCS_TOKEN, DOCS_URL, {**DOCS_PARAMS, "Digits": "2"}, DOCS_SIGNATURE)
    assert not twilio_signature_valid(DOCS_TOKEN, DOCS_URL + "&x=1", DOCS_PARAMS, DOCS_SIGNATURE)
    assert not twilio_signature_valid("54321", DOCS_URL, DOCS_PARAMS, DOCS_SIGNATURE)
    assert not twilio_signature_valid(DOCS_TOKEN, DOCS_URL, DOCS_PARAMS, DOCS_SIGNATURE[:-2] + "A=")


@pytest.mark.parametrize("token", [None, ""])
def test_no_configured_token_refuses_everything(token: str | None) -> None:
    # Even a signature made with an empty key is refused: an unconfigured service trusts nothing.
    empty_key_signature = RequestValidator("").compute_signature(DOCS_URL, DOCS_PARAMS)
    assert not twilio_signature_valid(token, DOCS_URL, DOCS_PARAMS, empty_key_signature)


def test_missing_signature_is_refused() -> None:
    assert not twilio_signature_valid(DOCS_TOKEN, DOCS_URL, DOCS_PARAMS, None)
    assert not twilio_signature_valid(DOCS_TOKEN, DOCS_URL, DOCS_PARAMS, "")


def test_callback_urls_are_tagged_with_the_page_key() -> None:
    tagged = with_page_key("https://stayline.example/twilio/status?v=2", "inc-1/3/0/Dana%20Reyes/sms")
    assert tagged == "https://stayline.example/twilio/status?v=2&page=inc-1%2F3%2F0%2FDana%2520Reyes%2Fsms"
    assert with_page_key(None, "k") is None
