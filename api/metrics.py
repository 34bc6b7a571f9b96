"""Prometheus text exposition (counts, not secrets).

Counters (messages stored and scanned, assessments by level, incidents opened, pages by status) come from
the shared Redis when a broker is configured (``store.counters``: kept where the events happen, read with
one ``HGETALL``), so a scrape's cost does not grow with the tables; without one (the embedded single-host
default) they are counted from the tables, as before. The gauges that need the database use indexed
queries whichever way: open incidents by state (``ix_incident_state``), unscanned messages and the oldest
of them (the partial ``ix_message_unscanned``), the newest incident (``ix_incident_opened_at``) and the
sweep lag (``ix_incident_next_action_at``, ``ix_page_next_attempt_at``).

The quality panel's counters (issue 15) are here too: responders' outcomes, agents' labels and the
time-to-acknowledgement histogram (median: ``histogram_quantile(0.5, ...)``); precision of pages is
``outcomes{real_crisis} / (outcomes{real_crisis} + outcomes{not_a_crisis})``."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from api.views import first_accepted_at
from store import counters
from store.models import AssessmentRow, IncidentRow, LabelledExampleRow, MessageRow, PageRow
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


def _grouped_where(session: Session, column: object, condition: object) -> dict[str, int]:
    query = select(column, func.count()).where(condition).group_by(column)  # type: ignore[call-overload]
    return {str(key): int(count) for key, count in session.exec(query).all()}


def time_to_first_page(session: Session) -> float:
    """Seconds from the newest incident opening to a provider first taking one of its pages (NaN until)."""
    incident = session.exec(
        select(IncidentRow)
        .where(col(IncidentRow.is_test).is_(False))
        .order_by(col(IncidentRow.opened_at).desc())
        .limit(1)  # first() alone would still have the database return every row
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


def _table_counters(session: Session) -> dict[counters.Series, int]:
    """The counters counted from the tables (no shared store): fine on one host, O(rows) per scrape."""
    found = {counters.STORED: _count(session), counters.SCANNED: _count(session, _scanned())}
    found |= {counters.assessed(k): n for k, n in _grouped(session, AssessmentRow.message_level).items()}
    found[counters.INCIDENTS] = int(session.exec(select(func.count()).select_from(IncidentRow)).one())
    found |= {counters.page_status(k): n for k, n in _grouped(session, PageRow.status).items()}
    outcomes = _grouped_where(session, IncidentRow.outcome, col(IncidentRow.outcome).is_not(None))
    found |= {counters.outcome(k): n for k, n in outcomes.items()}
    agents = _grouped_where(session, LabelledExampleRow.kind, col(LabelledExampleRow.source) == "agent")
    found |= {counters.agent_label(k): n for k, n in agents.items()}
    times = session.exec(
        select(IncidentRow.opened_at, IncidentRow.acknowledged_at).where(
            col(IncidentRow.acknowledged_at).is_not(None)
        )
    ).all()
    for opened, acknowledged in times:
        if acknowledged is None:
            continue
        for series, n in counters.acknowledged((acknowledged - opened).total_seconds()).items():
            found[series] = found.get(series, 0) + n
    return found


def _ack_histogram(found: dict[counters.Series, int]) -> list[str]:
    """The acknowledgement-time histogram in the text format: cumulative buckets, sum, count."""
    name = "stayline_acknowledgement_seconds"
    lines = [
        f"# HELP {name} Seconds from an incident opening to its first acknowledgement.",
        f"# TYPE {name} histogram",
    ]
    running = 0
    for upper in [*(f"{b:g}" for b in counters.ACK_BUCKETS), "+Inf"]:
        running += found.get((f"{name}_bucket", "le", upper), 0)
        lines.append(f'{name}_bucket{{le="{upper}"}} {_number(running)}')
    lines.append(f"{name}_sum {_number(found.get(counters.ACK_SUM_MS, 0) / 1000)}")
    lines.append(f"{name}_count {_number(found.get(counters.ACK_COUNT, 0))}")
    return lines


def _scanned() -> object:
    return col(MessageRow.scanned_at).is_not(None)


def _unscanned() -> object:
    return col(MessageRow.scanned_at).is_(None)  # the predicate of the partial index ix_message_unscanned


def oldest_unscanned_age(session: Session, now: datetime) -> float:
    """Seconds the oldest message waiting for a scan has waited (quarantined ones aside); 0 when none."""
    oldest = session.exec(
        select(MessageRow.received_at)
        .where(_unscanned())  # type: ignore[arg-type]
        .where(col(MessageRow.quarantined_at).is_(None))
        .order_by(col(MessageRow.received_at))
        .limit(1)
    ).first()
    return max(0.0, (now - _aware(oldest)).total_seconds()) if oldest is not None else 0.0


def render_metrics(session: Session, now: datetime) -> str:
    out = Exposition()
    shared = counters.counters_for(session)
    counts = shared.read() if shared is not None else _table_counters(session)
    out.metric(
        "stayline_metrics_counters_up",
        "gauge",
        "1 when the counters below could be read (0: the shared counter store is unreachable).",
        [({}, 0 if counts is None else 1)],
    )
    found = counts or {}

    def one(series: counters.Series) -> list[tuple[dict[str, str], float]]:
        return [] if counts is None else [({}, found.get(series, 0))]

    def labelled(name: str, always: Iterable[str] = ()) -> list[tuple[dict[str, str], float]]:
        if counts is None:
            return []
        values = {value: n for (metric, label, value), n in found.items() if metric == name and label}
        label = {
            "stayline_assessments_total": "level",
            "stayline_pages_total": "status",
            "stayline_incident_outcomes_total": "outcome",
            "stayline_agent_labels_total": "label",
        }[name]
        return [({label: v}, values.get(v, 0)) for v in sorted({*always, *values})]

    out.metric("stayline_messages_stored_total", "counter", "Messages stored.", one(counters.STORED))
    out.metric("stayline_messages_scanned_total", "counter", "Messages scanned.", one(counters.SCANNED))
    unscanned = _count(session, _unscanned())
    out.metric("stayline_messages_unscanned", "gauge", "Messages stored, not yet scanned.", [({}, unscanned)])
    out.metric(
        "stayline_oldest_unscanned_message_seconds",
        "gauge",
        "How long the oldest message waiting for a scan has waited (quarantined ones aside; 0: none).",
        [({}, oldest_unscanned_age(session, now))],
    )
    out.metric(
        "stayline_assessments_total",
        "counter",
        "Assessments by the message's own level.",
        labelled("stayline_assessments_total", LEVELS),
    )
    states = _grouped_where(session, IncidentRow.state, col(IncidentRow.state).in_(OPEN_STATES))
    out.metric(
        "stayline_incidents_open",
        "gauge",
        "Open incidents by state.",
        [({"state": state}, states.get(state, 0)) for state in OPEN_STATES],
    )
    out.metric("stayline_incidents_total", "counter", "Incidents ever opened.", one(counters.INCIDENTS))
    out.metric(
        "stayline_pages_total",
        "counter",
        "Pages by status: with a shared store, pages that reached each status; else pages now in it.",
        labelled("stayline_pages_total"),
    )
    out.metric(
        "stayline_incident_outcomes_total",
        "counter",
        "Responders' word on incidents when first given: real_crisis (confirmed), "
        "not_a_crisis (false alarm), unclear.",
        labelled("stayline_incident_outcomes_total", ("real_crisis", "not_a_crisis", "unclear")),
    )
    out.metric(
        "stayline_agent_labels_total",
        "counter",
        "Agents' labels recorded: miss (a flag on a conversation rated none or low), false_alarm.",
        labelled("stayline_agent_labels_total", ("miss", "false_alarm")),
    )
    if counts is not None:
        out.lines += _ack_histogram(found)
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
