"""Audit rows -> server-sent events for agent desktops.

An event's id is its audit row's chain position (``seq``), not the row id: ``seq`` is given under the chain
head's lock as the writing transaction commits (store.audit_chain), so rows become visible in ``seq``
order with no gaps. Row ids are taken at insert, and a transaction holding a lower id can commit after a
higher one was read: a reader moving its cursor past the higher id would never see the lower one.

Only whitelisted fields of an audit row leave the service: levels, categories, who was paged and how.
Message text and agents' notes are never part of an event.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from store.db import session_scope
from store.models import AuditEventRow, IncidentRow

# audit action -> event name; actions not listed (rota, unreachable numbers, SMS noise) are not sent.
EVENT_FOR_ACTION: dict[str, str] = {
    "incident_opened": "incident_opened",
    "incident_raised": "incident_raised",
    "conversation_flagged": "flagged",
    "page_recorded": "page_scheduled",
    "alarm_recorded": "page_scheduled",
    "reminder_recorded": "page_scheduled",
    "fallback_recorded": "page_scheduled",
    "page_queued": "page_sent",
    "page_sent": "page_sent",
    "page_delivered": "page_sent",
    "page_retry": "page_retry",
    "page_failed": "page_failed",
    "page_passed": "page_passed",
    "escalated_after_failure": "escalated",
    "incident_acknowledged": "acknowledged",
    "responder_eta_set": "responder_eta",
    "incident_resolved": "resolved",
}
SAFE_DETAIL = (
    "level",
    "category",
    "score",
    "chain",
    "responder",
    "channel",
    "via",
    "attempt",
    "tier",
    "minutes",
)
PAGE_STATUS = {"page_queued": "queued", "page_sent": "sent", "page_delivered": "delivered"}
BATCH = 200


@dataclass(frozen=True)
class Event:
    id: int
    name: str
    data: dict[str, Any]

    def encode(self) -> str:
        return f"id: {self.id}\nevent: {self.name}\ndata: {json.dumps(self.data, default=str)}\n\n"


def latest_event_id(url: str) -> int:
    with session_scope(url) as session:
        return int(session.exec(select(func.max(AuditEventRow.seq))).one() or 0)


def events_after(url: str, after: int, conversation_id: str | None) -> tuple[list[Event], int]:
    """The events past ``after`` (at most one batch of rows) and the id to continue from: the last row
    read, which may be past the last event when some rows are not sent."""
    with session_scope(url) as session:
        query = select(AuditEventRow).where(col(AuditEventRow.seq) > after)
        if conversation_id is not None:
            incidents = select(IncidentRow.id).where(IncidentRow.conversation_id == conversation_id)
            query = query.where(
                or_(
                    col(AuditEventRow.conversation_id) == conversation_id,
                    col(AuditEventRow.incident_id).in_(incidents),
                )
            )
        rows = session.exec(query.order_by(col(AuditEventRow.seq)).limit(BATCH)).all()
        if not rows:
            return [], after
        conversations = _conversations_of(session, {r.incident_id for r in rows if r.incident_id})
        events = [e for row in rows if (e := _event(session, row, conversations)) is not None]
        return events, rows[-1].seq or after


def _conversations_of(session: Session, incident_ids: set[str]) -> dict[str, str]:
    if not incident_ids:
        return {}
    rows = session.exec(
        select(IncidentRow.id, IncidentRow.conversation_id).where(col(IncidentRow.id).in_(incident_ids))
    ).all()
    return {incident_id: conversation_id for incident_id, conversation_id in rows}


def _event(session: Session, row: AuditEventRow, conversations: dict[str, str]) -> Event | None:
    if row.action == "message_scanned":
        name = _risk_event(session, row)
    elif row.action.startswith("guidance_"):
        name = "playbook"  # the desktop re-reads GET /v1/conversations/{id}/guidance on this event
    elif row.action in EVENT_FOR_ACTION:
        name = EVENT_FOR_ACTION[row.action]
    else:
        return None
    conversation = row.conversation_id or conversations.get(row.incident_id or "")
    data: dict[str, Any] = {
        "at": row.at.isoformat(),
        "action": row.action,
        "conversation_id": conversation,
        "incident_id": row.incident_id,
    }
    data.update({key: row.detail[key] for key in SAFE_DETAIL if key in row.detail})
    if row.action in PAGE_STATUS:
        data["status"] = PAGE_STATUS[row.action]
    if row.action == "message_scanned":
        data["message_id"] = row.detail.get("message")
    if row.action.startswith("guidance_"):
        data["kind"] = row.action.removeprefix(
            "guidance_"
        )  # the event's own payload stays in the audit trail
    return Event(row.seq or 0, name, data)


def _risk_event(session: Session, row: AuditEventRow) -> str:
    """``risk_changed`` when this scan moved the conversation's level, else ``risk_assessed``."""
    previous: Sequence[Mapping[str, Any]] = session.exec(
        select(AuditEventRow.detail)
        .where(AuditEventRow.conversation_id == row.conversation_id)
        .where(AuditEventRow.action == "message_scanned")
        .where(col(AuditEventRow.seq) < (row.seq or 0))
        .order_by(col(AuditEventRow.seq).desc())
        .limit(1)
    ).all()
    before = previous[0].get("level", "none") if previous else "none"
    return "risk_changed" if row.detail.get("level") != before else "risk_assessed"
