"""Incidents in the database: open or raise, run due steps, acknowledge, resolve.

Each function works inside the caller's transaction and returns what to publish after commit (page ids),
so nothing is sent for work that was rolled back. Pages are recorded under their idempotency key, so a
sweep that runs twice records nothing twice.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import replace
from datetime import datetime, timedelta
from uuid import uuid4

from sqlmodel import Session, select

from escalation import acknowledgement as policy
from escalation import engine
from escalation.acknowledgement import (
    AckDecision,
    AckOutcome,
    IncidentOutcome,
    PassOutcome,
    ResolveOutcome,
    takes_label,
)
from escalation.config_loader import EscalationConfig
from escalation.engine import AckVia, Incident, Signal
from escalation.model import Action, Alarm, Channel, Level, Page, Reminder, ScheduleNext
from escalation.targets import Roster
from store import repository
from store.codec import copy_incident_to_row, incident_from_row, plan_to_json
from store.models import AcknowledgementRow, IncidentRow, PageRow

log = logging.getLogger(__name__)


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
) -> AckDecision | None:
    """The one acknowledge use case every edge calls; None when there is no such incident. The decision
    is taken on the row locked (on PostgreSQL), so two people acknowledging at once get one holder."""
    row = repository.lock_incident(session, incident_id)
    if row is None:
        return None
    before = incident_from_row(row, live_roster(session, config))
    incident, decision = policy.acknowledge_as(before, responder, now, via)
    actor = f"responder:{responder}"
    if not decision.has_it:
        repository.audit(
            session,
            actor,
            "acknowledgement_refused",
            at=now,
            incident_id=row.id,
            via=via.value,
            outcome=decision.outcome.value,
            holder=decision.holder,
        )
        return decision
    copy_incident_to_row(incident, row)
    session.add(AcknowledgementRow(incident_id=row.id, responder=responder, via=via.value, at=now))
    renewed = decision.outcome is AckOutcome.RENEWED
    if not renewed:
        _cancel_unsent(session, row.id, now, "acknowledged")
    repository.audit(
        session, actor, "incident_acknowledged", at=now, incident_id=row.id, via=via.value, renewed=renewed
    )
    return decision


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
    session: Session,
    incident_id: str,
    who: str,
    config: EscalationConfig,
    now: datetime,
    *,
    outcome: IncidentOutcome | None = None,
    right_level: Level | None = None,
) -> ResolveOutcome | None:
    """The one resolve use case; None when there is no such incident. ``outcome`` (and ``right_level``)
    is what the responder says it was: recorded once, also on an incident already resolved without one."""
    row = repository.lock_incident(session, incident_id)
    if row is None:
        return None
    incident, result = policy.resolve_as(incident_from_row(row, live_roster(session, config)), now)
    if result is ResolveOutcome.RESOLVED:
        copy_incident_to_row(incident, row)
        _cancel_unsent(session, row.id, now, "resolved")
        repository.audit(session, who, "incident_resolved", at=now, incident_id=row.id)
    if outcome is not None:
        _label(session, row, who, outcome, right_level, now)
    return result


def _label(
    session: Session,
    row: IncidentRow,
    who: str,
    outcome: IncidentOutcome,
    right_level: Level | None,
    now: datetime,
) -> None:
    level = right_level.label if right_level is not None else None
    if not takes_label(row.outcome, outcome):
        repository.audit(
            session,
            who,
            "outcome_kept",
            at=now,
            incident_id=row.id,
            given=outcome.value,
            kept=row.outcome,
            kept_by=row.outcome_by,
        )
        return
    row.outcome, row.right_level, row.outcome_by, row.outcome_at = outcome.value, level, who, now
    repository.audit(
        session,
        who,
        "outcome_recorded",
        at=now,
        incident_id=row.id,
        outcome=outcome.value,
        right_level=level,
        examples=_examples_for(session, row, who, right_level, now),
    )


def _examples_for(
    session: Session, row: IncidentRow, who: str, right_level: Level | None, now: datetime
) -> int | None:
    """The labelled examples of an outcome: a side feature, so a failure there never undoes the resolve
    or the label on the incident (it is logged and the count audited as None)."""
    from workers.labels import examples_for_outcome

    try:
        with session.begin_nested():
            return examples_for_outcome(session, row, who, right_level, now)
    except Exception:
        log.exception("labelled examples not recorded", extra={"incident_id": row.id})
        return None


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
    """The one pass-on use case: a responder paged at ``tier`` cannot take it (see
    ``escalation.acknowledgement.pass_on_from``). Always audited; returns page ids to send."""
    row = repository.lock_incident(session, incident.id) or incident
    roster = live_roster(session, config)
    moved, outcome = policy.pass_on_from(incident_from_row(row, roster), tier, now)
    repository.audit(
        session,
        f"responder:{responder}",
        "page_passed",
        at=now,
        incident_id=row.id,
        page=page,
        tier=tier,
        outcome=outcome.value,
    )
    if outcome is not PassOutcome.PASSED:
        return []
    row.position, row.next_action_at = moved.position, moved.next_action_at
    return run_incident(session, row, roster, now)


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
