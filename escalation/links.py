"""Signed, expiring acknowledgement links: a page carries a link, never the customer's words.

A token is ``<incident>.<responder>.<expires>.<signature>`` (URL-safe base64 parts, HMAC-SHA256). The
responder's view still sits behind it; the token only proves the link came from a page we sent.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime


class InvalidLink(ValueError):
    pass


@dataclass(frozen=True)
class LinkClaim:
    incident_id: str
    responder: str
    expires_at: int  # unix seconds


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(secret: str, payload: str) -> str:
    return _b64(hmac.new(secret.encode(), payload.encode(), hashlib.sha256).digest())


def sign_link(secret: str, incident_id: str, responder: str, now: datetime, ttl_seconds: int) -> str:
    if not secret:
        raise ValueError("a link secret is required to sign acknowledgement links")
    expires = int(now.timestamp()) + ttl_seconds
    payload = ".".join([_b64(incident_id.encode()), _b64(responder.encode()), str(expires)])
    return f"{payload}.{_signature(secret, payload)}"


def verify_link(secret: str, token: str, now: datetime) -> LinkClaim:
    """The claim in a token, or InvalidLink. Signatures are compared in constant time."""
    if not secret:
        raise InvalidLink("link signing is not configured")
    parts = token.split(".")
    if len(parts) != 4:
        raise InvalidLink("malformed link")
    payload, signature = ".".join(parts[:3]), parts[3]
    if not hmac.compare_digest(_signature(secret, payload), signature):
        raise InvalidLink("bad signature")
    try:
        claim = LinkClaim(_unb64(parts[0]).decode(), _unb64(parts[1]).decode(), int(parts[2]))
    except (ValueError, UnicodeDecodeError) as error:
        raise InvalidLink("malformed link") from error
    if now.timestamp() > claim.expires_at:
        raise InvalidLink("link expired")
    return claim
