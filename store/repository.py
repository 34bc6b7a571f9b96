"""Queries the workers need, written once: due incidents and pages (row-locked on PostgreSQL), audit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from store import audit_chain  # noqa: F401  (importing it chains every audit row written)
from store.db import insert_all_if_absent, insert_if_absent, is_postgres
from store.models import (
    AuditEventRow,
    ConversationRow,
    IncidentRow,
    PageRow,
    ResponderStateRow,
    utcnow,
)

OPEN_STATES = ("triggered", "paging", "acknowledged")
SENDABLE = ("pending", "retry")
MANUAL_FLAG = "manual_flag"  # conversation.origin: an agent flagged an id no channel had sent messages for


def ensure_conversation(
    session: Session,
    conversation_id: str,
    channel: str,
    team: str,
    now: datetime,
    *,
    is_test: bool = False,
    origin: str = "messages",
) -> None:
    """Create the conversation unless it exists. Idempotent under concurrency: a request that loses the
    race to create it carries on with the winner's row instead of failing on the primary key.

    An existing conversation is read first, not inserted again: PostgreSQL's INSERT ... ON CONFLICT
    waits for any transaction that is updating the row it conflicts with, so storing a turn waited for
    a worker's fold of the same conversation to commit (most of a request's time under load). A plain
    read waits for nothing."""
    if _existing(session, [conversation_id]):
        return
    insert_if_absent(
        session, ConversationRow, new_conversation(conversation_id, channel, team, now, is_test, origin)
    )


def ensure_conversations(session: Session, firsts: list[dict[str, Any]]) -> None:
    """``ensure_conversation`` for several at once (rows from ``new_conversation``): one read for all,
    one statement for those missing."""
    existing = _existing(session, [first["id"] for first in firsts])
    insert_all_if_absent(session, ConversationRow, [f for f in firsts if f["id"] not in existing])


def _existing(session: Session, conversation_ids: list[str]) -> set[str]:
    if not conversation_ids:
        return set()
    query = select(ConversationRow.id).where(col(ConversationRow.id).in_(conversation_ids))
    return set(session.exec(query).all())


def new_conversation(
    conversation_id: str,
    channel: str,
    team: str,
    now: datetime,
    is_test: bool = False,
    origin: str = "messages",
) -> dict[str, Any]:
    return {
        "id": conversation_id,
        "channel": channel,
        "team": team,
        "level": "none",
        "category": "none",
        "detector_state": {},
        "is_test": is_test,
        "origin": origin,
        "created_at": now,
        "updated_at": now,
    }


def due_incidents(session: Session, now: datetime, limit: int = 50) -> Sequence[IncidentRow]:
    """Open incidents whose timer has passed. On PostgreSQL the rows stay locked until commit and rows
    another worker holds are skipped, so two sweeps never run the same incident at once."""
    query = (
        select(IncidentRow)
        .where(col(IncidentRow.state).in_(OPEN_STATES))
        .where(col(IncidentRow.next_action_at) <= now)
        .order_by(col(IncidentRow.next_action_at))
        .limit(limit)
    )
    if is_postgres(session):
        query = query.with_for_update(skip_locked=True)
    return session.exec(query).all()


def lock_incident(session: Session, incident_id: str) -> IncidentRow | None:
    """The incident row locked (PostgreSQL) and re-read: a row this session loaded earlier may be stale,
    and deciding on a stale row would let a second acknowledgement overwrite the first."""
    query = select(IncidentRow).where(IncidentRow.id == incident_id).execution_options(populate_existing=True)
    if is_postgres(session):
        query = query.with_for_update()
    return session.exec(query).first()


def open_incident_for(session: Session, conversation_id: str) -> IncidentRow | None:
    query = (
        select(IncidentRow)
        .where(IncidentRow.conversation_id == conversation_id)
        .where(col(IncidentRow.state).in_(OPEN_STATES))
    )
    if is_postgres(session):
        query = query.with_for_update()
    return session.exec(query).first()


def due_pages(session: Session, now: datetime, limit: int = 50) -> Sequence[PageRow]:
    query = (
        select(PageRow)
        .where(col(PageRow.status).in_(SENDABLE))
        .where(col(PageRow.next_attempt_at) <= now)
        .order_by(col(PageRow.next_attempt_at))
        .limit(limit)
    )
    if is_postgres(session):
        query = query.with_for_update(skip_locked=True)
    return session.exec(query).all()


def lock_page(session: Session, page_id: int) -> PageRow | None:
    query = select(PageRow).where(PageRow.id == page_id)
    if is_postgres(session):
        query = query.with_for_update(skip_locked=True)
    return session.exec(query).first()


def page_exists(session: Session, idempotency_key: str) -> bool:
    return (
        session.exec(select(PageRow.id).where(PageRow.idempotency_key == idempotency_key)).first() is not None
    )


def add_console_alarm(
    session: Session,
    key: str,
    filed_under: str,
    now: datetime,
    history: dict[str, Any],
    *,
    level: str = "high",
    category: str = "none",
    tier: int = 0,
) -> PageRow | None:
    """An operations alarm for the console, waiting to be sent (the delivery path sends it), under the
    idempotency ``key``; None when one was already recorded under that key, so each alarm is raised once.
    ``history`` says why, in the first history entry."""
    if page_exists(session, key):
        return None
    page = PageRow(
        idempotency_key=key,
        incident_id=filed_under,
        kind="alarm",
        channel="console",
        level=level,
        category=category,
        tier=tier,
        status="pending",
        next_attempt_at=now,
        created_at=now,
        updated_at=now,
        history=[{"at": now.isoformat(), "status": "pending", **history}],
    )
    session.add(page)
    return page


def unreachable_channels(session: Session) -> dict[str, frozenset[str]]:
    return {row.name: frozenset(row.unreachable) for row in session.exec(select(ResponderStateRow)).all()}


def audit(
    session: Session,
    actor: str,
    action: str,
    *,
    at: datetime | None = None,
    incident_id: str | None = None,
    conversation_id: str | None = None,
    **detail: Any,
) -> None:
    session.add(
        AuditEventRow(
            at=at or utcnow(),
            actor=actor,
            action=action,
            incident_id=incident_id,
            conversation_id=conversation_id,
            detail=detail,
        )
    )
