"""Signed session cookies for people at a browser, and the anti-forgery token every form carries.

A person signs in with one of the service's API keys (so the console knows exactly the roles the API
knows) and says who they are: an agent's name, or a responder's name as it stands on the roster. The
cookie holds ``{"role", "name", "key_id", "nonce", "expires"}`` signed with HMAC-SHA256; nothing in it is
secret, and changing any of it breaks the signature.

Forms carry ``csrf_token`` = HMAC(secret, "csrf:" + nonce): a page on another site can make the browser
send the cookie, but cannot read the token out of our pages, so its forged POST is refused. The sign-in
form itself is protected the same way with a short-lived pre-session nonce cookie.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from api.auth import Role
from config.settings import Settings

SESSION_COOKIE = "stayline_session"
LOGIN_COOKIE = "stayline_login"
SESSION_SECONDS = 12 * 3600  # one long shift; then sign in again
LOGIN_FORM_SECONDS = 1800


@dataclass(frozen=True)
class ConsoleSession:
    role: Role
    name: str  # the agent's or responder's name, recorded on flags and acknowledgements
    key_id: str  # which key signed in (a digest prefix), for the audit trail
    nonce: str
    expires: int  # unix seconds

    @property
    def actor(self) -> str:
        return f"{self.role.value}:{self.name}"

    def may(self, *roles: Role) -> bool:
        return self.role is Role.ADMIN or self.role in roles


def session_secret(settings: Settings) -> bytes:
    """``STAYLINE_SESSION_SECRET``, or a random key kept beside the model cache (created once, mode 0600),
    so every API process on the host accepts the same cookies and a restart keeps people signed in."""
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


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _sign(secret: bytes, payload: str) -> str:
    return _b64(hmac.new(secret, payload.encode(), hashlib.sha256).digest())


def issue(secret: bytes, role: Role, name: str, key_id: str, now: datetime) -> tuple[ConsoleSession, str]:
    session = ConsoleSession(
        role, name, key_id, secrets.token_urlsafe(16), int(now.timestamp()) + SESSION_SECONDS
    )
    payload = _b64(json.dumps(asdict(session), separators=(",", ":")).encode())
    return session, f"{payload}.{_sign(secret, payload)}"


def read(secret: bytes, cookie: str | None, now: datetime) -> ConsoleSession | None:
    """The session in a cookie, or None if it is missing, forged, malformed or expired."""
    if not cookie or cookie.count(".") != 1:
        return None
    payload, signature = cookie.split(".")
    if not hmac.compare_digest(_sign(secret, payload), signature):
        return None
    try:
        data = json.loads(_unb64(payload))
        session = ConsoleSession(
            Role(data["role"]),
            str(data["name"]),
            str(data["key_id"]),
            str(data["nonce"]),
            int(data["expires"]),
        )
    except (ValueError, KeyError, TypeError):
        return None
    return session if session.expires > now.timestamp() else None


def csrf_token(secret: bytes, nonce: str) -> str:
    return _sign(secret, f"csrf:{nonce}")


def csrf_valid(secret: bytes, nonce: str, presented: str | None) -> bool:
    return bool(presented) and hmac.compare_digest(csrf_token(secret, nonce), presented or "")
