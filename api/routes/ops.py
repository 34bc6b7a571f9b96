"""Health, readiness and metrics for load balancers, orchestrators and Prometheus.

These three are open to every caller (no API key): they carry counts and check names, never an id,
a name or a word of a conversation. Restrict them at the network edge if even counts are sensitive.
"""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse, PlainTextResponse
from kombu.connection import Connection
from sqlalchemy import text

from api.deps import runtime_of
from api.metrics import render_metrics
from store.db import engine_for, session_scope
from workers.canary import canary_age
from workers.coverage import channels_status, metrics_text, read_health
from workers.guidance import guidance_status
from workers.runtime import Runtime
from workers.sweeper import sweep_status

log = logging.getLogger(__name__)
router = APIRouter(tags=["operations"])
BROKER_TIMEOUT_SECONDS = 2.0
PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8"


@router.get("/healthz", summary="The process is up")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


def check_database(url: str) -> str:
    try:
        with engine_for(url).connect() as connection:
            connection.execute(text("SELECT 1"))
        return "ok"
    except Exception as error:
        log.warning("readiness: database unreachable", extra={"error_type": type(error).__name__})
        return f"unreachable: {type(error).__name__}"  # the type only: a URL can hold a password


def check_broker(url: str) -> str:
    if not url:
        return "in-process"
    try:
        with Connection(url, connect_timeout=BROKER_TIMEOUT_SECONDS) as connection:  # type: ignore[no-untyped-call]
            connection.ensure_connection(max_retries=1, interval_start=0, timeout=BROKER_TIMEOUT_SECONDS)
        return "ok"
    except Exception as error:
        log.warning("readiness: broker unreachable", extra={"error_type": type(error).__name__})
        return f"unreachable: {type(error).__name__}"


@router.get(
    "/readyz",
    summary="The database and broker answer; the pipeline and the sweep are on time",
    responses={503: {"description": "A dependency is unreachable, or the pipeline or the sweep is late"}},
)
def readyz(runtime: Annotated[Runtime, Depends(runtime_of)]) -> JSONResponse:
    checks = {
        "database": check_database(runtime.url),
        "broker": check_broker(runtime.settings.broker_url),
    }
    age = canary_age(runtime) if checks["database"] == "ok" else None
    # No canary yet is fine (just started); one older than three rounds means the pipeline has stalled.
    checks["canary"] = "ok" if age is None or age <= 3 * runtime.settings.canary_seconds else "stalled"
    # A late sweep means escalation timers are not running: unanswered pages go no further up the chain.
    sweep, sweep_age = sweep_status(runtime) if checks["database"] == "ok" else ("unknown", None)
    checks["sweep"] = sweep
    ready = all(value in ("ok", "in-process", "not yet run") for value in checks.values())
    # Broken guidance is reported, not made fatal: a 503 would take intake out of rotation, and detection
    # and paging work without playbooks (agents get the fallback card).
    checks["guidance"] = guidance_status()
    # A silent channel is reported, not fatal either: the other channels' intake must stay in rotation.
    checks["channels"] = channels_status(read_health(runtime)) if checks["database"] == "ok" else "unknown"
    reported_ok = checks["guidance"] == "ok" and checks["channels"] == "ok"
    status = "unavailable" if not ready else "ok" if reported_ok else "degraded"
    body = {
        "status": status,
        "checks": checks,
        "canary_age_seconds": age,
        "sweep_age_seconds": None if sweep_age is None else round(sweep_age, 3),
    }
    return JSONResponse(body, 200 if ready else 503)


@router.get("/metrics", response_class=PlainTextResponse, summary="Prometheus metrics")
def metrics(runtime: Annotated[Runtime, Depends(runtime_of)]) -> PlainTextResponse:
    with session_scope(runtime.url) as session:
        body = render_metrics(session, runtime.clock())
    age = canary_age(runtime)
    body += (
        "# HELP stayline_canary_age_seconds Seconds since the last synthetic conversation came through.\n"
        "# TYPE stayline_canary_age_seconds gauge\n"
        f"stayline_canary_age_seconds {'NaN' if age is None else repr(float(age))}\n"
    )
    _, sweep_age = sweep_status(runtime)
    body += (
        "# HELP stayline_sweep_age_seconds Seconds since the last completed sweep (escalation timers).\n"
        "# TYPE stayline_sweep_age_seconds gauge\n"
        f"stayline_sweep_age_seconds {'NaN' if sweep_age is None else repr(float(sweep_age))}\n"
    )
    body += metrics_text(read_health(runtime), runtime.clock())
    return PlainTextResponse(body, media_type=PROMETHEUS_TEXT)
