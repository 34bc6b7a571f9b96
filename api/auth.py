"""API keys with roles. Every route names the roles it admits; ``admin`` is admitted everywhere.

A key arrives as ``Authorization: Bearer <key>`` or ``X-API-Key: <key>``. Keys come from
``settings.api_keys`` (``STAYLINE_API_KEYS``, a JSON object of key to role) and are held only as SHA-256
digests, so looking one up takes the same time whatever the key.

Without a single key configured (the embedded default on a laptop), requests from loopback addresses
(127.0.0.0/8, ::1) are admitted as ``admin`` and every other client is refused with 401. Configure keys
before the service is reachable from anywhere else; behind a reverse proxy on the same host every client
would look like loopback.
"""

from __future__ import annotations

import hashlib
import ipaddress
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from fastapi import Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from api.deps import context
from api.errors import ApiError


class Role(StrEnum):
    INGEST = "ingest"  # channels posting messages
    AGENT = "agent"  # agent desktops: flag, watch events, read evidence
    RESPONDER = "responder"  # on-call staff and their tools: acknowledge, resolve
    ADMIN = "admin"  # everything


EVIDENCE_ROLES = frozenset({Role.AGENT, Role.RESPONDER, Role.ADMIN})


@dataclass(frozen=True)
class Principal:
    role: Role
    key_id: str  # a digest prefix: names the caller in logs and the audit trail, reveals nothing

    @property
    def sees_evidence_text(self) -> bool:
        return self.role in EVIDENCE_ROLES


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class KeyRing:
    def __init__(self, keys: Mapping[str, str]) -> None:
        self._by_digest: dict[str, Principal] = {}
        for key, role in keys.items():
            if not key:
                raise ValueError("STAYLINE_API_KEYS: an API key may not be empty")
            try:
                parsed = Role(role)
            except ValueError:
                roles = ", ".join(r.value for r in Role)
                raise ValueError(
                    f"STAYLINE_API_KEYS: unknown role {role!r}; expected one of {roles}"
                ) from None
            digest = _digest(key)
            self._by_digest[digest] = Principal(parsed, f"key-{digest[:10]}")

    @property
    def empty(self) -> bool:
        return not self._by_digest

    def lookup(self, key: str) -> Principal | None:
        return self._by_digest.get(_digest(key))


LOOPBACK_ADMIN = Principal(Role.ADMIN, "loopback")

bearer_scheme = HTTPBearer(auto_error=False, description="Authorization: Bearer <API key>")
header_scheme = APIKeyHeader(name="X-API-Key", auto_error=False, description="X-API-Key: <API key>")


def _is_loopback(host: str | None) -> bool:
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def loopback_without_keys(request: Request) -> bool:
    """No key configured anywhere and the client is on this host: the embedded default's admin."""
    keys = context(request).keys
    client = request.client.host if request.client else None
    return keys.empty and not _any_stored_key(request) and _is_loopback(client)


def principal_for_key(request: Request, key: str) -> Principal | None:
    return context(request).keys.lookup(key) or _stored_key(request, key)


def authenticate(request: Request, bearer: str | None, header_key: str | None) -> Principal:
    keys = context(request).keys
    presented = bearer or header_key
    if keys.empty and not presented and not _any_stored_key(request):
        if _is_loopback(request.client.host if request.client else None):
            return LOOPBACK_ADMIN
        raise ApiError(401, "unauthorized", "no API keys are configured: only loopback clients are served")
    principal = principal_for_key(request, presented) if presented else None
    if principal is None:
        detail = "an API key is required" if not presented else "unknown API key"
        raise ApiError(401, "unauthorized", detail, {"WWW-Authenticate": "Bearer"})
    return principal


def _stored_key(request: Request, key: str) -> Principal | None:
    """A key made with ``stayline keys create`` (kept hashed in the database)."""
    from store.db import session_scope
    from store.models import ApiKeyRow

    digest = _digest(key)
    with session_scope(context(request).runtime.url) as session:
        row = session.get(ApiKeyRow, digest)
    return Principal(Role(row.role), f"key-{digest[:10]}") if row else None


def _any_stored_key(request: Request) -> bool:
    from sqlmodel import select

    from store.db import session_scope
    from store.models import ApiKeyRow

    with session_scope(context(request).runtime.url) as session:
        return session.exec(select(ApiKeyRow.digest).limit(1)).first() is not None


def require(*roles: Role, rate_limited: bool = False) -> Callable[..., Principal]:
    """A dependency admitting ``roles`` (and admin); optionally counted against the caller's rate."""
    admitted = frozenset({*roles, Role.ADMIN})

    def dependency(
        request: Request,
        bearer: Annotated[HTTPAuthorizationCredentials | None, Security(bearer_scheme)],
        header_key: Annotated[str | None, Security(header_scheme)],
    ) -> Principal:
        principal = authenticate(request, bearer.credentials if bearer else None, header_key)
        if principal.role not in admitted:
            allowed = sorted(r.value for r in admitted)
            detail = f"role {principal.role.value} may not do this; allowed: {allowed}"
            raise ApiError(403, "forbidden", detail)
        if rate_limited:
            wait = context(request).limiter.check(principal.key_id)
            if wait is not None:
                raise ApiError(429, "rate_limited", {"retry_after_seconds": wait}, {"Retry-After": str(wait)})
        return principal

    return dependency
