"""Retention: customers' words are kept ``STAYLINE_RETENTION_DAYS`` (default 30), then removed.

What goes: a message's text and the words quoted in its evidence. What stays: levels, categories, scores,
evidence offsets and rule names, incidents, pages, acknowledgements and the audit trail, so a review can
still say what was detected, when, and who was paged, without the words. A conversation under an open
incident keeps its words until the incident is resolved: the responder may still need them.

The sweepers run it about twice a day under a lease (``workers.sweeper``); ``stayline purge --before``
runs it by hand. Each run is one audit row with counts; it never names a message's words.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from store import repository
from store.db import session_scope
from store.models import AssessmentRow, IncidentRow, MessageRow
from workers.runtime import Runtime

log = logging.getLogger(__name__)
BATCH = 500


@dataclass(frozen=True)
class PurgeReport:
    messages: int  # texts removed
    assessments: int  # evidence lists whose words were removed
    kept_open: int  # old enough, but their conversation has an open incident


def _under_open_incident() -> SelectOfScalar[str]:
    return select(IncidentRow.conversation_id).where(col(IncidentRow.state).in_(repository.OPEN_STATES))


def _expired(before: datetime) -> SelectOfScalar[str]:
    return (
        select(MessageRow.id)
        .where(col(MessageRow.received_at) < before)
        .where(col(MessageRow.purged_at).is_(None))
    )


def purge_batch(session: Session, before: datetime, now: datetime) -> tuple[int, int]:
    """Remove the words of up to BATCH expired messages; (messages, assessments) purged."""
    ids = list(
        session.exec(
            _expired(before)
            .where(col(MessageRow.conversation_id).not_in(_under_open_incident()))
            .limit(BATCH)
        ).all()
    )
    if not ids:
        return 0, 0
    session.execute(update(MessageRow).where(col(MessageRow.id).in_(ids)).values(text="", purged_at=now))
    assessments = session.exec(select(AssessmentRow).where(col(AssessmentRow.message_id).in_(ids))).all()
    for assessment in assessments:
        # Offsets, rule names and modifiers stay: they say where and why, not what.
        assessment.signals = [{**signal, "text": None} for signal in assessment.signals]
    return len(ids), len(assessments)


def purge_before(url: str, before: datetime, now: datetime) -> PurgeReport:
    """Purge everything older than ``before`` in batches (short transactions), then audit the run."""
    messages = assessments = 0
    while True:
        with session_scope(url) as session:
            done, evidence = purge_batch(session, before, now)
        messages, assessments = messages + done, assessments + evidence
        if done < BATCH:
            break
    with session_scope(url) as session:
        kept = session.exec(
            _expired(before).where(col(MessageRow.conversation_id).in_(_under_open_incident()))
        ).all()
        report = PurgeReport(messages, assessments, len(kept))
        repository.audit(
            session,
            "retention",
            "text_purged",
            at=now,
            before=before.isoformat(),
            messages=report.messages,
            assessments=report.assessments,
            kept_open=report.kept_open,
        )
    log.info("retention purge", extra={"messages": messages, "assessments": assessments, "kept": len(kept)})
    return report


def purge_expired(runtime: Runtime) -> PurgeReport:
    """The periodic job: everything older than the retention period, by the runtime's clock."""
    now = runtime.clock()
    return purge_before(runtime.url, now - timedelta(days=runtime.settings.retention_days), now)
