"""The same routes on PostgreSQL (row locks, aggregate types): skipped where no server is reachable."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from detector import Detector
from escalation.links import sign_link
from tests.api.conftest import CRISIS, T0, Harness, auth, harness_for


@pytest.fixture
def pg_api(postgres_url: str, detector: Detector) -> Iterator[Harness]:
    with harness_for(postgres_url, detector) as harness:
        yield harness


def test_a_crisis_message_pages_and_is_acknowledged_on_postgres(pg_api: Harness) -> None:
    api = pg_api
    scanned = api.post_message(CRISIS, wait=True).json()
    incident_id = scanned["incident_id"]
    assert incident_id is not None

    view = api.client.get("/v1/conversations/conv-1", headers=auth("agent")).json()
    acked = api.client.post("/r/" + sign_link("test", incident_id, "Dana Reyes", T0, 600))
    resolved = api.client.post(f"/v1/incidents/{incident_id}/resolve", headers=auth("responder"))

    assert view["incident"]["id"] == incident_id
    assert view["evidence"][0]["signals"]
    assert "Acknowledged by Dana Reyes" in acked.text
    assert resolved.json()["state"] == "resolved"
    assert api.client.get("/readyz").status_code == 200


def test_metrics_and_flags_on_postgres(pg_api: Harness) -> None:
    api = pg_api
    flagged = api.flag("conv-pg", "high").json()
    api.post_message("hello")
    api.clock.advance(10)

    metrics = api.client.get("/metrics").text

    assert flagged["state"] == "paging"
    assert "stayline_messages_stored_total 1.0" in metrics
    assert 'stayline_incidents_open{state="paging"} 1.0' in metrics
    assert "stayline_sweep_lag_seconds 10.0" in metrics


def test_two_responders_acknowledging_at_once_leave_one_holder_on_postgres(pg_api: Harness) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from sqlmodel import select

    from store.db import session_scope
    from store.models import AcknowledgementRow

    api = pg_api
    incident = api.flag(level="high").json()

    def ack(person: tuple[str, str]) -> int:
        # Each responder with their own key: a key acts only as its person.
        responder, key = person
        url = f"/v1/incidents/{incident['id']}/ack"
        return int(api.client.post(url, json={"responder": responder}, headers=auth(key)).status_code)

    with ThreadPoolExecutor(2) as pool:
        codes = sorted(pool.map(ack, [("Dana Reyes", "responder"), ("Sam Okafor", "sam")]))

    assert codes == [200, 409]
    with session_scope(api.url) as session:
        acks = session.exec(select(AcknowledgementRow.responder)).all()
    assert len(acks) == 1 and api.incident(incident["id"]).acknowledged_by == acks[0]
