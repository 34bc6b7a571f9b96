"""The sweep that beat runs every few seconds: the database is the source of truth for timers.

It re-queues scans the queue never ran, runs due incident steps, and hands due pages to the dispatcher.
A page handed over twice is still sent once (delivery claims each page), so the sweep may be generous.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from store import repository
from store.db import session_scope
from workers.delivery import release_stuck
from workers.incidents import run_due
from workers.messages import SCAN_GRACE, scans_to_queue, unscanned
from workers.rota import alarm_upcoming_gaps
from workers.runtime import Runtime

log = logging.getLogger(__name__)

PAGE_GRACE = timedelta(seconds=5)  # a page queued this recently is probably still in the broker
PAGE_REQUEUE = timedelta(seconds=5)  # after the sweep queues a page: due again this much later (+ grace)
ROTA_HORIZON = timedelta(hours=12)


@dataclass(frozen=True)
class SweepReport:
    rescanned: int
    pages: int
    released: int


def sweep(runtime: Runtime) -> SweepReport:
    now = runtime.clock()
    with session_scope(runtime.url) as session:
        released = release_stuck(session, runtime.policy, now)
        to_scan = unscanned(session, now - SCAN_GRACE)
        fresh = run_due(session, runtime.config, now)
        waiting = []
        for page in repository.due_pages(session, now - PAGE_GRACE):
            # Handed over now: due again only if this hand-over is lost too. Without it, a page waiting
            # in a busy pages queue was queued again every round, and the copies crowded out scans.
            page.next_attempt_at = now + PAGE_REQUEUE
            waiting.extend([page.id] if page.id is not None else [])
    for message_id, urgent in scans_to_queue(to_scan):
        runtime.dispatcher.scan(message_id, urgent)  # a crisis message lost in an outage still goes first
    page_ids = sorted(set(fresh) | set(waiting))
    for page_id in page_ids:
        runtime.dispatcher.send_page(page_id)
    # Guidance last, and on its own: it ticks every open conversation (its time grows with them) and may
    # fail; neither may delay or stop the pages and scans above.
    try:
        tick_guidance(runtime)
    except Exception as error:
        log.error("guidance tick failed (%s); pages and scans were handed over", type(error).__name__)
    return SweepReport(rescanned=len(to_scan), pages=len(page_ids), released=released)


def check_rota(runtime: Runtime) -> int:
    """Alarm ahead of time for windows with nobody reachable on call."""
    from workers.guidance import alarm_expired_resources

    now = runtime.clock()
    with session_scope(runtime.url) as session:
        page_ids = alarm_upcoming_gaps(session, runtime.config, now, ROTA_HORIZON)
        page_ids += alarm_expired_resources(session, now.date(), now)
    for page_id in page_ids:
        runtime.dispatcher.send_page(page_id)
    return len(page_ids)


def tick_guidance(runtime: Runtime) -> int:
    """Silence nudges and overdue acknowledgements come due with time, not with a turn: tick each
    conversation with an open incident whose guidance has something coming due (``guidance_due_at``).
    Returns how many were ticked."""
    from sqlalchemy.orm import load_only
    from sqlmodel import col, select

    from store.models import ConversationRow, IncidentRow
    from workers.guidance import tick_conversation

    now = runtime.clock()
    with session_scope(runtime.url) as session:
        open_ids = select(IncidentRow.conversation_id).where(
            col(IncidentRow.state).in_(repository.OPEN_STATES)
        )
        # Only the conversations whose moment has come, and only what a tick reads: a round that decoded
        # every open conversation's guidance state (16 kB of JSON each) found nothing due in most.
        due = load_only(
            ConversationRow.id,  # type: ignore[arg-type]
            ConversationRow.guidance_state,  # type: ignore[arg-type]
            ConversationRow.guidance_due_at,  # type: ignore[arg-type]
        )
        conversations = session.exec(
            select(ConversationRow)
            .where(col(ConversationRow.guidance_due_at) <= now)
            .where(col(ConversationRow.id).in_(open_ids))
            .options(due)
        ).all()
        for conversation in conversations:
            tick_conversation(session, conversation, now)
        return len(conversations)
