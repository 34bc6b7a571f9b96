"""Pruning by month: rows themselves deleted, not only words (issue 16, item 5, under issue 9's policy).

Retention (``workers.retention``) empties message text after ``STAYLINE_RETENTION_DAYS`` and keeps the rows.
Pruning, off unless configured, deletes whole calendar months older than a horizon:

- ``STAYLINE_PRUNE_MESSAGES_AFTER_DAYS``: messages and their assessments (the only table with a foreign
  key to ``message``) of conversations with no open incident and no activity since the cut-off (no message
  received, no scan, no incident opened or resolved). Conversation rows, incidents, pages and
  acknowledgements stay; so do labelled examples (they hold copies and a plain ``message_id``, no foreign
  key, and have their own retention).
- ``STAYLINE_PRUNE_AUDIT_AFTER_DAYS``: audit rows up to the last one of the oldest months, after an anchor
  (``audit_anchor``: that row's seq and hash) that ``stayline audit verify`` starts from.

The cut-off is the first midnight UTC of the month holding ``now - horizon``: only months entirely older
than the horizon go. Every batch is its own short transaction of at most ``STAYLINE_PRUNE_BATCH_SIZE``
rows (default 1,000), deleted by primary key: row locks only, never a table lock, so intake, scans and
pages go on between and during batches. Each batch re-reads which conversations qualify, so one that
comes back to life mid-prune keeps what the remaining batches have not deleted yet.

Each run is audited with counts only (``messages_pruned``, ``audit_pruned``); no words are logged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, exists, func, or_
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from store import repository
from store.audit_chain import PRUNED, latest_anchor
from store.db import session_scope
from store.models import (
    AssessmentRow,
    AuditAnchorRow,
    AuditEventRow,
    ConversationRow,
    IncidentRow,
    MessageRow,
)
from workers.runtime import Runtime

log = logging.getLogger(__name__)

AfterBatch = Callable[[int], None]  # called with the batch number after each committed batch (tests)


@dataclass(frozen=True)
class MessagePrune:
    before: datetime
    messages: int
    assessments: int
    batches: int
    kept: int  # older than the cut-off, but their conversation has an open incident or activity since


@dataclass(frozen=True)
class AuditPrune:
    before: datetime
    rows: int  # audit rows deleted by this run
    batches: int
    anchor_seq: int | None  # the latest anchor after this run


@dataclass(frozen=True)
class PruneReport:
    messages: MessagePrune | None
    audit: AuditPrune | None


def month_start(moment: datetime) -> datetime:
    """The first midnight UTC of ``moment``'s month."""
    moment = moment.astimezone(UTC)
    return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def cutoff(now: datetime, days: int) -> datetime:
    """Rows before this go: the month holding ``now - days`` is kept whole, and so is every later one, so
    only closed months entirely past the horizon are deleted."""
    return month_start(now - timedelta(days=days))


# -- messages ---------------------------------------------------------------------------------------


def _old_messages(before: datetime) -> SelectOfScalar[str]:
    return select(MessageRow.id).where(col(MessageRow.received_at) < before)


def _quiet_conversations(before: datetime) -> SelectOfScalar[str]:
    """Conversations nothing has happened in since ``before`` and with no open incident."""
    recent_message = exists().where(
        col(MessageRow.conversation_id) == col(ConversationRow.id), col(MessageRow.received_at) >= before
    )
    busy_incident = exists().where(
        col(IncidentRow.conversation_id) == col(ConversationRow.id),
        or_(
            col(IncidentRow.state).in_(repository.OPEN_STATES),
            col(IncidentRow.opened_at) >= before,
            col(IncidentRow.resolved_at) >= before,
        ),
    )
    return (
        select(ConversationRow.id)
        .where(col(ConversationRow.updated_at) < before)
        .where(~recent_message)
        .where(~busy_incident)
    )


def prune_messages_batch(session: Session, before: datetime, size: int) -> tuple[int, int]:
    """Delete up to ``size`` messages received before ``before`` (oldest first) of quiet conversations,
    with their assessments; (messages, assessments) deleted."""
    ids = list(
        session.exec(
            _old_messages(before)
            .where(col(MessageRow.conversation_id).in_(_quiet_conversations(before)))
            .order_by(col(MessageRow.received_at), col(MessageRow.id))
            .limit(size)
        ).all()
    )
    if not ids:
        return 0, 0
    assessments = session.execute(delete(AssessmentRow).where(col(AssessmentRow.message_id).in_(ids)))
    messages = session.execute(delete(MessageRow).where(col(MessageRow.id).in_(ids)))
    return int(messages.rowcount), int(assessments.rowcount)  # type: ignore[attr-defined]


