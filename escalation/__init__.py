"""Escalation: pure decisions about incidents, chains, on-call schedules and routing.

Nothing here touches a database, a queue or a provider; workers and notifiers do that with the actions
returned by ``engine.advance`` / ``engine.next_actions``.
"""

from escalation.chains import Chain, Opening, Step, Target, TargetKind, Tier
from escalation.engine import (
    AckVia,
    Incident,
    Signal,
    SignalSource,
    acknowledge,
    advance,
    next_actions,
    open_or_raise,
    resolve,
)
from escalation.model import (
    Action,
    Alarm,
    AlarmReason,
    Category,
    Channel,
    Dispatch,
    IncidentState,
    Level,
    Page,
    Reminder,
    Responder,
    ScheduleNext,
    Urgency,
)
from escalation.routing import Plan, RouteContext, Routing, Rule, TimeWindow, default_rules
from escalation.schedules import ActiveHours, Gap, Handoff, Layer, Override, Schedule, gaps, who_is_on_call
from escalation.targets import Roster

__all__ = [
    "AckVia",
    "Action",
    "ActiveHours",
    "Alarm",
    "AlarmReason",
    "Category",
    "Chain",
    "Channel",
    "Dispatch",
    "Gap",
    "Handoff",
    "Incident",
    "IncidentState",
    "Layer",
    "Level",
    "Opening",
    "Override",
    "Page",
    "Plan",
    "Reminder",
    "Responder",
    "Roster",
    "RouteContext",
    "Routing",
    "Rule",
    "Schedule",
    "ScheduleNext",
    "Signal",
    "SignalSource",
    "Step",
    "Target",
    "TargetKind",
    "Tier",
    "TimeWindow",
    "Urgency",
    "acknowledge",
    "advance",
    "default_rules",
    "gaps",
    "next_actions",
    "open_or_raise",
    "resolve",
    "who_is_on_call",
]
