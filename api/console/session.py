"""Console sessions for people at a browser, kept server-side, and the anti-forgery token every form
carries.

A person signs in with one of the service's API keys (so the console knows exactly the roles the API
knows). A person's key signs in as its person and no one else; a service key (no person) signs in with a
name as typed, and the session says so. The cookie holds only a random token; the ``console_session`` row
(``store.console_sessions``) decides on every request whether it still opens anything: it ends on sign-out,
after ``STAYLINE_SESSION_IDLE_MINUTES`` without a request, after a 12-hour shift, when a supervisor ends
it, and when its key is revoked or removed (the key is checked on every request, so a key taken out of
``STAYLINE_API_KEYS`` ends its sessions at the restart that removes it).

Forms carry ``csrf_token`` = HMAC(secret, "csrf:" + nonce): a page on another site can make the browser
send the cookie, but cannot read the token out of our pages, so its forged POST is refused. The sign-in
form itself is protected the same way with a short-lived pre-session nonce cookie.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlmodel import Session

from api.auth import Principal, Role
from config.settings import Settings
from store import console_sessions
from store.models import ConsoleSessionRow

SESSION_COOKIE = "stayline_session"
LOGIN_COOKIE = "stayline_login"
SESSION_SECONDS = 12 * 3600  # one long shift; then sign in again
LOGIN_FORM_SECONDS = 1800


@dataclass(frozen=True)
class ConsoleSession:
    id: str  # the row's public id
    role: Role
    name: str  # recorded on flags and acknowledgements: the key's person, or a service key's typed name
    person: str | None  # the key's person; None when a service key signed in
    key_id: str  # which key signed in (a digest prefix), for the audit trail
    nonce: str  # anti-forgery: never shown anywhere, unlike ``id``

    @property
    def actor(self) -> str:
        return f"{self.role.value}:{self.name}"

    def may(self, *roles: Role) -> bool:
        return self.role is Role.ADMIN or self.role in roles


def _of(row: ConsoleSessionRow) -> ConsoleSession:
    return ConsoleSession(row.id, Role(row.role), row.name, row.person, row.key_id, row.token_digest[:32])


def session_secret(settings: Settings) -> bytes:
    """``STAYLINE_SESSION_SECRET``, or a random key kept beside the model cache (created once, mode 0600),
    so every API process on the host signs forms alike and a restart keeps open forms valid."""
    if settings.session_secret:
        return settings.session_secret.encode()
    path = Path(settings.model_dir) / "console-session.key"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_hex(32).encode()
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process won the race: use its key
            return path.read_bytes()
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(key)
        return key


def start(
    db: Session, principal: Principal, name: str, address: str, now: datetime
) -> tuple[ConsoleSession, str]:
    """A new session for ``principal``; returns it and the cookie's token (kept nowhere else)."""
    token, row = console_sessions.open_session(
        db,
        role=principal.role.value,
        name=name,
        person=principal.person,
        key_digest=principal.digest,
        key_id=principal.key_id,
        address=address,
        now=now,
        lifetime=timedelta(seconds=SESSION_SECONDS),
    )
    return _of(row), token


def current(
    db: Session,
    token: str | None,
    now: datetime,
    idle: timedelta,
    key_valid: Callable[[str], bool],
) -> ConsoleSession | None:
    """The session a cookie's token opens now, or None. Ends (for good) a session found idle or whose
    key is no longer valid, so the supervisor panel and the audit trail show why it ended."""
    row = console_sessions.by_token(db, token) if token else None
    if row is None or row.ended_at is not None or row.expires_at <= now:
        return None
    if row.last_seen_at <= now - idle:
        console_sessions.end(db, row, now, "idle", "console")
        return None
    if not key_valid(row.key_digest):
        console_sessions.end(db, row, now, "key_revoked", "console")
        return None
    console_sessions.seen(db, row, now)
    return _of(row)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _sign(secret: bytes, payload: str) -> str:
    return _b64(hmac.new(secret, payload.encode(), hashlib.sha256).digest())


def csrf_token(secret: bytes, nonce: str) -> str:
    return _sign(secret, f"csrf:{nonce}")


def csrf_valid(secret: bytes, nonce: str, presented: str | None) -> bool:
    return bool(presented) and hmac.compare_digest(csrf_token(secret, nonce), presented or "")
