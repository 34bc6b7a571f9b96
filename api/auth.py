"""API keys with roles, each bound to a person or to none. Every route names the roles it admits;
``admin`` is admitted everywhere.

A key arrives as ``Authorization: Bearer <key>`` or ``X-API-Key: <key>``. Keys come from
``settings.api_keys`` (``STAYLINE_API_KEYS``) and from the database (``stayline keys create``); both are
held only as SHA-256 digests, so looking one up takes the same time whatever the key.

A person's key (``person`` set) acts only as that person: what it acknowledges, resolves or flags is
recorded under the person, and naming anyone else is refused with 403. A key with no person is a service
key (ingest, admin automation, or a key in the old ``{"<key>": "<role>"}`` shape): the audit trail records
the key and says it has no person, and any name such a key gives is recorded as a name it gave.

Without a single key configured (the embedded default on a laptop), requests from loopback addresses
(127.0.0.0/8, ::1) are admitted as ``admin`` and every other client is refused with 401. Configure keys
before the service is reachable from anywhere else; behind a reverse proxy on the same host every client
would look like loopback.

Wrong keys are counted per address (``api.auth_limits``); past the limit an address gets 429 with
Retry-After before its key is even looked at. Each failure, and each block, is audited.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from api.auth_limits import address_subject
from api.deps import context
from api.errors import ApiError
from store import keys as stored_keys
from store import repository
from store.db import session_scope

if TYPE_CHECKING:
    from workers.runtime import Runtime

log = logging.getLogger(__name__)


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
    person: str | None = None  # whose key this is; None for a service key
    digest: str = ""  # the key's full digest: console sessions check it is still valid on every request

    @property
    def sees_evidence_text(self) -> bool:
        return self.role in EVIDENCE_ROLES

    @property
    def actor(self) -> str:
        """The audit trail's name for whoever acts with this key."""
        return f"{self.role.value}:{self.person}" if self.person else f"service:{self.key_id}"

    def audit_detail(self) -> dict[str, Any]:
        return {"key": self.key_id, "person": self.person, "service_key": self.person is None}


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def acting_person(principal: Principal, named: str | None) -> str | None:
    """Who an action is recorded as: the key's person, whatever the request says. A request naming
    someone else is refused (403); a service key's name is taken as given (the caller records that it
    came from a service key). None when a service key names nobody."""
    if principal.person is None:
        return named
    if named is not None and not _same_name(named, principal.person):
        reason = f"this key belongs to {principal.person}; it cannot act as {named}"
        raise ApiError(403, "not_your_name", {"reason": reason, "key_person": principal.person})
    return principal.person


def _parse_entry(value: str | Mapping[str, str | None]) -> tuple[Role, str | None]:
    """``"responder"`` or ``{"role": "responder", "person": "Dana Reyes"}``."""
    if isinstance(value, str):
        role_text, person = value, None
    else:
        unknown = set(value) - {"role", "person"}
        if unknown or not isinstance(value.get("role"), str):
            raise ValueError(
                'STAYLINE_API_KEYS: each value is a role or {"role": ..., "person": ...}; '
                f"got fields {sorted(value)}"
            )
        role_text = str(value["role"])
        person = " ".join(str(value.get("person") or "").split()) or None
    try:
        role = Role(role_text)
    except ValueError:
        roles = ", ".join(r.value for r in Role)
        raise ValueError(f"STAYLINE_API_KEYS: unknown role {role_text!r}; expected one of {roles}") from None
    if role is Role.INGEST and person is not None:
        raise ValueError("STAYLINE_API_KEYS: ingest keys belong to channels, not people: drop the person")
    return role, person


class KeyRing:
    """The keys in ``STAYLINE_API_KEYS``."""

    def __init__(self, keys: Mapping[str, str | Mapping[str, str | None]]) -> None:
        self._by_digest: dict[str, Principal] = {}
        for key, value in keys.items():
            if not key:
                raise ValueError("STAYLINE_API_KEYS: an API key may not be empty")
            role, person = _parse_entry(value)
            digest = stored_keys.digest_of(key)
            self._by_digest[digest] = Principal(role, stored_keys.key_id(digest), person, digest)

    @property
    def empty(self) -> bool:
        return not self._by_digest

    def lookup(self, key: str) -> Principal | None:
        return self._by_digest.get(stored_keys.digest_of(key))

    def by_digest(self, digest: str) -> Principal | None:
        return self._by_digest.get(digest)

    def principals(self) -> list[Principal]:
        return list(self._by_digest.values())


LOOPBACK_ADMIN = Principal(Role.ADMIN, "loopback", None, "loopback")

bearer_scheme = HTTPBearer(auto_error=False, description="Authorization: Bearer <API key>")
header_scheme = APIKeyHeader(name="X-API-Key", auto_error=False, description="X-API-Key: <API key>")


