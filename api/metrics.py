"""Prometheus text exposition, computed from the database on each scrape (counts, not secrets)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from api.views import first_accepted_at
from store.models import AssessmentRow, IncidentRow, MessageRow, PageRow
from store.repository import OPEN_STATES, SENDABLE

LEVELS = ("none", "low", "moderate", "high", "imminent")


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _number(value: float) -> str:
    return "NaN" if math.isnan(value) else repr(float(value))


class Exposition:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def metric(
        self, name: str, kind: str, help_text: str, samples: Iterable[tuple[dict[str, str], float]]
    ) -> None:
        self.lines += [f"# HELP {name} {help_text}", f"# TYPE {name} {kind}"]
        for labels, value in samples:
            text = ",".join(f'{k}="{_escape(v)}"' for k, v in sorted(labels.items()))
            self.lines.append(f"{name}{{{text}}} {_number(value)}" if text else f"{name} {_number(value)}")

    def render(self) -> str:
        return "\n".join(self.lines) + "\n"


def _count(session: Session, *conditions: object) -> int:
    query = select(func.count()).select_from(MessageRow)
    for condition in conditions:
        query = query.where(condition)  # type: ignore[arg-type]
    return int(session.exec(query).one())


def _grouped(session: Session, column: object) -> dict[str, int]:
    rows = session.exec(select(column, func.count()).group_by(column)).all()  # type: ignore[call-overload]
    return {str(key): int(count) for key, count in rows}


def time_to_first_page(session: Session) -> float:
    """Seconds from the newest incident opening to a provider first taking one of its pages (NaN until)."""
    incident = session.exec(
        select(IncidentRow)
        .where(col(IncidentRow.is_test).is_(False))
        .order_by(col(IncidentRow.opened_at).desc())
    ).first()
    if incident is None:
        return math.nan
    pages = session.exec(select(PageRow).where(PageRow.incident_id == incident.id)).all()
    sent = [at for page in pages if (at := first_accepted_at(page)) is not None]
    return (min(sent) - incident.opened_at).total_seconds() if sent else math.nan


def sweep_lag(session: Session, now: datetime) -> float:
    """How long the oldest overdue work has waited: an incident step or a page send past its time."""
    incident_due = session.exec(
        select(func.min(IncidentRow.next_action_at))
        .where(col(IncidentRow.state).in_(OPEN_STATES))
        .where(col(IncidentRow.next_action_at) <= now)
    ).one()
    page_due = session.exec(
        select(func.min(PageRow.next_attempt_at))
        .where(col(PageRow.status).in_(SENDABLE))
        .where(col(PageRow.next_attempt_at) <= now)
    ).one()
    due = [_aware(d) for d in (incident_due, page_due) if d is not None]
    return max(0.0, (now - min(due)).total_seconds()) if due else 0.0


def _aware(value: datetime) -> datetime:
    # Aggregates bypass the column type, so SQLite hands back a naive (UTC) value or a string.
    parsed = datetime.fromisoformat(value) if isinstance(value, str) else value
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def render_metrics(session: Session, now: datetime) -> str:
    out = Exposition()
    stored = _count(session)
    scanned = _count(session, col(MessageRow.scanned_at).is_not(None))
    out.metric("stayline_messages_stored_total", "counter", "Messages stored.", [({}, stored)])
    out.metric("stayline_messages_scanned_total", "counter", "Messages scanned.", [({}, scanned)])
    out.metric(
        "stayline_messages_unscanned", "gauge", "Messages stored, not yet scanned.", [({}, stored - scanned)]
    )
    levels = _grouped(session, AssessmentRow.message_level)
    out.metric(
        "stayline_assessments_total",
        "counter",
        "Assessments by the message's own level.",
        [({"level": level}, levels.get(level, 0)) for level in sorted({*LEVELS, *levels})],
    )
    states = _grouped(session, IncidentRow.state)
    out.metric(
        "stayline_incidents_open",
        "gauge",
        "Open incidents by state.",
        [({"state": state}, states.get(state, 0)) for state in OPEN_STATES],
    )
    out.metric("stayline_incidents_total", "counter", "Incidents ever opened.", [({}, sum(states.values()))])
    pages = _grouped(session, PageRow.status)
    out.metric(
        "stayline_pages_total",
        "counter",
        "Pages by status.",
        [({"status": s}, n) for s, n in sorted(pages.items())],
    )
    out.metric(
        "stayline_time_to_first_page_seconds",
        "gauge",
        "Newest incident: seconds from opening to the first page a provider accepted.",
        [({}, time_to_first_page(session))],
    )
    out.metric(
        "stayline_sweep_lag_seconds",
        "gauge",
        "Age of the oldest overdue incident step or page send (0 when nothing is overdue).",
        [({}, sweep_lag(session, now))],
    )
    return out.render()
