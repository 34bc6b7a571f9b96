"""Signing in and out, and the home page that sends each role to its view."""

from __future__ import annotations

import re
import secrets
from collections.abc import Collection
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.auth import (
    LOOPBACK_ADMIN,
    Principal,
    Role,
    client_address,
    loopback_without_keys,
    principal_for_key,
    refuse_failed_attempt,
)
from api.auth_limits import address_subject, name_subject
from api.console import session as sessions
from api.console.web import Refused, now_of, read_form, render, secret_of, see_other, signed_in
from api.deps import context
from store import console_sessions, repository
from store.db import session_scope
from store.models import ConsoleSessionRow

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


def _name_for(principal: Principal, typed: str, roster: Collection[str]) -> str:
    """Who the session records: a person's key is that person, whatever was typed (typing someone else's
    name is refused); a service key records the name as typed, and a responder's must be on the roster."""
    if principal.person is not None:
        if typed and " ".join(typed.split()).casefold() != principal.person.casefold():
            raise NotYourName(f"This key belongs to {principal.person}. Sign in with your own key.")
        return principal.person
    if not typed:
        raise ValueError("Enter your name: it is recorded on what you flag or acknowledge.")
    if principal.role is Role.RESPONDER and typed not in roster:
        raise ValueError("Responders sign in with their name exactly as it is on the on-call roster.")
    return typed


class NotYourName(ValueError):
    """Acting as someone else: refused with 403 rather than 401 (the key itself was right)."""


def _too_many(request: Request, next_path: str | None, wait: int) -> Response:
    minutes = max(1, round(wait / 60))
    error = f"Too many failed sign-ins. Wait {minutes} minute(s) and try again."
    response = _login_page(request, next_path, error, 429)
    response.headers["Retry-After"] = str(wait)
    return response


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
    name = " ".join(form.get("name", "").split())[:MAX_NAME]
    # Counted per address and per name claimed: one machine guessing, or many machines guessing for one
    # person. A blocked attempt is refused before its key is looked at.
    subjects = [address_subject(client_address(request))] + ([name_subject(name)] if name else [])
    wait = context(request).auth_failures.wait(subjects)
    if wait is not None:
        return _too_many(request, next_path, wait)
    runtime = context(request).runtime
    try:
        principal = _who(request, form.get("key", "").strip())
        name = _name_for(principal, name, runtime.config.roster.responders)
    except ValueError as problem:  # the name as typed is audited, never the key
        refuse_failed_attempt(
            request,
            subjects,
            "console",
            str(problem),
            actor=f"console:{name}",
            action="console_sign_in_refused",
        )
        return _login_page(request, next_path, str(problem), 403 if isinstance(problem, NotYourName) else 401)
    now = now_of(request)
    with session_scope(runtime.url) as db:
        person, token = sessions.start(db, principal, name, client_address(request), now)
        repository.audit(
            db,
            person.actor,
            "console_signed_in",
            at=now,
            console_session=person.id,
            **principal.audit_detail(),
        )
    response = see_other(_safe_next(next_path) or HOME_FOR_ROLE[person.role])
    _set_cookie(request, response, sessions.SESSION_COOKIE, token, sessions.SESSION_SECONDS)
    response.delete_cookie(sessions.LOGIN_COOKIE, path="/")
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    """Ends the session in the table, not only in this browser: a copy of the cookie opens nothing."""
    person = signed_in(request)
    if person is not None:
        await read_form(request, person.nonce)
        with session_scope(context(request).runtime.url) as db:
            row = db.get(ConsoleSessionRow, person.id)
            if row is not None and console_sessions.end(db, row, now_of(request), "signed_out", person.actor):
                repository.audit(
                    db, person.actor, "console_signed_out", at=now_of(request), console_session=person.id
                )
    response = see_other("/login")
    response.delete_cookie(sessions.SESSION_COOKIE, path="/")
    return response
