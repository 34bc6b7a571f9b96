"""Sending recorded pages: claim, send once, record the outcome, retry with backoff, then fall back.

A page row is claimed with a conditional update (pending/retry -> sending), so a redelivered task or a
second worker sends nothing twice. A worker killed after recording a page and before sending it leaves the
row pending: the next sweep sends it, once. A worker killed mid-send leaves it "sending"; after a lease
it is retried and the audit trail says delivery was uncertain (a duplicate page beats a lost one).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select

from escalation.config_loader import EscalationConfig
from escalation.model import Channel, Level
from escalation.notifiers.base import Delivery, DeliveryStatus, Notifier, PageMessage
from store import counters, repository
from store.db import session_scope
from store.models import IncidentRow, PageRow, ResponderStateRow
from workers.incidents import live_roster

log = logging.getLogger(__name__)
FALLBACK_ORDER = (Channel.VOICE, Channel.SMS, Channel.WEBHOOK, Channel.CONSOLE)
OPS = "ops console"
NO_INCIDENT_CODE = "0000"  # rota alarms are about the rota, not an incident


@dataclass(frozen=True)
class DeliveryPolicy:
    # The link a page carries: the incident's acknowledgement page (None for rota and ops alarms).
    link_for: Callable[[IncidentRow | None, str | None, datetime], str]
    max_attempts: int = 3
    backoff_seconds: float = 5.0
    sending_lease_seconds: float = 120.0


def deliver(
    url: str,
    page_id: int,
    config: EscalationConfig,
    notifiers: Mapping[Channel, Notifier],
    policy: DeliveryPolicy,
    now: datetime,
) -> str:
    """Send one page if it is still due; returns the page's status afterwards."""
    with session_scope(url) as session:
        if not _claim(session, page_id, now):
            return "skipped"
        page = session.get(PageRow, page_id)
        if page is None:
            return "skipped"
        incident = session.get(IncidentRow, page.incident_id)
        message_or_reason = _message(session, page, incident, config, policy, now)
        previous_claim = _previous_wall_claim(page) if page.error == "delivery_uncertain" else None
        sids = _recorded_sids(session, page) if previous_claim else set()
        page.history = [
            *page.history,
            {"at": now.isoformat(), "status": "sending", "wall": _wall().isoformat()},
        ]
    if isinstance(message_or_reason, str):
        delivery = Delivery(DeliveryStatus.FAILED_PERMANENT, "stayline", error=message_or_reason)
    else:
        found = _already_sent(notifiers, message_or_reason, previous_claim, sids) if previous_claim else None
        delivery = found or _send(notifiers, message_or_reason)
    with session_scope(url) as session:
        return record_delivery(session, page_id, delivery, config, policy, now)


def _claim(session: Session, page_id: int, now: datetime) -> bool:
    claimed = session.execute(
        update(PageRow)
        .where(col(PageRow.id) == page_id)
        .where(col(PageRow.status).in_(repository.SENDABLE))
        .values(status="sending", attempts=PageRow.attempts + 1, updated_at=now)
    )
    counters.note(session, counters.page_status("sending"), claimed.rowcount)  # type: ignore[attr-defined]
    return bool(claimed.rowcount)  # type: ignore[attr-defined]


def _message(
    session: Session,
    page: PageRow,
    incident: IncidentRow | None,
    config: EscalationConfig,
    policy: DeliveryPolicy,
    now: datetime,
) -> PageMessage | str:
    """The message to send, or why there is nobody to send it to."""
    channel = Channel(page.channel)
    responder = live_roster(session, config).responders.get(page.responder or "")
    if channel is Channel.CONSOLE:
        address = "console"
    elif responder is None or not responder.can_use(channel):
        return "no_usable_address"
    else:
        address = (responder.webhook_url if channel is Channel.WEBHOOK else responder.phone) or ""
    try:
        return PageMessage(
            idempotency_key=page.idempotency_key,
            incident_code=incident.code if incident else NO_INCIDENT_CODE,
            responder=page.responder or OPS,
            address=address,
            channel=channel,
            level=Level.parse(page.level),
            category=page.category,
            link=policy.link_for(incident, page.responder, now),
            kind=page.kind,  # type: ignore[arg-type]
        )
    except ValueError as error:  # a bad address or link in the config: fail this page, fall back, alarm
        return f"invalid_message: {error}"[:200]


