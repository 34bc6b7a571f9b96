"""An agent's flag on a conversation no channel ever sent still pages (an unmonitored phone call), and is
recorded and shown as a manual flag with no messages, under the agent's person."""

from __future__ import annotations

from sqlmodel import select

from store.db import session_scope
from store.models import AuditEventRow
from tests.api.conftest import Harness, TestClient, auth
from tests.api.console_helpers import sign_in


def test_a_flag_on_an_unknown_conversation_pages_and_is_recorded_as_a_manual_flag(api: Harness) -> None:
    response = api.flag("call-4471", level="imminent")

    assert response.status_code == 200
    body = response.json()
    assert (body["level"], body["state"]) == ("imminent", "paging")
    assert body["flag"] == {"by": "Ana Lima", "service_key": False, "manual": True, "messages": 0}
    assert api.pages(body["id"]) and api.dispatcher.pages  # the page went out all the same
    conversation = api.client.get("/v1/conversations/call-4471", headers=auth("agent")).json()
    assert (conversation["origin"], conversation["messages"]) == ("manual_flag", 0)
    with session_scope(api.url) as session:
        row = session.exec(select(AuditEventRow).where(AuditEventRow.action == "conversation_flagged")).one()
    assert row.actor == "agent:Ana Lima"
    assert (row.detail["manual"], row.detail["messages"], row.detail["person"]) == (True, 0, "Ana Lima")


def test_the_console_shows_a_manual_flag_as_such(api: Harness) -> None:
    code = api.flag("call-4471", level="imminent").json()["code"]
    responder, agent = TestClient(api.client.app), TestClient(api.client.app)
    sign_in(responder, "Dana Reyes", "responder-key")
    sign_in(agent, "Ana Lima", "agent-key")

    incident_page = responder.get(f"/incidents/{code}").text
    conversation_page = agent.get("/conversations/call-4471").text
    listing = agent.get("/conversations").text

    assert (
        'id="manual-flag"' in incident_page
        and "Manual flag</strong> by agent <strong>Ana Lima" in incident_page
    )
    assert 'id="manual-flag"' in conversation_page and "no messages from any channel" in conversation_page
    assert "manual flag" in listing


def test_a_flag_on_a_conversation_with_messages_is_not_manual(api: Harness) -> None:
    api.post_message("hello", wait=True)

    body = api.flag().json()

    assert (body["flag"]["manual"], body["flag"]["messages"]) == (False, 1)
    conversation = api.client.get("/v1/conversations/conv-1", headers=auth("agent")).json()
    assert conversation["origin"] == "messages"
