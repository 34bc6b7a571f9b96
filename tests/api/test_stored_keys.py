"""Keys made with `stayline keys create` are stored hashed and work at once, with their role."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import CliRunner
from sqlmodel import select

from stayline_cli.main import cli
from store.db import session_scope
from store.models import ApiKeyRow
from tests.api.conftest import Harness


def create_key(url: str, role: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("STAYLINE_DATABASE_URL", url)
    from config.settings import get_settings

    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["keys", "create", "--role", role, "--label", "test"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    return result.stdout.strip().splitlines()[0]


def test_a_created_key_authenticates_with_its_role_and_is_stored_hashed(
    make_api: Callable[..., Harness], monkeypatch: pytest.MonkeyPatch
) -> None:
    api = make_api(api_keys={})
    key = create_key(api.url, "responder", monkeypatch)
    with session_scope(api.url) as session:
        rows = session.exec(select(ApiKeyRow)).all()
    assert [r.role for r in rows] == ["responder"] and key not in rows[0].digest
    headers = {"Authorization": f"Bearer {key}"}
    assert api.client.get("/v1/incidents", headers=headers).status_code == 200
    message = {
        "conversation_id": "c",
        "channel": "chat",
        "sender": "customer",
        "text": "hi",
        "sent_at": "2025-03-04T14:59:00+00:00",
    }
    assert (
        api.client.post("/v1/messages", json=message, headers=headers).status_code == 403
    )  # responders do not ingest
    assert api.client.get("/v1/incidents", headers={"Authorization": "Bearer sl_wrong"}).status_code == 401
    # Once a key exists, loopback callers without one are no longer admitted as admin.
    assert api.client.get("/v1/incidents").status_code == 401
