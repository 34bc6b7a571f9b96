"""Messages in, assessments out: store first (nothing is lost), scan after, open or raise an incident."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import uuid4

from sqlalchemy import update
from sqlmodel import Session, col, select

from detector import Assessment, Category, ConversationState, RiskLevel
from escalation.engine import Signal, SignalSource
from escalation.model import Level
from store import repository
from store.codec import storable_text
from store.db import is_postgres, session_scope
from store.models import AssessmentRow, ConversationRow, IncidentRow, MessageRow
from workers.guidance import guide_agent_turn, guide_customer_turn, guide_flag
from workers.incidents import open_or_raise_incident
from workers.runtime import Runtime

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IncomingMessage:
    conversation_id: str
    channel: str  # chat | sms | voice
    sender: str  # customer | agent
    text: str
    sent_at: datetime
    team: str = "default"
    is_test: bool = False


def store_message(session: Session, incoming: IncomingMessage, now: datetime) -> MessageRow:
    # Two first messages of a new conversation may arrive at once: both create it, neither fails.
    repository.ensure_conversation(
        session, incoming.conversation_id, incoming.channel, incoming.team, now, is_test=incoming.is_test
    )
    message = MessageRow(
        id=uuid4().hex,
        conversation_id=incoming.conversation_id,
        channel=incoming.channel,
        sender=incoming.sender,
        text=storable_text(incoming.text),
        sent_at=incoming.sent_at,
        received_at=now,
    )
    session.add(message)
    session.flush()
    return message


SCAN_BATCH = 64  # messages assessed in one model pass and one transaction


def scan_message(runtime: Runtime, message_id: str) -> list[int]:
    """Assess this message, and with it whatever else is waiting (one model pass, one transaction: under
    load that is several times cheaper than one at a time). Returns page ids to send after commit."""
    now = runtime.clock()
    with session_scope(runtime.url) as session:
        messages = _claim(session, message_id, now)
        customers = [m for m in messages if m.sender == "customer"]  # agent turns feed the playbook
        alone = runtime.detector.assess_many(
            [m.text for m in customers],
            channel=["voice" if m.channel == "voice" else "chat" for m in customers],
        )
        by_id = {m.id: a for m, a in zip(customers, alone, strict=True)}
        page_ids: list[int] = []
        for message in sorted(messages, key=lambda m: m.received_at):
            if message.id in by_id:
                page_ids.extend(_fold(runtime, session, message, by_id[message.id], now))
            else:
                _hear_agent(runtime, session, message)
                _guide_agent(session, message, now)
        return page_ids


def _hear_agent(runtime: Runtime, session: Session, message: MessageRow) -> None:
    """An agent's turn is context for the detector (the question the customer's next turn answers)."""
    conversation = _lock_conversation(session, message.conversation_id)
    if conversation is None:
        return
    state = ConversationState.from_dict(conversation.detector_state)
    conversation.detector_state = runtime.detector.hear_agent(state, message.text).to_dict()


def _claim(session: Session, message_id: str, now: datetime) -> list[MessageRow]:
    """This message and the oldest others not yet scanned. On PostgreSQL the rows are locked and rows
    another worker holds are skipped; everywhere a conditional update makes the claim, so two workers (or
    a redelivered task) never scan one message twice. Rows are taken in one order to avoid deadlocks."""
    query = (
        select(MessageRow)
        .where(col(MessageRow.scanned_at).is_(None))
        .where((col(MessageRow.id) == message_id) | (col(MessageRow.received_at) <= now))
        .order_by(col(MessageRow.id) != message_id, col(MessageRow.received_at), col(MessageRow.id))
        .limit(SCAN_BATCH)
    )
    if is_postgres(session):
        query = query.with_for_update(skip_locked=True)
    claimed = []
    for message in session.exec(query).all():
        done = session.execute(
            update(MessageRow)
            .where(col(MessageRow.id) == message.id)
            .where(col(MessageRow.scanned_at).is_(None))
            .values(scanned_at=now)
        )
        if done.rowcount:  # type: ignore[attr-defined]
            claimed.append(message)
    for conversation_id in sorted({m.conversation_id for m in claimed}):
        _lock_conversation(session, conversation_id)  # in id order, so two batches cannot deadlock
    return claimed


def _fold(
    runtime: Runtime, session: Session, message: MessageRow, alone: Assessment, now: datetime
) -> list[int]:
    """Fold one assessed message into its conversation; open or raise an incident when risk is new."""
    from workers.canary import record_canary  # canary builds on this module

    conversation = _lock_conversation(session, message.conversation_id)
    if conversation is None:
        return []
    state = ConversationState.from_dict(conversation.detector_state)
    assessment, state = runtime.detector.fold(state, alone, message.text)
    before = conversation.level
    conversation.detector_state, conversation.level = state.to_dict(), state.level.label
    conversation.category, conversation.updated_at = state.category.value, now
    data = assessment.to_dict()
    session.add(
        AssessmentRow(
            message_id=message.id,
            conversation_id=conversation.id,
            level=assessment.level.label,
            message_level=assessment.level_alone.label,
            category=assessment.category.value,
            score=assessment.score,
            signals=data["signals"],  # type: ignore[arg-type]
            notes=list(assessment.notes),
            detector_version=assessment.detector_version,
            created_at=now,
        )
    )
    repository.audit(
        session,
        "detector",
        "message_scanned",
        at=now,
        conversation_id=conversation.id,
        message=message.id,
        level=assessment.level.label,
        category=assessment.category.value,
        score=round(assessment.score, 4),
        rules=sorted({s.rule for s in assessment.signals}),
    )
    if conversation.is_test:
        record_canary(session, conversation.id, assessment.level.label, message.sent_at, now)
        return []  # a test conversation never opens an incident, so it never pages a human
    guide_customer_turn(session, conversation, assessment, runtime.settings.region, now)
    log.info(
        "message scanned",
        extra={
            "message_id": message.id,
            "conversation_id": conversation.id,
            "level": assessment.level.label,
            "category": assessment.category.value,
        },
    )
    rose = assessment.level.label != before
    if assessment.level < RiskLevel.MODERATE or not (rose or assessment.level_alone >= RiskLevel.MODERATE):
        return []  # nothing new: the conversation's level stands and this message adds no risk
    signal = Signal(
        conversation.id,
        Level.parse(assessment.level.label),
        assessment.category.value,
        message.channel,
        conversation.team,
        now,
    )
    _, page_ids = open_or_raise_incident(session, signal, runtime.config, now)
    return page_ids


def _guide_agent(session: Session, message: MessageRow, now: datetime) -> None:
    conversation = session.get(ConversationRow, message.conversation_id)
    if conversation is not None and not conversation.is_test:
        guide_agent_turn(session, conversation, message.text, now)


def _lock_conversation(session: Session, conversation_id: str) -> ConversationRow | None:
    query = select(ConversationRow).where(ConversationRow.id == conversation_id)
    if is_postgres(session):
        query = query.with_for_update()  # turns of one conversation are folded in one at a time
    return session.exec(query).first()


def flag_conversation(
    runtime: Runtime, conversation_id: str, level: Level, category: str, agent: str, note: str
) -> IncidentRow | None:
    """An agent's flag opens or raises an incident exactly like the detector would."""
    now = runtime.clock()
    with session_scope(runtime.url) as session:
        conversation = session.get(ConversationRow, conversation_id)
        team = conversation.team if conversation else "default"
        if conversation is None:
            repository.ensure_conversation(session, conversation_id, "chat", team, now)
        signal = Signal(
            conversation_id,
            level,
            category,
            conversation.channel if conversation else "chat",
            team,
            now,
            source=SignalSource.AGENT,
            flagged_by=agent,
        )
        repository.audit(
            session,
            f"agent:{agent}",
            "conversation_flagged",
            at=now,
            conversation_id=conversation_id,
            level=level.label,
            category=category,
            note=note,
        )
        row, page_ids = open_or_raise_incident(session, signal, runtime.config, now)
        session.flush()
        flagged = session.get(ConversationRow, conversation_id)
        if flagged is not None and category in {c.value for c in Category} and category != "none":
            guide_flag(session, flagged, level.label, category, runtime.settings.region, now)
    for page_id in page_ids:
        runtime.dispatcher.send_page(page_id)
    return row


def unscanned(session: Session, older_than: datetime, limit: int = 500) -> list[str]:
    """Messages stored but never scanned (the broker was down, or a worker died): the sweep's to-do."""
    query = (
        select(MessageRow.id)
        .where(col(MessageRow.scanned_at).is_(None))
        .where(col(MessageRow.received_at) <= older_than)
        .order_by(col(MessageRow.received_at))
        .limit(limit)
    )
    return list(session.exec(query).all())


SCAN_GRACE = timedelta(seconds=10)  # give the queue this long before the sweep scans a message itself
