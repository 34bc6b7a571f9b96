"""Claiming messages to scan: a lease with a token, committed before the detector runs.

The claim is its own short transaction, so no row lock is held while the detector runs and a scan that
dies (a killed worker, a hang) has still counted an attempt. A claim runs out after its lease; the next
scan or the sweep takes the message again. A message that has used up its attempts is quarantined:
skipped by every later scan and the sweep, and alarmed on the console for a human to look at.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from uuid import uuid4

from sqlalchemy import ColumnElement, update
from sqlalchemy import true as sa_true
from sqlmodel import Session, col, select

from config.settings import Settings
from store import counters, repository
from store.db import is_postgres, session_scope
from store.models import MessageRow

log = logging.getLogger(__name__)

QUARANTINE = "quarantine"  # the incident id quarantine alarms are filed under
LEASE_MARGIN_SECONDS = 5.0


def lease_for(settings: Settings) -> timedelta:
    """Long enough for one timed detector run and the writes after it (a claim is renewed before each
    run), in the runtime's clock, which drills and tests may run faster than real time."""
    real = 2 * settings.scan_deadline_seconds + LEASE_MARGIN_SECONDS
    return timedelta(seconds=real * settings.clock_speedup)


@dataclass
class Claim:
    token: str
    messages: list[MessageRow] = field(default_factory=list)
    alarms: list[int] = field(default_factory=list)  # quarantine alarms raised while claiming


def _free(now: datetime) -> ColumnElement[bool]:
    return (
        col(MessageRow.scanned_at).is_(None)
        & col(MessageRow.quarantined_at).is_(None)
        & (col(MessageRow.claimed_until).is_(None) | (col(MessageRow.claimed_until) < now))
    )


def _after_held_turns(session: Session, candidates: list[MessageRow], now: datetime) -> set[str]:
    """The candidates that come after a waiting turn of their conversation a live claim holds (someone
    else's: this claim is not committed yet). One read for all of them."""
    conversations = {m.conversation_id for m in candidates}
    if not conversations:
        return set()
    held = session.exec(
        select(MessageRow.conversation_id, MessageRow.received_at, MessageRow.id)
        .where(col(MessageRow.conversation_id).in_(conversations))
        .where(col(MessageRow.scanned_at).is_(None))
        .where(col(MessageRow.quarantined_at).is_(None))
        .where(col(MessageRow.claimed_until) >= now)
    ).all()
    first: dict[str, tuple[datetime, str]] = {}
    for conversation_id, received_at, message_id in held:
        if conversation_id not in first or (received_at, message_id) < first[conversation_id]:
            first[conversation_id] = (received_at, message_id)
    return {
        m.id
        for m in candidates
        if m.conversation_id in first and (m.received_at, m.id) > first[m.conversation_id]
    }


CANDIDATES_PER_CLAIM = 2  # rows read (and locked) per row wanted, so turns left out can be replaced


def claim(
    url: str,
    message_id: str,
    now: datetime,
    lease: timedelta,
    max_attempts: int,
    limit: int,
    *,
    only: bool = False,
) -> Claim:
    """This message and the oldest other free ones; ``only``: this message and the oldest other free
    crisis-looking ones (``MessageRow.urgent``), never bulk work. On PostgreSQL rows
    another claim is writing are skipped; everywhere a conditional update makes the claim, so two scans
    never hold one message. One read and one update for the whole batch, whatever its size.

    The others leave out turns that come after a turn of their conversation another live claim holds:
    that claim folds the conversation's earlier turns and a later one is free for the next scan, so two
    workers do not fight over one conversation (the fold would take the earlier turns over, assessing
    them again one by one). The message itself is always taken: a crisis-looking one is never left
    waiting for another scan; its fold takes the earlier turns over if it must."""
    result = Claim(uuid4().hex)
    with session_scope(url) as session:
        mine = col(MessageRow.id) == message_id
        query = select(MessageRow).where(_free(now))
        others = col(MessageRow.received_at) <= now
        query = query.where(mine | ((col(MessageRow.urgent) & others) if only else others))
        query = query.order_by(
            col(MessageRow.id) != message_id, col(MessageRow.received_at), col(MessageRow.id)
        ).limit(CANDIDATES_PER_CLAIM * limit)
        if is_postgres(session):
            query = query.with_for_update(skip_locked=True)
        candidates = list(session.exec(query).all())
        later = _after_held_turns(session, [m for m in candidates if m.id != message_id], now)
        found = [m for m in candidates if m.id not in later][:limit]
        wanted: list[MessageRow] = []
        for message in found:
            if message.scan_attempts >= max_attempts:  # its earlier scans died without finishing
                result.alarms.extend(quarantine(session, message, now, "scans did not finish"))
            else:
                wanted.append(message)
        if not wanted:
            return result
        taken = session.execute(
            update(MessageRow)
            .where(col(MessageRow.id).in_([m.id for m in wanted]))
            .where(_free(now))
            .values(
                claim_token=result.token,
                claimed_until=now + lease,
                scan_attempts=col(MessageRow.scan_attempts) + 1,
            )
            .returning(col(MessageRow.id))
        )
        held = {row[0] for row in taken}
        result.messages.extend(m for m in wanted if m.id in held)
    return result