def _wall() -> datetime:
    return datetime.now(UTC)  # the provider's clock, not the (possibly accelerated) service clock


def _previous_wall_claim(page: PageRow) -> datetime | None:
    claims = [entry["wall"] for entry in page.history if entry.get("status") == "sending" and "wall" in entry]
    return datetime.fromisoformat(claims[-1]) if claims else None


def _recorded_sids(session: Session, page: PageRow) -> set[str]:
    rows = session.exec(
        select(PageRow.provider_id)
        .where(PageRow.channel == page.channel)
        .where(col(PageRow.provider_id).is_not(None))
    ).all()
    return {sid for sid in rows if sid}


def _already_sent(
    notifiers: Mapping[Channel, Notifier], message: PageMessage, since: datetime, exclude: set[str]
) -> Delivery | None:
    """A send cut off by a crash may have reached the provider: ask it before sending again."""
    find_sent = getattr(notifiers.get(message.channel), "find_sent", None)
    return find_sent(message, since, exclude) if find_sent else None


def _send(notifiers: Mapping[Channel, Notifier], message: PageMessage) -> Delivery:
    notifier = notifiers.get(message.channel)
    if notifier is None:
        return Delivery(DeliveryStatus.FAILED_PERMANENT, "stayline", error="no_notifier_configured")
    try:
        return notifier.send(message)
    except Exception as error:  # a notifier bug must not lose the page: treat it as a retryable failure
        return Delivery(
            DeliveryStatus.FAILED_RETRYABLE, "stayline", error="notifier_error", detail=repr(error)[:200]
        )


def record_delivery(
    session: Session,
    page_id: int,
    delivery: Delivery,
    config: EscalationConfig,
    policy: DeliveryPolicy,
    now: datetime,
) -> str:
    page = session.get(PageRow, page_id)
    if page is None:
        return "skipped"
    page.provider, page.provider_id, page.error = delivery.provider, delivery.provider_id, delivery.error
    if not delivery.failed:
        _set_status(page, delivery.status.value, now)
    elif delivery.retryable and page.attempts < policy.max_attempts:
        wait = max(delivery.retry_after or 0.0, policy.backoff_seconds * 2 ** (page.attempts - 1))
        _set_status(page, "retry", now, error=delivery.error)
        page.next_attempt_at = now + timedelta(seconds=wait)
    else:
        _set_status(page, "failed", now, error=delivery.error)
        if delivery.marks_unreachable and page.responder:
            _mark_unreachable(session, page, delivery.error or "unreachable", now)
        fall_back(session, page, config, now)
    log.info(
        "page %s",
        page.status,
        extra={
            "incident_id": page.incident_id,
            "page": page.idempotency_key,
            "channel": page.channel,
            "attempt": page.attempts,
        },
    )
    repository.audit(
        session,
        f"notifier:{delivery.provider}",
        f"page_{page.status}",
        at=now,
        incident_id=page.incident_id,
        page=page.idempotency_key,
        attempt=page.attempts,
        error=delivery.error,
    )
    return page.status


def _set_status(page: PageRow, status: str, now: datetime, error: str | None = None) -> None:
    entry = {"at": now.isoformat(), "status": status} | ({"error": error} if error else {})
    page.status, page.updated_at = status, now
    page.history = [*page.history, entry]


