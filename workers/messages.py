"""Messages in, assessments out: store first (nothing is lost), scan after, open or raise an incident."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import uuid4

from sqlmodel import Session, col, func, select

from detector import Category
from escalation.engine import Signal, SignalSource
from escalation.model import Level
from store import repository
from store.codec import storable_text
from store.db import session_scope
from store.models import ConversationRow, IncidentRow, MessageRow
from store.redaction import redact
from store.repository import MANUAL_FLAG
from workers import claims
from workers.agent_labels import LabelResult, miss_on_flag
from workers.assessing import Item, Outcome, assess_all
from workers.folding import Folded, fold_in_order, fold_order
from workers.folding_batch import chunks, fold_together
from workers.guidance import guide_flag, run_guidance
from workers.guidance_batch import run_guidance_many
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
    session: Session,
    incoming: IncomingMessage,
    now: datetime,
    *,
    redact_text: bool = True,
    ensured: set[str] | None = None,
) -> MessageRow:
    """Store one turn. Personal data is redacted first (``STAYLINE_REDACT_TEXT``): the detector scans
    what is stored, so it reads the placeholders, and evidence offsets point into the redacted text.
    With ``ensured`` (a batch), the row is written with the transaction's next flush, in one statement
    with the batch's other turns, and each conversation is created or found once."""
    # Two first messages of a new conversation may arrive at once: both create it, neither fails.
    if ensured is None or incoming.conversation_id not in ensured:
        repository.ensure_conversation(
            session, incoming.conversation_id, incoming.channel, incoming.team, now, is_test=incoming.is_test
        )
        if ensured is not None:
            ensured.add(incoming.conversation_id)
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
        urgent=incoming.sender == "customer" and looks_urgent(incoming.text),
    )
    session.add(message)
    if ensured is None:
        session.flush()
    return message


SCAN_BATCH = 64  # messages assessed in one model pass
URGENT_BATCH = 4  # crisis-looking messages one crisis scan claims (assessed together: workers/assessing.py)


def scans_to_queue(to_scan: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Every crisis-looking message (an urgent scan claims only its own), and one bulk scan for each
    SCAN_BATCH others: a scan claims its message and the oldest other free ones, a batch in all, so these
    cover them without queueing a scan per message (under a backlog most would find nothing to claim)."""
    urgent = [(message_id, True) for message_id, is_urgent in to_scan if is_urgent]
    bulk = [(message_id, False) for message_id, is_urgent in to_scan if not is_urgent]
    return urgent + bulk[::SCAN_BATCH]


def scan_message(runtime: Runtime, message_id: str, urgent: bool = False) -> list[int]:
    """Assess this message, and with it whatever else is waiting (one model pass: under load that is
    several times cheaper than one at a time), each under the scan deadline.

    Each message is then folded into its conversation in a transaction of its own, after any earlier turn
    of the conversation still waiting (``workers/folding.py``), so one that fails never rolls back or
    holds the others; its pages are handed to the dispatcher as soon as that commits, and only then does
    the agent's guidance run (a broken playbook cannot stop a page). Returns the page ids the caller
    still has to send: none, they have all been handed over.

    An ``urgent`` scan (from the crisis queue) claims its own message and at most URGENT_BATCH - 1 other
    crisis-looking ones still waiting, never bulk work: it is short, so the crisis queue drains fast and
    never holds the pages queue, polled after it, behind bulk work; and under load one scan serves a few
    crisis messages (the crisis scans of the others then find theirs taken, and end at once)."""
    settings, lease = runtime.settings, claims.lease_for(runtime.settings)
    claimed_at = runtime.clock()
    held = claims.claim(
        runtime.url,
        message_id,
        claimed_at,
        lease,
        settings.scan_max_attempts,
        URGENT_BATCH if urgent else SCAN_BATCH,
        only=urgent,
    )
    _send(runtime, held.alarms)
    # Conversations with a crisis-looking message are assessed, recorded and paged first, with every
    # earlier message of theirs in this batch (a conversation is folded in order); the rest follow, so a
    # message that hangs the detector never holds a crisis message's page until the batch is done.
    ordered = fold_order(held.messages)
    crisis = {m.conversation_id for m in ordered if m.sender == "customer" and looks_urgent(m.text)}
    first = [m for m in ordered if m.conversation_id in crisis]
    later: set[str] = set()
    keeper = claims.Keeper(runtime.url, held.token, lease, claimed_at + lease, runtime.clock, settings)
    for phase in (first, [m for m in ordered if m.conversation_id not in crisis]):
        if phase:
            _assess_and_record(runtime, phase, held.token, keeper, later)
    if later:
        # Turns of these conversations came in behind this claim, and other scans' claims leave such turns
        # out while one holds the conversation: hand the conversations on (a scan claims a batch).
        runtime.dispatcher.scan(min(later))
    return []


def _assess_and_record(
    runtime: Runtime, messages: list[MessageRow], token: str, keep_claim: claims.Keeper, later: set[str]
) -> None:
    settings = runtime.settings
    customers = [m for m in messages if m.sender == "customer"]  # agent turns feed the playbook

    outcomes = assess_all(
        runtime.detector,
        [Item(m.text, "voice" if m.channel == "voice" else "chat") for m in customers],
        settings.scan_deadline_seconds,
        keep_claim,
    )
    by_id = {m.id: outcome for m, outcome in zip(customers, outcomes, strict=True)}
    for chunk in chunks(messages):
        folded = fold_together(runtime, chunk, by_id, token, later)
        if folded is not None:
            _hand_over(runtime, folded)
            continue
        for message in chunk:  # one at a time: an earlier turn waits elsewhere, or the chunk failed
            _fold_one(runtime, message, by_id.get(message.id), token, keep_claim)


def _fold_one(
    runtime: Runtime, message: MessageRow, outcome: Outcome | None, token: str, keep_claim: Callable[[], None]
) -> None:
    try:
        folded = fold_in_order(runtime, message, outcome, token, keep_claim)
    except Exception as error:
        # The type only: an exception's text can quote the customer's words.
        log.error("scan of one message failed (%s)", type(error).__name__, extra={"message_id": message.id})
        log.debug("scan failure", exc_info=True)
        max_attempts = runtime.settings.scan_max_attempts
        _send(runtime, claims.release(runtime.url, message.id, token, runtime.clock(), max_attempts))
        return
    _hand_over(runtime, folded)


def _hand_over(runtime: Runtime, folded: list[Folded]) -> None:
    """Every page first, then the agent's guidance (a broken playbook cannot delay or stop a page)."""
    for turn in folded:
        _send(runtime, turn.page_ids)
    run_guidance_many(runtime.url, [(t.conversation_id, t.guide) for t in folded if t.guide is not None])


def _send(runtime: Runtime, page_ids: list[int]) -> None:
    for page_id in page_ids:
        runtime.dispatcher.send_page(page_id)


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
