"""Console sessions kept server-side (``console_session``): a cookie is only a random token, and the row
decides whether it still opens anything. Sign-out, idleness, the key's revocation and a supervisor end a
session by setting ``ended_at``; nothing un-ends it."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from store.keys import digest_of
from store.models import ConsoleSessionRow

# Every request moves ``last_seen_at`` on, but writing it on each of a live page's re-reads would be a
# write per second per browser; a minute's resolution is plenty for a timeout counted in tens of minutes.
SEEN_RESOLUTION = timedelta(minutes=1)


def open_session(
    session: Session,
    *,
    role: str,
    name: str,
    person: str | None,
    key_digest: str,
    key_id: str,
    address: str,
    now: datetime,
    lifetime: timedelta,
) -> tuple[str, ConsoleSessionRow]:
    """A new session; returns the token for the cookie (never stored) and the row."""
    token = secrets.token_urlsafe(32)
    row = ConsoleSessionRow(
        id=secrets.token_hex(8),
        token_digest=digest_of(token),
        role=role,
        name=name,
        person=person,
        key_digest=key_digest,
        key_id=key_id,
        address=address[:64],
        created_at=now,
        last_seen_at=now,
        expires_at=now + lifetime,
    )
    session.add(row)
    return token, row


def by_token(session: Session, token: str) -> ConsoleSessionRow | None:
    return session.exec(
        select(ConsoleSessionRow).where(ConsoleSessionRow.token_digest == digest_of(token))
    ).first()


def end(session: Session, row: ConsoleSessionRow, now: datetime, reason: str, by: str) -> bool:
    """End a session; False if it had already ended (the first reason is kept)."""
    if row.ended_at is not None:
        return False
    row.ended_at, row.ended_reason, row.ended_by = now, reason, by
    session.add(row)
    return True


def seen(session: Session, row: ConsoleSessionRow, now: datetime) -> None:
    if now - row.last_seen_at >= SEEN_RESOLUTION:
        row.last_seen_at = now
        session.add(row)


def active(session: Session, now: datetime, idle: timedelta) -> Sequence[ConsoleSessionRow]:
    """Sessions that would still be accepted now (the key is checked on use, not here)."""
    return session.exec(
        select(ConsoleSessionRow)
        .where(col(ConsoleSessionRow.ended_at).is_(None))
        .where(col(ConsoleSessionRow.expires_at) > now)
        .where(col(ConsoleSessionRow.last_seen_at) > now - idle)
        .order_by(col(ConsoleSessionRow.created_at))
    ).all()
