"""The pager watches its own rota: a window ahead with nobody reachable on call is an alarm now,
before it starts, not a surprise at 3 a.m."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session

from escalation.config_loader import EscalationConfig
from escalation.model import Channel
from escalation.schedules import gaps
from store import repository
from store.models import PageRow
from workers.incidents import live_roster

ROTA = "rota"  # the incident id rota alarms are filed under


def alarm_upcoming_gaps(
    session: Session, config: EscalationConfig, now: datetime, horizon: timedelta
) -> list[int]:
    """Record one console alarm per uncovered window starting within ``horizon``; returns new page ids."""
    roster = live_roster(session, config)

    def reachable(name: str) -> bool:
        person = roster.responders.get(name)
        return person is not None and any(
            person.can_use(c) for c in (Channel.SMS, Channel.VOICE, Channel.WEBHOOK)
        )

    # Gaps are looked for from a fixed anchor a week back, so a gap already under way keeps the start it
    # had (its key) however often the check runs.
    anchor = now.replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=7)
    recorded: list[PageRow] = []
    for name, schedule in sorted(roster.schedules.items()):
        for gap in gaps(schedule, anchor, now + horizon, reachable):
            if gap.end <= now:
                continue
            key = f"{ROTA}/{name}/{gap.start.isoformat()}"
            gap_span = {"gap": [gap.start.isoformat(), gap.end.isoformat()]}
            page = repository.add_console_alarm(session, key, ROTA, now, gap_span)
            if page is None:
                continue  # already raised for this window
            recorded.append(page)
            repository.audit(
                session,
                "rota",
                "rota_gap_alarm",
                at=now,
                schedule=name,
                start=gap.start.isoformat(),
                end=gap.end.isoformat(),
            )
    session.flush()
    return [p.id for p in recorded if p.id is not None]
