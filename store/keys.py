"""API keys kept in the database (``stayline keys``): create, look up, list, revoke, rotate.

Only a key's SHA-256 digest is kept, with its first characters so a listing can be matched to the key a
person holds. Revocation is a column, not a deletion: the audit trail keeps naming the key, and any row
(revoked or not) still counts as "keys are configured", so revoking every key never reopens the
loopback-admin default of a laptop.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlmodel import Session, col, select, update

from store.models import ApiKeyRow, ConsoleSessionRow

KEY_PREFIX_CHARS = 8  # "sl_" and five random characters: enough to tell keys apart, useless to a guesser
# Recording every use would write a row on every request; a key's "last used" is kept to the minute.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def digest_of(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def key_id(digest: str) -> str:
    """How logs, the audit trail and ``keys list`` name a key: a digest prefix, revealing nothing."""
    return f"key-{digest[:10]}"


def new_key() -> str:
    return "sl_" + secrets.token_urlsafe(32)


def create(
    session: Session, role: str, person: str | None, label: str, now: datetime
) -> tuple[str, ApiKeyRow]:
    key = new_key()
    row = ApiKeyRow(
        digest=digest_of(key),
        role=role,
        label=label,
        person=person,
        prefix=key[:KEY_PREFIX_CHARS],
        created_at=now,
    )
    session.add(row)
    return key, row


def active(session: Session, digest: str) -> ApiKeyRow | None:
    """The key with this digest unless it has been revoked. Read on every request, never cached: a
    revocation by any process (the CLI, another API host) takes effect on the very next request."""
    row = session.get(ApiKeyRow, digest)
    return row if row is not None and row.revoked_at is None else None


def any_configured(session: Session) -> bool:
    return session.exec(select(ApiKeyRow.digest).limit(1)).first() is not None


def touch(session: Session, row: ApiKeyRow, now: datetime) -> None:
    """Record a use, at most once a minute per key: most requests only read (on SQLite even an UPDATE
    matching nothing would take the write lock the workers need)."""
    if row.last_used_at is None or row.last_used_at < now - LAST_USED_RESOLUTION:
        row.last_used_at = now
        session.add(row)


def listing(session: Session) -> Sequence[ApiKeyRow]:
    return session.exec(select(ApiKeyRow).order_by(col(ApiKeyRow.created_at))).all()


def find(session: Session, reference: str) -> ApiKeyRow:
    """One key by its id (``key-0123456789``), a digest prefix or its own prefix (``sl_AbCdE``).
    LookupError if none or several match: revoking the wrong key would lock someone out mid-shift."""
    wanted = reference.removeprefix("key-")
    matches = [
        row
        for row in listing(session)
        if (len(wanted) >= 6 and row.digest.startswith(wanted)) or (row.prefix and row.prefix == reference)
    ]
    if len(matches) != 1:
        problem = "no key matches" if not matches else f"{len(matches)} keys match"
        raise LookupError(f"{problem} {reference!r}: use the id `stayline keys list` shows")
    return matches[0]


def revoke(session: Session, row: ApiKeyRow, now: datetime, by: str) -> int:
    """Revoke a key and end every console session it opened; returns how many sessions ended."""
    if row.revoked_at is None:
        row.revoked_at = now
        session.add(row)
    ended = session.execute(
        update(ConsoleSessionRow)
        .where(col(ConsoleSessionRow.key_digest) == row.digest)
        .where(col(ConsoleSessionRow.ended_at).is_(None))
        .values(ended_at=now, ended_reason="key_revoked", ended_by=by)
    )
    return int(ended.rowcount)  # type: ignore[attr-defined]


def rotate(session: Session, row: ApiKeyRow, now: datetime, by: str) -> tuple[str, ApiKeyRow, int]:
    """A new key with the old one's role, person and label; the old one is revoked at once."""
    key, fresh = create(session, row.role, row.person, row.label, now)
    ended = revoke(session, row, now, by)
    return key, fresh, ended