class Keeper:
    """Called before each timed detector run: renews the claim only when what is left of its lease might
    not cover one more run and the writes after it. (Renewing before every run was a transaction, with
    its commit, per crisis message; a lease holds two runs and a margin.)"""

    def __init__(
        self,
        url: str,
        token: str,
        lease: timedelta,
        until: datetime,
        clock: Callable[[], datetime],
        settings: Settings,
    ) -> None:
        self.url, self.token, self.lease, self.until, self.clock = url, token, lease, until, clock
        real = settings.scan_deadline_seconds + LEASE_MARGIN_SECONDS
        self.needed = timedelta(seconds=real * settings.clock_speedup)

    def __call__(self) -> None:
        now = self.clock()
        if self.until - now > self.needed:
            return
        renew(self.url, self.token, now + self.lease)
        self.until = now + self.lease


def renew(url: str, token: str, until: datetime) -> None:
    with session_scope(url) as session:
        session.execute(
            update(MessageRow)
            .where(col(MessageRow.claim_token) == token)
            .where(col(MessageRow.scanned_at).is_(None))
            .values(claimed_until=until)
        )


def finish(session: Session, message_id: str, token: str | None, now: datetime) -> bool:
    """Mark the message scanned if this claim still holds it (False: another scan took it over). Token
    None takes it over from whichever claim holds it, if any (to fold a conversation's turns in order)."""
    held = col(MessageRow.claim_token) == token if token is not None else sa_true()
    done = session.execute(
        update(MessageRow)
        .where(col(MessageRow.id) == message_id)
        .where(held)
        .where(col(MessageRow.scanned_at).is_(None))
        .where(col(MessageRow.quarantined_at).is_(None))
        .values(scanned_at=now, claim_token=None, claimed_until=None)
    )
    counters.note(session, counters.SCANNED, done.rowcount)  # type: ignore[attr-defined]
    return bool(done.rowcount)  # type: ignore[attr-defined]


def finish_many(session: Session, message_ids: list[str], token: str, now: datetime) -> set[str]:
    """``finish`` for several messages in one statement: the ids this claim still held, now scanned."""
    if not message_ids:
        return set()
    done = session.execute(
        update(MessageRow)
        .where(col(MessageRow.id).in_(message_ids))
        .where(col(MessageRow.claim_token) == token)
        .where(col(MessageRow.scanned_at).is_(None))
        .where(col(MessageRow.quarantined_at).is_(None))
        .values(scanned_at=now, claim_token=None, claimed_until=None)
        .returning(col(MessageRow.id))
    )
    held = {row[0] for row in done}
    counters.note(session, counters.SCANNED, len(held))
    return held


def release(url: str, message_id: str, token: str, now: datetime, max_attempts: int) -> list[int]:
    """After a failed scan: free the message for the next try, or quarantine it if it has had its tries.
    Returns alarm page ids to send."""
    with session_scope(url) as session:
        message = session.get(MessageRow, message_id)
        if message is None or message.claim_token != token or message.scanned_at is not None:
            return []
        if message.scan_attempts >= max_attempts:
            return quarantine(session, message, now, "scans failed")
        message.claim_token, message.claimed_until = None, None
        return []


def quarantine(session: Session, message: MessageRow, now: datetime, why: str) -> list[int]:
    """Take the message out of scanning and tell the operations console (ids only, never the words)."""
    message.quarantined_at, message.claim_token, message.claimed_until = now, None, None
    session.add(message)
    key = f"{QUARANTINE}/{message.id}"
    log.error(
        "message quarantined after %d scan attempts (%s); a human must review it",
        message.scan_attempts,
        why,
        extra={"message_id": message.id, "conversation_id": message.conversation_id},
    )
    repository.audit(
        session,
        "scanner",
        "message_quarantined",
        at=now,
        conversation_id=message.conversation_id,
        message=message.id,
        attempts=message.scan_attempts,
        why=why,
    )
    page = repository.add_console_alarm(session, key, QUARANTINE, now, {"why": f"message quarantined: {why}"})
    if page is None:
        return []
    session.flush()
    return [page.id] if page.id is not None else []