def prune_messages(
    url: str, before: datetime, now: datetime, *, size: int = 1000, after_batch: AfterBatch | None = None
) -> MessagePrune:
    messages = assessments = batches = 0
    while True:
        with session_scope(url) as session:
            done, evidence = prune_messages_batch(session, before, size)
        if done:
            batches += 1
            messages, assessments = messages + done, assessments + evidence
            if after_batch is not None:
                after_batch(batches)
        if done < size:
            break
    with session_scope(url) as session:
        kept = session.exec(select(func.count()).select_from(_old_messages(before).subquery())).one()
        report = MessagePrune(before, messages, assessments, batches, int(kept))
        repository.audit(
            session,
            "retention",
            "messages_pruned",
            at=now,
            before=before.isoformat(),
            messages=messages,
            assessments=assessments,
            batches=batches,
            kept=report.kept,
        )
    log.info(
        "messages pruned",
        extra={"messages": messages, "assessments": assessments, "batches": batches, "kept": report.kept},
    )
    return report


# -- the audit trail --------------------------------------------------------------------------------


def _through(session: Session, before: datetime) -> int:
    """The last seq of the run of rows, from the start of the chain, all written before ``before``."""
    first_kept = session.exec(
        select(func.min(AuditEventRow.seq)).where(col(AuditEventRow.at) >= before)
    ).one()
    if first_kept is not None:
        return int(first_kept) - 1
    last = session.exec(select(func.max(AuditEventRow.seq))).one()
    return int(last or 0)


def _delete_audit_batch(session: Session, through: int, size: int) -> int:
    ids = list(
        session.exec(
            select(AuditEventRow.id)
            .where(col(AuditEventRow.seq) <= through)
            .order_by(col(AuditEventRow.seq))
            .limit(size)
        ).all()
    )
    if not ids:
        return 0
    return int(session.execute(delete(AuditEventRow).where(col(AuditEventRow.id).in_(ids))).rowcount)  # type: ignore[attr-defined]


def prune_audit(
    url: str,
    before: datetime,
    now: datetime,
    who: str = "retention",
    *,
    size: int = 1000,
    after_batch: AfterBatch | None = None,
) -> AuditPrune:
    """Delete the audit rows from the start of the chain up to the last one written before ``before``.

    The first transaction records the anchor (that last row's seq and hash), the ``audit_pruned`` row
    vouching for it (counts, the seq and the hash; it is chained like any row) and the first batch; the
    rest go a batch per transaction. A run that dies half-way leaves a valid anchor: ``verify`` skips the
    rows at or below it, and the next run deletes them."""
    rows = batches = 0
    with session_scope(url) as session:
        anchor = latest_anchor(session)
        anchored = anchor.seq if anchor is not None else 0
        through = _through(session, before)
        if through > anchored:
            last = session.exec(select(AuditEventRow).where(col(AuditEventRow.seq) == through)).one()
            assert last.hash is not None
            planned = session.exec(
                select(func.count()).select_from(AuditEventRow).where(col(AuditEventRow.seq) <= through)
            ).one()
            session.add(
                AuditAnchorRow(
                    seq=through, hash=last.hash, pruned_at=now, before=before, pruned_rows=planned, who=who
                )
            )
            repository.audit(
                session,
                who,
                PRUNED,
                at=now,
                before=before.isoformat(),
                rows=int(planned),
                through_seq=through,
                anchor_hash=last.hash,
            )
            rows = _delete_audit_batch(session, through, size)
            batches, more = 1, rows == size
        else:
            through, more = anchored, anchored > 0  # resume what an earlier run left, under its anchor
    if after_batch is not None and batches:
        after_batch(batches)
    while more:
        with session_scope(url) as session:
            done = _delete_audit_batch(session, through, size)
        more = done == size
        if done:
            rows, batches = rows + done, batches + 1
            if after_batch is not None:
                after_batch(batches)
    log.info("audit trail pruned", extra={"rows": rows, "batches": batches, "through_seq": through})
    return AuditPrune(before, rows, batches, through or None)


# -- the job ----------------------------------------------------------------------------------------


def prune(
    url: str,
    now: datetime,
    *,
    messages_after_days: int | None,
    audit_after_days: int | None,
    size: int = 1000,
    who: str = "retention",
    after_batch: AfterBatch | None = None,
) -> PruneReport:
    """Messages first, then the audit trail (so the messages' own audit row is written before it)."""
    messages = audit = None
    if messages_after_days is not None:
        before = cutoff(now, messages_after_days)
        messages = prune_messages(url, before, now, size=size, after_batch=after_batch)
    if audit_after_days is not None:
        before = cutoff(now, audit_after_days)
        audit = prune_audit(url, before, now, who, size=size, after_batch=after_batch)
    return PruneReport(messages, audit)


def prune_expired(runtime: Runtime) -> PruneReport:
    """The periodic job (at most daily, under its lease in ``workers.sweeper``)."""
    settings = runtime.settings
    return prune(
        runtime.url,
        runtime.clock(),
        messages_after_days=settings.prune_messages_after_days,
        audit_after_days=settings.prune_audit_after_days,
        size=settings.prune_batch_size,
    )
