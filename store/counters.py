"""Metric counters kept where events happen, in the shared Redis, instead of counted from whole tables.

When a Redis broker is configured, ``attach(url, client)`` (done by ``Runtime.prepare``) hooks every ORM
session on that database: what a transaction stored is noted at flush (new messages, assessments,
incidents and pages; a page's status change; a message's ``scanned_at`` being set) and added to one
Redis hash when, and only if, the transaction commits (``HINCRBY`` in one pipeline; a rollback drops
them). Changes made with Core ``UPDATE`` statements are noted by their callers with ``note``.

The counters are Prometheus counters: they only go up, they start at 0 when the shared store is new or
emptied (``rate()`` and ``increase()`` handle that as a reset), and pruning old rows does not lower them.
``stayline_pages_total{status}`` counts pages *reaching* each status (a page that was pending and then
sent counts once under each), where the table count gave each page's current status. The quality figures
(issue 15) are counted the same way: responders' outcomes when first given, agents' labels when recorded,
and each incident's time to its first acknowledgement into a histogram.

A Redis outage never fails or delays a transaction beyond the client's short timeout: the increments are
lost (counters under-count) and a throttled warning is logged.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

import redis
from sqlalchemy import event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from store.db import engine_for
from store.models import AssessmentRow, IncidentRow, LabelledExampleRow, MessageRow, PageRow
from store.shared import KEY_PREFIX, ThrottledWarning

log = logging.getLogger(__name__)

HASH = f"{KEY_PREFIX}metrics"
PENDING = "stayline_counts"  # the session.info key holding what this transaction has done so far

Series = tuple[str, str, str]  # (metric name, label name or "", label value or "")

STORED: Series = ("stayline_messages_stored_total", "", "")
SCANNED: Series = ("stayline_messages_scanned_total", "", "")
INCIDENTS: Series = ("stayline_incidents_total", "", "")


def channel_intake(source: str) -> Series:
    """Messages stored per intake connector (``message.source``): ``stayline_channel_messages_total``."""
    return ("stayline_channel_messages_total", "channel", source)


def assessed(level: str) -> Series:
    return ("stayline_assessments_total", "level", level)


def page_status(status: str) -> Series:
    return ("stayline_pages_total", "status", status)


def outcome(value: str) -> Series:
    """A responder's word on an incident (real_crisis, not_a_crisis, unclear), counted when first given."""
    return ("stayline_incident_outcomes_total", "outcome", value)


def agent_label(value: str) -> Series:
    """An agent's label recorded as an example (miss, false_alarm)."""
    return ("stayline_agent_labels_total", "label", value)


# Time from an incident opening to its first acknowledgement, as a Prometheus histogram kept in counters:
# one counter per bucket (cumulative on output), the count, and the sum in whole milliseconds.
ACK_BUCKETS = (30.0, 60.0, 120.0, 300.0, 600.0, 900.0, 1800.0, 3600.0)
ACK_COUNT: Series = ("stayline_acknowledgement_seconds_count", "", "")
ACK_SUM_MS: Series = ("stayline_acknowledgement_milliseconds_sum", "", "")


def ack_bucket(seconds: float) -> Series:
    """The smallest bucket the time falls in (``+Inf`` past the last); the output makes them cumulative."""
    upper = next((b for b in ACK_BUCKETS if seconds <= b), None)
    return ("stayline_acknowledgement_seconds_bucket", "le", "+Inf" if upper is None else f"{upper:g}")


def acknowledged(seconds: float) -> Counter[Series]:
    return Counter({ack_bucket(seconds): 1, ACK_COUNT: 1, ACK_SUM_MS: round(max(seconds, 0.0) * 1000)})


def _field(series: Series) -> str:
    return "\t".join(series)


def _series(field: bytes | str) -> Series:
    text = field.decode() if isinstance(field, bytes) else field
    name, label, value = [*text.split("\t"), "", ""][:3]
    return (name, label, value)


