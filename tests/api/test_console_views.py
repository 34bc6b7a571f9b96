"""The console's pages and forms against a real database and detector: what agents, responders and
supervisors see, and what their buttons change."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlmodel import select

from config.files import PACKAGED_CONFIG_DIR
from store.db import session_scope
from store.models import AuditEventRow, IncidentRow, PageRow
from tests.api.conftest import CRISIS, Harness, TestClient
from tests.api.console_helpers import alert_text, page_token, sign_in
from workers import config_status


def visible_text(html: str) -> str:
    """The page's words without its tags (times are wrapped in <time> elements)."""
    return re.sub(r"<[^>]+>", "", html)


def agent_client(api: Harness, name: str = "Ana Lima") -> TestClient:
    client = TestClient(api.client.app)
    sign_in(client, name, "agent-key")
    return client


RESPONDER_KEYS = {"Dana Reyes": "responder-key", "Sam Okafor": "sam-key"}  # each person's own key


def responder_client(api: Harness, name: str = "Dana Reyes") -> TestClient:
    client = TestClient(api.client.app)
    sign_in(client, name, RESPONDER_KEYS[name])
    return client


def flag(client: TestClient, conversation: str = "conv-1", **fields: str) -> httpx.Response:
    token = page_token(client, f"/conversations/{conversation}")
    data = {"csrf_token": token, "level": "high", "category": "suicide", "note": ""} | fields
    return client.post(f"/conversations/{conversation}/flag", data=data, follow_redirects=False)


def only_incident(api: Harness) -> IncidentRow:
    with session_scope(api.url) as session:
        (row,) = session.exec(select(IncidentRow)).all()
        return row


def test_the_agent_sees_the_evidence_highlighted_at_its_offsets(api: Harness) -> None:
    api.post_message("hi there, quick question about my bill", wait=True, sent_at="2025-03-04T14:58:00+00:00")
    api.post_message(CRISIS, wait=True)
    page = agent_client(api).get("/conversations/conv-1")
    assert '<mark class="evidence" title="evidence: means">saving up my tablets' in page.text
    assert "quick question about my bill" in page.text
    assert 'class="badge level-imminent"' in page.text
    assert page.text.index("quick question") < page.text.index("saving up")  # oldest first


def test_message_text_is_escaped_never_run(api: Harness) -> None:
    api.post_message('<script>alert("x")</script> <img src=x onerror=alert(1)> i want to die', wait=True)
    page = agent_client(api).get("/conversations/conv-1")
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    assert "&lt;script&gt;alert" in page.text


def test_flagging_opens_an_incident_pages_and_shows_the_playbook(api: Harness) -> None:
    api.post_message("can you close all my accounts", wait=True)
    agent = agent_client(api)
    response = flag(agent, note="asked to close everything")
    assert response.status_code == 303
    assert response.headers["location"] == "/conversations/conv-1#paging"
    incident = only_incident(api)
    assert (incident.level, incident.category, incident.opened_by) == ("high", "suicide", "agent")
    assert api.dispatcher.pages  # handed to the pager at once
    page = agent.get("/conversations/conv-1").text
    assert f'Paging responders for incident <a href="/incidents/{incident.code}">{incident.code}</a>' in page
    assert "Flagged by agent Ana Lima as high (suicide): “asked to close everything”" in page
    assert "Never say" in page and "Mark done" in page


def test_a_bad_flag_is_refused_with_a_reason_and_changes_nothing(api: Harness) -> None:
    api.post_message("hello", wait=True)
    agent = agent_client(api)
    for fields in ({"level": "catastrophic"}, {"category": "weather"}, {"note": "x" * 1001}):
        refused = flag(agent, **fields)
        assert refused.status_code == 422, fields
        assert alert_text(refused.text)
    token = page_token(agent, "/conversations/conv-1")
    missing = agent.post(
        "/conversations/no-such-conversation/flag",
        data={"csrf_token": token, "level": "high", "category": "suicide"},
    )
    assert missing.status_code == 404
    with session_scope(api.url) as session:
        assert session.exec(select(IncidentRow)).all() == []


