"""Engine objects <-> rows. The chain snapshot is plain JSON, so later config edits cannot touch it."""

from __future__ import annotations

from typing import Any

from escalation.engine import AckVia, Incident, SignalSource
from escalation.model import (
    Chain,
    Channel,
    Dispatch,
    IncidentState,
    Level,
    Opening,
    Target,
    TargetKind,
    Tier,
    Urgency,
)
from escalation.routing import Plan
from escalation.targets import Roster
from store.models import IncidentRow


def plan_to_json(plan: Plan) -> dict[str, Any]:
    chain = plan.chain
    return {
        "rule": plan.rule,
        "level": plan.level.label,
        "urgency": plan.urgency.value,
        "opening": {
            "parallel_tiers": plan.opening.parallel_tiers,
            "channels": [c.value for c in plan.opening.channels],
        },
        "chain": {
            "name": chain.name,
            "standing_alarm_interval_seconds": chain.standing_alarm_interval_seconds,
            "remind_after_ack_seconds": chain.remind_after_ack_seconds,
            "resume_after_reminder_seconds": chain.resume_after_reminder_seconds,
            "tiers": [
                {
                    "name": tier.name,
                    "targets": [{"kind": t.kind.value, "name": t.name} for t in tier.targets],
                    "channels": [c.value for c in tier.channels],
                    "dispatch": tier.dispatch.value,
                    "ack_timeout_seconds": tier.ack_timeout_seconds,
                    "repeats": tier.repeats,
                }
                for tier in chain.tiers
            ],
        },
    }


def plan_from_json(data: dict[str, Any]) -> Plan:
    chain = data["chain"]
    tiers = tuple(
        Tier(
            name=t["name"],
            targets=tuple(Target(TargetKind(x["kind"]), x["name"]) for x in t["targets"]),
            channels=tuple(Channel(c) for c in t["channels"]),
            dispatch=Dispatch(t["dispatch"]),
            ack_timeout_seconds=int(t["ack_timeout_seconds"]),
            repeats=int(t["repeats"]),
        )
        for t in chain["tiers"]
    )
    return Plan(
        rule=data["rule"],
        level=Level.parse(data["level"]),
        chain=Chain(
            name=chain["name"],
            tiers=tiers,
            standing_alarm_interval_seconds=int(chain["standing_alarm_interval_seconds"]),
            remind_after_ack_seconds=int(chain["remind_after_ack_seconds"]),
            resume_after_reminder_seconds=int(chain["resume_after_reminder_seconds"]),
        ),
        urgency=Urgency(data["urgency"]),
        opening=Opening(
            parallel_tiers=int(data["opening"]["parallel_tiers"]),
            channels=tuple(Channel(c) for c in data["opening"]["channels"]),
        ),
    )


def incident_from_row(row: IncidentRow, roster: Roster) -> Incident:
    """The engine's view of a stored incident, with today's roster attached (rota changes apply)."""
    return Incident(
        id=row.id,
        conversation_id=row.conversation_id,
        level=Level.parse(row.level),
        category=row.category,
        plan=plan_from_json(row.plan),
        roster=roster,
        opened_at=row.opened_at,
        opened_by=SignalSource(row.opened_by),
        state=IncidentState(row.state),
        position=row.position,
        steps_taken=row.steps_taken,
        highest_tier=row.highest_tier,
        next_action_at=row.next_action_at,
        acknowledged_by=row.acknowledged_by,
        acknowledged_at=row.acknowledged_at,
        acknowledged_via=AckVia(row.acknowledged_via) if row.acknowledged_via else None,
        reminded=row.reminded,
        reminders_sent=row.reminders_sent,
        resolved_at=row.resolved_at,
    )


def copy_incident_to_row(incident: Incident, row: IncidentRow) -> None:
    """Write the engine's new state onto the row and bump the fencing token."""
    row.level = incident.level.label
    row.category = incident.category
    row.state = incident.state.value
    row.plan = plan_to_json(incident.plan)
    row.position = incident.position
    row.steps_taken = incident.steps_taken
    row.highest_tier = incident.highest_tier
    row.next_action_at = incident.next_action_at
    row.acknowledged_by = incident.acknowledged_by
    row.acknowledged_at = incident.acknowledged_at
    row.acknowledged_via = incident.acknowledged_via.value if incident.acknowledged_via else None
    row.reminded = incident.reminded
    row.reminders_sent = incident.reminders_sent
    row.resolved_at = incident.resolved_at
    row.fencing_token += 1


def storable_text(text: str) -> str:
    """Text every database stores: PostgreSQL refuses NUL in text columns. Each NUL becomes U+FFFD, one
    character for one, so evidence offsets still point at the same words. The message is still stored
    and still scanned, whatever its bytes."""
    return text.replace("\x00", "\ufffd")
