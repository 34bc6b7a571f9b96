"""Keys bound to people: what a person's key does is recorded as that person, acting as anyone else is
refused with a reason, and a service key (no person) says so in the audit trail."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlmodel import select

from api.auth import KeyRing
from config.settings import Settings
from store.db import session_scope
from store.models import AuditEventRow
from tests.api.conftest import KEYS, Harness, TestClient, auth
from tests.api.console_helpers import page_token, sign_in


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def audits(api: Harness, action: str) -> list[AuditEventRow]:
    with session_scope(api.url) as session:
        return list(session.exec(select(AuditEventRow).where(AuditEventRow.action == action)).all())


def ack(api: Harness, incident: dict[str, Any], key: str, **body: Any) -> Any:
    return api.client.post(f"/v1/incidents/{incident['id']}/ack", json=body, headers=bearer(key))


def test_a_persons_key_acknowledges_as_its_person_and_no_one_else(api: Harness) -> None:
    incident = api.flag(level="high").json()

    as_someone_else = ack(api, incident, "responder-key", responder="Aisha Bello")
    assert as_someone_else.status_code == 403
    assert as_someone_else.json()["error"] == "not_your_name"
    assert "belongs to Dana Reyes" in as_someone_else.json()["detail"]["reason"]
    assert api.incident(incident["id"]).state == "paging"

    unnamed = ack(api, incident, "responder-key")
    assert unnamed.status_code == 200
    assert unnamed.json()["acknowledged_by"] == "Dana Reyes"
    [row] = audits(api, "acknowledged_with_key")
    assert row.actor == "responder:Dana Reyes"
    assert (row.detail["person"], row.detail["service_key"]) == ("Dana Reyes", False)
    assert row.detail["key"].startswith("key-")

    late = ack(api, incident, "sam-key")  # Sam's own key: refused because Dana has it, not as a forgery
    assert (late.status_code, late.json()["error"]) == (409, "already_acknowledged")


def test_a_service_key_names_the_responder_and_the_audit_says_it_has_no_person(api: Harness) -> None:
    incident = api.flag(level="high").json()

    assert ack(api, incident, "automation-key").json()["error"] == "responder_required"
    named = ack(api, incident, "automation-key", responder="Sam Okafor")

    assert named.status_code == 200 and named.json()["acknowledged_by"] == "Sam Okafor"
    [row] = audits(api, "acknowledged_with_key")
    assert row.actor.startswith("service:key-")
    assert (row.detail["person"], row.detail["service_key"], row.detail["named"]) == (
        None,
        True,
        "Sam Okafor",
    )


def test_resolving_is_recorded_as_the_keys_person(api: Harness) -> None:
    incident = api.flag(level="high").json()
    url = f"/v1/incidents/{incident['id']}/resolve"

    refused = api.client.post(url, json={"by": "Sam Okafor"}, headers=auth("responder"))
    assert (refused.status_code, refused.json()["error"]) == (403, "not_your_name")
    assert api.client.post(url, headers=auth("responder")).status_code == 200

    [resolved] = audits(api, "incident_resolved")
    assert resolved.actor == "responder:Dana Reyes"


def test_a_flag_is_recorded_as_the_agents_person(api: Harness) -> None:
    api.post_message("hello", wait=True)
    refused = api.flag(agent="Bo Chen")
    assert (refused.status_code, refused.json()["error"]) == (403, "not_your_name")

    flagged = api.flag()

    assert flagged.status_code == 200
    assert flagged.json()["flag"]["by"] == "Ana Lima" and flagged.json()["flag"]["service_key"] is False
    [row] = audits(api, "conversation_flagged")
    assert row.actor == "agent:Ana Lima" and row.detail["person"] == "Ana Lima"


def test_console_actions_are_recorded_as_the_keys_person(api: Harness) -> None:
    api.post_message("hello", wait=True)
    agent = TestClient(api.client.app)
    sign_in(agent, "Ana Lima", "agent-key")
    token = page_token(agent, "/conversations/conv-1")
    flag = {"csrf_token": token, "level": "high", "category": "suicide", "note": ""}
    assert agent.post("/conversations/conv-1/flag", data=flag, follow_redirects=False).status_code == 303
    responder = TestClient(api.client.app)
    sign_in(responder, "", "responder-key")  # a person's key needs no name typed: it is the person
    code = api.client.get("/v1/incidents", headers=auth("agent")).json()["incidents"][0]["code"]
    ack_token = page_token(responder, f"/incidents/{code}")

    responder.post(f"/incidents/{code}/ack", data={"csrf_token": ack_token}, follow_redirects=False)

    detail = api.client.get(f"/v1/incidents/{code}", headers=auth("agent")).json()
    assert detail["acknowledged_by"] == "Dana Reyes"
    [flagged] = audits(api, "conversation_flagged")
    assert flagged.actor == "agent:Ana Lima" and flagged.detail["person"] == "Ana Lima"
    signed_in = {row.actor: row.detail for row in audits(api, "console_signed_in")}
    assert signed_in["responder:Dana Reyes"]["service_key"] is False


def test_keys_in_the_environment_take_either_shape(
    make_api: Callable[..., Harness], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(
        "STAYLINE_API_KEYS",
        '{"old-shape": "responder", "new-shape": {"role": "responder", "person": "Dana Reyes"}}',
    )
    ring = KeyRing(Settings().api_keys)
    old, new = ring.lookup("old-shape"), ring.lookup("new-shape")
    assert old is not None and (old.role.value, old.person) == ("responder", None)
    assert new is not None and (new.role.value, new.person) == ("responder", "Dana Reyes")
    with pytest.raises(ValueError, match="not people"):
        KeyRing({"k": {"role": "ingest", "person": "Ana Lima"}})
    with pytest.raises(ValueError, match="each value is a role"):
        KeyRing({"k": {"role": "agent", "name": "Ana Lima"}})

    # An old-shape responder key still works, as a service key: the name it gives is marked as such.
    api = make_api(api_keys=KEYS | {"old-shape": "responder"})
    incident = api.flag(level="high").json()
    assert ack(api, incident, "old-shape", responder="Dana Reyes").status_code == 200
    [row] = audits(api, "acknowledged_with_key")
    assert (row.detail["service_key"], row.detail["named"]) == (True, "Dana Reyes")
