"""Incidents in the database: open or raise, run due steps, acknowledge, resolve.

Each function works inside the caller's transaction and returns what to publish after commit (page ids),
so nothing is sent for work that was rolled back. Pages are recorded under their idempotency key, so a
sweep that runs twice records nothing twice.
"""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import datetime, timedelta
from uuid import uuid4

from sqlmodel import Session, select

from escalation import engine
from escalation.chains import first_position_reaching
from escalation.config_loader import EscalationConfig
from escalation.engine import AckVia, Incident, Signal
from escalation.model import Action, Alarm, Channel, Page, Reminder, ScheduleNext
from escalation.targets import Roster
from store import repository
from store.codec import copy_incident_to_row, incident_from_row, plan_from_json, plan_to_json
from store.models import AcknowledgementRow, IncidentRow, PageRow


def live_roster(session: Session, config: EscalationConfig) -> Roster:
    """The configured roster with what delivery has learned (opted-out or dead channels) applied."""
    dead = repository.unreachable_channels(session)
    responders = {
        name: replace(r, unreachable=r.unreachable | {Channel(c) for c in dead.get(name, ())})
        for name, r in config.roster.responders.items()
    }
    return Roster(responders=responders, schedules=config.roster.schedules)


def open_or_raise_incident(
    session: Session, signal: Signal, config: EscalationConfig, now: datetime
) -> tuple[IncidentRow | None, list[int]]:
    """Open an incident for the signal's conversation or raise the open one; run it if it is due."""
    row = repository.open_incident_for(session, signal.conversation_id)
    roster = live_roster(session, config)
    current = incident_from_row(row, roster) if row else None
    incident = engine.open_or_raise(current, signal, config.routing, roster, uuid4().hex)
    actor = f"agent:{signal.flagged_by}" if signal.flagged_by else signal.source.value
    if incident is None:
        repository.audit(
            session,
            actor,
            "not_routed",
            at=now,
            conversation_id=signal.conversation_id,
            level=signal.level.label,
        )
        return None, []
    if row is None:
        row = _new_row(session, incident)
        repository.audit(
            session,
            actor,
            "incident_opened",
            at=now,
            incident_id=row.id,
            conversation_id=row.conversation_id,
            level=incident.level.label,
            category=incident.category,
            chain=incident.plan.chain.name,
        )
    elif current is not None and incident.level != current.level:
        repository.audit(
            session,
            actor,
            "incident_raised",
            at=now,
            incident_id=row.id,
            level=incident.level.label,
            chain=incident.plan.chain.name,
        )
    copy_incident_to_row(incident, row)
    return row, run_incident(session, row, roster, now)


def _new_row(session: Session, incident: Incident) -> IncidentRow:
    row = IncidentRow(
        id=incident.id,
        code=_unused_code(session),
        conversation_id=incident.conversation_id,
        level=incident.level.label,
        category=incident.category,
        state=incident.state.value,
        plan=plan_to_json(incident.plan),
        opened_by=incident.opened_by.value,
        opened_at=incident.opened_at,
    )
    session.add(row)
    return row


def _unused_code(session: Session) -> str:
    # Six digits: short enough to type in an SMS reply ("ACK 482193"), unique across all incidents.
    while True:
        code = f"{secrets.randbelow(900000) + 100000}"
        if session.exec(select(IncidentRow.id).where(IncidentRow.code == code)).first() is None:
            return code


def run_due(session: Session, config: EscalationConfig, now: datetime) -> list[int]:
    """The sweep: every open incident whose timer has passed takes its next step."""
    roster = live_roster(session, config)
    page_ids: list[int] = []
    for row in repository.due_incidents(session, now):
        page_ids.extend(run_incident(session, row, roster, now))
    return page_ids


def run_incident(session: Session, row: IncidentRow, roster: Roster, now: datetime) -> list[int]:
    incident, actions = engine.advance(incident_from_row(row, roster), now)
    if actions and any(not isinstance(a, ScheduleNext) for a in actions):
        copy_incident_to_row(incident, row)
    else:
        row.next_action_at = incident.next_action_at
    recorded = [page for action in actions if (page := _record(session, row, action, now)) is not None]
    session.flush()
    return [page.id for page in recorded if page.id is not None]


