"""Who may read what: every GET route of the API is checked against an ingest key, which writes only."""

from __future__ import annotations

import re

from tests.api.conftest import CRISIS, Harness, auth

# Open to anyone by design: liveness, readiness and counts for the load balancer and Prometheus (no
# conversation, person or incident in them), and the signed link, whose token is the capability.
PUBLIC = {"/healthz", "/readyz", "/metrics", "/r/{token}"}


def _get_routes(api: Harness) -> list[str]:
    """Every GET the API documents (the console's pages sign people in; an ingest key cannot)."""
    paths = api.client.get("/openapi.json").json()["paths"]
    return sorted(path for path, operations in paths.items() if "get" in operations)


def _filled(path: str, incident: dict[str, str]) -> str:
    values = {"conversation_id": "conv-1", "incident": incident["code"]}
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "x"), path)


def test_an_ingest_key_reads_no_route_and_is_told_why(api: Harness) -> None:
    api.post_message(CRISIS, wait=True)
    incident = api.flag("conv-1", "high").json()
    guarded = [p for p in _get_routes(api) if p not in PUBLIC]
    assert "/v1/conversations/{conversation_id}" in guarded  # the route the issue found open

    for path in guarded:
        response = api.client.get(_filled(path, incident), headers=auth("ingest"))
        assert response.status_code == 403, path
        assert response.json()["error"] == "forbidden", path
        assert "role ingest may not do this" in response.json()["detail"], path


def test_agents_and_responders_still_read_a_conversation(api: Harness) -> None:
    api.post_message(CRISIS, wait=True)
    for role in ("agent", "responder", "admin"):
        response = api.client.get("/v1/conversations/conv-1", headers=auth(role))
        assert response.status_code == 200, role
        assert response.json()["evidence"], role
