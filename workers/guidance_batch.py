"""The agent's guidance for a folded chunk of turns, in one transaction rather than one per turn.

Each step runs in a savepoint of its own: a step that fails is rolled back alone, logged and audited as
``run_guidance`` does, and the agent is shown the fallback card. Should the transaction itself fail (a
lost connection, a deadlock), nothing of it is kept and each step runs again through ``run_guidance``.
Guidance comes after the pages of these turns were handed over, so none of this can delay a page."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from sqlmodel import col, select

from store.db import is_postgres, session_scope
from store.models import ConversationRow
from workers.guidance import GuidanceStep, audit_guidance_failure, log_guidance_failure, run_guidance

log = logging.getLogger(__name__)


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
        found = {c.id for c in session.exec(query).all()}
        for conversation_id, step in steps:
            if conversation_id not in found:
                continue
            try:
                with session.begin_nested():
                    conversation = session.get(ConversationRow, conversation_id)
                    if conversation is not None:
                        step(session, conversation)
            except Exception as error:
                log_guidance_failure(conversation_id, error)
                audit_guidance_failure(session, conversation_id, error, now)
