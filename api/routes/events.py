"""``GET /v1/events``: server-sent events for agent desktops, read from the audit trail."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Annotated

import anyio
from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from api.auth import Principal, Role, require
from api.deps import ApiContext, context
from api.errors import documented
from api.events import events_after, latest_event_id
from api.live import EventHub
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
    """Sends each new audit row as an event whose ``id`` is the row's place in the audit chain (given in
    commit order), so a reconnecting ``EventSource`` resumes with ``Last-Event-ID``. Without one, the
    stream starts with events from now on. Events are pushed: the process reads new rows once per commit
    for all its streams (``api.live``)."""
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
        yield f"retry: 2000\nid: {cursor}\n\n"
        feed = Feed(ctx.events, conversation_id, cursor)
        try:
            ends_at = anyio.current_time() + ctx.sse_max_seconds
            quiet_since = anyio.current_time()
            while anyio.current_time() < ends_at and not await request.is_disconnected():
                if feed.behind:
                    async for chunk in feed.catch_up(url):
                        yield chunk
                        quiet_since = anyio.current_time()
                wait = min(KEEPALIVE_SECONDS, ends_at - anyio.current_time())
                with anyio.move_on_after(max(wait, 0.0)):
                    await feed.subscription.ready.wait()
                sent = False
                for chunk in feed.drain():
                    yield chunk
                    sent = True
                now = anyio.current_time()
                if sent:
                    quiet_since = now
                elif now - quiet_since >= KEEPALIVE_SECONDS:
                    quiet_since = now
                    yield f": keepalive\nid: {feed.resume_at}\n\n"
            yield f"id: {feed.resume_at}\n\n"
        finally:
            feed.close()

    headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    return StreamingResponse(generate(), media_type="text/event-stream", headers=headers)


class Feed:
    """One stream's view of the process's event hub: what it has sent and how far it has seen."""

    def __init__(self, hub: EventHub, conversation_id: str | None, position: int) -> None:
        self.hub = hub
        self.conversation_id = conversation_id
        self.subscription = hub.subscribe(conversation_id)
        self.position = position  # the last event sent (or the client's Last-Event-ID)
        self.covered = position  # every row up to here was looked at for this stream
        self.behind = True  # rows before the hub's cursor are read by this stream itself, once

    @property
    def resume_at(self) -> int:
        return max(self.position, self.covered)

    async def catch_up(self, url: str) -> AsyncIterator[str]:
        """Everything committed before this stream joined (or while it was too slow): read by the
        stream itself, filtered in the database. Batches the hub reads meanwhile are deduplicated."""
        self.behind = self.subscription.overflowed = False
        hub_saw = self.hub.cursor or 0  # every relevant row up to here is committed: this read finds it
        while True:
            before = self.position
            events, last = await run_in_threadpool(events_after, url, before, self.conversation_id)
            for event in events:
                self.position = event.id
                yield event.encode()
            self.position = max(self.position, last)
            if last == before:
                break
        self.covered = max(self.covered, hub_saw, self.position)

    def drain(self) -> Iterator[str]:
        """The hub's batches since the last call, in order, without what was already sent."""
        self.subscription.ready.clear()
        if self.subscription.overflowed:
            self.behind = True
            return
        while self.subscription.batches:
            batch = self.subscription.batches.popleft()
            for event in batch.events:
                if event.id > self.position and self.subscription.wants(event):
                    self.position = event.id
                    yield event.encode()
            if self.covered >= batch.start:
                self.covered = max(self.covered, batch.end)

    def close(self) -> None:
        self.hub.unsubscribe(self.subscription)
