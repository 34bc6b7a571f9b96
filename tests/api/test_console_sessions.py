"""Console sessions live in the database: sign-out, idleness, a key's removal or revocation and a
supervisor end them, and a saved copy of the cookie opens nothing afterwards."""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import select

from api.app import create_app
from store.db import session_scope
from store.models import AuditEventRow, ConsoleSessionRow, IncidentRow
from tests.api.conftest import CRISIS, KEYS, Harness, TestClient, auth
from tests.api.console_helpers import page_token, sign_in
from workers.runtime import Runtime


def saved_cookie(client: TestClient) -> TestClient:
    """Another browser holding a copy of ``client``'s session cookie, as an attacker would."""
    return TestClient(client.app, cookies={"stayline_session": client.cookies["stayline_session"]})


def opens_floor(client: TestClient) -> bool:
    return client.get("/supervisor", follow_redirects=False).status_code == 200


def ended(api: Harness) -> list[tuple[str, str | None]]:
    with session_scope(api.url) as session:
        rows = session.exec(select(ConsoleSessionRow).order_by(ConsoleSessionRow.created_at)).all()
        return [(r.name, r.ended_reason) for r in rows]


def test_after_sign_out_a_saved_cookie_opens_nothing_and_cannot_resolve(api: Harness) -> None:
    api.post_message(CRISIS, wait=True)
    browser = TestClient(api.client.app)
    sign_in(browser, "Dana Reyes", "responder-key")
    copy = saved_cookie(browser)
    assert opens_floor(copy)
    code = api.client.get("/v1/incidents", headers=auth("responder")).json()["incidents"][0]["code"]
    resolve_token = page_token(copy, f"/incidents/{code}")

    browser.post("/logout", data={"csrf_token": page_token(browser, "/supervisor")})

    assert not opens_floor(copy)
    refused = copy.post(
        f"/incidents/{code}/resolve",
        data={"csrf_token": resolve_token, "confirm": "yes"},
        follow_redirects=False,
    )
    assert refused.status_code == 303 and refused.headers["location"].startswith("/login")
    with session_scope(api.url) as session:
        assert session.exec(select(IncidentRow.state)).one() != "resolved"
    assert ended(api) == [("Dana Reyes", "signed_out")]


def test_removing_a_key_from_the_environment_ends_its_sessions_at_restart(
    make_api: Callable[..., Harness],
) -> None:
    api = make_api()
    sign_in(api.client, "Dana Reyes", "responder-key")
    token = api.client.cookies["stayline_session"]
    without_dana = {k: v for k, v in KEYS.items() if k != "responder-key"}
    settings = api.runtime.settings.model_copy(update={"api_keys": without_dana})
    restarted = create_app(Runtime(settings, api.dispatcher, api.clock, _detector=api.runtime.detector))
    with TestClient(restarted, cookies={"stayline_session": token}) as copy:
        assert not opens_floor(copy)
    assert ended(api) == [("Dana Reyes", "key_revoked")]


def test_a_session_ends_after_the_idle_timeout_but_not_while_in_use(make_api: Callable[..., Harness]) -> None:
    api = make_api(session_idle_minutes=30)
    sign_in(api.client, "Sol Mendez", "admin-key")
    for _ in range(4):  # an hour and more of use, a request every 20 minutes
        api.clock.advance(20 * 60)
        assert opens_floor(api.client)
    api.clock.advance(31 * 60)
    assert not opens_floor(api.client)
    assert ended(api) == [("Sol Mendez", "idle")]


def test_a_supervisor_sees_active_sessions_and_ends_one(api: Harness) -> None:
    supervisor, agent, gone = (TestClient(api.client.app) for _ in range(3))
    sign_in(supervisor, "Sol Mendez", "admin-key")
    sign_in(agent, "Ana Lima", "agent-key")
    sign_in(gone, "Bo Chen", "bo-key")
    gone.post("/logout", data={"csrf_token": page_token(gone, "/conversations")})

    floor = supervisor.get("/supervisor").text
    panel = floor[floor.index('id="sessions"') :]
    assert "Ana Lima" in panel and "Sol Mendez" in panel and "Bo Chen" not in panel
    with session_scope(api.url) as session:
        ana = session.exec(select(ConsoleSessionRow).where(ConsoleSessionRow.name == "Ana Lima")).one()
    assert f"/supervisor/sessions/{ana.id}/end" in panel

    response = supervisor.post(
        f"/supervisor/sessions/{ana.id}/end",
        data={"csrf_token": page_token(supervisor, "/supervisor")},
        follow_redirects=False,
    )

    assert response.status_code == 303
    assert agent.get("/conversations", follow_redirects=False).status_code == 303
    assert opens_floor(supervisor)
    with session_scope(api.url) as session:
        row = session.get(ConsoleSessionRow, ana.id)
        assert row is not None and (row.ended_reason, row.ended_by) == (
            "ended_by_supervisor",
            "admin:Sol Mendez",
        )
        audit = session.exec(
            select(AuditEventRow).where(AuditEventRow.action == "console_session_ended")
        ).one()
        assert audit.actor == "admin:Sol Mendez" and audit.detail["of"] == "agent:Ana Lima"


def test_an_agent_cannot_end_sessions(api: Harness) -> None:
    agent = TestClient(api.client.app)
    sign_in(agent, "Ana Lima", "agent-key")
    with session_scope(api.url) as session:
        own = session.exec(select(ConsoleSessionRow)).one()
    token = page_token(agent, "/conversations")
    refused = agent.post(f"/supervisor/sessions/{own.id}/end", data={"csrf_token": token})
    assert refused.status_code == 403
    assert ended(api) == [("Ana Lima", None)]


def test_the_cookie_is_a_random_token_and_the_table_keeps_only_its_digest(api: Harness) -> None:
    sign_in(api.client, "Ana Lima", "agent-key")
    token = api.client.cookies["stayline_session"]
    with session_scope(api.url) as session:
        row = session.exec(select(ConsoleSessionRow)).one()
    assert len(token) >= 40 and token not in (row.token_digest, row.id)
    assert (row.person, row.role) == ("Ana Lima", "agent")