def _record(session: Session, row: IncidentRow, action: Action, now: datetime) -> PageRow | None:
    if not isinstance(action, Page | Alarm | Reminder) or repository.page_exists(
        session, action.idempotency_key
    ):
        return None  # a timer, or a step already recorded by an earlier (or concurrent) sweep
    page = PageRow(
        idempotency_key=action.idempotency_key,
        incident_id=row.id,
        kind={Page: "page", Alarm: "alarm", Reminder: "reminder"}[type(action)],
        responder=action.responder,
        channel=action.channel.value,
        level=row.level,
        category=row.category,
        urgency=action.urgency.value if isinstance(action, Page) else "high",
        tier=getattr(action, "tier", 0),
        status="pending",
        next_attempt_at=now,
        history=[{"at": now.isoformat(), "status": "pending"}],
        created_at=now,
        updated_at=now,
    )
    session.add(page)
    detail = {"reason": action.reason.value, "subject": action.subject} if isinstance(action, Alarm) else {}
    repository.audit(
        session,
        "engine",
        f"{page.kind}_recorded",
        at=now,
        incident_id=row.id,
        responder=action.responder,
        channel=action.channel.value,
        key=action.idempotency_key,
        **detail,
    )
    return page


def acknowledge_incident(
    session: Session, incident_id: str, responder: str, via: AckVia, config: EscalationConfig, now: datetime
) -> IncidentRow | None:
    """A human has it: the chain stops and pages not yet sent are cancelled."""
    row = repository.lock_incident(session, incident_id)
    if row is None or row.state == "resolved":
        return row
    incident = engine.acknowledge(incident_from_row(row, live_roster(session, config)), responder, now, via)
    copy_incident_to_row(incident, row)
    session.add(AcknowledgementRow(incident_id=row.id, responder=responder, via=via.value, at=now))
    _cancel_unsent(session, row.id, now, "acknowledged")
    repository.audit(
        session, f"responder:{responder}", "incident_acknowledged", at=now, incident_id=row.id, via=via.value
    )
    return row


MAX_ETA_MINUTES = 240


def set_responder_eta(
    session: Session, row: IncidentRow, responder: str, minutes: int, now: datetime
) -> None:
    """The acknowledging responder says when they will join: the agent's screen shows it."""
    if not 0 <= minutes <= MAX_ETA_MINUTES:
        raise ValueError(f"an ETA is 0 to {MAX_ETA_MINUTES} minutes, not {minutes}")
    row.responder_eta = now + timedelta(minutes=minutes)
    repository.audit(
        session, f"responder:{responder}", "responder_eta_set", at=now, incident_id=row.id, minutes=minutes
    )


def resolve_incident(
    session: Session, incident_id: str, who: str, config: EscalationConfig, now: datetime
) -> None:
    row = repository.lock_incident(session, incident_id)
    if row is None or row.state == "resolved":
        return
    copy_incident_to_row(engine.resolve(incident_from_row(row, live_roster(session, config)), now), row)
    _cancel_unsent(session, row.id, now, "resolved")
    repository.audit(session, who, "incident_resolved", at=now, incident_id=row.id)


def pass_on(
    session: Session,
    incident: IncidentRow,
    responder: str,
    tier: int,
    config: EscalationConfig,
    now: datetime,
    *,
    page: str | None = None,
) -> list[int]:
    """A responder who cannot take it jumps the chain to the first step paging beyond their ``tier``,
    taken now. Only ever forward: a pass from a tier paged together with the next one, or from the last
    tier (nobody is beyond it), is recorded and the chain keeps its timer. Returns page ids to send."""
    repository.audit(
        session,
        f"responder:{responder}",
        "page_passed",
        at=now,
        incident_id=incident.id,
        page=page,
        tier=tier,
    )
    if incident.state not in ("triggered", "paging"):
        return []
    plan = plan_from_json(incident.plan)
    if tier >= plan.chain.fallback_tier:
        return []
    target = first_position_reaching(plan.chain, plan.opening, tier + 1)
    if target < incident.position:
        return []
    incident.position, incident.next_action_at = target, now
    return run_incident(session, incident, live_roster(session, config), now)


def _cancel_unsent(session: Session, incident_id: str, now: datetime, why: str) -> None:
    pages = session.exec(
        select(PageRow)
        .where(PageRow.incident_id == incident_id)
        .where(PageRow.status.in_(("pending", "retry")))  # type: ignore[attr-defined]
    ).all()
    for page in pages:
        page.status = "cancelled"
        page.history = [*page.history, {"at": now.isoformat(), "status": "cancelled", "why": why}]
        page.updated_at = now
