"""Folding a scanned turn into its conversation, one turn at a time and in the conversation's order.

The detector assesses each message on its own (no lock, any worker, any order); what must happen in order
is the fold: the conversation's detector state, the assessment row and the incident step. A fold runs under
a row lock on the conversation (PostgreSQL) and only when no earlier turn of the conversation is still
waiting: a turn is folded after every earlier one, whichever worker holds which.

When a scan is about to fold a turn and finds earlier turns of the conversation still unscanned (another
worker claimed them a moment before and is still in the detector, or a claim died), it assesses and folds
those first, taking them over: their holder's ``finish`` then finds them scanned and records nothing. An
earlier turn whose fold fails here is passed over (its own scan retries it and, after its attempts, it is
quarantined) so a poison turn never holds the rest of its conversation.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlmodel import Session, col, select

from detector import Assessment, ConversationState, RiskLevel
from detector.pipeline import Windows
from escalation.engine import Signal
from escalation.model import Level
from store import repository
from store.db import is_postgres, session_scope
from store.models import AssessmentRow, ConversationRow, MessageRow
from workers import claims
from workers.assessing import Item, Outcome, assess_all
from workers.context_turns import CONTEXT_CHARS, earlier_customer_turns, pick_before, turn_order
from workers.guidance import GuidanceStep, guide_agent_turn, guide_customer_turn
from workers.incidents import open_or_raise_incident
from workers.runtime import Runtime

log = logging.getLogger(__name__)

EARLIER_LIMIT = 200  # waiting turns of one conversation looked at before a fold


@dataclass(frozen=True)
class Folded:
    """One turn recorded and committed: the pages to hand over and the guidance to run, in this order."""

    conversation_id: str
    page_ids: list[int]
    guide: GuidanceStep | None


def fold_order(messages: list[MessageRow]) -> list[MessageRow]:
    """Arrival order, except that within one conversation turns take that conversation's places in
    ``turn_order`` (a transcription segment posted late is folded before the later ones it is scanned
    with). One scanned before a late earlier segment arrived is not folded again."""
    ordered = sorted(messages, key=lambda m: m.received_at)
    places: dict[str, list[int]] = {}
    for index, message in enumerate(ordered):
        places.setdefault(message.conversation_id, []).append(index)
    result = list(ordered)
    for indices in places.values():
        turns = sorted((ordered[i] for i in indices), key=turn_order)
        for index, turn in zip(indices, turns, strict=True):
            result[index] = turn
    return result


def fold_in_order(
    runtime: Runtime, message: MessageRow, outcome: Outcome | None, token: str, keep_claim: Callable[[], None]
) -> list[Folded]:
    """Fold ``message`` (held by the claim ``token``), after folding any earlier turn of its conversation
    still waiting. Raises what folding ``message`` itself raises; an earlier turn's failure is logged."""
    done: list[Folded] = []
    passed: set[str] = set()  # earlier turns whose fold failed here: their own scan retries them
    for _ in range(EARLIER_LIMIT):
        result = record_turn(runtime, message, outcome, token, passed)
        if not isinstance(result, MessageRow):
            return done + ([result] if result is not None else [])
        earlier: MessageRow | None = result
        while earlier is not None:  # the earliest waiting turn first (one may appear before it meanwhile)
            log.debug(
                "an earlier turn is folded first",
                extra={"message_id": earlier.id, "conversation_id": earlier.conversation_id},
            )
            try:
                taken = record_turn(runtime, earlier, _assess(runtime, earlier, keep_claim), None, passed)
            except Exception as error:
                log.error(
                    "fold of an earlier turn failed (%s); it is left to its own scan",
                    type(error).__name__,
                    extra={"message_id": earlier.id, "conversation_id": earlier.conversation_id},
                )
                log.debug("earlier turn failure", exc_info=True)
                passed.add(earlier.id)
                break
            if isinstance(taken, Folded):
                done.append(taken)
            earlier = taken if isinstance(taken, MessageRow) else None
    raise RuntimeError("too many earlier turns waiting")  # released: the next scan goes on from here


def _assess(runtime: Runtime, message: MessageRow, keep_claim: Callable[[], None]) -> Outcome | None:
    if message.sender != "customer":
        return None
    item = Item(message.text, "voice" if message.channel == "voice" else "chat")
    return assess_all(runtime.detector, [item], runtime.settings.scan_deadline_seconds, keep_claim)[0]


