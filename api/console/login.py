"""Signing in and out, and the home page that sends each role to its view."""

from __future__ import annotations

import re
import secrets
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.auth import LOOPBACK_ADMIN, Principal, Role, loopback_without_keys, principal_for_key
from api.console import session as sessions
from api.console.web import Refused, now_of, read_form, render, secret_of, see_other, signed_in
from api.deps import context
from store import repository
from store.db import session_scope

router = APIRouter(include_in_schema=False)
HOME_FOR_ROLE = {Role.AGENT: "/conversations", Role.RESPONDER: "/supervisor", Role.ADMIN: "/supervisor"}
MAX_NAME = 100


# A path on this site, in plain URL characters: no scheme, no "//host", no backslash, and no whitespace or
# control characters (browsers drop those, so "/\t/evil.example" would become "//evil.example").
SAFE_NEXT = re.compile(r"/(?![/\\])[A-Za-z0-9._~!$&'()*+,;=:@%/?#-]*")


def _safe_next(path: str | None) -> str | None:
    """Where to go after signing in, only if it stays on this site (never an open redirect)."""
    return path if path and SAFE_NEXT.fullmatch(path) else None


def _set_cookie(
    request: Request,
    response: Response,
    name: str,
    value: str,
    max_age: int,
    same_site: Literal["lax", "strict"] = "lax",
) -> None:
    """Never readable by scripts; Secure whenever the console is served over HTTPS."""
    secure = context(request).runtime.settings.public_url.startswith("https://")
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        httponly=True,
        secure=secure,
        path="/",
        samesite=same_site,
    )


@router.get("/")
def home(request: Request) -> Response:
    person = signed_in(request)
    return see_other(HOME_FOR_ROLE.get(person.role, "/login") if person else "/login")


def _login_page(
    request: Request, next_path: str | None, error: str | None = None, status: int = 200
) -> Response:
    nonce = secrets.token_urlsafe(16)
    values = {
        "next": _safe_next(next_path) or "",
        "error": error,
        "login_csrf": sessions.csrf_token(secret_of(request), f"login:{nonce}"),
        "key_optional": loopback_without_keys(request),
    }
    response = render(request, "login.html", values, person=None, status=status)
    _set_cookie(request, response, sessions.LOGIN_COOKIE, nonce, sessions.LOGIN_FORM_SECONDS, "strict")
    return response


@router.get("/login")
def login_form(request: Request, next: Annotated[str | None, Query(max_length=500)] = None) -> Response:
    person = signed_in(request)
    if person is not None:
        return see_other(_safe_next(next) or HOME_FOR_ROLE[person.role])
    return _login_page(request, next)


def _who(request: Request, key: str) -> Principal:
    if not key and loopback_without_keys(request):
        return LOOPBACK_ADMIN
    principal = principal_for_key(request, key) if key else None
    if principal is None:
        raise ValueError("That key is not known. Ask your administrator for a console key.")
    if principal.role is Role.INGEST:
        raise ValueError("Ingest keys are for channels, not people: sign in with an agent or responder key.")
    return principal


@router.post("/login")
async def login(request: Request) -> Response:
    nonce = request.cookies.get(sessions.LOGIN_COOKIE, "")
    try:
        form = await read_form(request, f"login:{nonce}")
    except Refused as refusal:
        if refusal.code == "stale_form":  # left open too long, or opened before a restart: a fresh one
            return _login_page(request, None, "The sign-in form expired. Please try again.", 400)
        raise
    next_path = form.get("next")
    client = request.client.host if request.client else "unknown"
    if context(request).limiter.check(f"login:{client}") is not None:
        return _login_page(request, next_path, "Too many attempts. Wait a minute and try again.", 429)
    name = " ".join(form.get("name", "").split())[:MAX_NAME]
    runtime = context(request).runtime
    try:
        principal = _who(request, form.get("key", "").strip())
        if not name:
            raise ValueError("Enter your name: it is recorded on what you flag or acknowledge.")
        if principal.role is Role.RESPONDER and name not in runtime.config.roster.responders:
            raise ValueError("Responders sign in with their name exactly as it is on the on-call roster.")
    except ValueError as problem:
        with session_scope(runtime.url) as db:  # the name as typed, never the key
            repository.audit(
                db, f"console:{name}", "console_sign_in_refused", at=now_of(request), reason=str(problem)
            )
        return _login_page(request, next_path, str(problem), 401)
    person, cookie = sessions.issue(
        secret_of(request), principal.role, name, principal.key_id, now_of(request)
    )
    with session_scope(runtime.url) as db:
        repository.audit(db, person.actor, "console_signed_in", at=now_of(request), key=principal.key_id)
    response = see_other(_safe_next(next_path) or HOME_FOR_ROLE[person.role])
    _set_cookie(request, response, sessions.SESSION_COOKIE, cookie, sessions.SESSION_SECONDS)
    response.delete_cookie(sessions.LOGIN_COOKIE, path="/")
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    person = signed_in(request)
    if person is not None:
        await read_form(request, person.nonce)
    response = see_other("/login")
    response.delete_cookie(sessions.SESSION_COOKIE, path="/")
    return response
