"""The pager watches itself: a synthetic test conversation goes through the whole pipeline every few
minutes (stored, queued, scanned by a worker). It is marked as a test and never pages a human. When no
canary has come through for too long, the operations console gets an alarm sent straight from this
process, because the queue or the workers may be exactly what is broken."""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from escalation.model import Channel, Level
from escalation.notifiers.base import PageMessage
from store import repository
from store.db import session_scope
from store.models import AuditEventRow, PageRow
from workers.messages import IncomingMessage, store_message
from workers.runtime import Runtime

log = logging.getLogger(__name__)

CANARY_TEXT = "canary check: I have swallowed all of my pills"  # synthetic; must score imminent
CANARY_PREFIX = "canary-"


def send_canary(runtime: Runtime) -> str:
    now = runtime.clock()
    incoming = IncomingMessage(
        f"{CANARY_PREFIX}{now:%Y%m%dT%H%M%S}",
        "chat",
        "customer",
        CANARY_TEXT,
        now,
        team="canary",
        is_test=True,
    )
    with session_scope(runtime.url) as session:
        message_id = store_message(session, incoming, now).id
    runtime.dispatcher.scan(message_id)
    return message_id


def record_canary(
    session: Session, conversation_id: str, level: str, sent_at: datetime, now: datetime
) -> None:
    """Called by the scan instead of opening an incident: the canary made it through."""
    repository.audit(
        session,
        "canary",
        "canary_scanned",
        at=now,
        conversation_id=conversation_id,
        level=level,
        latency_seconds=round((now - sent_at).total_seconds(), 3),
        healthy=level == Level.IMMINENT.label,
    )


def last_canary(session: Session) -> datetime | None:
    return session.exec(
        select(AuditEventRow.at)
        .where(AuditEventRow.action == "canary_scanned")
        .order_by(col(AuditEventRow.at).desc())
    ).first()


def canary_age(runtime: Runtime) -> float | None:
    with session_scope(runtime.url) as session:
        last = last_canary(session)
    return None if last is None else (runtime.clock() - last).total_seconds()


def check_canary(runtime: Runtime, started_at: datetime) -> bool:
    """Alarm the operations console (once per stale hour) when the pipeline has stalled. True if healthy."""
    now = runtime.clock()
    limit = timedelta(seconds=3 * runtime.settings.canary_seconds)
    with session_scope(runtime.url) as session:
        last = last_canary(session) or started_at
    if now - last <= limit:
        return True
    key = f"canary/stalled/{last.isoformat()}"
    if raise_watchdog_alarm(runtime, key, "canary", "pipeline stalled", now, last_canary=last.isoformat()):
        log.error("stayline pipeline stalled: no canary since %s", last.isoformat())
    return False


def raise_watchdog_alarm(
    runtime: Runtime, key: str, filed_under: str, why: str, now: datetime, **detail: str
) -> bool:
    """An alarm the serving process raises itself, once per ``key``: recorded as already sent and told to
    the console directly, because the workers that would deliver it may be what has stopped. The audit
    action is ``why`` in snake case ("pipeline stalled" -> pipeline_stalled). False if already raised."""
    with session_scope(runtime.url) as session:
        if repository.page_exists(session, key):
            return False
        session.add(
            PageRow(
                idempotency_key=key,
                incident_id=filed_under,
                kind="alarm",
                channel=Channel.CONSOLE.value,
                level="high",
                category="none",
                status="sent",
                attempts=1,
                created_at=now,
                updated_at=now,
                history=[{"at": now.isoformat(), "status": "sent", "why": why}],
            )
        )
        repository.audit(session, filed_under, why.replace(" ", "_"), at=now, **detail)
    notifier = runtime.notifiers.get(Channel.CONSOLE)
    if notifier is not None:
        notifier.send(
            PageMessage(
                idempotency_key=key,
                incident_code="0000",
                responder="operations",
                address="console",
                channel=Channel.CONSOLE,
                level=Level.HIGH,
                category="none",
                link=runtime.settings.public_url.rstrip("/") + "/readyz",
                kind="alarm",
            )
        )
    return True


class Watchdog:
    """Runs in the serving process: sends a canary every ``canary_seconds`` and checks the last one came
    through. It lives outside the workers on purpose: it must still speak when they are the problem."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, name="canary", daemon=True)

    def start(self) -> Watchdog:
        self.thread.start()
        return self

    def _run(self) -> None:
        from workers.sweeper import check_sweep  # the sweeper builds on modules this one feeds

        started = self.runtime.clock()
        every = self.runtime.settings.canary_seconds
        next_canary = 0.0
        while not self.stopped.wait(min(30.0, every / 2)):
            try:
                if time.monotonic() >= next_canary:
                    send_canary(self.runtime)
                    next_canary = time.monotonic() + every
                check_canary(self.runtime, started)
            except Exception:
                log.exception("canary round failed; trying again")
            try:
                check_sweep(self.runtime, started)  # escalation timers stop when no worker sweeps
            except Exception:
                log.exception("late-sweep check failed; trying again")
