"""The incident state machine: pure functions from (incident, event or time) to a new incident and actions.

A worker loads an incident, calls ``advance(incident, now)``, saves the returned incident and sends the
returned actions after the commit. ``next_actions`` is the same decision without the new state. Only
``acknowledge`` (a human) and ``resolve`` stop a chain; nothing about delivery does.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from escalation.chains import first_position_reaching, step_at
from escalation.model import (
    Action,
    Channel,
    IncidentState,
    Level,
    Reminder,
    ScheduleNext,
    idempotency_key,
)
from escalation.routing import Plan, RouteContext, Routing, is_stronger
from escalation.targets import Roster, StepContext, actions_for_step, usable_channels


class SignalSource(StrEnum):
    DETECTOR = "detector"
    AGENT = "agent"


class AckVia(StrEnum):
    """The ways a human acknowledges; delivery receipts and voicemail pickups are deliberately absent."""

    SMS_REPLY = "sms_reply"
    KEYPRESS = "keypress"
    WEB_LINK = "web_link"
    API = "api"
    CONSOLE = "console"


@dataclass(frozen=True)
class Signal:
    """A reason to open or raise an incident: the detector's assessment or an agent's flag."""

    conversation_id: str
    level: Level
    category: str
    channel: str
    team: str
    at: datetime
    source: SignalSource = SignalSource.DETECTOR
    flagged_by: str | None = None


@dataclass(frozen=True)
class Incident:
    """One open incident per conversation.

    ``plan`` is the chain snapshot taken when the incident opened (replaced only by a stronger plan).
    ``roster`` is the live directory the worker attaches on load, so rota changes apply mid-incident.
    ``position`` is the next step of the plan's timeline; ``steps_taken`` counts every step ever issued
    and goes into idempotency keys, so a raised or resumed chain can never reuse a key.
    """

    id: str
    conversation_id: str
    level: Level
    category: str
    plan: Plan
    roster: Roster
    opened_at: datetime
    opened_by: SignalSource
    state: IncidentState = IncidentState.TRIGGERED
    position: int = 0
    steps_taken: int = 0
    highest_tier: int = -1
    next_action_at: datetime | None = None
    acknowledged_by: str | None = None
    acknowledged_at: datetime | None = None
    acknowledged_via: AckVia | None = None
    reminded: bool = False
    reminders_sent: int = 0
    resolved_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.state is not IncidentState.RESOLVED


def open_or_raise(
    current: Incident | None, signal: Signal, routing: Routing, roster: Roster, new_id: str
) -> Incident | None:
    """Open an incident for the signal's conversation, or raise the one already open.

    Returns None when nothing is open and the signal routes nowhere ("none", "low"). A signal for a
    conversation with a resolved incident opens a fresh one under ``new_id``.
    """
    _require_aware(signal.at)
    if current is not None and current.conversation_id != signal.conversation_id:
        raise ValueError(f"incident {current.id} is not for conversation {signal.conversation_id}")
    plan = routing.plan_for(_route_context(signal))
    if current is None or not current.is_open:
        return None if plan is None else _open(signal, plan, roster, new_id)
    return _raise(current, signal, plan)


def acknowledge(incident: Incident, responder: str, at: datetime, via: AckVia) -> Incident:
    """A human has it: the chain stops until the incident is resolved or sits unresolved too long."""
    _require_aware(at)
    if not incident.is_open:
        return incident
    return replace(
        incident,
        state=IncidentState.ACKNOWLEDGED,
        acknowledged_by=responder,
        acknowledged_at=at,
        acknowledged_via=via,
        reminded=False,
        next_action_at=at + timedelta(seconds=incident.plan.chain.remind_after_ack_seconds),
    )


def resolve(incident: Incident, at: datetime) -> Incident:
    _require_aware(at)
    return replace(incident, state=IncidentState.RESOLVED, resolved_at=at, next_action_at=None)


def next_actions(incident: Incident, now: datetime) -> list[Action]:
    """What should happen at ``now``: pages, alarms, a reminder, and when to ask again."""
    return advance(incident, now)[1]


def advance(incident: Incident, now: datetime) -> tuple[Incident, list[Action]]:
    """The incident after ``now`` and the actions that got it there; calling again changes nothing new."""
    _require_aware(now)
    if not incident.is_open:
        return incident, []
    due = incident.next_action_at
    if due is None or now < due:
        return incident, [] if due is None else [ScheduleNext(incident.id, due)]
    if incident.state is IncidentState.ACKNOWLEDGED:
        return _acknowledgement_expired(incident, now)
    return _take_step(incident, now)


def _open(signal: Signal, plan: Plan, roster: Roster, new_id: str) -> Incident:
    return Incident(
        id=new_id,
        conversation_id=signal.conversation_id,
        level=signal.level,
        category=signal.category,
        plan=plan,
        roster=roster,
        opened_at=signal.at,
        opened_by=signal.source,
        next_action_at=signal.at,
    )


def _raise(current: Incident, signal: Signal, plan: Plan | None) -> Incident:
    if signal.level <= current.level:
        return current
    raised = replace(current, level=signal.level, category=signal.category)
    if plan is None or not is_stronger(plan, current.plan):
        return raised
    # Join the stronger chain at the furthest tier already reached, and page now rather than after the
    # current wait: the situation got worse, so nobody should sit through tier 1 again.
    reached = max(current.highest_tier, 0)
    state = IncidentState.TRIGGERED if current.state is IncidentState.TRIGGERED else IncidentState.PAGING
    return replace(
        raised,
        plan=plan,
        state=state,
        position=first_position_reaching(plan.chain, plan.opening, reached),
        next_action_at=signal.at,
        acknowledged_by=None,
        acknowledged_at=None,
        acknowledged_via=None,
        reminded=False,
    )


def _take_step(incident: Incident, now: datetime) -> tuple[Incident, list[Action]]:
    plan = incident.plan
    step = step_at(plan.chain, plan.opening, incident.position)
    context = StepContext(incident.id, incident.steps_taken, incident.level, incident.category, plan.urgency)
    sends = actions_for_step(step, plan.chain, incident.roster, now, context)
    # The wait starts when the page actually goes out, so a late sweep never shortens anyone's window.
    next_at = now + timedelta(seconds=step.wait_seconds)
    updated = replace(
        incident,
        state=IncidentState.PAGING,
        position=incident.position + 1,
        steps_taken=incident.steps_taken + 1,
        highest_tier=max(incident.highest_tier, step.highest_tier),
        next_action_at=next_at,
    )
    return updated, [*sends, ScheduleNext(incident.id, next_at)]


def _acknowledgement_expired(incident: Incident, now: datetime) -> tuple[Incident, list[Action]]:
    if not incident.reminded:
        reminder = _reminder(incident)
        next_at = now + timedelta(seconds=incident.plan.chain.resume_after_reminder_seconds)
        updated = replace(
            incident, reminded=True, reminders_sent=incident.reminders_sent + 1, next_action_at=next_at
        )
        return updated, [reminder, ScheduleNext(incident.id, next_at)]
    # Reminded and still neither resolved nor re-acknowledged: the chain picks up where it stopped.
    resumed = replace(
        incident,
        state=IncidentState.PAGING,
        acknowledged_by=None,
        acknowledged_at=None,
        acknowledged_via=None,
        reminded=False,
    )
    return _take_step(resumed, now)


def _reminder(incident: Incident) -> Reminder:
    acknowledged_by, acknowledged_at = incident.acknowledged_by, incident.acknowledged_at
    if acknowledged_by is None or acknowledged_at is None:
        raise ValueError(f"incident {incident.id} is acknowledged without saying by whom or when")
    responder = incident.roster.responders.get(acknowledged_by)
    reachable = () if responder is None else usable_channels(responder, _REMINDER_CHANNELS)
    # Someone outside the roster (a supervisor at the console) is reminded where they acknowledged.
    channel = reachable[0] if reachable else Channel.CONSOLE
    key = idempotency_key(incident.id, f"reminder-{incident.reminders_sent}", 0, acknowledged_by, channel)
    return Reminder(incident.id, acknowledged_by, channel, acknowledged_at, key)


_REMINDER_CHANNELS = (Channel.SMS, Channel.WEBHOOK, Channel.CONSOLE, Channel.VOICE)


def _route_context(signal: Signal) -> RouteContext:
    return RouteContext(signal.level, signal.category, signal.channel, signal.team, signal.at)


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{moment!r} has no time zone; the engine works in exact instants")