def test_an_oversized_form_is_refused_before_it_is_read(make_api: Callable[..., Harness]) -> None:
    api = make_api(max_body_bytes=2048)
    api.post_message("hello", wait=True)
    agent = agent_client(api)
    token = page_token(agent, "/conversations/conv-1")
    response = agent.post(
        "/conversations/conv-1/flag",
        data={"csrf_token": token, "level": "high", "category": "suicide", "note": "x" * 5000},
    )
    assert response.status_code == 413
    with session_scope(api.url) as session:
        assert session.exec(select(IncidentRow)).all() == []


def test_unknown_conversations_and_incidents_get_a_not_found_page(api: Harness) -> None:
    agent = agent_client(api)
    assert agent.get("/conversations/nope").status_code == 404
    assert "There is no incident" in agent.get("/incidents/000000").text


def test_the_agent_ticks_a_checkpoint_and_the_playbook_records_it(api: Harness) -> None:
    api.post_message(CRISIS, wait=True)
    agent = agent_client(api)
    token = page_token(agent, "/conversations/conv-1")
    ticked = agent.post(
        "/conversations/conv-1/guidance",
        data={"csrf_token": token, "action": "check", "target": "asked_directly"},
        follow_redirects=False,
    )
    assert ticked.status_code == 303
    assert 'id="check-asked_directly"' not in agent.get("/conversations/conv-1").text
    with session_scope(api.url) as session:
        ticks = session.exec(
            select(AuditEventRow.actor).where(AuditEventRow.action == "guidance_checkpoint_ticked")
        )
        assert list(ticks) == ["agent:Ana Lima"]
    unknown = agent.post(
        "/conversations/conv-1/guidance", data={"csrf_token": token, "action": "explode", "target": "x"}
    )
    assert unknown.status_code == 422


def test_the_responder_acknowledges_and_a_second_responder_is_told_who_has_it(api: Harness) -> None:
    api.post_message(CRISIS, wait=True)
    code = only_incident(api).code
    dana = responder_client(api)
    page = dana.get(f"/incidents/{code}")
    assert "saving up my tablets" in page.text  # the evidence, behind sign-in
    assert "Call the contact-centre bridge" not in page.text  # chat: the chat join instructions
    assert "to be added to the chat" in page.text
    token = page_token(dana, f"/incidents/{code}")
    acked = dana.post(f"/incidents/{code}/ack", data={"csrf_token": token}, follow_redirects=False)
    assert acked.status_code == 303
    incident = only_incident(api)
    assert (incident.state, incident.acknowledged_by, incident.acknowledged_via) == (
        "acknowledged",
        "Dana Reyes",
        "console",
    )
    sam = responder_client(api, "Sam Okafor")
    late = sam.post(f"/incidents/{code}/ack", data={"csrf_token": page_token(sam, f"/incidents/{code}")})
    assert late.status_code == 409
    assert "Dana Reyes already has it" in alert_text(late.text)


def test_the_responder_resolves_and_the_incident_is_closed_for_good(api: Harness) -> None:
    api.post_message(CRISIS, wait=True)
    code = only_incident(api).code
    dana = responder_client(api)
    token = page_token(dana, f"/incidents/{code}")
    unconfirmed = dana.post(f"/incidents/{code}/resolve", data={"csrf_token": token})
    assert unconfirmed.status_code == 422
    assert only_incident(api).state != "resolved"
    confirmed = {"csrf_token": token, "confirm": "yes"}
    assert dana.post(f"/incidents/{code}/resolve", data=confirmed).status_code == 200
    assert only_incident(api).state == "resolved"
    again = dana.post(f"/incidents/{code}/resolve", data=confirmed)
    assert again.status_code == 409


def test_passing_on_pages_the_next_tier_now(api: Harness) -> None:
    api.post_message("hello", wait=True)
    flag(agent_client(api), level="high")
    code = only_incident(api).code
    dana = responder_client(api)
    passed = dana.post(f"/incidents/{code}/pass", data={"csrf_token": page_token(dana, f"/incidents/{code}")})
    assert passed.status_code == 200
    with session_scope(api.url) as session:
        tiers = {p.tier for p in session.exec(select(PageRow).where(PageRow.kind == "page"))}
        passes = session.exec(select(AuditEventRow).where(AuditEventRow.action == "page_passed")).all()
    assert tiers == {0, 1}
    assert [(p.actor, p.detail["tier"]) for p in passes] == [("responder:Dana Reyes", 0)]
    assert "Dana Reyes passed it on to the next tier" in passed.text