def record_turn(
    runtime: Runtime, message: MessageRow, outcome: Outcome | None, token: str | None, passed: set[str]
) -> Folded | MessageRow | None:
    """One turn's transaction: the conversation's detector state, the assessment, the incident step.

    Returns what was folded, or the first earlier turn still waiting (nothing is written: fold that one
    first), or None when there is nothing to fold (another scan took the turn over). ``token`` None takes
    the turn over from whichever claim holds it.

    The detector reads the turn again here (an answer to the agent's screening question, the question an
    agent asks), outside the deadline, so only its first CONTEXT_CHARS are given: enough for a question or
    an answer, and a bound on the work whatever the text is. A degraded message is not read again at all."""
    now = runtime.clock()
    with session_scope(runtime.url) as session:
        conversation = _lock_conversation(session, message.conversation_id)
        if conversation is None:
            return None
        earlier = _first_waiting_before(session, message, passed)
        if earlier is not None:
            return earlier
        if not claims.finish(session, message.id, token, now):
            return None  # another scan took it over (after this claim ran out, or to fold it in order)
        return fold_held(runtime, session, conversation, message, outcome, now)


def fold_held(
    runtime: Runtime,
    session: Session,
    conversation: ConversationRow,
    message: MessageRow,
    outcome: Outcome | None,
    now: datetime,
    recent: Sequence[MessageRow] | None = None,
    windows: Windows | None = None,
) -> Folded:
    """Fold a turn this transaction has just marked scanned, under its conversation's lock. ``recent``:
    the conversation's newest folded customer turns, read for a whole chunk (``context_turns.recent_for``);
    None reads them for this turn. ``windows``: the chunk's turns read with their earlier ones in one batch
    (``Detector.read_windows``); None reads this turn's here."""
    if outcome is None:  # an agent's turn: context for the detector, checkpoints for the playbook
        state = ConversationState.from_dict(conversation.detector_state)
        heard = runtime.detector.hear_agent(state, message.text[:CONTEXT_CHARS])
        conversation.detector_state = heard.to_dict()
        text = message.text

        def guide(s: Session, c: ConversationRow) -> None:
            if not c.is_test:
                guide_agent_turn(s, c, text, now)

        return Folded(conversation.id, [], guide)
    page_ids, step = _fold(runtime, session, conversation, message, outcome, now, recent, windows)
    return Folded(conversation.id, page_ids, step)


def _first_waiting_before(session: Session, message: MessageRow, passed: set[str]) -> MessageRow | None:
    """The conversation's earliest turn that comes before ``message`` and is still unscanned."""
    query = (
        select(MessageRow)
        .where(MessageRow.conversation_id == message.conversation_id)
        .where(col(MessageRow.scanned_at).is_(None))
        .where(col(MessageRow.quarantined_at).is_(None))
        .where(col(MessageRow.id) != message.id)
        # Only turns that can come before: sequenced ones sort first, the rest by arrival (under a
        # backlog most of a conversation's waiting turns come after this one, and are not read).
        .where(col(MessageRow.sequence).is_not(None) | (col(MessageRow.received_at) <= message.received_at))
        .order_by(col(MessageRow.received_at))
        .limit(EARLIER_LIMIT)
    )
    mine = turn_order(message)
    waiting = [m for m in session.exec(query).all() if m.id not in passed and turn_order(m) < mine]
    return min(waiting, key=turn_order) if waiting else None


def _fold(
    runtime: Runtime,
    session: Session,
    conversation: ConversationRow,
    message: MessageRow,
    outcome: Outcome,
    now: datetime,
    recent: Sequence[MessageRow] | None,
    windows: Windows | None,
) -> tuple[list[int], GuidanceStep | None]:
    """Fold one assessed message into its conversation; open or raise an incident when risk is new."""
    from workers.canary import record_canary  # canary builds on workers.messages, which imports this

    state = ConversationState.from_dict(conversation.detector_state)
    context = "" if outcome.degraded else message.text[:CONTEXT_CHARS]
    if context:
        count = runtime.detector.config.context_turns - 1
        earlier = (
            earlier_customer_turns(session, message, count)
            if recent is None
            else pick_before(recent, message, count)
        )
        state = replace(state, recent=earlier)
    assessment, state = runtime.detector.fold(state, outcome.assessment, context, windows)
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
        # Turns of one conversation are folded one at a time. NO KEY UPDATE: a message being stored for
        # the conversation (its foreign key takes KEY SHARE) does not wait for a fold.
        query = query.with_for_update(key_share=True)
    return session.exec(query).first()