def _is_loopback(host: str | None) -> bool:
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def loopback_without_keys(request: Request) -> bool:
    """No key configured anywhere and the client is on this host: the embedded default's admin."""
    keys = context(request).keys
    return keys.empty and not _any_stored_key(request) and _is_loopback(client_address(request))


def principal_for_key(request: Request, key: str) -> Principal | None:
    return context(request).keys.lookup(key) or _stored_key(request, stored_keys.digest_of(key))


def principal_for_digest(request: Request, digest: str) -> Principal | None:
    """The key behind a console session, if it is still valid: still in STAYLINE_API_KEYS (a removed key
    is gone after the restart that removes it), still in the database and not revoked, or the loopback
    admin while no key at all is configured."""
    if digest == LOOPBACK_ADMIN.digest:
        return LOOPBACK_ADMIN if loopback_without_keys(request) else None
    return context(request).keys.by_digest(digest) or _stored_key(request, digest, touch=False)


def _stored_key(request: Request, digest: str, touch: bool = True) -> Principal | None:
    """A key made with ``stayline keys create``, read from the database on every request (no cache), so
    ``stayline keys revoke`` run anywhere takes effect on every API process at the next request. It is a
    primary-key read, cheaper than the request's own work."""
    runtime = context(request).runtime
    with session_scope(runtime.url) as session:
        row = stored_keys.active(session, digest)
        if row is None:
            return None
        if touch:
            stored_keys.touch(session, row, runtime.clock())
        return Principal(Role(row.role), stored_keys.key_id(digest), row.person, digest)


def _any_stored_key(request: Request) -> bool:
    with session_scope(context(request).runtime.url) as session:
        return stored_keys.any_configured(session)


def refuse_failed_attempt(
    request: Request,
    subjects: list[str],
    via: str,
    reason: str,
    *,
    actor: str = "auth",
    action: str = "auth_failed",
) -> None:
    """Count and audit one failed authentication (never the key itself); the caller answers it. The
    attempt that trips the limit is audited as well; the refusals after it are not (each would be a row,
    and a flood of them would fill the audit trail): the block's own row says until when."""
    ctx = context(request)
    blocked = ctx.auth_failures.failed(subjects)
    at, address = ctx.runtime.clock(), client_address(request)
    with session_scope(ctx.runtime.url) as session:
        repository.audit(session, actor, action, at=at, via=via, address=address, reason=reason)
        if blocked is not None:
            repository.audit(
                session, actor, "auth_rate_limited", at=at, via=via, address=address, retry_after=blocked
            )
    log.warning(
        "authentication failed", extra={"via": via, "client": client_address(request), "blocked": blocked}
    )


def too_many_failures(wait: int) -> ApiError:
    detail = {"reason": "too many failed attempts", "retry_after_seconds": wait}
    return ApiError(429, "rate_limited", detail, {"Retry-After": str(wait)})


def authenticate(request: Request, bearer: str | None, header_key: str | None) -> Principal:
    keys = context(request).keys
    presented = bearer or header_key
    if keys.empty and not presented and not _any_stored_key(request):
        if _is_loopback(client_address(request)):
            return LOOPBACK_ADMIN
        raise ApiError(401, "unauthorized", "no API keys are configured: only loopback clients are served")
    if not presented:
        raise ApiError(401, "unauthorized", "an API key is required", {"WWW-Authenticate": "Bearer"})
    subjects = [address_subject(client_address(request))]
    wait = context(request).auth_failures.wait(subjects)
    if wait is not None:
        raise too_many_failures(wait)
    principal = principal_for_key(request, presented)
    if principal is None:
        refuse_failed_attempt(request, subjects, "api", "unknown API key")
        raise ApiError(401, "unauthorized", "unknown API key", {"WWW-Authenticate": "Bearer"})
    return principal


def require(*roles: Role, rate_limited: bool = False) -> Callable[..., Principal]:
    """A dependency admitting ``roles`` (and admin) and returning the caller's ``Principal``: role,
    person (None for a service key) and key id. Optionally counted against the caller's rate."""
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


def warn_about_keys(keys: KeyRing, runtime: Runtime) -> None:
    """Start-up warnings, not refusals: a roster edit must never stop the API (and with it acknowledgements)
    from starting. A responder key whose person left the roster is refused when it tries to acknowledge."""
    roster = runtime.config.roster.responders
    for principal in keys.principals():
        if principal.role is Role.RESPONDER and principal.person and principal.person not in roster:
            log.warning("a responder key's person is not on the roster", extra={"key": principal.key_id})
        if principal.role in (Role.AGENT, Role.RESPONDER) and principal.person is None:
            log.warning(
                "an agent or responder key has no person: it is audited as a service key; bind it with "
                '{"role": ..., "person": ...} in STAYLINE_API_KEYS',
                extra={"key": principal.key_id},
            )
