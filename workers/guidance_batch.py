"""The agent's guidance for a folded chunk of turns, in one transaction rather than one per turn.

A step that fails is rolled back alone, logged and audited as ``run_guidance`` does, and the agent is
shown the fallback card. Steps run without autoflush and write through the session (the conversation's
guidance state, audit rows added), so a failed step is undone in memory: its new rows leave the session
and the conversation's guidance state is put back. (A savepoint per step did the same at two statements
a turn, a fifth of a worker's time under the batch door's load.) A failed step that did reach the
database (it flushed by itself) cannot be undone that way: the whole transaction is dropped, as when the
transaction itself fails (a lost connection, a deadlock), and each step runs again alone through
``run_guidance``. Guidance comes after the pages of these turns were handed over, so none of this can
delay a page."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import event
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, col, select

from store.db import is_postgres, session_scope
from store.models import ConversationRow
from workers.guidance import GuidanceStep, audit_guidance_failure, log_guidance_failure, run_guidance

log = logging.getLogger(__name__)

_FLUSHES = "guidance_batch_flushes"


class _Written(Exception):
    """A failed step had already written to the database: only a rollback of everything undoes it."""


@event.listens_for(OrmSession, "after_flush")
def _count_flushes(session: OrmSession, _context: object) -> None:
    session.info[_FLUSHES] = session.info.get(_FLUSHES, 0) + 1


def run_guidance_many(
    url: str, steps: Sequence[tuple[str, GuidanceStep]], now: datetime | None = None
) -> None:
    """Run ``steps`` (conversation id, step) in order."""
    if len(steps) == 1:
        run_guidance(url, steps[0][0], steps[0][1], now)
        return
    if not steps:
        return
    try:
        _together(url, steps, now)
    except Exception as error:
        log.warning("guidance batch failed (%s); running each step alone", type(error).__name__)
        for conversation_id, step in steps:
            run_guidance(url, conversation_id, step, now)


def _together(url: str, steps: Sequence[tuple[str, GuidanceStep]], now: datetime | None) -> None:
    with session_scope(url) as session:
        ids = sorted({conversation_id for conversation_id, _ in steps})
        query = (
            select(ConversationRow).where(col(ConversationRow.id).in_(ids)).order_by(col(ConversationRow.id))
        )
        if is_postgres(session):
            query = query.with_for_update(key_share=True)  # in id order, as the folds lock them
        # Held here: the session's identity map keeps rows only while something refers to them, and a
        # get() per step after the rows were dropped read each conversation again (a SELECT a turn).
        found = {c.id: c for c in session.exec(query).all()}
        for conversation_id, step in steps:
            conversation = found.get(conversation_id)
            if conversation is None:
                continue
            try:
                _step_alone(session, conversation, step)
            except _Written:
                raise
            except Exception as error:
                log_guidance_failure(conversation_id, error)
                audit_guidance_failure(session, conversation_id, error, now)


def _step_alone(session: Session, conversation: ConversationRow, step: GuidanceStep) -> None:
    """Run ``step``; if it fails, take back what it did in memory (raises ``_Written`` if it cannot)."""
    state, due = conversation.guidance_state, conversation.guidance_due_at
    known = set(map(id, session.new))
    flushes = session.info.get(_FLUSHES, 0)
    try:
        with session.no_autoflush:
            step(session, conversation)
    except Exception as error:
        if session.info.get(_FLUSHES, 0) != flushes:
            raise _Written(type(error).__name__) from error
        for row in [row for row in session.new if id(row) not in known]:
            session.expunge(row)
        conversation.guidance_state, conversation.guidance_due_at = state, due
        raise
