"""One reader of the audit trail per API process, fanning new events out to every open event stream.

Streams used to poll the audit table twice a second each, so idle screens cost database queries and CPU
in proportion to their number. Now the process's ``EventHub`` reads new rows only when told that some were
committed (``store.audit_signal``: PostgreSQL ``NOTIFY`` or, on the embedded SQLite default, a callback in
this process), with one query per wake-up however many streams are open, plus one slow safety poll per
process for a missed notification. It runs only while at least one stream is open.

Each subscription receives the batches the hub read after it joined; ``api.routes.events`` catches a new
or slow stream up from the database by itself (once) and drops duplicates by event id.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from starlette.concurrency import run_in_threadpool

from api.events import BATCH, Event, events_after, latest_event_id
from api.live_listen import listen
from store.audit_signal import on_commit

log = logging.getLogger(__name__)
MAX_PENDING = 200  # batches waiting for one slow stream; past that it re-reads from the database


@dataclass(frozen=True)
class Batch:
    """Every audit row with ``start < seq <= end`` was read; ``events`` are those sent to streams."""

    start: int
    end: int
    events: tuple[Event, ...]


@dataclass(eq=False)
class Subscription:
    conversation_id: str | None
    batches: deque[Batch] = field(default_factory=deque)
    ready: asyncio.Event = field(default_factory=asyncio.Event)
    overflowed: bool = False

    def offer(self, batch: Batch) -> None:
        if len(self.batches) >= MAX_PENDING:
            self.batches.clear()
            self.overflowed = True
        else:
            self.batches.append(batch)
        self.ready.set()

    def wants(self, event: Event) -> bool:
        return self.conversation_id is None or event.data.get("conversation_id") == self.conversation_id


class EventHub:
    def __init__(self, url: str, safety_poll_seconds: float = 5.0) -> None:
        self.url = url
        self.safety_poll_seconds = safety_poll_seconds
        self.cursor: int | None = None  # every row up to this seq has been read (None: not started)
        self.reads = 0  # wake-ups that read the database (tests and the bench look at it)
        self._subscriptions: set[Subscription] = set()
        self._wake = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None

    @property
    def listens(self) -> bool:
        return self.url.startswith("postgresql")

    def subscribe(self, conversation_id: str | None) -> Subscription:
        """On the event loop. Starts the reader (and the PostgreSQL listener) for the first stream."""
        subscription = Subscription(conversation_id)
        self._subscriptions.add(subscription)
        if self._task is None or self._task.done() or self._loop is not asyncio.get_running_loop():
            self._loop = asyncio.get_running_loop()
            self._wake = asyncio.Event()
            self._task = self._loop.create_task(self._run())
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        self._subscriptions.discard(subscription)
        if not self._subscriptions:
            self.wake()  # the reader sees nobody is left and stops

    def wake(self) -> None:
        """From any thread: new rows may be committed."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # the loop closed in between: nobody to tell
            loop.call_soon_threadsafe(self._wake.set)

    async def _run(self) -> None:
        stop_signals = self._start_signals()
        try:
            self.cursor = await run_in_threadpool(latest_event_id, self.url)
            while self._subscriptions:
                # On time-out, the safety poll: a notification may have been lost.
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), self.safety_poll_seconds)
                self._wake.clear()
                if self._subscriptions:
                    await self._read_new()
        except Exception:
            log.exception("event hub stopped; streams will reconnect")
            raise
        finally:
            self.cursor = None
            stop_signals()

    def _start_signals(self) -> Callable[[], None]:
        if not self.listens:
            return on_commit(self.wake)
        listener = asyncio.get_running_loop().create_task(listen(self.url, self.wake))

        def stop() -> None:
            listener.cancel()  # closes its connection

        return stop

    async def _read_new(self) -> None:
        self.reads += 1
        while self.cursor is not None:
            start = self.cursor
            events, end = await run_in_threadpool(events_after, self.url, start, None)
            if end == start:
                return
            self.cursor = end
            batch = Batch(start, end, tuple(events))
            for subscription in list(self._subscriptions):
                subscription.offer(batch)
            if end - start < BATCH:
                return
