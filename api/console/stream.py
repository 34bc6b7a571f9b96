"""``/console/events``: the service's event stream for signed-in browsers (an EventSource cannot send an
API key header, so the session cookie stands in for it). Events carry no customer words; the page
re-reads itself when one arrives."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import Response

from api.auth import Role
from api.console.web import signed_in
from api.deps import context
from api.routes.events import event_stream
from api.schemas import ID_PATTERN

router = APIRouter(include_in_schema=False)


@router.get("/console/events")
async def console_events(
    request: Request,
    conversation_id: Annotated[str | None, Query(max_length=200, pattern=ID_PATTERN)] = None,
    last_event_id: Annotated[int | None, Header(alias="Last-Event-ID", ge=0)] = None,
) -> Response:
    person = signed_in(request)
    if person is None or not person.may(Role.AGENT, Role.RESPONDER):
        # 401 rather than a redirect: the script sees it and sends the person to sign in again.
        return Response("sign in again", status_code=401, media_type="text/plain")
    return await event_stream(request, context(request), conversation_id, last_event_id)
