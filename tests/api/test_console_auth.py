"""Console sign-in, sessions, roles and the anti-forgery checks on every form."""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import select

from store.db import session_scope
from store.models import AuditEventRow, IncidentRow
from tests.api.conftest import KEYS, Harness, TestClient
from tests.api.console_helpers import alert_text, page_token, sign_in


def test_pages_send_people_without_a_session_to_sign_in_and_back(api: Harness) -> None:
    api.post_message("hello", wait=True)
    first = api.client.get("/conversations/conv-1", follow_redirects=False)
    assert first.status_code == 303
    assert first.headers["location"] == "/login?next=%2Fconversations%2Fconv-1"

    signed = sign_in(api.client, "Ana Lima", "agent-key", "/conversations/conv-1")
    assert signed.status_code == 303
    assert signed.headers["location"] == "/conversations/conv-1"
    cookie = signed.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert api.client.get("/conversations/conv-1").status_code == 200


def test_sign_in_refuses_unknown_keys_ingest_keys_and_someone_elses_key(
    make_api: Callable[..., Harness],
) -> None:
    api = make_api(api_keys=KEYS | {"old-responder-key": "responder"})
    cases = {
        ("Ana Lima", "no-such-key"): (401, "That key is not known"),
        ("Ana Lima", "ingest-key"): (401, "Ingest keys are for channels"),
        ("Lee Park", "responder-key"): (403, "This key belongs to Dana Reyes"),
        ("Sam Okafor", "responder-key"): (403, "This key belongs to Dana Reyes"),
        ("Not On Roster", "old-responder-key"): (401, "name exactly as it is on the on-call roster"),
        ("   ", "automation-key"): (401, "Enter your name"),
    }
    for (name, key), (status, reason) in cases.items():
        refused = sign_in(api.client, name, key)
        assert refused.status_code == status, (name, key)
        assert reason in alert_text(refused.text)
        assert "stayline_session" not in refused.headers.get("set-cookie", "")
    assert sign_in(api.client, "dana  reyes", "responder-key").status_code == 303
    with session_scope(api.url) as session:
        refusals = session.exec(
            select(AuditEventRow).where(AuditEventRow.action == "console_sign_in_refused")
        )
        assert len(list(refusals)) == len(cases)


def test_sign_in_never_redirects_off_site(api: Harness) -> None:
    for target in ("//evil.example/x", "https://evil.example/", "/\\evil.example", "/\t/evil.example"):
        response = sign_in(TestClient(api.client.app), "Ana Lima", "agent-key", target)
        assert response.headers["location"] == "/conversations", target


def test_a_sign_in_form_without_its_cookie_is_not_accepted(api: Harness) -> None:
    form = api.client.get("/login")
    stranger = TestClient(api.client.app)  # never loaded the form, so holds no pre-session cookie
    token = form.text.split('name="csrf_token" value="')[1].split('"')[0]
    response = stranger.post("/login", data={"csrf_token": token, "name": "Ana", "key": "agent-key"})
    assert response.status_code == 400
    assert "expired" in alert_text(response.text)


def test_a_tampered_or_expired_session_counts_as_signed_out(make_api: Callable[..., Harness]) -> None:
    api = make_api(session_idle_minutes=24 * 60)  # so only the 12-hour limit can end it here
    api.post_message("hello", wait=True)
    sign_in(api.client, "Ana Lima", "agent-key")
    token = api.client.cookies["stayline_session"]
    forged = TestClient(
        api.client.app, cookies={"stayline_session": token[:-1] + ("A" if token[-1] != "A" else "B")}
    )
    assert forged.get("/conversations", follow_redirects=False).status_code == 303

    api.clock.advance(11 * 3600)
    assert api.client.get("/conversations", follow_redirects=False).status_code == 200
    api.clock.advance(2 * 3600)  # past a 12-hour shift, however active
    assert api.client.get("/conversations", follow_redirects=False).status_code == 303


def test_each_role_sees_only_its_views(api: Harness) -> None:
    api.post_message("hello", wait=True)
    agent, responder = TestClient(api.client.app), TestClient(api.client.app)
    sign_in(agent, "Ana Lima", "agent-key")
    sign_in(responder, "Dana Reyes", "responder-key")

    assert agent.get("/supervisor").status_code == 403
    conversation = responder.get("/conversations/conv-1")
    assert conversation.status_code == 200
    assert "Flag this conversation" not in conversation.text  # responders read; agents flag
    assert "Flag this conversation" in agent.get("/conversations/conv-1").text
    assert responder.get("/supervisor").status_code == 200

    flag_token = page_token(responder, "/supervisor")
    refused = responder.post("/conversations/conv-1/flag", data={"csrf_token": flag_token, "level": "high"})
    assert refused.status_code == 403
    assert "for agent sign-ins" in alert_text(refused.text)


def test_forms_without_a_valid_token_or_from_another_site_change_nothing(api: Harness) -> None:
    api.post_message("hello", wait=True)
    sign_in(api.client, "Ana Lima", "agent-key")
    token = page_token(api.client, "/conversations/conv-1")
    flag = {"level": "high", "category": "suicide", "note": ""}
    forged = [
        api.client.post("/conversations/conv-1/flag", data=flag),
        api.client.post("/conversations/conv-1/flag", data=flag | {"csrf_token": token[:-2] + "xx"}),
        api.client.post(
            "/conversations/conv-1/flag",
            data=flag | {"csrf_token": token},
            headers={"Origin": "https://evil.example"},
        ),
        api.client.post(
            "/conversations/conv-1/flag", data=flag | {"csrf_token": token}, headers={"Origin": "null"}
        ),
    ]
    assert [r.status_code for r in forged] == [403, 403, 403, 403]
    with session_scope(api.url) as session:
        assert session.exec(select(IncidentRow)).all() == []

    other = TestClient(api.client.app)
    sign_in(other, "Bo Chen", "bo-key")
    stolen = other.post("/conversations/conv-1/flag", data=flag | {"csrf_token": token})
    assert stolen.status_code == 403  # a token is bound to its own session


def test_sign_in_and_sign_out_are_audited_and_sign_out_needs_the_token(api: Harness) -> None:
    sign_in(api.client, "Ana Lima", "agent-key")
    token = page_token(api.client, "/conversations")
    assert api.client.post("/logout", data={"csrf_token": "wrong"}).status_code == 403
    out = api.client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert out.status_code == 303
    assert api.client.get("/conversations", follow_redirects=False).status_code == 303
    with session_scope(api.url) as session:
        actions = session.exec(select(AuditEventRow.actor).where(AuditEventRow.action == "console_signed_in"))
        assert list(actions) == ["agent:Ana Lima"]


def test_without_keys_a_loopback_browser_signs_in_as_admin_without_a_key(
    make_api: Callable[..., Harness],
) -> None:
    api = make_api(api_keys={})
    local = TestClient(api.client.app, client=("127.0.0.1", 50000))
    remote = TestClient(api.client.app, client=("10.1.2.3", 5))
    assert "leave it empty" in local.get("/login").text
    assert sign_in(local, "Sol Mendez", "").headers["location"] == "/supervisor"
    assert sign_in(remote, "Sol Mendez", "").status_code == 401


def test_console_pages_forbid_scripts_from_elsewhere_and_framing(api: Harness) -> None:
    page = api.client.get("/login")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert page.headers["cache-control"] == "no-store"
