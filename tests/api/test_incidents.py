"""Flag, read, acknowledge and resolve incidents; what a conversation view shows to whom."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import select

from store.db import session_scope
from store.models import AuditEventRow
from tests.api.conftest import CRISIS, Harness, auth


def test_an_agent_flag_opens_an_incident_and_hands_its_pages_over(api: Harness) -> None:
    response = api.flag("conv-7", "high", note="caller mentioned a plan", agent="Ana Lima")

    assert response.status_code == 200
    incident = response.json()
    assert (incident["conversation_id"], incident["level"], incident["category"]) == (
        "conv-7",
        "high",
        "suicide",
    )
    assert incident["opened_by"] == "agent"
    assert incident["state"] == "paging"
    assert incident["pages"], "a high flag pages tier 1 at once"
    assert sorted(api.dispatcher.pages) == sorted(p["id"] for p in incident["pages"])
    with session_scope(api.url) as session:
        actors = session.exec(
            select(AuditEventRow.actor).where(AuditEventRow.action == "conversation_flagged")
        )
        assert list(actors) == ["agent:Ana Lima"]


def test_a_flag_with_a_bad_level_or_field_is_422(api: Harness) -> None:
    assert api.flag(level="low").status_code == 422
    assert api.flag(level="high", urgency="now").status_code == 422
    assert api.dispatcher.pages == []


def test_the_conversation_view_shows_level_evidence_and_paging(api: Harness) -> None:
    api.post_message(CRISIS, wait=True)

    as_agent = api.client.get("/v1/conversations/conv-1", headers=auth("agent")).json()
    as_ingest = api.client.get("/v1/conversations/conv-1", headers=auth("ingest")).json()

    assert as_agent["level"] in ("high", "imminent")
    signals = as_agent["evidence"][0]["signals"]
    assert any(s["text"] and s["text"] in CRISIS for s in signals)
    assert as_agent["incident"]["pages"][0]["responder"]
    assert {"responder", "channel", "status", "created_at", "sent_at"} <= set(
        as_agent["incident"]["pages"][0]
    )
    # An ingest key writes; it reads nothing, not even where and why.
    assert as_ingest["error"] == "forbidden"
    assert "role ingest may not do this" in as_ingest["detail"]
    assert "level" not in as_ingest and "incident" not in as_ingest


def test_an_unknown_conversation_or_incident_is_404(api: Harness) -> None:
    assert api.client.get("/v1/conversations/nope", headers=auth("agent")).status_code == 404
    missing = api.client.get("/v1/incidents/nope", headers=auth("agent"))
    assert missing.status_code == 404
    assert missing.json()["error"] == "not_found"


def test_acknowledging_stops_the_chain_and_cancels_unsent_pages(api: Harness) -> None:
    incident = api.flag(level="high").json()

    response = api.client.post(
        f"/v1/incidents/{incident['id']}/ack", json={"responder": "Dana Reyes"}, headers=auth("responder")
    )

    assert response.status_code == 200
    body = response.json()
    assert (body["state"], body["acknowledged_by"], body["acknowledged_via"]) == (
        "acknowledged",
        "Dana Reyes",
        "api",
    )
    assert {p["status"] for p in body["pages"]} == {"cancelled"}
    assert body["acknowledgements"][0]["responder"] == "Dana Reyes"
    again = api.client.post(
        f"/v1/incidents/{incident['id']}/ack", json={"responder": "Dana Reyes"}, headers=auth("responder")
    )
    other = api.client.post(
        f"/v1/incidents/{incident['id']}/ack",
        json={"responder": "Sam Okafor"},
        headers={"Authorization": "Bearer sam-key"},
    )
    assert again.status_code == 200
    assert (other.status_code, other.json()["error"]) == (409, "already_acknowledged")
    assert api.incident(incident["id"]).acknowledged_by == "Dana Reyes"


def test_an_acknowledgement_needs_a_responder_from_the_roster(api: Harness) -> None:
    incident = api.flag(level="high").json()

    response = api.client.post(
        f"/v1/incidents/{incident['id']}/ack", json={"responder": "Mallory"}, headers=auth("automation")
    )

    assert (response.status_code, response.json()["error"]) == (422, "unknown_responder")
    assert api.incident(incident["id"]).state == "paging"


def test_resolving_closes_the_incident_by_id_or_code(api: Harness) -> None:
    incident = api.flag(level="high").json()

    response = api.client.post(
        f"/v1/incidents/{incident['code']}/resolve", json={"by": "Dana Reyes"}, headers=auth("responder")
    )

    assert response.status_code == 200
    assert response.json()["state"] == "resolved"
    assert api.incident(incident["id"]).resolved_at is not None
    late_ack = api.client.post(
        f"/v1/incidents/{incident['id']}/ack", json={"responder": "Dana Reyes"}, headers=auth("responder")
    )
    assert (late_ack.status_code, late_ack.json()["error"]) == (409, "already_resolved")


def test_incidents_are_listed_by_state(api: Harness) -> None:
    first = api.flag("conv-a", "high").json()
    second = api.flag("conv-b", "moderate").json()
    api.client.post(f"/v1/incidents/{first['id']}/resolve", headers=auth("responder"))

    open_ = api.client.get("/v1/incidents", headers=auth("agent")).json()["incidents"]
    resolved = api.client.get("/v1/incidents?state=resolved", headers=auth("agent")).json()["incidents"]
    by_conversation = api.client.get("/v1/incidents?state=all&conversation_id=conv-a", headers=auth("agent"))

    assert [i["id"] for i in open_] == [second["id"]]
    assert [i["id"] for i in resolved] == [first["id"]]
    assert [i["id"] for i in by_conversation.json()["incidents"]] == [first["id"]]


def test_an_acknowledgement_may_say_when_the_responder_will_join(api: Harness) -> None:
    incident = api.flag(level="high").json()
    url = f"/v1/incidents/{incident['id']}/ack"

    too_late = api.client.post(
        url, json={"responder": "Dana Reyes", "eta_minutes": 999}, headers=auth("responder")
    )
    assert too_late.status_code == 422
    assert api.incident(incident["id"]).state == "paging"

    api.client.post(url, json={"responder": "Dana Reyes", "eta_minutes": 15}, headers=auth("responder"))
    assert api.incident(incident["id"]).responder_eta == api.clock.now + timedelta(minutes=15)
    guidance = api.client.get("/v1/conversations/conv-1/guidance", headers=auth("agent")).json()
    assert datetime.fromisoformat(guidance["paging"]["eta"]) == api.clock.now + timedelta(minutes=15)
