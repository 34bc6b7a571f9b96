"""/healthz, /readyz and /metrics."""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import select

from store.db import session_scope
from store.models import PageRow
from tests.api.conftest import CRISIS, Harness

METRICS = (
    "stayline_messages_stored_total",
    "stayline_messages_scanned_total",
    "stayline_assessments_total",
    "stayline_incidents_open",
    "stayline_pages_total",
    "stayline_time_to_first_page_seconds",
    "stayline_sweep_lag_seconds",
)


def samples(text: str) -> dict[str, float]:
    return {
        line.rsplit(" ", 1)[0]: float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        if line and not line.startswith("#")
    }


def test_health_and_readiness(api: Harness) -> None:
    assert api.client.get("/healthz").json() == {"status": "ok"}
    ready = api.client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"] == {
        "database": "ok",
        "broker": "in-process",
        "canary": "ok",
        "sweep": "not yet run",
        "guidance": "ok",
        "channels": "ok",
    }
    assert ready.json()["canary_age_seconds"] is None  # no canary has run yet in this fresh database


def test_a_stale_canary_makes_the_service_unready(api: Harness) -> None:
    from workers.canary import send_canary
    from workers.messages import scan_message

    send_canary(api.runtime)
    scan_message(api.runtime, api.dispatcher.scans[-1])
    assert api.client.get("/readyz").status_code == 200
    assert "stayline_canary_age_seconds 0.0" in api.client.get("/metrics").text
    api.clock.advance(3 * api.runtime.settings.canary_seconds + 1)
    stale = api.client.get("/readyz")
    assert stale.status_code == 503 and stale.json()["checks"]["canary"] == "stalled"


def test_a_late_sweep_makes_the_service_unready_and_alarms_the_console(api: Harness) -> None:
    from workers.sweeper import Sweeper, check_sweep

    started = api.clock.now
    Sweeper(api.runtime, 1.0).run_once()
    assert api.client.get("/readyz").json()["checks"]["sweep"] == "ok"
    assert check_sweep(api.runtime, started)
    api.clock.advance(api.runtime.settings.sweep_late_seconds + 1)  # every worker is gone

    late = api.client.get("/readyz")
    alarmed = [check_sweep(api.runtime, started) for _ in range(2)]

    assert late.status_code == 503 and late.json()["checks"]["sweep"] == "late"
    assert late.json()["sweep_age_seconds"] == api.runtime.settings.sweep_late_seconds + 1
    assert alarmed == [False, False]
    with session_scope(api.url) as session:
        alarms = session.exec(select(PageRow).where(PageRow.incident_id == "sweep")).all()
    assert [(a.kind, a.channel) for a in alarms] == [("alarm", "console")]  # raised once, not per check
    Sweeper(api.runtime, 1.0).run_once()  # a worker is back
    assert api.client.get("/readyz").status_code == 200


def test_no_sweep_since_start_alarms_too(api: Harness) -> None:
    from workers.sweeper import check_sweep

    started = api.clock.now
    api.clock.advance(api.runtime.settings.sweep_late_seconds + 1)

    assert not check_sweep(api.runtime, started)


def test_readiness_checks_the_broker_when_there_is_one(make_api: Callable[..., Harness]) -> None:
    assert make_api(broker_url="memory://").client.get("/readyz").json()["checks"]["broker"] == "ok"


def test_an_unreachable_broker_is_not_ready(make_api: Callable[..., Harness]) -> None:
    response = make_api(broker_url="redis://127.0.0.1:1/0").client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["broker"].startswith("unreachable")
    assert response.json()["checks"]["database"] == "ok"


def test_metrics_are_computed_from_the_database(api: Harness) -> None:
    api.post_message(CRISIS, wait=True)
    api.post_message("thanks, that's all")  # stored, waiting for the scanner
    with session_scope(api.url) as session:  # the first page went out 4 s after the incident opened
        page = session.exec(select(PageRow).order_by(PageRow.id)).first()  # type: ignore[arg-type]
        assert page is not None
        page.status = "sent"
        page.history = [
            *page.history,
            {"at": (api.clock.now.replace(second=4)).isoformat(), "status": "sent"},
        ]
    api.clock.advance(30)  # the other pages are now 30 s overdue

    response = api.client.get("/metrics")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    for name in METRICS:
        assert f"# TYPE {name} " in response.text
    values = samples(response.text)
    assert values["stayline_messages_stored_total"] == 2
    assert values["stayline_messages_scanned_total"] == 1
    assert (
        values['stayline_assessments_total{level="imminent"}']
        + values['stayline_assessments_total{level="high"}']
        == 1
    )
    assert values['stayline_incidents_open{state="paging"}'] == 1
    assert values['stayline_pages_total{status="sent"}'] == 1
    assert values["stayline_time_to_first_page_seconds"] == 4.0
    assert values["stayline_sweep_lag_seconds"] == 30.0


def test_the_openapi_document_describes_every_route_and_the_key_schemes(api: Harness) -> None:
    spec = api.client.get("/openapi.json").json()

    paths = set(spec["paths"])
    assert {
        "/v1/messages",
        "/v1/conversations/{conversation_id}",
        "/v1/conversations/{conversation_id}/flag",
        "/v1/incidents",
        "/v1/incidents/{incident}",
        "/v1/incidents/{incident}/ack",
        "/v1/incidents/{incident}/resolve",
        "/v1/events",
        "/r/{token}",
        "/twilio/sms",
        "/twilio/voice",
        "/twilio/status",
        "/healthz",
        "/readyz",
        "/metrics",
    } <= paths
    assert set(spec["components"]["securitySchemes"]) == {"HTTPBearer", "APIKeyHeader"}
    assert {"202", "200", "413", "429"} <= set(spec["paths"]["/v1/messages"]["post"]["responses"])
