"""Messages in, assessments out: store first (nothing is lost), scan after, open or raise an incident."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import uuid4

from sqlmodel import Session, col, func, select

from detector import Assessment, Category, ConversationState, RiskLevel
from escalation.engine import Signal, SignalSource
from escalation.model import Level
from store import repository
from store.codec import storable_text
from store.db import is_postgres, session_scope
from store.models import AssessmentRow, ConversationRow, IncidentRow, MessageRow
from store.redaction import redact
from store.repository import MANUAL_FLAG
from workers import claims
from workers.agent_labels import LabelResult, miss_on_flag
from workers.assessing import Item, Outcome, assess_all
from workers.guidance import GuidanceStep, guide_agent_turn, guide_customer_turn, guide_flag, run_guidance
from workers.incidents import open_or_raise_incident
from workers.prescreen import looks_urgent
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
    source: str | None = None  # the connector that carried it (config/channels.yaml)
    sequence: int | None = None  # the provider's order within the conversation (a segment's SequenceId)


def store_message(
    session: Session, incoming: IncomingMessage, now: datetime, *, redact_text: bool = True
) -> MessageRow:
    """Store one turn. Personal data is redacted first (``STAYLINE_REDACT_TEXT``): the detector scans
    what is stored, so it reads the placeholders, and evidence offsets point into the redacted text."""
    # Two first messages of a new conversation may arrive at once: both create it, neither fails.
    repository.ensure_conversation(
        session, incoming.conversation_id, incoming.channel, incoming.team, now, is_test=incoming.is_test
    )
    message = MessageRow(
        id=uuid4().hex,
        conversation_id=incoming.conversation_id,
        channel=incoming.channel,
        sender=incoming.sender,
        text=storable_text(redact(incoming.text) if redact_text else incoming.text),
        sent_at=incoming.sent_at,
        received_at=now,
        source=incoming.source,
        sequence=incoming.sequence,
    )
    session.add(message)
    session.flush()
    return message


SCAN_BATCH = 64  # messages assessed in one model pass
CONTEXT_CHARS = 1000  # of a turn, read again in this process for the conversation (see _record)


def fold_order(messages: list[MessageRow]) -> list[MessageRow]:
    """Arrival order, except that within one conversation turns that carry the provider's sequence (call
    transcription segments) take the places of that conversation's turns in sequence order: a segment
    posted late is folded before the later ones it is scanned with. One scanned before a late earlier
    segment arrived is not folded again."""
    ordered = sorted(messages, key=lambda m: m.received_at)
    places: dict[str, list[int]] = {}
    for index, message in enumerate(ordered):
        places.setdefault(message.conversation_id, []).append(index)
    result = list(ordered)
    for indices in places.values():
        turns = sorted(
            (ordered[i] for i in indices),
            key=lambda m: (m.sequence is None, m.sequence or 0, m.received_at),
        )
        for index, turn in zip(indices, turns, strict=True):
            result[index] = turn
    return result


def scan_message(runtime: Runtime, message_id: str) -> list[int]:
    """Assess this message, and with it whatever else is waiting (one model pass: under load that is
    several times cheaper than one at a time), each under the scan deadline.

    Each message is then recorded in a transaction of its own, so one that fails never rolls back or
    holds the others; its pages are handed to the dispatcher as soon as that commits, and only then does
    the agent's guidance run (a broken playbook cannot stop a page). Returns the page ids the caller
    still has to send: none, they have all been handed over."""
    settings, lease = runtime.settings, claims.lease_for(runtime.settings)
    held = claims.claim(
        runtime.url, message_id, runtime.clock(), lease, settings.scan_max_attempts, SCAN_BATCH
    )
    _send(runtime, held.alarms)
    # Conversations with a crisis-looking message are assessed, recorded and paged first, with every
    # earlier message of theirs in this batch (a conversation is folded in order); the rest follow, so a
    # message that hangs the detector never holds a crisis message's page until the batch is done.
    ordered = fold_order(held.messages)
    crisis = {m.conversation_id for m in ordered if m.sender == "customer" and looks_urgent(m.text)}
    first = [m for m in ordered if m.conversation_id in crisis]
    for phase in (first, [m for m in ordered if m.conversation_id not in crisis]):
        if phase:
            _assess_and_record(runtime, phase, held.token, lease)
    return []


def _assess_and_record(runtime: Runtime, messages: list[MessageRow], token: str, lease: timedelta) -> None:
    settings = runtime.settings
    customers = [m for m in messages if m.sender == "customer"]  # agent turns feed the playbook
    outcomes = assess_all(
        runtime.detector,
        [Item(m.text, "voice" if m.channel == "voice" else "chat") for m in customers],
        settings.scan_deadline_seconds,
        lambda: claims.renew(runtime.url, token, runtime.clock() + lease),
    )
    by_id = {m.id: outcome for m, outcome in zip(customers, outcomes, strict=True)}
    for message in messages:
        try:
            page_ids, guide = _record(runtime, message, by_id.get(message.id), token)
        except Exception as error:
            # The type only: an exception's text can quote the customer's words.
            log.error(
                "scan of one message failed (%s)", type(error).__name__, extra={"message_id": message.id}
            )
            log.debug("scan failure", exc_info=True)
            failed = claims.release(
                runtime.url, message.id, token, runtime.clock(), settings.scan_max_attempts
            )
            _send(runtime, failed)
            continue
        _send(runtime, page_ids)
        if guide is not None:
            run_guidance(runtime.url, message.conversation_id, guide)


def _send(runtime: Runtime, page_ids: list[int]) -> None:
    for page_id in page_ids:
        runtime.dispatcher.send_page(page_id)


def _record(
    runtime: Runtime, message: MessageRow, outcome: Outcome | None, token: str
) -> tuple[list[int], GuidanceStep | None]:
    """One message's transaction: the conversation's detector state, the assessment, the incident step.
    Returns the pages to send and the guidance to run once this has committed.

    The detector reads the turn again here (an answer to the agent's screening question, the question an
    agent asks), outside the deadline, so only its first CONTEXT_CHARS are given: enough for a question or
    an answer, and a bound on the work whatever the text is. A degraded message is not read again at all."""
    now = runtime.clock()
    with session_scope(runtime.url) as session:
        conversation = _lock_conversation(session, message.conversation_id)
        if not claims.finish(session, message.id, token, now) or conversation is None:
            return [], None  # another scan took it over after this claim ran out
        if outcome is None:  # an agent's turn: context for the detector, checkpoints for the playbook
            state = ConversationState.from_dict(conversation.detector_state)
            heard = runtime.detector.hear_agent(state, message.text[:CONTEXT_CHARS])
            conversation.detector_state = heard.to_dict()
            text = message.text

            def guide(s: Session, c: ConversationRow) -> None:
                if not c.is_test:
                    guide_agent_turn(s, c, text, now)

            return [], guide
        return _fold(runtime, session, conversation, message, outcome, now)


def _fold(
    runtime: Runtime,
    session: Session,
    conversation: ConversationRow,
    message: MessageRow,
    outcome: Outcome,
    now: datetime,
) -> tuple[list[int], GuidanceStep | None]:
    """Fold one assessed message into its conversation; open or raise an incident when risk is new."""
    from workers.canary import record_canary  # canary builds on this module

    state = ConversationState.from_dict(conversation.detector_state)
    context = "" if outcome.degraded else message.text[:CONTEXT_CHARS]
    assessment, state = runtime.detector.fold(state, outcome.assessment, context)
    before = conversation.level
    conversation.detector_state, conversation.level = state.to_dict(), state.level.label
    conversation.category, conversation.updated_at = state.category.value, now
    _record_assessment(session, conversation, message, assessment, outcome.degraded, now)
    if conversation.is_test:
        record_canary(session, conversation.id, assessment.level.label, message.sent_at, now)
        return [], None  # a test conversation never opens an incident, so it never pages a human
    region = runtime.settings.region

    def guide(s: Session, c: ConversationRow) -> None:
        guide_customer_turn(s, c, assessment, region, now)

    rose = assessment.level.label != before
    if assessment.level < RiskLevel.MODERATE or not (rose or assessment.level_alone >= RiskLevel.MODERATE):
        return [], guide  # nothing new: the conversation's level stands and this message adds no risk
    signal = Signal(
        conversation.id,
        Level.parse(assessment.level.label),
        assessment.category.value,
        message.channel,
        conversation.team,
        now,
    )
    _, page_ids = open_or_raise_incident(session, signal, runtime.config, now)
    return page_ids, guide


def _record_assessment(
    session: Session,
    conversation: ConversationRow,
    message: MessageRow,
    assessment: Assessment,
    degraded: str | None,
    now: datetime,
) -> None:
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
            degraded=degraded is not None,
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
        degraded=degraded,
    )
    log.info(
        "message scanned",
        extra={
            "message_id": message.id,
            "conversation_id": conversation.id,
            "level": assessment.level.label,
            "category": assessment.category.value,
            "degraded": degraded,
        },
    )


def _lock_conversation(session: Session, conversation_id: str) -> ConversationRow | None:
    query = select(ConversationRow).where(ConversationRow.id == conversation_id)
    if is_postgres(session):
        query = query.with_for_update()  # turns of one conversation are folded in one at a time
    return session.exec(query).first()


def flag_conversation(
    runtime: Runtime,
    conversation_id: str,
    level: Level,
    category: str,
    agent: str,
    note: str,
    key: dict[str, Any] | None = None,
    message_id: str | None = None,
) -> tuple[IncidentRow | None, LabelResult]:
    """An agent's flag opens or raises an incident exactly like the detector would.

    A flag on a conversation nobody has sent a message for still pages (an agent on an unmonitored phone
    call must be able to), and the conversation is recorded as a manual flag with no messages, so nobody
    later mistakes it for one the detector missed. ``key`` says which key flagged and whose it is.

    On a conversation the detector rated none or low, the flag is also a miss on the turn ``message_id``
    (else the latest customer turn): recorded last, so it never delays or stops a page."""
    now = runtime.clock()
    with session_scope(runtime.url) as session:
        conversation = session.get(ConversationRow, conversation_id)
        team = conversation.team if conversation else "default"
        manual = conversation is None or conversation.origin == MANUAL_FLAG
        if conversation is None:
            repository.ensure_conversation(session, conversation_id, "chat", team, now, origin=MANUAL_FLAG)
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
            note=redact(note) if runtime.settings.redact_text else note,
            manual=manual,
            messages=message_count(session, conversation_id),
            **(key or {}),
        )
        row, page_ids = open_or_raise_incident(session, signal, runtime.config, now)
    _send(runtime, page_ids)  # the pages first: the playbook comes after and cannot stop them
    if category in {c.value for c in Category} and category != "none":
        region = runtime.settings.region
        run_guidance(
            runtime.url,
            conversation_id,
            lambda s, c: guide_flag(s, c, level.label, category, region, now),
        )
    label = miss_on_flag(
        runtime, conversation_id, message_id, level, category, agent, row.id if row else None
    )
    return row, label


def message_count(session: Session, conversation_id: str) -> int:
    query = select(func.count()).select_from(MessageRow).where(MessageRow.conversation_id == conversation_id)
    return int(session.exec(query).one())


def unscanned(session: Session, older_than: datetime, limit: int = 500) -> list[tuple[str, bool]]:
    """Messages stored but never scanned (the broker was down, or a worker died): the sweep's to-do, each
    with whether it looks urgent (for the crisis queue). Quarantined messages are left out, and so are
    messages a live scan holds (its claim has not run out): the sweep would only queue scans that find
    nothing to claim."""
    now = older_than + SCAN_GRACE
    query = (
        select(MessageRow.id, MessageRow.sender, MessageRow.text)
        .where(col(MessageRow.scanned_at).is_(None))
        .where(col(MessageRow.quarantined_at).is_(None))
        .where(col(MessageRow.claimed_until).is_(None) | (col(MessageRow.claimed_until) < now))
        .where(col(MessageRow.received_at) <= older_than)
        .order_by(col(MessageRow.received_at))
        .limit(limit)
    )
    return [(id_, sender == "customer" and looks_urgent(text)) for id_, sender, text in session.exec(query)]


SCAN_GRACE = timedelta(seconds=10)  # give the queue this long before the sweep scans a message itself
