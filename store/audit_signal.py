"""Telling live event streams that the audit trail grew, instead of letting each stream poll it.

Two carriers, one meaning ("new audit rows are committed; read past your cursor"):

- PostgreSQL: ``pg_notify`` from the transaction that appends the rows, issued in the audit chain's
  ``before_commit`` hook. PostgreSQL delivers a notification only when its transaction commits (never on
  rollback), so a listener never reads before the rows are visible, and every API process on every host
  hears it on one ``LISTEN`` connection (``api.live_listen``). The payload is the writer's schema: test
  schemas (and deployments sharing a database) share the channel, and a listener ignores the others'.
- This process: callbacks run after the commit (the embedded SQLite default scans, pages and audits in
  the serving process itself, so no broker or Redis is needed for events to be pushed).

Either may be missed (a dropped LISTEN connection, a row written by another process on SQLite): the
streams' shared reader also polls slowly as a safety net (``api.live``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy import event, text
from sqlalchemy.orm import Session as OrmSession

log = logging.getLogger(__name__)

CHANNEL = "stayline_audit"
_APPENDED = "audit_rows_appended"
_callbacks: set[Callable[[], None]] = set()
_lock = threading.Lock()


def announce(session: OrmSession) -> None:
    """Called inside the transaction that appended audit rows, just before it commits."""
    session.info[_APPENDED] = True
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_notify(:channel, current_schema())"), {"channel": CHANNEL})


def on_commit(callback: Callable[[], None]) -> Callable[[], None]:
    """Run ``callback`` (from the committing thread) after every commit in this process that appended
    audit rows. Returns the function that removes it."""
    with _lock:
        _callbacks.add(callback)

    def remove() -> None:
        with _lock:
            _callbacks.discard(callback)

    return remove


@event.listens_for(OrmSession, "after_commit")
def _committed(session: OrmSession) -> None:
    if not session.info.pop(_APPENDED, False):
        return
    with _lock:
        callbacks = list(_callbacks)
    for callback in callbacks:
        try:
            callback()
        except Exception:  # a stream's wake-up must never fail the writer (the safety poll covers it)
            log.warning("audit commit callback failed", exc_info=True)


@event.listens_for(OrmSession, "after_soft_rollback")
def _rolled_back(session: OrmSession, _previous: object) -> None:
    session.info.pop(_APPENDED, None)