def test_the_floor_shows_open_incidents_on_call_and_config_status(api: Harness) -> None:
    api.post_message(CRISIS, wait=True)
    admin = TestClient(api.client.app)
    sign_in(admin, "Sol Mendez", "admin-key")
    floor = admin.get("/supervisor").text
    code = only_incident(api).code
    assert f'href="/incidents/{code}"' in floor
    assert "primary</strong>: Dana Reyes" in floor
    assert "Configuration check passed" in floor
    assert "Pages waiting for acknowledgement (" in floor


def test_the_event_stream_needs_a_session(api: Harness) -> None:
    anonymous = api.client.get("/console/events")
    assert anonymous.status_code == 401
    api.client.app.state.context.sse_max_seconds = 0.2
    agent = agent_client(api)
    with agent.stream("GET", "/console/events?conversation_id=conv-1") as stream:
        assert stream.status_code == 200
        assert stream.headers["content-type"].startswith("text/event-stream")
        assert next(stream.iter_text()).startswith("retry: 2000")


def test_the_floor_shows_alarms_that_reached_nobody(api: Harness) -> None:
    api.post_message(CRISIS, wait=True)
    with session_scope(api.url) as session:
        session.add(
            PageRow(
                idempotency_key="rota/primary/gap-1",
                incident_id="rota",
                kind="alarm",
                channel="console",
                level="high",
                category="none",
                status="failed",
                created_at=api.clock.now,
                updated_at=api.clock.now,
            )
        )
    admin = TestClient(api.client.app)
    sign_in(admin, "Sol Mendez", "admin-key")
    floor = admin.get("/supervisor").text
    assert "Alarms and unreached pages, last 24 hours (1)" in floor
    assert "Alarm by console: failed (rota)" in floor


def test_the_floor_reports_a_configuration_broken_on_disk(
    make_api: Callable[..., Harness], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "config"
    shutil.copytree(PACKAGED_CONFIG_DIR / "escalation", own / "escalation")
    monkeypatch.setenv("STAYLINE_CONFIG_DIR", str(own))
    monkeypatch.setattr(config_status, "_cache", None)
    api = make_api()
    admin = TestClient(api.client.app)
    sign_in(admin, "Sol Mendez", "admin-key")
    assert "Configuration check passed" in admin.get("/supervisor").text

    routing = own / "escalation" / "routing.yaml"
    routing.write_text(routing.read_text().replace("chain: on-call", "chain: no-such-chain"))
    monkeypatch.setattr(config_status, "_cache", None)  # the screen re-checks once a minute
    floor = admin.get("/supervisor").text
    assert "problem(s): fix them before the next deploy" in floor
    assert "no-such-chain" in floor


def test_the_responder_says_when_they_will_join_and_the_agent_sees_it(api: Harness) -> None:
    api.post_message(CRISIS, wait=True)
    code = only_incident(api).code
    dana = responder_client(api)
    token = page_token(dana, f"/incidents/{code}")
    refused = dana.post(f"/incidents/{code}/ack", data={"csrf_token": token, "eta": "soon"})
    assert refused.status_code == 422
    assert only_incident(api).state != "acknowledged"  # a bad choice acknowledges nothing

    dana.post(f"/incidents/{code}/ack", data={"csrf_token": token, "eta": "10"})
    incident = only_incident(api)
    assert incident.state == "acknowledged"
    assert incident.responder_eta == api.clock.now + timedelta(minutes=10)
    agent_page = visible_text(agent_client(api).get("/conversations/conv-1").text)
    assert "Dana Reyes has acknowledged and is joining by 15:10:00 UTC (in 10 min)" in agent_page
    assert "Dana Reyes expects to join in 10 min" in agent_page
    # Her own page keeps what she said (in her roster zone, New York) instead of "(not sure yet)".
    own = dana.get(f"/incidents/{code}").text
    assert '<option value="" selected>by 10:10:00 EST, as you said</option>' in own
    assert "(not sure yet)" not in own

    api.clock.advance(60)
    dana.post(f"/incidents/{code}/ack", data={"csrf_token": token, "eta": "0"})  # already there
    assert only_incident(api).responder_eta == api.clock.now
    assert "is joining by 15:01:00 UTC (now)" in visible_text(
        agent_client(api).get("/conversations/conv-1").text
    )
