"""API keys and roles: 401 without a valid key, 403 with the wrong role, admin everywhere."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from api.auth import KeyRing
from tests.api.conftest import Harness, TestClient, auth

MESSAGE = {
    "conversation_id": "conv-9",
    "channel": "sms",
    "sender": "customer",
    "text": "hello",
    "sent_at": "2025-03-04T14:59:00Z",
}


def test_no_key_is_401_and_an_unknown_key_is_401(api: Harness) -> None:
    missing = api.client.get("/v1/incidents")
    unknown = api.client.get("/v1/incidents", headers={"Authorization": "Bearer nope"})

    assert (missing.status_code, missing.json()["error"]) == (401, "unauthorized")
    assert (unknown.status_code, unknown.json()["detail"]) == (401, "unknown API key")
    assert missing.headers["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize(
    ("method", "path", "role", "body"),
    [
        ("post", "/v1/conversations/conv-1/flag", "ingest", {"level": "high"}),
        ("post", "/v1/conversations/conv-1/flag", "responder", {"level": "high"}),
        ("get", "/v1/incidents", "ingest", None),
        ("post", "/v1/incidents/x/ack", "agent", {"responder": "Dana Reyes"}),
        ("post", "/v1/incidents/x/resolve", "ingest", None),
        ("post", "/v1/messages", "responder", MESSAGE),
        ("get", "/v1/events", "ingest", None),
    ],
)
def test_the_wrong_role_is_403(api: Harness, method: str, path: str, role: str, body: object) -> None:
    response = api.client.request(method.upper(), path, json=body, headers=auth(role))

    assert response.status_code == 403
    assert response.json()["error"] == "forbidden"


def test_the_key_may_come_as_x_api_key(api: Harness) -> None:
    response = api.client.post("/v1/messages", json=MESSAGE, headers={"X-API-Key": "ingest-key"})

    assert response.status_code == 202


def test_admin_is_admitted_everywhere(api: Harness) -> None:
    assert api.post_message("hello", role="admin").status_code == 202
    assert api.client.get("/v1/incidents", headers=auth("admin")).status_code == 200
    flagged = api.client.post(
        "/v1/conversations/conv-1/flag", json={"level": "moderate"}, headers=auth("admin")
    )
    assert flagged.status_code == 200


def test_without_keys_only_loopback_clients_are_served_as_admin(make_api: Callable[..., Harness]) -> None:
    api = make_api(api_keys={})
    app = api.client.app

    with (
        TestClient(app, client=("127.0.0.1", 50000)) as local,
        TestClient(app, client=("10.1.2.3", 5)) as remote,
    ):
        assert local.get("/v1/incidents").status_code == 200
        assert local.post("/v1/incidents/x/resolve").status_code == 404  # admitted, and nothing is there
        refused = remote.get("/v1/incidents")
        assert refused.status_code == 401
        assert "loopback" in refused.json()["detail"]


def test_a_key_with_an_unknown_role_stops_start_up() -> None:
    with pytest.raises(ValueError, match="unknown role 'root'"):
        KeyRing({"k": "root"})
