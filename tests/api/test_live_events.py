"""Events are pushed to open streams: one read of the audit trail per commit for all of a process's
streams (not one per stream), on SQLite (a callback in the serving process) and on PostgreSQL (LISTEN/
NOTIFY, with the safety poll pushed out of reach so only the notification can deliver in time)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

import httpx
import pytest
from sqlalchemy import event as sa_event
from sqlmodel import Session

from api.live import EventHub
from detector import Detector
from store import repository
from store.db import engine_for, session_scope
from tests.api.conftest import Harness, auth, harness_for
from tests.api.test_events import Served, served_app

SAFETY_OUT_OF_REACH = 600.0  # no safety poll during a test: what arrives was pushed


@pytest.fixture
def live(api: Harness) -> Iterator[Served]:
    """The embedded default (SQLite, work done in the serving process) over real HTTP."""
    with served_app(api) as served:
        yield served


class Reader:
    """Reads one event stream in a thread; ``wait_for`` blocks until an event with a given action."""

    def __init__(self, base: str, query: str = "", headers: dict[str, str] | None = None) -> None:
        self.events: list[dict[str, Any]] = []
        self.opened = threading.Event()
        self._changed = threading.Condition()
        self._client = httpx.Client(base_url=base, timeout=httpx.Timeout(30.0))
        self._request = self._client.build_request(
            "GET", f"/v1/events{query}", headers=auth("agent") | (headers or {})
        )
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        current: dict[str, Any] = {}
        try:
            response = self._client.send(self._request, stream=True)
            for line in response.iter_lines():
                self.opened.set()
                if line.startswith(("id:", "event:")):
                    key, _, value = line.partition(":")
                    current[key] = value.strip()
                elif line.startswith("data:"):
                    current["data"] = json.loads(line.partition(":")[2])
                elif line == "":
                    if "data" in current:
                        with self._changed:
                            self.events.append(current)
                            self._changed.notify_all()
                    current = {}
        except (httpx.HTTPError, RuntimeError, ValueError):
            pass  # closed by the test

    def wait_for(self, action: str, seconds: float = 10.0) -> dict[str, Any]:
        def found() -> dict[str, Any] | None:
            return next((e for e in self.events if e["data"].get("action") == action), None)

        with self._changed:
            assert self._changed.wait_for(lambda: found() is not None, seconds), (action, self.events)
        event = found()
        assert event is not None
        return event

    def close(self) -> None:
        # Not joined: a blocked read ends when the server stops (the fixture's teardown), a daemon thread.
        self._client.close()


@contextmanager
def readers(served: Served, count: int, **options: Any) -> Iterator[list[Reader]]:
    opened = [Reader(served.base, **options) for _ in range(count)]
    try:
        for reader in opened:
            assert reader.opened.wait(10), "a stream did not open"
        yield opened
    finally:
        for reader in opened:
            reader.close()


def flag_row(url: str, conversation_id: str, action: str = "conversation_flagged") -> None:
    """One audit row in one transaction (what a flag, a scan or a page writes, reduced to the row)."""
    with session_scope(url) as session:
        repository.audit(session, "agent:Ana Lima", action, conversation_id=conversation_id, level="high")


@contextmanager
def audit_selects(url: str) -> Iterator[list[str]]:
    """Every SELECT on the audit table made through this process's engine while open."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "audit_event" in statement:
            seen.append(statement)

    engine = engine_for(url)
    sa_event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        sa_event.remove(engine, "before_cursor_execute", record)


def hub_of(served: Served) -> EventHub:
    return served.app.state.context.events  # type: ignore[no-any-return]


def test_one_commit_reaches_twenty_streams_with_one_read(live: Served) -> None:
    url = live.harness.url
    hub_of(live).safety_poll_seconds = SAFETY_OUT_OF_REACH
    with readers(live, 20) as streams:
        # Two rounds first: every stream has caught up by itself and now only drains the hub's batches.
        for action in ("incident_opened", "incident_raised"):
            flag_row(url, "conv-warm", action)
            for stream in streams:
                stream.wait_for(action)

        with audit_selects(url) as selects:
            flag_row(url, "conv-live")
            for stream in streams:
                stream.wait_for("conversation_flagged")

    assert 1 <= len(selects) <= 2, selects  # per stream polling would be 20 or more


def test_a_reconnect_resumes_from_last_event_id_without_losing_events(live: Served) -> None:
    url = live.harness.url
    with readers(live, 1, query="?conversation_id=conv-1") as (first,):
        flag_row(url, "conv-1", "incident_opened")
        seen = first.wait_for("incident_opened")
    # Disconnected: these happen while the desktop reconnects.
    flag_row(url, "conv-1", "incident_raised")
    flag_row(url, "conv-2", "incident_raised")  # another conversation: not for this stream
    flag_row(url, "conv-1", "incident_acknowledged")

    with readers(live, 1, query="?conversation_id=conv-1", headers={"Last-Event-ID": seen["id"]}) as (again,):
        again.wait_for("incident_acknowledged")
        flag_row(url, "conv-1", "incident_resolved")  # and live again afterwards
        again.wait_for("incident_resolved")

    actions = [e["data"]["action"] for e in again.events]
    assert actions == ["incident_raised", "incident_acknowledged", "incident_resolved"]
    ids = [int(e["id"]) for e in again.events]
    assert ids == sorted(ids) and ids[0] > int(seen["id"])


@pytest.fixture
def pg_served(postgres_url: str, detector: Detector) -> Iterator[Served]:
    with harness_for(postgres_url, detector) as harness, served_app(harness) as live:
        yield live


def test_postgres_pushes_a_commit_from_another_connection_through_notify(pg_served: Served) -> None:
    hub_of(pg_served).safety_poll_seconds = SAFETY_OUT_OF_REACH
    url = pg_served.harness.url
    with readers(pg_served, 3) as streams:
        flag_row(url, "conv-pg")
        for stream in streams:
            assert stream.wait_for("conversation_flagged")["data"]["conversation_id"] == "conv-pg"


def test_a_row_committed_after_a_later_one_is_not_skipped(pg_served: Served) -> None:
    """Row ids are taken at insert: the slow transaction holds the lower id but commits last. Events are
    numbered in commit order (the audit chain's seq), so the stream's cursor never jumps past it."""
    url = pg_served.harness.url
    with readers(pg_served, 1) as (stream,), ExitStack() as stack:
        slow = stack.enter_context(Session(engine_for(url)))
        repository.audit(slow, "engine", "incident_opened", conversation_id="conv-slow")
        slow.flush()  # the lower id is taken now
        flag_row(url, "conv-fast", "incident_raised")
        stream.wait_for("incident_raised")
        slow.commit()
        late = stream.wait_for("incident_opened")

    assert int(late["id"]) > int(stream.wait_for("incident_raised")["id"])
