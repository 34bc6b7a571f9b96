"""The supervisor's quality panel (issue 15): for the last 7 and 30 days, pages sent, confirmed crises,
false alarms, misses caught by agents, precision of pages and median time to acknowledgement, in all and
per team and channel (the conversation's), with a small server-rendered SVG chart per window and the
model version in force. Read-only; test incidents are left out.

Definitions: an incident counts in a window when it opened in it. It is *confirmed* when the resolving
responder said real crisis, a *false alarm* when they said not a crisis or, with no responder's word,
an agent said "not a crisis" on it. A miss is an agent's miss label given in the window. Precision is
confirmed / (confirmed + false alarms) over incidents that paged someone (unknown with neither).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from api.views import first_accepted_at
from store.models import AssessmentRow, ConversationRow, IncidentRow, LabelledExampleRow, PageRow

WINDOWS = (7, 30)
CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 300, 80, 14


@dataclass
class Figures:
    pages_sent: int = 0
    confirmed: int = 0
    false_alarms: int = 0
    misses: int = 0
    paged_confirmed: int = 0
    paged_false: int = 0
    ack_seconds: list[float] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        labelled = self.paged_confirmed + self.paged_false
        return self.paged_confirmed / labelled if labelled else None

    @property
    def median_ack_seconds(self) -> float | None:
        return statistics.median(self.ack_seconds) if self.ack_seconds else None


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    kind: str  # confirmed | false_alarm | unlabelled: a CSS class
    title: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    label: str  # the chart in words, for people who cannot see it
    most: int


@dataclass
class Window:
    days: int
    total: Figures
    by_team: list[tuple[str, Figures]]
    by_channel: list[tuple[str, Figures]]
    chart: Chart

    @property
    def rows(self) -> list[tuple[str, Figures]]:
        """The table's rows: all, then each team, then each channel."""
        teams = [(f"team {name}", figures) for name, figures in self.by_team]
        return [("All", self.total), *teams, *self.by_channel]


@dataclass(frozen=True)
class _Incident:
    row: IncidentRow
    team: str
    channel: str
    pages_sent: int
    agent_false_alarm: bool


def _incidents(session: Session, since: datetime) -> list[_Incident]:
    rows = session.exec(
        select(IncidentRow)
        .where(col(IncidentRow.opened_at) >= since)
        .where(col(IncidentRow.is_test).is_(False))
    ).all()
    ids = [row.id for row in rows]
    conversations = {
        c.id: c
        for c in session.exec(
            select(ConversationRow).where(col(ConversationRow.id).in_({r.conversation_id for r in rows}))
        ).all()
    }
    sent: dict[str, int] = {}
    for page in session.exec(
        select(PageRow).where(col(PageRow.incident_id).in_(ids)).where(PageRow.kind == "page")
    ).all():
        if first_accepted_at(page) is not None:
            sent[page.incident_id] = sent.get(page.incident_id, 0) + 1
    false_alarms = set(
        session.exec(
            select(LabelledExampleRow.incident_id)
            .where(col(LabelledExampleRow.incident_id).in_(ids))
            .where(LabelledExampleRow.kind == "false_alarm")
        ).all()
    )
    found = []
    for row in rows:
        conversation = conversations.get(row.conversation_id)
        team = conversation.team if conversation else "default"
        channel = conversation.channel if conversation else "chat"
        found.append(_Incident(row, team, channel, sent.get(row.id, 0), row.id in false_alarms))
    return found


def _add(figures: Figures, incident: _Incident) -> None:
    row = incident.row
    figures.pages_sent += incident.pages_sent
    confirmed = row.outcome == "real_crisis"
    false_alarm = row.outcome == "not_a_crisis" or (
        row.outcome not in ("real_crisis", "not_a_crisis") and incident.agent_false_alarm
    )
    figures.confirmed += confirmed
    figures.false_alarms += false_alarm
    if incident.pages_sent:
        figures.paged_confirmed += confirmed
        figures.paged_false += false_alarm
    if row.acknowledged_at is not None:
        figures.ack_seconds.append(max(0.0, (row.acknowledged_at - row.opened_at).total_seconds()))


def _misses(session: Session, since: datetime) -> list[LabelledExampleRow]:
    return list(
        session.exec(
            select(LabelledExampleRow)
            .where(LabelledExampleRow.kind == "miss")
            .where(col(LabelledExampleRow.labelled_at) >= since)
        ).all()
    )


def _grouped(
    incidents: Iterable[_Incident], misses: Iterable[LabelledExampleRow], key: str
) -> list[tuple[str, Figures]]:
    groups: dict[str, Figures] = {}
    for incident in incidents:
        _add(groups.setdefault(getattr(incident, key), Figures()), incident)
    for miss in misses:
        groups.setdefault(getattr(miss, key), Figures()).misses += 1
    return sorted(groups.items())


def window(session: Session, now: datetime, days: int) -> Window:
    since = now - timedelta(days=days)
    incidents = _incidents(session, since)
    misses = _misses(session, since)
    total = Figures()
    for incident in incidents:
        _add(total, incident)
    total.misses = len(misses)
    return Window(
        days,
        total,
        _grouped(incidents, misses, "team"),
        _grouped(incidents, misses, "channel"),
        daily_chart(incidents, now, days),
    )


def daily_chart(incidents: Sequence[_Incident], now: datetime, days: int) -> Chart:
    """Paged incidents per day, oldest left, each bar split into confirmed, false alarm, not labelled."""
    counts = [{"confirmed": 0, "false_alarm": 0, "unlabelled": 0} for _ in range(days)]
    for incident in incidents:
        if not incident.pages_sent:
            continue
        age = int((now - incident.row.opened_at).total_seconds() // 86400)
        if 0 <= age < days:
            kind = {"real_crisis": "confirmed", "not_a_crisis": "false_alarm"}.get(
                incident.row.outcome or "", "false_alarm" if incident.agent_false_alarm else "unlabelled"
            )
            counts[days - 1 - age][kind] += 1
    most = max([sum(day.values()) for day in counts] + [1])
    slot = (CHART_WIDTH - CHART_PAD) / days
    scale = (CHART_HEIGHT - CHART_PAD) / most
    bars = []
    for index, day in enumerate(counts):
        y = float(CHART_HEIGHT - CHART_PAD)
        ago = days - 1 - index
        when = "today" if ago == 0 else f"{ago} day{'s' if ago != 1 else ''} ago"
        for kind in ("confirmed", "false_alarm", "unlabelled"):
            if day[kind]:
                height = day[kind] * scale
                y -= height
                title = f"{when}: {day[kind]} {kind.replace('_', ' ')}"
                bars.append(Bar(CHART_PAD + index * slot + 1, y, max(slot - 2, 1), height, kind, title))
    paged = sum(sum(day.values()) for day in counts)
    label = f"Paged incidents per day over the last {days} days: {paged} in all, at most {most} a day"
    return Chart(CHART_WIDTH, CHART_HEIGHT, bars, label, most)


def model_in_force(session: Session) -> tuple[str | None, datetime | None]:
    """The detector version that assessed the newest message (not a degraded keyword fallback)."""
    found = session.exec(
        select(AssessmentRow.detector_version, AssessmentRow.created_at)
        .where(col(AssessmentRow.degraded).is_(False))
        .order_by(col(AssessmentRow.id).desc())
        .limit(1)
    ).first()
    return (found[0], found[1]) if found else (None, None)


def quality(session: Session, now: datetime) -> dict[str, object]:
    version, since = model_in_force(session)
    return {"windows": [window(session, now, days) for days in WINDOWS], "model": version, "model_at": since}
