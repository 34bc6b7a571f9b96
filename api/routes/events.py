"""``GET /v1/events``: server-sent events for agent desktops, read from the audit trail."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

import anyio
from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from api.auth import Principal, Role, require
from api.deps import ApiContext, context
from api.errors import documented
from api.events import events_after, latest_event_id
from api.schemas import ID_PATTERN

router = APIRouter(tags=["events"])
KEEPALIVE_SECONDS = 15.0


@router.get(
    "/v1/events",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/event-stream": {}}, "description": "An endless event stream"},
        **documented(401, 403),
    },
    summary="Live events: risk_changed, risk_assessed, incident_opened, page_sent, acknowledged, ...",
)
async def stream_events(
    request: Request,
    _: Annotated[Principal, Depends(require(Role.AGENT, Role.RESPONDER))],
    ctx: Annotated[ApiContext, Depends(context)],
    conversation_id: Annotated[str | None, Query(max_length=200, pattern=ID_PATTERN)] = None,
    last_event_id: Annotated[int | None, Header(alias="Last-Event-ID", ge=0)] = None,
    after: Annotated[int | None, Query(ge=0, description="Last-Event-ID as a query")] = None,
) -> StreamingResponse:
    """Polls the audit table (about twice a second) and sends each new row as an event whose ``id`` is
    the audit row id, so a reconnecting ``EventSource`` resumes with ``Last-Event-ID``. Without one, the
    stream starts with events from now on."""
    start = last_event_id if last_event_id is not None else after
    return await event_stream(request, ctx, conversation_id, start)


async def event_stream(
    request: Request, ctx: ApiContext, conversation_id: str | None, start: int | None
) -> StreamingResponse:
    """The stream itself, shared with the web console (which signs in with a cookie, not a key)."""
    url = ctx.runtime.url
    cursor = start if start is not None else await run_in_threadpool(latest_event_id, url)

    async def generate() -> AsyncIterator[str]:
        # A bare "id:" sets the client's Last-Event-ID without firing an event, so a reconnect resumes
        # exactly here even when nothing for this client has happened yet.
        position, quiet = cursor, 0.0
        yield f"retry: 2000\nid: {position}\n\n"
        ends_at = anyio.current_time() + ctx.sse_max_seconds
        while anyio.current_time() < ends_at and not await request.is_disconnected():
            events, position = await run_in_threadpool(events_after, url, position, conversation_id)
            for event in events:
                yield event.encode()
            quiet = 0.0 if events else quiet + ctx.sse_poll_seconds
            if quiet >= KEEPALIVE_SECONDS:
                quiet = 0.0
                yield f": keepalive\nid: {position}\n\n"
            await anyio.sleep(ctx.sse_poll_seconds)
        yield f"id: {position}\n\n"

    headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    return StreamingResponse(generate(), media_type="text/event-stream", headers=headers)