def fall_back(session: Session, failed: PageRow, config: EscalationConfig, now: datetime) -> PageRow | None:
    """Same responder on the next usable channel; when none is left, the chain moves on now."""
    step_key = failed.idempotency_key.split("/fallback/")[0].rsplit("/", 1)[0]
    tried = {
        p.channel
        for p in session.exec(
            select(PageRow).where(col(PageRow.idempotency_key).startswith(step_key + "/"))
        ).all()
    }
    responder = live_roster(session, config).responders.get(failed.responder or "")
    options = [c for c in FALLBACK_ORDER if responder and c.value not in tried and responder.can_use(c)]
    if not options:
        _move_on_if_step_reached_nobody(session, failed, now)
        return None
    page = PageRow(
        idempotency_key=f"{step_key}/{options[0].value}/fallback/{options[0].value}",
        incident_id=failed.incident_id,
        kind=failed.kind,
        responder=failed.responder,
        channel=options[0].value,
        level=failed.level,
        category=failed.category,
        urgency=failed.urgency,
        tier=failed.tier,
        status="pending",
        next_attempt_at=now,
        history=[{"at": now.isoformat(), "status": "pending", "fallback_for": failed.idempotency_key}],
        created_at=now,
        updated_at=now,
    )
    if repository.page_exists(session, page.idempotency_key):
        return None
    session.add(page)
    repository.audit(
        session,
        "engine",
        "fallback_recorded",
        at=now,
        incident_id=failed.incident_id,
        page=page.idempotency_key,
        after=failed.idempotency_key,
    )
    return page


def _move_on_if_step_reached_nobody(session: Session, failed: PageRow, now: datetime) -> None:
    """When every page of this step has failed, the next repeat or tier starts now, not at the timeout.
    While any page of the step may still reach someone, the step waits its time as usual."""
    session.flush()
    step_prefix = "/".join(failed.idempotency_key.split("/")[:2]) + "/"
    step_pages = session.exec(
        select(PageRow).where(col(PageRow.idempotency_key).startswith(step_prefix))
    ).all()
    if any(p.status not in ("failed", "cancelled") for p in step_pages):
        return
    incident = repository.lock_incident(session, failed.incident_id)
    if incident is not None and incident.state == "paging":
        incident.next_action_at = now
    repository.audit(
        session,
        "engine",
        "escalated_after_failure",
        at=now,
        incident_id=failed.incident_id,
        page=failed.idempotency_key,
    )


def _mark_unreachable(session: Session, page: PageRow, reason: str, now: datetime) -> None:
    """A STOP or a dead number: stop using that channel, and tell the operators (the rota owner)."""
    state = session.get(ResponderStateRow, page.responder) or ResponderStateRow(name=page.responder or "")
    state.unreachable = sorted({*state.unreachable, page.channel})
    state.reason, state.updated_at = reason, now
    session.add(state)
    repository.add_console_alarm(
        session,
        f"{page.idempotency_key}/unreachable",
        page.incident_id,
        now,
        {"why": f"{page.responder} {reason}"},
        level=page.level,
        category=page.category,
        tier=page.tier,
    )
    repository.audit(
        session,
        "notifier",
        "responder_unreachable",
        at=now,
        incident_id=page.incident_id,
        responder=page.responder,
        channel=page.channel,
        reason=reason,
    )


def release_stuck(session: Session, policy: DeliveryPolicy, now: datetime) -> int:
    """Pages left "sending" by a killed worker go back to the queue after the lease."""
    cutoff = now - timedelta(seconds=policy.sending_lease_seconds)
    stuck = session.exec(
        select(PageRow).where(PageRow.status == "sending").where(col(PageRow.updated_at) < cutoff)
    ).all()
    for page in stuck:
        _set_status(page, "retry", now, error="delivery_uncertain")
        page.error, page.next_attempt_at = "delivery_uncertain", now
        repository.audit(
            session,
            "engine",
            "delivery_uncertain",
            at=now,
            incident_id=page.incident_id,
            page=page.idempotency_key,
        )
    return len(stuck)


def deliver_due(
    url: str,
    config: EscalationConfig,
    notifiers: Mapping[Channel, Notifier],
    policy: DeliveryPolicy,
    now: datetime,
) -> list[str]:
    """The delivery sweep: release stuck sends, then send every page whose time has come."""
    with session_scope(url) as session:
        release_stuck(session, policy, now)
        due = [page.id for page in repository.due_pages(session, now) if page.id is not None]
    return [deliver(url, page_id, config, notifiers, policy, now) for page_id in due]