class RedisCounters:
    def __init__(self, client: redis.Redis) -> None:
        self.client = client
        self._warn = ThrottledWarning(log, "metric counter store unreachable; counts are being lost")

    def add(self, counts: Counter[Series]) -> None:
        try:
            pipe = self.client.pipeline(transaction=False)
            for series, n in counts.items():
                pipe.hincrby(HASH, _field(series), n)
            pipe.execute()
        except redis.RedisError as error:
            self._warn(error)

    def read(self) -> dict[Series, int] | None:
        """Every counter, or None when the store cannot be reached."""
        try:
            raw: dict[Any, Any] = self.client.hgetall(HASH)
        except redis.RedisError as error:
            self._warn(error)
            return None
        return {_series(k): int(v) for k, v in raw.items()}


_sinks: dict[Engine, RedisCounters] = {}


def attach(url: str, client: redis.Redis | None) -> None:
    """Count events on ``url`` into ``client`` (None: stop counting; metrics come from the tables)."""
    engine = engine_for(url)
    if client is None:
        _sinks.pop(engine, None)
    else:
        _sinks[engine] = RedisCounters(client)


def counters_for(session: Session) -> RedisCounters | None:
    if not _sinks:
        return None  # no broker: nothing to look up on every flush and commit
    try:
        bind = session.get_bind()
    except Exception:  # a session without an engine counts nothing; it must never fail a commit
        return None
    return _sinks.get(bind) if isinstance(bind, Engine) else None


def note(session: Session, series: Series, n: int = 1) -> None:
    """Count an event a Core statement made (the ORM hooks cannot see it); added at commit."""
    if n > 0 and counters_for(session) is not None:
        session.info.setdefault(PENDING, Counter())[series] += n


def _changed_to(obj: object, attribute: str) -> Any:
    """The attribute's new value if this flush changes it, else None."""
    history = inspect(obj).attrs[attribute].history
    return history.added[0] if history.added and list(history.added) != list(history.deleted) else None


def _set_from_none(obj: object, attribute: str) -> bool:
    history = inspect(obj).attrs[attribute].history
    return _changed_to(obj, attribute) is not None and all(v is None for v in history.deleted)


@event.listens_for(Session, "after_flush")
def _collect(session: Session, _context: object) -> None:
    if counters_for(session) is None:
        return
    counts: Counter[Series] = session.info.setdefault(PENDING, Counter())
    for obj in session.new:
        if isinstance(obj, MessageRow):
            counts[STORED] += 1
            if obj.source:
                counts[channel_intake(obj.source)] += 1
            if obj.scanned_at is not None:
                counts[SCANNED] += 1
        elif isinstance(obj, AssessmentRow):
            counts[assessed(obj.message_level)] += 1
        elif isinstance(obj, IncidentRow):
            counts[INCIDENTS] += 1
        elif isinstance(obj, PageRow):
            counts[page_status(obj.status)] += 1
        elif isinstance(obj, LabelledExampleRow) and obj.source == "agent":
            counts[agent_label(obj.kind)] += 1
    for obj in session.dirty:
        if isinstance(obj, PageRow) and (status := _changed_to(obj, "status")) is not None:
            counts[page_status(status)] += 1
        elif isinstance(obj, MessageRow) and _set_from_none(obj, "scanned_at"):
            counts[SCANNED] += 1
        elif isinstance(obj, IncidentRow):
            _incident_changes(obj, counts)


def _incident_changes(row: IncidentRow, counts: Counter[Series]) -> None:
    if _set_from_none(row, "outcome") and row.outcome:
        counts[outcome(row.outcome)] += 1
    if _set_from_none(row, "acknowledged_at") and row.acknowledged_at and row.opened_at:
        counts.update(acknowledged((row.acknowledged_at - row.opened_at).total_seconds()))


@event.listens_for(Session, "after_commit")
def _publish(session: Session) -> None:
    counts = session.info.pop(PENDING, None)
    sink = counters_for(session)
    if counts and sink is not None:
        sink.add(counts)


@event.listens_for(Session, "after_rollback")
def _discard(session: Session) -> None:
    session.info.pop(PENDING, None)
