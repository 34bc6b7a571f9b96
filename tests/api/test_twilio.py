"""Twilio webhooks: refused without a valid signature, acting with one."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from sqlmodel import select
from twilio.request_validator import RequestValidator

from store.db import session_scope
from store.models import AcknowledgementRow, AuditEventRow, PageRow
from tests.api.conftest import Harness, auth

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


def test_an_sms_resolved_false_reply_resolves_and_labels_a_false_alarm(api: Harness) -> None:
    incident = api.flag(level="high").json()
    responder = next(p["responder"] for p in incident["pages"] if p["channel"] in ("sms", "voice"))
    api.clock.advance(300)

    response = post_signed(
        api, "/twilio/sms", {"From": phone_of(api, responder), "Body": f"RESOLVED {incident['code']} FALSE"}
    )

    assert response.status_code == 200
    assert f"incident {incident['code']} resolved; recorded as FALSE by {responder}" in response.text
    row = api.incident(incident["id"])
    assert (row.state, row.resolved_at, row.outcome) == ("resolved", api.clock.now, "not_a_crisis")
    assert (row.outcome_by, row.outcome_at) == (f"responder:{responder}", api.clock.now)


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


def _acks(api: Harness, incident_id: str) -> list[tuple[str, str]]:
    with session_scope(api.url) as session:
        rows = session.exec(select(AcknowledgementRow).where(AcknowledgementRow.incident_id == incident_id))
        return [(r.responder, r.via) for r in rows]


def _audited(api: Harness, action: str) -> list[AuditEventRow]:
    with session_scope(api.url) as session:
        return list(session.exec(select(AuditEventRow).where(AuditEventRow.action == action)).all())


def _two_paged(api: Harness) -> tuple[dict[str, Any], str, str]:
    """An incident with its first-tier responder and, after they pressed 2, a second-tier responder."""
    incident = api.flag(level="high").json()
    first = next(p for p in api.pages(incident["id"]) if p.channel == "voice" and p.tier == 0)
    path = "/twilio/voice?" + urlencode({"page": first.idempotency_key})
    assert "Passed" in post_signed(api, path, {"Digits": "2", "CallSid": "CA-pass"}).text
    second = next(p for p in api.pages(incident["id"]) if p.tier == 1 and p.responder != first.responder)
    assert first.responder and second.responder
    return incident, first.responder, second.responder


def test_a_second_responders_sms_ack_does_not_overwrite_the_first_and_is_told_who_has_it(
    api: Harness,
) -> None:
    incident, first, second = _two_paged(api)
    code = incident["code"]
    taken = post_signed(
        api, "/twilio/sms", {"From": phone_of(api, first), "Body": f"ACK {code}", "MessageSid": "SM1"}
    )
    assert f"acknowledged by {first}" in taken.text

    late = post_signed(
        api, "/twilio/sms", {"From": phone_of(api, second), "Body": f"ack {code}", "MessageSid": "SM2"}
    )

    assert late.status_code == 200
    assert f"incident {code} is already acknowledged by {first}" in late.text
    row = api.incident(incident["id"])
    assert (row.state, row.acknowledged_by, row.acknowledged_via) == ("acknowledged", first, "sms_reply")
    assert _acks(api, incident["id"]) == [(first, "sms_reply")]
    refused = _audited(api, "acknowledgement_refused")
    assert [(e.actor, e.detail["holder"]) for e in refused] == [(f"responder:{second}", first)]


def test_a_second_responders_key_press_is_told_who_has_it_and_changes_nothing(api: Harness) -> None:
    incident, first, second = _two_paged(api)
    assert (
        api.client.post(
            f"/v1/incidents/{incident['id']}/ack", json={"responder": first}, headers=auth("responder")
        ).status_code
        == 200
    )
    page = next(p for p in api.pages(incident["id"]) if p.responder == second and p.channel == "voice")

    response = post_signed(
        api, "/twilio/voice?" + urlencode({"page": page.idempotency_key}), {"Digits": "1", "CallSid": "CA2"}
    )

    assert f"already acknowledged by {first}" in response.text
    assert api.incident(incident["id"]).acknowledged_by == first
    assert _acks(api, incident["id"]) == [(first, "api")]


def test_a_replayed_ack_sms_changes_nothing_and_is_audited_once(api: Harness) -> None:
    incident = api.flag(level="high").json()
    responder = next(p["responder"] for p in incident["pages"] if p["channel"] in ("sms", "voice"))
    params = {
        "From": phone_of(api, responder),
        "Body": f"ACK {incident['code']}",
        "MessageSid": "SM-replayed",
    }
    first = post_signed(api, "/twilio/sms", params)
    api.clock.advance(3600)  # long after: the reminder clock would restart if a replay counted
    after_first = api.incident(incident["id"])

    replays = [post_signed(api, "/twilio/sms", params) for _ in range(3)]

    assert [r.text for r in replays] == [first.text] * 3  # the first answer, again
    after = api.incident(incident["id"])
    assert (after.acknowledged_at, after.next_action_at, after.fencing_token) == (
        after_first.acknowledged_at,
        after_first.next_action_at,
        after_first.fencing_token,
    )
    assert _acks(api, incident["id"]) == [(responder, "sms_reply")]
    assert [e.detail["key"] for e in _audited(api, "webhook_replay_ignored")] == ["twilio:sms:SM-replayed"]
    assert len(_audited(api, "incident_acknowledged")) == 1


def test_a_replayed_key_press_changes_nothing_but_a_re_asked_key_is_its_own_step(api: Harness) -> None:
    incident = api.flag(level="high").json()
    page = next(p for p in api.pages(incident["id"]) if p.channel == "voice")
    path = "/twilio/voice?" + urlencode({"page": page.idempotency_key})
    fumbled = post_signed(api, path, {"Digits": "7", "CallSid": "CA9"})
    assert "not an option" in fumbled.text and "step=1" in fumbled.text  # the re-ask posts as step 1

    pressed = post_signed(api, path + "&step=1", {"Digits": "1", "CallSid": "CA9"})
    replayed = post_signed(api, path + "&step=1", {"Digits": "1", "CallSid": "CA9"})

    assert "Acknowledged" in pressed.text and replayed.text == pressed.text
    assert api.incident(incident["id"]).state == "acknowledged"
    assert _acks(api, incident["id"]) == [(page.responder, "keypress")]
    assert len(_audited(api, "webhook_replay_ignored")) == 1


def test_a_replayed_pass_on_pages_the_next_tier_once(api: Harness) -> None:
    incident = api.flag(level="high").json()
    page = next(p for p in api.pages(incident["id"]) if p.channel == "voice")
    path = "/twilio/voice?" + urlencode({"page": page.idempotency_key})
    post_signed(api, path, {"Digits": "2", "CallSid": "CA5"})
    handed_over = list(api.dispatcher.pages)
    passes = len(_audited(api, "page_passed"))

    post_signed(api, path, {"Digits": "2", "CallSid": "CA5"})

    assert api.dispatcher.pages == handed_over
    assert len(_audited(api, "page_passed")) == passes == 1
