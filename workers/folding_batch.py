"""Folding a claimed batch in few transactions: several conversations' turns in one, in order.

``workers/folding.py`` folds one turn per transaction, which is what a contended conversation needs (an
earlier turn held by another scan is assessed and folded first). Most of the time there is no contention:
the batch holds every waiting turn of its conversations up to its last one. Then a chunk of conversations
is folded in one transaction: their rows locked in id order (two chunks never wait on each other in a
cycle), the claim finished for all of them in one statement, one read to check that no earlier turn of
theirs is waiting outside the batch, and one audit-chain head lock at commit for all their rows.

Anything else (an earlier turn waiting, a claim taken over, a failure while folding) rolls the chunk back
whole and the caller folds its turns one at a time through ``fold_in_order``: the same guarantees, at the
old price, only where needed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime

from sqlmodel import Session, col, select

from detector.pipeline import Windows
from store.db import is_postgres, session_scope
from store.models import ConversationRow, MessageRow
from workers import claims
from workers.assessing import Outcome
from workers.context_turns import CONTEXT_CHARS, pick_before, recent_for, turn_order
from workers.folding import Folded, fold_held
from workers.runtime import Runtime

log = logging.getLogger(__name__)

WAITING_LIMIT = 500  # waiting turns of a chunk's conversations read at once; more: turn by turn
CHUNK_CONVERSATIONS = 16  # conversations folded in one transaction (their pages wait for its commit)


class _OneAtATime(Exception):
    """The chunk needs turn-by-turn folding: nothing it wrote is kept."""


def chunks(messages: list[MessageRow]) -> Iterator[list[MessageRow]]:
    """``messages`` (in fold order) in groups of whole conversations, each group in fold order."""
    conversations: list[str] = []
    for message in messages:
        if message.conversation_id not in conversations:
            conversations.append(message.conversation_id)
    for start in range(0, len(conversations), CHUNK_CONVERSATIONS):
        group = set(conversations[start : start + CHUNK_CONVERSATIONS])
        yield [m for m in messages if m.conversation_id in group]


def fold_together(
    runtime: Runtime,
    messages: list[MessageRow],
    outcomes: dict[str, Outcome],
    token: str,
    later: set[str] | None = None,
) -> list[Folded] | None:
    """Fold ``messages`` (whole conversations, in fold order; ``outcomes`` by id for customer turns) in one
    transaction. None: nothing was written, fold them one at a time. ``later`` collects the ids of these
    conversations' turns still waiting after them (another scan's claim may have left them out while this
    one held the conversation: the caller sees that they get a scan)."""
    try:
        return _fold_together(runtime, messages, outcomes, token, later if later is not None else set())
    except _OneAtATime as why:
        log.info("batch folded turn by turn (%s)", why)
    except Exception as error:
        log.warning("batch fold failed (%s); folding turn by turn", type(error).__name__)
        log.debug("batch fold failure", exc_info=True)
    return None


def _fold_together(
    runtime: Runtime, messages: list[MessageRow], outcomes: dict[str, Outcome], token: str, later: set[str]
) -> list[Folded]:
    now = runtime.clock()
    with session_scope(runtime.url) as session:
        conversations = _lock(session, sorted({m.conversation_id for m in messages}))
        held = claims.finish_many(session, [m.id for m in messages], token, now)
        if len(held) != len(messages):
            raise _OneAtATime("a turn's claim was taken over")
        waiting = _check_nothing_earlier_waiting(session, messages)
        # The context turns of every conversation in one read, after the chunk's turns are marked
        # scanned (a read per turn also flushed the previous turn's rows: docs/scale.md).
        count = runtime.detector.config.context_turns - 1
        recent = recent_for(session, sorted(conversations), count)
        windows = _read_windows(runtime, messages, outcomes, recent, count)
        folded: list[Folded] = []
        for message in messages:
            conversation = conversations.get(message.conversation_id)
            if conversation is None:
                raise _OneAtATime("a conversation is missing")
            outcome = outcomes.get(message.id)
            if outcome is None and message.sender == "customer":
                raise _OneAtATime("a customer turn without an assessment")
            context = recent[conversation.id]
            folded.append(fold_held(runtime, session, conversation, message, outcome, now, context, windows))
    later.update(waiting)  # committed: these come after what was folded
    return folded


def _read_windows(
    runtime: Runtime,
    messages: list[MessageRow],
    outcomes: dict[str, Outcome],
    recent: dict[str, list[MessageRow]],
    count: int,
) -> Windows:
    """The model's readings of the chunk's customer turns, each joined to its earlier turns, in one batch:
    one text at a time they cost several times their share (bench/detector.py). The same turns and
    context ``fold_held`` gives the detector; a turn it reads otherwise is read there."""
    turns = [
        (pick_before(recent.get(m.conversation_id, []), m, count), m.text[:CONTEXT_CHARS])
        for m in messages
        if (outcome := outcomes.get(m.id)) is not None and not outcome.degraded
    ]  # a conversation gone missing is for the folds to find (they fold the chunk turn by turn then)
    return runtime.detector.read_windows(turns)


def _lock(session: Session, conversation_ids: list[str]) -> dict[str, ConversationRow]:
    query = (
        select(ConversationRow)
        .where(col(ConversationRow.id).in_(conversation_ids))
        .order_by(col(ConversationRow.id))
    )
    if is_postgres(session):
        query = query.with_for_update(key_share=True)  # as folding._lock_conversation, in id order
    return {c.id: c for c in session.exec(query).all()}


def _check_nothing_earlier_waiting(session: Session, messages: list[MessageRow]) -> list[str]:
    """Under the locks, after this batch's turns are marked scanned: any turn of these conversations still
    waiting must come after the batch's last turn of its conversation. Returns the id of one such later
    turn, if any (enough for the caller to hand the conversations on: a scan claims a batch).

    Only turns that can come before are read: those carrying a provider's sequence (they sort before
    turns without one) and those received no later than the batch's newest turn. Under a backlog a
    conversation has many turns waiting after the batch; reading them all made every chunk of a busy
    batch door fold turn by turn."""
    last: dict[str, tuple[bool, int, datetime, str]] = {}
    for message in messages:
        order = turn_order(message)
        if message.conversation_id not in last or order > last[message.conversation_id]:
            last[message.conversation_id] = order
    newest = max(m.received_at for m in messages)
    waiting_here = (
        col(MessageRow.conversation_id).in_(list(last))
        & col(MessageRow.scanned_at).is_(None)
        & col(MessageRow.quarantined_at).is_(None)
    )
    could_be_earlier = col(MessageRow.sequence).is_not(None) | (col(MessageRow.received_at) <= newest)
    query = select(MessageRow).where(waiting_here & could_be_earlier).limit(WAITING_LIMIT)
    waiting = session.exec(query).all()
    if len(waiting) == WAITING_LIMIT:
        raise _OneAtATime("many turns of these conversations are waiting")
    if any(turn_order(w) < last[w.conversation_id] for w in waiting):
        raise _OneAtATime("an earlier turn of a conversation is waiting outside the batch")
    if waiting:
        return [w.id for w in waiting]
    later = session.exec(select(MessageRow.id).where(waiting_here).limit(1)).first()
    return [later] if later is not None else []
