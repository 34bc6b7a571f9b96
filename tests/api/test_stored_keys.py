"""Keys made with `stayline keys`: stored hashed, bound to a person (or a service key), listed, revoked
and rotated; a revocation takes effect on the API at the next request."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import CliRunner, Result
from sqlmodel import select

from stayline_cli.main import cli
from store.db import session_scope
from store.models import ApiKeyRow, AuditEventRow
from tests.api.conftest import Harness, TestClient
from tests.api.console_helpers import sign_in

MESSAGE = {
    "conversation_id": "c",
    "channel": "chat",
    "sender": "customer",
    "text": "hi",
    "sent_at": "2025-03-04T14:59:00+00:00",
}


def run_keys(url: str, monkeypatch: pytest.MonkeyPatch, *args: str) -> Result:
    monkeypatch.setenv("STAYLINE_DATABASE_URL", url)
    monkeypatch.setenv("STAYLINE_API_KEYS", "{}")
    from config.settings import get_settings

    get_settings.cache_clear()
    try:
        return CliRunner().invoke(cli, ["keys", *args])
    finally:
        get_settings.cache_clear()


def create_key(
    url: str, role: str, monkeypatch: pytest.MonkeyPatch, person: str | None = None, label: str = "test"
) -> str:
    extra = ["--person", person] if person else []
    result = run_keys(url, monkeypatch, "create", "--role", role, "--label", label, *extra)
    assert result.exit_code == 0, result.output
    return result.stdout.strip().splitlines()[0]


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_a_created_key_authenticates_with_its_role_and_is_stored_hashed(
    make_api: Callable[..., Harness], monkeypatch: pytest.MonkeyPatch
) -> None:
    api = make_api(api_keys={})
    key = create_key(api.url, "responder", monkeypatch, person="Dana Reyes")
    with session_scope(api.url) as session:
        rows = session.exec(select(ApiKeyRow)).all()
    assert [(r.role, r.person) for r in rows] == [("responder", "Dana Reyes")]
    assert key not in rows[0].digest and rows[0].prefix == key[:8]
    assert api.client.get("/v1/incidents", headers=bearer(key)).status_code == 200
    # responders do not ingest
    assert api.client.post("/v1/messages", json=MESSAGE, headers=bearer(key)).status_code == 403
    assert api.client.get("/v1/incidents", headers=bearer("sl_wrong")).status_code == 401
    # Once a key exists, loopback callers without one are no longer admitted as admin.
    assert api.client.get("/v1/incidents").status_code == 401


def test_people_keys_need_a_person_and_responders_must_be_on_the_roster(
    make_api: Callable[..., Harness], monkeypatch: pytest.MonkeyPatch
) -> None:
    api = make_api(api_keys={})
    refused = {
        ("responder",): "give --person",
        ("agent",): "give --person",
        ("responder", "--person", "Not On Roster"): "not on the on-call roster",
        ("ingest", "--person", "Ana Lima"): "not people",
    }
    for args, reason in refused.items():
        result = run_keys(api.url, monkeypatch, "create", "--role", *args)
        assert result.exit_code != 0 and reason in result.output, args
    assert create_key(api.url, "ingest", monkeypatch).startswith("sl_")  # a service key
    assert create_key(api.url, "admin", monkeypatch, label="nightly export").startswith("sl_")
    with session_scope(api.url) as session:
        assert sorted(r.role for r in session.exec(select(ApiKeyRow)).all()) == ["admin", "ingest"]


def test_keys_are_listed_with_prefix_role_person_and_last_use(
    make_api: Callable[..., Harness], monkeypatch: pytest.MonkeyPatch
) -> None:
    api = make_api(api_keys={})
    dana = create_key(api.url, "responder", monkeypatch, person="Dana Reyes")
    create_key(api.url, "ingest", monkeypatch, label="chat widget")
    api.client.get("/v1/incidents", headers=bearer(dana))

    listing = run_keys(api.url, monkeypatch, "list")

    assert listing.exit_code == 0, listing.output
    lines = listing.stdout.splitlines()
    assert lines[0].split()[:4] == ["ID", "PREFIX", "ROLE", "PERSON"]
    dana_line = next(line for line in lines if "Dana Reyes" in line)
    ingest_line = next(line for line in lines if "ingest" in line)
    assert dana[:8] in dana_line and "active" in dana_line and "never" not in dana_line  # used
    assert "(service key)" in ingest_line and "never" in ingest_line and "chat widget" in ingest_line
    assert dana not in listing.stdout  # never the key itself


def test_a_revoked_key_is_refused_at_the_next_request_and_its_sessions_end(
    make_api: Callable[..., Harness], monkeypatch: pytest.MonkeyPatch
) -> None:
    api = make_api(api_keys={})
    key = create_key(api.url, "responder", monkeypatch, person="Dana Reyes")
    browser = TestClient(api.client.app)
    assert sign_in(browser, "Dana Reyes", key).status_code == 303
    assert browser.get("/supervisor").status_code == 200
    assert api.client.get("/v1/incidents", headers=bearer(key)).status_code == 200

    result = run_keys(api.url, monkeypatch, "revoke", key[:8])

    assert result.exit_code == 0, result.output
    assert "1 console session(s) ended" in result.stdout
    assert api.client.get("/v1/incidents", headers=bearer(key)).status_code == 401
    assert browser.get("/supervisor", follow_redirects=False).status_code == 303  # to sign-in
    with session_scope(api.url) as session:
        row = session.exec(select(AuditEventRow).where(AuditEventRow.action == "key_revoked")).one()
        assert row.actor.startswith("cli") and row.detail["sessions_ended"] == 1


def test_rotating_gives_a_new_key_for_the_same_person_and_retires_the_old(
    make_api: Callable[..., Harness], monkeypatch: pytest.MonkeyPatch
) -> None:
    api = make_api(api_keys={})
    old = create_key(api.url, "responder", monkeypatch, person="Sam Okafor", label="Sam's phone")
    with session_scope(api.url) as session:
        old_id = f"key-{session.exec(select(ApiKeyRow.digest)).one()[:10]}"

    rotated = run_keys(api.url, monkeypatch, "rotate", old_id)

    assert rotated.exit_code == 0, rotated.output
    new = rotated.stdout.strip().splitlines()[0]
    assert new.startswith("sl_") and new != old
    assert api.client.get("/v1/incidents", headers=bearer(old)).status_code == 401
    assert api.client.get("/v1/incidents", headers=bearer(new)).status_code == 200
    with session_scope(api.url) as session:
        rows = {r.revoked_at is None: r for r in session.exec(select(ApiKeyRow)).all()}
    assert (rows[True].person, rows[True].role, rows[True].label) == (
        "Sam Okafor",
        "responder",
        "Sam's phone",
    )
    again = run_keys(api.url, monkeypatch, "rotate", old_id)
    assert again.exit_code != 0 and "already revoked" in again.output
    ambiguous = run_keys(api.url, monkeypatch, "revoke", "nothing-like-this")
    assert ambiguous.exit_code != 0 and "no key matches" in ambiguous.output


def test_revoking_every_stored_key_does_not_reopen_the_loopback_default(
    make_api: Callable[..., Harness], monkeypatch: pytest.MonkeyPatch
) -> None:
    api = make_api(api_keys={})
    key = create_key(api.url, "admin", monkeypatch)
    run_keys(api.url, monkeypatch, "revoke", key[:8])
    local = TestClient(api.client.app, client=("127.0.0.1", 50000))
    assert local.get("/v1/incidents").status_code == 401
