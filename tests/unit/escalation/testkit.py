"""Builders and a fake sweep for the escalation tests: time only moves when a test says so."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from escalation.chains import Chain, Target, TargetKind, Tier
from escalation.engine import Incident, Signal, SignalSource, advance, open_or_raise
from escalation.model import Action, Channel, Dispatch, Level, Responder, ScheduleNext
from escalation.routing import Routing, default_rules
from escalation.schedules import ActiveHours, Handoff, Layer, Schedule
from escalation.targets import Roster

NEW_YORK = "America/New_York"
LONDON = "Europe/London"
# A Tuesday, 10:00 in New York: the "primary" daily rotation has Ana on call (shift 160 since Jan 1).
T0 = datetime(2025, 6, 10, 14, 0, tzinfo=UTC)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def local(zone: str, year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A wall-clock time in ``zone`` (first occurrence if the hour repeats)."""
    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(zone))


def seconds(count: float) -> timedelta:
    return timedelta(seconds=count)


def person(
    name: str, channels: tuple[Channel, ...] = (Channel.VOICE, Channel.SMS), teams: tuple[str, ...] = ()
) -> Responder:
    return Responder(name=name, channels=channels, teams=teams, phone="+12025550150")


def rotation(
    members: tuple[str, ...],
    handoff_time: time,
    start: date,
    handoff: Handoff = Handoff.DAILY,
    hours: ActiveHours | None = None,
) -> Layer:
    return Layer("rotation", members, handoff, handoff_time, start, hours)


def standard_roster(primary_hours: ActiveHours | None = None, **overrides: Responder) -> Roster:
    responders = {
        "Ana": person("Ana"),
        "Ben": person("Ben"),
        "Cleo": person("Cleo", teams=("backup",)),
        "Dev": person("Dev", teams=("backup",)),
        "Sup": person("Sup", (Channel.VOICE, Channel.SMS, Channel.CONSOLE), ("supervisors",)),
    }
    responders.update(overrides)
    primary = Schedule(
        "primary", NEW_YORK, (rotation(("Ana", "Ben"), time(9), date(2025, 1, 1), hours=primary_hours),)
    )
    return Roster(responders=responders, schedules={"primary": primary})


def crisis_chain() -> Chain:
    return Chain(
        name="crisis",
        tiers=(
            Tier(
                "on-call",
                (Target(TargetKind.SCHEDULE, "primary"),),
                (Channel.VOICE, Channel.SMS),
                ack_timeout_seconds=180,
                repeats=2,
            ),
            Tier(
                "backup", (Target(TargetKind.TEAM, "backup"),), (Channel.VOICE,), Dispatch.ROUND_ROBIN, 180, 1
            ),
            Tier(
                "supervisors",
                (Target(TargetKind.TEAM, "supervisors"),),
                (Channel.VOICE, Channel.SMS),
                ack_timeout_seconds=300,
                repeats=1,
            ),
        ),
        standing_alarm_interval_seconds=300,
        remind_after_ack_seconds=1800,
        resume_after_reminder_seconds=600,
    )


def on_call_chain() -> Chain:
    return Chain(
        name="on-call",
        tiers=(
            Tier(
                "on-call",
                (Target(TargetKind.SCHEDULE, "primary"),),
                (Channel.SMS,),
                ack_timeout_seconds=900,
                repeats=1,
            ),
            Tier(
                "supervisors",
                (Target(TargetKind.TEAM, "supervisors"),),
                (Channel.SMS,),
                ack_timeout_seconds=900,
            ),
        ),
        standing_alarm_interval_seconds=1800,
    )


def standard_routing(crisis: Chain | None = None) -> Routing:
    chains = {"crisis": crisis or crisis_chain(), "on-call": on_call_chain()}
    return Routing(default_rules(on_call_chain="on-call", crisis_chain="crisis"), chains)


def signal(
    level: Level,
    at: datetime = T0,
    conversation: str = "conv-1",
    source: SignalSource = SignalSource.DETECTOR,
    category: str = "suicide",
) -> Signal:
    flagged_by = "agent-7" if source is SignalSource.AGENT else None
    return Signal(conversation, level, category, "chat", "crisis-line", at, source, flagged_by)


def open_incident(
    level: Level, at: datetime = T0, roster: Roster | None = None, routing: Routing | None = None
) -> Incident:
    incident = open_or_raise(
        None, signal(level, at), routing or standard_routing(), roster or standard_roster(), "inc-1"
    )
    assert incident is not None
    return incident


def run_until(incident: Incident, until: datetime) -> tuple[Incident, list[tuple[datetime, Action]]]:
    """A perfect sweep: wake exactly at every ``next_action_at`` up to ``until`` and record what is sent."""
    sent: list[tuple[datetime, Action]] = []
    while incident.is_open and incident.next_action_at is not None and incident.next_action_at <= until:
        now = incident.next_action_at
        incident, actions = advance(incident, now)
        sent.extend((now, action) for action in actions if not isinstance(action, ScheduleNext))
    return incident, sent
