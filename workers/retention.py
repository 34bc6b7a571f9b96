"""Retention: customers' words are kept ``STAYLINE_RETENTION_DAYS`` (default 30), then removed.

What goes: a message's text and the words quoted in its evidence. What stays: levels, categories, scores,
evidence offsets and rule names, incidents, pages, acknowledgements and the audit trail, so a review can
still say what was detected, when, and who was paged, without the words. A conversation under an open
incident keeps its words until the incident is resolved: the responder may still need them.

Labelled examples (issue 15) quote their turn and its context window: when those turns are purged, the
example's words go too, unless the centre keeps labelled text (``STAYLINE_KEEP_LABELLED_TEXT``); either
way its features stay (the detector's signal names and levels, hashed n-gram ids: no words).

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
from store.models import AssessmentRow, IncidentRow, LabelledExampleRow, MessageRow
from workers.runtime import Runtime

log = logging.getLogger(__name__)
BATCH = 500


@dataclass(frozen=True)
class PurgeReport:
    messages: int  # texts removed
    assessments: int  # evidence lists whose words were removed
    kept_open: int  # old enough, but their conversation has an open incident
    examples: int = 0  # labelled examples whose words were removed (their features stay)
    examples_kept: int = 0  # labelled examples that keep their words (STAYLINE_KEEP_LABELLED_TEXT)


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


def _expired_examples(before: datetime) -> SelectOfScalar[LabelledExampleRow]:
    return (
        select(LabelledExampleRow)
        .where(col(LabelledExampleRow.oldest_turn_at) < before)
        .where(col(LabelledExampleRow.purged_at).is_(None))
        .where(col(LabelledExampleRow.conversation_id).not_in(_under_open_incident()))
    )


def purge_examples(session: Session, before: datetime, now: datetime) -> int:
    """Empty the words of up to BATCH labelled examples quoting turns older than ``before``."""
    rows = session.exec(_expired_examples(before).limit(BATCH)).all()
    for row in rows:
        row.text, row.context, row.purged_at = "", [], now
    return len(rows)


def purge_before(
    url: str, before: datetime, now: datetime, *, keep_labelled_text: bool = False
) -> PurgeReport:
    """Purge everything older than ``before`` in batches (short transactions), then audit the run.
    ``keep_labelled_text`` (STAYLINE_KEEP_LABELLED_TEXT) leaves labelled examples their words."""
    messages = assessments = examples = 0
    while True:
        with session_scope(url) as session:
            done, evidence = purge_batch(session, before, now)
        messages, assessments = messages + done, assessments + evidence
        if done < BATCH:
            break
    while not keep_labelled_text:
        with session_scope(url) as session:
            done = purge_examples(session, before, now)
        examples += done
        if done < BATCH:
            break
    with session_scope(url) as session:
        kept = session.exec(
            _expired(before).where(col(MessageRow.conversation_id).in_(_under_open_incident()))
        ).all()
        kept_examples = len(session.exec(_expired_examples(before)).all()) if keep_labelled_text else 0
        report = PurgeReport(messages, assessments, len(kept), examples, kept_examples)
        repository.audit(
            session,
            "retention",
            "text_purged",
            at=now,
            before=before.isoformat(),
            messages=report.messages,
            assessments=report.assessments,
            kept_open=report.kept_open,
            examples=report.examples,
            examples_kept=report.examples_kept,
        )
    log.info(
        "retention purge",
        extra={"messages": messages, "assessments": assessments, "kept": len(kept), "examples": examples},
    )
    return report


def purge_expired(runtime: Runtime) -> PurgeReport:
    """The periodic job: everything older than the retention period, by the runtime's clock."""
    now = runtime.clock()
    before = now - timedelta(days=runtime.settings.retention_days)
    return purge_before(runtime.url, before, now, keep_labelled_text=runtime.settings.keep_labelled_text)
