"""Twilio webhooks: refused without a valid signature, acting with one."""

from __future__ import annotations

from urllib.parse import urlencode

import httpx
import pytest
from twilio.request_validator import RequestValidator

from store.db import session_scope
from store.models import PageRow
from tests.api.conftest import Harness

TOKEN = "twilio-test-token"
PUBLIC = "http://127.0.0.1:8000"  # settings.public_url's default


@pytest.fixture(autouse=True)
def twilio_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STAYLINE_TWILIO_AUTH_TOKEN", TOKEN)


def post_signed(api: Harness, path: str, params: dict[str, str], token: str = TOKEN) -> httpx.Response:
    signature = RequestValidator(token).compute_signature(PUBLIC + path, params)
    response: httpx.Response = api.client.post(
        path,
        content=urlencode(params),
        headers={"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature},
    )
    return response


def phone_of(api: Harness, responder: str) -> str:
    phone = api.runtime.config.roster.responders[responder].phone
    assert phone
    return phone


def test_a_webhook_without_a_valid_signature_is_refused(api: Harness) -> None:
    params = {"From": "+12025550101", "Body": "ACK 123456"}
    unsigned = api.client.post("/twilio/sms", data=params)
    wrong_key = post_signed(api, "/twilio/sms", params, token="someone-elses-token")
    wrong_url = api.client.post(
        "/twilio/sms",
        data=params,
        headers={
            "X-Twilio-Signature": RequestValidator(TOKEN).compute_signature(PUBLIC + "/elsewhere", params)
        },
    )

    for response in (unsigned, wrong_key, wrong_url):
        assert response.status_code == 403
        assert response.json()["error"] == "forbidden"


def test_without_a_configured_token_every_webhook_is_refused(
    api: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    params = {"From": "+12025550101", "Body": "ACK 123456"}
    monkeypatch.delenv("STAYLINE_TWILIO_AUTH_TOKEN")

    response = post_signed(api, "/twilio/sms", params)

    assert response.status_code == 403
    assert "not configured" in response.json()["detail"]


def test_an_sms_reply_acknowledges_the_incident(api: Harness) -> None:
    incident = api.flag(level="high").json()
    responder = next(p["responder"] for p in incident["pages"] if p["channel"] in ("sms", "voice"))

    response = post_signed(
        api, "/twilio/sms", {"From": phone_of(api, responder), "Body": f"ack {incident['code']}"}
    )

    assert response.status_code == 200
    assert "application/xml" in response.headers["content-type"]
    assert f"incident {incident['code']} acknowledged by {responder}" in response.text
    row = api.incident(incident["id"])
    assert (row.state, row.acknowledged_by, row.acknowledged_via) == ("acknowledged", responder, "sms_reply")


def test_an_sms_from_a_stranger_gets_help_and_acknowledges_nothing(api: Harness) -> None:
    incident = api.flag(level="high").json()

    response = post_signed(api, "/twilio/sms", {"From": "+15555550199", "Body": f"ACK {incident['code']}"})

    assert "reply ACK and the code" in response.text
    assert api.incident(incident["id"]).state == "paging"


def test_pressing_1_on_a_voice_page_acknowledges_as_its_responder(api: Harness) -> None:
    incident = api.flag(level="high").json()
    page = next(p for p in api.pages(incident["id"]) if p.channel == "voice")
    path = "/twilio/voice?" + urlencode({"page": page.idempotency_key})

    response = post_signed(api, path, {"Digits": "1", "CallSid": "CA1"})

    assert response.status_code == 200
    assert "Acknowledged" in response.text
    row = api.incident(incident["id"])
    assert (row.state, row.acknowledged_by, row.acknowledged_via) == (
        "acknowledged",
        page.responder,
        "keypress",
    )


def test_pressing_2_passes_the_page_to_the_next_tier_now(api: Harness) -> None:
    incident = api.flag(level="high").json()
    page = next(p for p in api.pages(incident["id"]) if p.channel == "voice")
    assert page.tier == 0
    handed_over = list(api.dispatcher.pages)

    response = post_signed(
        api, "/twilio/voice?" + urlencode({"page": page.idempotency_key}), {"Digits": "2", "CallSid": "CA1"}
    )

    assert "Passed to the next responder" in response.text
    pages = api.pages(incident["id"])
    assert {p.tier for p in pages} == {0, 1}
    new = [p.id for p in pages if p.tier == 1]
    assert api.dispatcher.pages == handed_over + new
    assert api.incident(incident["id"]).state == "paging"


def test_a_key_press_for_an_unknown_page_acknowledges_nothing(api: Harness) -> None:
    incident = api.flag(level="high").json()

    response = post_signed(api, "/twilio/voice?page=nope", {"Digits": "1"})

    assert "not acknowledged" in response.text
    assert api.incident(incident["id"]).state == "paging"


def test_a_status_callback_records_delivery(api: Harness) -> None:
    incident = api.flag(level="high").json()
    page = api.pages(incident["id"])[0]
    with session_scope(api.url) as session:  # as if the notifier had handed it to Twilio
        row = session.get(PageRow, page.id)
        assert row is not None
        row.status, row.provider_id = "queued", "SM42"

    response = post_signed(api, "/twilio/status", {"MessageSid": "SM42", "MessageStatus": "delivered"})

    assert response.status_code == 204
    assert next(p for p in api.pages(incident["id"]) if p.id == page.id).status == "delivered"
    assert api.incident(incident["id"]).state == "paging"  # delivered is not acknowledged
