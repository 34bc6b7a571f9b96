"""The audit trail as a hash chain: each row carries the hash of the row before it, so an edited, deleted
or inserted row breaks the chain at that point, and ``verify`` names the first broken link.

Rows are written by many processes at once. The chain order is ``seq``, given when the writing transaction
commits: a ``before_commit`` hook locks the chain-head row (``audit_chain``), numbers and hashes this
transaction's new rows after the head, moves the head, and the commit releases the lock. Taking the lock
last, for the moment before commit, keeps it out of the way of incident and page row locks (no lock-order
deadlock, and a page is never held up behind a slow transaction's audit). A row lock and not an advisory
lock: advisory locks are per database, so deployments or test schemas sharing one would block each other.
On SQLite the writer lock serialises the same way. A transaction that rolls back takes its rows and its
head move with it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import SessionTransaction
from sqlmodel import Session, col, select

from store.audit_signal import announce
from store.db import insert_if_absent, is_postgres
from store.models import AuditAnchorRow, AuditChainRow, AuditEventRow

GENESIS = "0" * 64
HEAD = "audit"
PRUNED = "audit_pruned"  # the chained row that vouches for an anchor (workers.pruning)
_PENDING = "audit_chain_pending"


def row_hash(
    prev_hash: str,
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    incident_id: str | None,
    conversation_id: str | None,
    detail: dict[str, Any],
) -> str:
    """SHA-256 over the previous hash and every field of the row, in a canonical form that reads back the
    same from either database (UTC time; JSON with sorted keys, after a round trip as the column stores)."""
    stored_detail = json.loads(json.dumps(detail))
    canonical = json.dumps(
        [
            prev_hash,
            seq,
            at.astimezone(UTC).isoformat(),
            actor,
            action,
            incident_id,
            conversation_id,
            stored_detail,
        ],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def hash_of(row: AuditEventRow, prev_hash: str, seq: int) -> str:
    return row_hash(
        prev_hash, seq, row.at, row.actor, row.action, row.incident_id, row.conversation_id, row.detail
    )


def _lock_head(session: Session) -> AuditChainRow:
    query = select(AuditChainRow).where(AuditChainRow.name == HEAD).execution_options(populate_existing=True)
    if is_postgres(session):
        query = query.with_for_update()
    head = session.exec(query).first()
    if head is not None:  # every time but the first: one statement, not two
        return head
    insert_if_absent(session, AuditChainRow, {"name": HEAD, "seq": 0, "hash": GENESIS})
    return session.exec(query).one()


@event.listens_for(OrmSession, "before_flush")
def _collect(session: OrmSession, _context: object, _instances: object) -> None:
    new = [row for row in session.new if isinstance(row, AuditEventRow) and row.seq is None]
    if new:
        session.info.setdefault(_PENDING, []).extend(new)


@event.listens_for(OrmSession, "before_commit")
def _chain(session: OrmSession) -> None:
    if not isinstance(session, Session) or session.in_nested_transaction():
        return  # a savepoint's release: its rows stay pending, numbered when the transaction commits
    # Rows not written yet are numbered before their INSERT (one statement each, not an INSERT and then
    # an UPDATE): they leave the session while the rest of the transaction is flushed, so every other row
    # lock is taken before the head's, as before, and come back numbered after it.
    unwritten = [row for row in session.new if isinstance(row, AuditEventRow) and row.seq is None]
    for row in unwritten:
        session.expunge(row)
    session.flush()  # every row written earlier has its id (and was collected)
    # Rows a rolled-back savepoint took with it are no longer in the session: they get no number.
    written = [row for row in session.info.pop(_PENDING, []) if row in session]
    if not written and not unwritten:
        return
    # The notification goes out at commit wherever it is queued: queued here, it is one round trip less
    # while the head is locked (every audit-writing transaction of every process waits for that lock).
    announce(session)  # live event streams read past their cursor once this commits
    head = _lock_head(session)
    for row in sorted(written, key=lambda r: r.id or 0) + unwritten:  # then in the order they were added
        seq = head.seq + 1
        row.seq, row.prev_hash, row.hash = seq, head.hash, hash_of(row, head.hash, seq)
        head.seq, head.hash = seq, row.hash
    session.add_all(unwritten)
    session.flush()


@event.listens_for(OrmSession, "after_soft_rollback")
def _forget(session: OrmSession, previous: SessionTransaction) -> None:
    if previous.nested:  # a savepoint: the rest of the transaction's rows stay pending
        kept = [row for row in session.info.get(_PENDING, []) if row in session]
        session.info[_PENDING] = kept
        return
    session.info.pop(_PENDING, None)


@dataclass(frozen=True)
class Break:
    seq: int | None
    row_id: int | None
    reason: str


@dataclass(frozen=True)
class Verification:
    rows: int
    first_break: Break | None
    anchor_seq: int | None = None  # the chain was checked from this pruned row's hash; None: from genesis

    @property
    def intact(self) -> bool:
        return self.first_break is None


def _in_order(session: Session, after: int = 0, batch: int = 1000) -> Iterator[AuditEventRow]:
    last = after
    while True:
        rows = session.exec(
            select(AuditEventRow)
            .where(col(AuditEventRow.seq) > last)
            .order_by(col(AuditEventRow.seq))
            .limit(batch)
        ).all()
        yield from rows
        if len(rows) < batch:
            return
        last = rows[-1].seq or last
        session.expunge_all()  # a long trail is read in batches, not held in memory


def latest_anchor(session: Session) -> AuditAnchorRow | None:
    return session.exec(select(AuditAnchorRow).order_by(col(AuditAnchorRow.seq).desc()).limit(1)).first()


def _vouched(session: Session, anchor: AuditAnchorRow) -> bool:
    """An anchor counts only if the chain after it carries the ``audit_pruned`` row written with it (same
    transaction): an anchor inserted by hand to hide rows cut off the start has none."""
    rows = session.exec(
        select(AuditEventRow.detail)
        .where(col(AuditEventRow.action) == PRUNED)
        .where(col(AuditEventRow.seq) > anchor.seq)
    ).all()
    return any(d.get("through_seq") == anchor.seq and d.get("anchor_hash") == anchor.hash for d in rows)


def verify(session: Session) -> Verification:
    """Walk the chain from the latest anchor (or the first row when nothing was ever pruned); the first
    row whose link does not hold is the break. Rows at or below the anchor are ones a prune is still
    deleting batch by batch: they are not read."""
    outside = session.exec(select(AuditEventRow.id).where(col(AuditEventRow.seq).is_(None)).limit(1)).first()
    if outside is not None:
        return Verification(0, Break(None, outside, "a row outside the chain (written around it)"))
    anchor = latest_anchor(session)
    prev, expected, count = GENESIS, 1, 0
    anchor_seq = None
    if anchor is not None:
        anchor_seq = anchor.seq
        if not _vouched(session, anchor):
            reason = "the anchor it starts from is not recorded by an audit_pruned row after it"
            return Verification(0, Break(anchor.seq, None, reason), anchor_seq)
        prev, expected = anchor.hash, anchor.seq + 1
    for row in _in_order(session, after=expected - 1):
        seq = row.seq or 0
        if seq != expected:
            broken = Break(expected, None, f"row {expected} is missing (next is {seq})")
            return Verification(count, broken, anchor_seq)
        if row.prev_hash != prev:
            broken = Break(seq, row.id, "does not carry the previous row's hash")
            return Verification(count, broken, anchor_seq)
        if row.hash != hash_of(row, prev, seq):
            return Verification(count, Break(seq, row.id, "its content does not match its hash"), anchor_seq)
        prev, expected, count = row.hash, expected + 1, count + 1
    last = expected - 1
    head = session.get(AuditChainRow, HEAD)
    if head is not None and (head.seq, head.hash) != (last, prev):
        broken = Break(last + 1, None, f"rows after {last} are missing (head at {head.seq})")
        return Verification(count, broken, anchor_seq)
    return Verification(count, None, anchor_seq)
