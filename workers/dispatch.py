"""Two dispatchers, one interface: Celery queues in production, in-process threads in the embedded default.

Pages have their own queue (and, in-process, their own thread), so a flood of messages never delays one.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from workers.delivery import deliver
from workers.messages import scan_message
from workers.runtime import Runtime

log = logging.getLogger(__name__)

CRISIS_QUEUE = "crisis"


# Publishing happens on the request path, after commit. While the broker is down or unresponsive it must
# cost the caller little: one short attempt, no retries (kombu and Celery otherwise retry for seconds),
# and after a failure no attempt at all for a while. The message is in the database; the sweep scans it.
PUBLISH_TIMEOUT_SECONDS = 1.0
PAUSE_AFTER_FAILURE_SECONDS = 2.0
PUBLISH_CONNECTIONS = 64  # more than the API's request threads, so a publish never waits for one
_SHORT_PUBLISH = {
    "socket_connect_timeout": PUBLISH_TIMEOUT_SECONDS,
    "socket_timeout": PUBLISH_TIMEOUT_SECONDS,
    "max_retries": 0,  # kombu's reconnect loop
}


class CeleryDispatcher:
    def __init__(self, app: Any) -> None:
        self.app = app
        # Connections of its own, not the app's producer pool: these timeouts must not reach the
        # worker's consuming connection, which waits on the broker for long stretches on purpose.
        self._connections = app.connection_for_write(
            connect_timeout=PUBLISH_TIMEOUT_SECONDS, transport_options=_SHORT_PUBLISH
        ).Pool(limit=PUBLISH_CONNECTIONS)
        self._paused_until = 0.0

    def _publish(self, task: str, argument: object, queue: str | None = None, *more: object) -> None:
        if time.monotonic() < self._paused_until:
            return  # the broker failed moments ago; the sweep picks this up
        options = {"queue": queue} if queue else {}
        try:
            with self._connections.acquire(block=True, timeout=PUBLISH_TIMEOUT_SECONDS) as connection:
                args = [argument, *more]
                self.app.send_task(task, args=args, retry=False, connection=connection, **options)
        except Exception as error:
            self._paused_until = time.monotonic() + PAUSE_AFTER_FAILURE_SECONDS
            log.warning(
                "broker unavailable for %s (%s); the sweep will pick it up", task, type(error).__name__
            )

    def scan(self, message_id: str, urgent: bool = False) -> None:
        # Crisis-looking scans go to their own queue, which workers poll before any other (celery_app),
        # and claim their own message only (``scan_message``).
        if urgent:
            self._publish("detector.scan", message_id, CRISIS_QUEUE, True)
        else:
            self._publish("detector.scan", message_id)

    def send_page(self, page_id: int) -> None:
        self._publish("escalation.send_page", page_id)


PAGE_THREADS = 4  # pages a scan process has in flight at once (each mostly waits for the provider)


class PagesInline:
    """A scan worker's dispatcher: the pages a scan records are sent from the scan's own process as soon
    as their fold commits, rather than queued behind whatever the pages queue and the pool are doing
    (under load that wait was most of a crisis message's time to its first page). Scans are handed on
    as usual. A page that cannot be sent here (an exception before the provider answers) goes to the
    pages queue; delivery claims each page, so a page is never sent twice either way.

    Pages are sent on a few threads of the process, not on the scan's own: a provider's request takes a
    round trip or more, and a scan that waited for each one (two pages a crisis) could not start on the
    next crisis meanwhile (under the batch door's load, crisis scans took seconds and bulk scans none).
    The process waits for them before it exits (``shutdown``); if it is killed first, a page left
    "sending" is retried after its lease, as after any killed send."""

    def __init__(self, inner: Any, runtime: Runtime) -> None:
        self.inner, self.runtime = inner, runtime
        self._threads = ThreadPoolExecutor(max_workers=PAGE_THREADS, thread_name_prefix="page")

    def scan(self, message_id: str, urgent: bool = False) -> None:
        self.inner.scan(message_id, urgent)

    def send_page(self, page_id: int) -> None:
        self._threads.submit(self._deliver, page_id)

    def _deliver(self, page_id: int) -> None:
        rt = self.runtime
        try:
            deliver(rt.url, page_id, rt.config, rt.notifiers, rt.policy, rt.clock())
        except Exception as error:
            log.warning("page sent from the queue instead (%s)", type(error).__name__)
            self.inner.send_page(page_id)

    def shutdown(self) -> None:
        self._threads.shutdown(wait=True)


class InProcessDispatcher:
    """The embedded default: scans on two threads, crisis-looking scans on one of their own (never
    queued behind bulk), pages on two of their own."""

    def __init__(self) -> None:
        self.runtime: Runtime | None = None
        self._scans = ThreadPoolExecutor(max_workers=2, thread_name_prefix="scan")
        self._crisis = ThreadPoolExecutor(max_workers=1, thread_name_prefix="crisis-scan")
        self._pages = ThreadPoolExecutor(max_workers=2, thread_name_prefix="page")

    def bind(self, runtime: Runtime) -> None:
        self.runtime = runtime

    def scan(self, message_id: str, urgent: bool = False) -> None:
        (self._crisis if urgent else self._scans).submit(self._run_scan, message_id, urgent)

    def send_page(self, page_id: int) -> None:
        self._pages.submit(self._run_page, page_id)

    def _run_scan(self, message_id: str, urgent: bool = False) -> None:
        runtime = self._bound()
        try:
            for page_id in scan_message(runtime, message_id, urgent):
                self.send_page(page_id)
        except Exception:
            log.exception("scan failed; the sweep will retry it")

    def _run_page(self, page_id: int) -> None:
        runtime = self._bound()
        try:
            deliver(runtime.url, page_id, runtime.config, runtime.notifiers, runtime.policy, runtime.clock())
        except Exception:
            log.exception("page delivery failed; the sweep will retry it")

    def _bound(self) -> Runtime:
        if self.runtime is None:
            raise RuntimeError("InProcessDispatcher used before bind(runtime)")
        return self.runtime

    def shutdown(self) -> None:
        self._scans.shutdown(wait=True)
        self._crisis.shutdown(wait=True)
        self._pages.shutdown(wait=True)
