"""What every console page shares: templates, the signed-in person, forms with their anti-forgery check,
and HTML refusals (the JSON API keeps its own error shape)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from api.auth import Role, principal_for_digest
from api.console import session as sessions
from api.console.formatting import FILTERS, zone_of
from api.deps import context
from api.origins import same_origin
from store.db import session_scope

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=HERE / "templates")
templates.env.filters.update(FILTERS)

# Scripts and styles come only from our own /static: an injected <script> in a message would not run
# even if escaping ever failed. Pages are never cached or framed, and send a Referer to this site only
# ("no-referrer" would make Chromium send "Origin: null" with our own forms, which the check refuses).
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
}
MAX_FORM_FIELDS = 20


class SignInRequired(Exception):
    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


class Refused(Exception):
    """A console request refused with a reason the person can act on, shown as a page."""

    def __init__(self, status: int, title: str, reason: str, code: str = "refused") -> None:
        super().__init__(reason)
        self.status, self.title, self.reason, self.code = status, title, reason, code


def secret_of(request: Request) -> bytes:
    return context(request).console_secret


def now_of(request: Request) -> datetime:
    return context(request).runtime.clock()


def signed_in(request: Request) -> sessions.ConsoleSession | None:
    """The person whose session the cookie opens, checked against the session table and the key on
    every request (once per request: the answer is kept on ``request.state``)."""
    if hasattr(request.state, "console_session"):
        return request.state.console_session  # type: ignore[no-any-return]
    token = request.cookies.get(sessions.SESSION_COOKIE)
    person = None
    if token:
        ctx = context(request)
        idle = timedelta(minutes=ctx.runtime.settings.session_idle_minutes)
        with session_scope(ctx.runtime.url) as db:
            person = sessions.current(
                db,
                token,
                now_of(request),
                idle,
                lambda digest: principal_for_digest(request, digest) is not None,
            )
    request.state.console_session = person
    return person


def require_person(request: Request, *roles: Role) -> sessions.ConsoleSession:
    """The signed-in person if their role may see this page (admin may see every page)."""
    person = signed_in(request)
    if person is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise SignInRequired(target)
    if not person.may(*roles):
        wanted = " or ".join(sorted(r.value for r in roles))
        raise Refused(403, "Not for your role", f"This page is for {wanted} sign-ins; you are {person.role}.")
    return person


async def read_form(request: Request, nonce: str) -> dict[str, str]:
    """An urlencoded form whose ``csrf_token`` matches ``nonce``; anything else is refused with 400/403.

    Oversized bodies never get here: the body-size middleware refuses them first.
    """
    if not same_origin(request):
        raise Refused(403, "Request refused", "This form was sent from another site.")
    content_type = request.headers.get("content-type", "").split(";")[0].strip()
    if content_type != "application/x-www-form-urlencoded":
        raise Refused(400, "Request refused", "Expected a form (application/x-www-form-urlencoded).")
    try:
        pairs = parse_qsl(
            (await request.body()).decode("utf-8"),
            keep_blank_values=True,
            strict_parsing=False,
            max_num_fields=MAX_FORM_FIELDS,
        )
    except (UnicodeDecodeError, ValueError):
        raise Refused(400, "Request refused", "The form could not be read.") from None
    form = dict(pairs)
    if not sessions.csrf_valid(secret_of(request), nonce, form.get("csrf_token")):
        raise Refused(
            403, "Request refused", "This form has expired or was not sent from this console.", "stale_form"
        )
    return form


def render(
    request: Request,
    template: str,
    values: Mapping[str, Any],
    *,
    person: sessions.ConsoleSession | None,
    status: int = 200,
) -> HTMLResponse:
    csrf = sessions.csrf_token(secret_of(request), person.nonce) if person else ""
    page = {
        "person": person,
        "csrf": csrf,
        "now": now_of(request),
        "zone": reader_zone(request, person),
        "Role": Role,
        **values,
    }
    response = templates.TemplateResponse(request, template, page, status_code=status)
    response.headers.update(SECURITY_HEADERS)
    return response


def reader_zone(request: Request, person: sessions.ConsoleSession | None) -> ZoneInfo | None:
    """The roster's time zone for a responder; None leaves it to the browser (agents are not on the
    roster, and a phone abroad knows where it is better than we do)."""
    if person is None or person.person is None:
        return None
    responder = context(request).runtime.config.roster.responders.get(person.person)
    return zone_of(responder.time_zone) if responder else None


def see_other(path: str) -> Response:
    """After a successful POST, the browser goes to a page it can reload safely."""
    return RedirectResponse(path, status_code=303, headers={"Cache-Control": "no-store"})


def sign_in_redirect(next_path: str) -> Response:
    return see_other(f"/login?next={quote(next_path, safe='')}")


def refused_page(request: Request, refusal: Refused) -> HTMLResponse:
    values = {"title": refusal.title, "reason": refusal.reason}
    return render(request, "refused.html", values, person=signed_in(request), status=refusal.status)
