"""Rows -> response bodies, and the read queries routes share. No writes here."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from api.schemas import (
    AcknowledgementOut,
    AssessmentOut,
    IncidentDetail,
    IncidentSummary,
    PageOut,
    SignalOut,
)
from store.models import AcknowledgementRow, AssessmentRow, IncidentRow, PageRow
from store.repository import OPEN_STATES

PROVIDER_ACCEPTED = frozenset({"queued", "sent", "delivered"})


def signal_out(data: dict[str, Any], with_text: bool) -> SignalOut:
    return SignalOut(
        kind=str(data.get("kind", "")),
        start=int(data.get("start", 0)),
        end=int(data.get("end", 0)),
        text=str(data.get("text", "")) if with_text else None,
        rule=str(data.get("rule", "")),
        modifiers=[str(m) for m in data.get("modifiers", [])],
    )


def assessment_out(row: AssessmentRow, with_text: bool) -> AssessmentOut:
    return AssessmentOut(
        message_id=row.message_id,
        level=row.level,
        message_level=row.message_level,
        category=row.category,
        score=round(row.score, 4),
        signals=[signal_out(s, with_text) for s in row.signals],
        notes=list(row.notes),
        detector_version=row.detector_version,
        assessed_at=row.created_at,
    )


def first_accepted_at(page: PageRow) -> datetime | None:
    """When a provider first took the page (queued, sent or delivered), from its status history."""
    for entry in page.history:
        if entry.get("status") in PROVIDER_ACCEPTED and entry.get("at"):
            return datetime.fromisoformat(str(entry["at"]))
    return None


def page_out(page: PageRow) -> PageOut:
    return PageOut(
        id=page.id or 0,
        kind=page.kind,
        responder=page.responder,
        channel=page.channel,
        tier=page.tier,
        status=page.status,
        attempts=page.attempts,
        created_at=page.created_at,
        sent_at=first_accepted_at(page),
        updated_at=page.updated_at,
        error=page.error,
    )


def incident_summary(row: IncidentRow) -> IncidentSummary:
    return IncidentSummary(
        id=row.id,
        code=row.code,
        conversation_id=row.conversation_id,
        level=row.level,
        category=row.category,
        state=row.state,
        opened_by=row.opened_by,
        opened_at=row.opened_at,
        chain=str(row.plan.get("chain", {}).get("name", "")),
        highest_tier=row.highest_tier,
        next_action_at=row.next_action_at,
        acknowledged_by=row.acknowledged_by,
        acknowledged_at=row.acknowledged_at,
        acknowledged_via=row.acknowledged_via,
        resolved_at=row.resolved_at,
        is_test=row.is_test,
        outcome=row.outcome,
        right_level=row.right_level,
        outcome_by=row.outcome_by,
    )


def incident_detail(session: Session, row: IncidentRow) -> IncidentDetail:
    pages = session.exec(select(PageRow).where(PageRow.incident_id == row.id).order_by(col(PageRow.id))).all()
    acks = session.exec(
        select(AcknowledgementRow)
        .where(AcknowledgementRow.incident_id == row.id)
        .order_by(col(AcknowledgementRow.id))
    ).all()
    return IncidentDetail(
        **incident_summary(row).model_dump(),
        pages=[page_out(p) for p in pages],
        acknowledgements=[AcknowledgementOut(responder=a.responder, via=a.via, at=a.at) for a in acks],
    )


def find_incident(session: Session, ref: str) -> IncidentRow | None:
    """By id, or by the short code a page carries ("482193")."""
    row = session.get(IncidentRow, ref)
    if row is None and ref.isdigit():
        row = session.exec(select(IncidentRow).where(IncidentRow.code == ref)).first()
    return row


def open_incident(session: Session, conversation_id: str) -> IncidentRow | None:
    """Read-only (no row lock), unlike the repository's version used for writing."""
    return session.exec(
        select(IncidentRow)
        .where(IncidentRow.conversation_id == conversation_id)
        .where(col(IncidentRow.state).in_(OPEN_STATES))
        .order_by(col(IncidentRow.opened_at).desc())
    ).first()


def latest_assessments(session: Session, conversation_id: str, limit: int) -> Sequence[AssessmentRow]:
    return session.exec(
        select(AssessmentRow)
        .where(AssessmentRow.conversation_id == conversation_id)
        .order_by(col(AssessmentRow.id).desc())
        .limit(limit)
    ).all()


def list_incidents(
    session: Session, states: Sequence[str], conversation_id: str | None, limit: int
) -> Sequence[IncidentRow]:
    query = select(IncidentRow).where(col(IncidentRow.state).in_(states))
    if conversation_id is not None:
        query = query.where(IncidentRow.conversation_id == conversation_id)
    return session.exec(query.order_by(col(IncidentRow.opened_at).desc()).limit(limit)).all()
