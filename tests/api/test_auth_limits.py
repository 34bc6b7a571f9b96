"""Failed authentication is slowed per address and per claimed name: 429 with Retry-After, audited."""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import select

from api.auth_limits import InMemoryFailureLimiter, address_subject, name_subject
from store.db import session_scope
from store.models import AuditEventRow
from tests.api.conftest import Harness, TestClient
from tests.api.console_helpers import alert_text, sign_in


def actions(api: Harness) -> list[str]:
    with session_scope(api.url) as session:
        return list(session.exec(select(AuditEventRow.action).order_by(AuditEventRow.id)).all())


def incidents(client: TestClient, key: str) -> int:
    return client.get("/v1/incidents", headers={"Authorization": f"Bearer {key}"}).status_code


def test_wrong_api_keys_from_one_address_are_answered_429_even_the_right_one(
    make_api: Callable[..., Harness],
) -> None:
    api = make_api(auth_failures_per_address=3)
    guesser = TestClient(api.client.app, client=("192.0.2.7", 4000))
    elsewhere = TestClient(api.client.app, client=("198.51.100.9", 4000))

    answers = [incidents(guesser, f"guess-{n}") for n in range(4)]
    blocked = guesser.get("/v1/incidents", headers={"Authorization": "Bearer agent-key"})

    assert answers == [401, 401, 401, 429]
    assert blocked.status_code == 429 and 1 <= int(blocked.headers["Retry-After"]) <= 300
    assert blocked.json()["error"] == "rate_limited"
    assert incidents(elsewhere, "agent-key") == 200  # another address is not held up
    assert actions(api) == ["auth_failed", "auth_failed", "auth_failed", "auth_rate_limited"]
    with session_scope(api.url) as session:
        row = session.exec(select(AuditEventRow).where(AuditEventRow.action == "auth_failed")).first()
        assert row is not None and row.detail["address"] == "192.0.2.7" and "guess" not in str(row.detail)


def test_the_block_lifts_when_the_window_moves_on(make_api: Callable[..., Harness]) -> None:
    api = make_api()
    now = [1000.0]
    api.client.app.state.context.auth_failures = InMemoryFailureLimiter({"addr": 2}, 60, clock=lambda: now[0])

    assert [incidents(api.client, "wrong") for _ in range(3)] == [401, 401, 429]
    now[0] += 61
    assert incidents(api.client, "agent-key") == 200


def test_console_sign_ins_naming_one_person_are_limited_from_any_address(
    make_api: Callable[..., Harness],
) -> None:
    api = make_api(auth_failures_per_name=2, auth_failures_per_address=100)
    attempts = [
        sign_in(TestClient(api.client.app, client=(f"203.0.113.{n}", 5000)), "Dana Reyes", f"guess-{n}")
        for n in range(3)
    ]
    other_name = sign_in(TestClient(api.client.app, client=("203.0.113.1", 5000)), "Ana Lima", "agent-key")

    assert [a.status_code for a in attempts] == [401, 401, 429]
    assert attempts[2].headers["Retry-After"].isdigit()
    assert "Too many failed sign-ins" in alert_text(attempts[2].text)
    assert other_name.status_code == 303
    assert actions(api).count("console_sign_in_refused") == 2
    assert "auth_rate_limited" in actions(api)
    # The same person typed differently is the same name.
    respaced = sign_in(
        TestClient(api.client.app, client=("203.0.113.50", 1)), " dana   REYES", "responder-key"
    )
    assert respaced.status_code == 429


def test_console_sign_ins_from_one_address_are_limited(make_api: Callable[..., Harness]) -> None:
    api = make_api(auth_failures_per_address=3, auth_failures_per_name=100)
    answers = [sign_in(api.client, f"Person {n}", "wrong").status_code for n in range(4)]
    assert answers == [401, 401, 401, 429]


def test_the_limiter_counts_each_subject_in_a_sliding_window() -> None:
    now = [0.0]
    limiter = InMemoryFailureLimiter({"addr": 2, "name": 0}, 100, clock=lambda: now[0])
    subjects = [address_subject("10.0.0.1"), name_subject("Dana Reyes")]
    assert limiter.failed(subjects) is None
    now[0] = 50
    assert limiter.failed(subjects) == 50  # the first failure leaves the window in 50 s
    assert limiter.wait([address_subject("10.0.0.2")]) is None
    assert limiter.wait([name_subject("Dana Reyes")]) is None  # a budget of 0 turns names off
    now[0] = 101
    assert limiter.wait(subjects) is None
    assert name_subject("  dana\tREYES ") == name_subject("Dana Reyes")
