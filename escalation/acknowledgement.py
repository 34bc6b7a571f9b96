"""The rule for acknowledge, pass on and resolve, written once for every edge (API, console, signed link,
SMS, voice). Each edge proves who the person is in its own way; what their action means is decided here.

The record keeps who has an incident: a second responder's acknowledgement never overwrites the first.
The edge tells them who already has it, so they can call that person instead of assuming nobody does.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from escalation.chains import first_position_reaching
from escalation.engine import AckVia, Incident, acknowledge
from escalation.engine import resolve as close
from escalation.model import IncidentState


class AckOutcome(StrEnum):
    ACKNOWLEDGED = "acknowledged"  # this person has it now: the chain stops
    RENEWED = "renewed"  # they already had it: the reminder clock starts again, the record keeps the first
    HELD_BY_OTHER = "held_by_other"  # someone else has it: nothing changes, the caller is told who
    RESOLVED = "resolved"  # over: there is nothing to acknowledge


@dataclass(frozen=True)
class AckDecision:
    outcome: AckOutcome
    holder: str | None  # who has the incident after this decision

    @property
    def has_it(self) -> bool:
        """The caller holds the incident now (an edge answers with success)."""
        return self.outcome in (AckOutcome.ACKNOWLEDGED, AckOutcome.RENEWED)


def decide_acknowledgement(incident: Incident, responder: str) -> AckDecision:
    if incident.state is IncidentState.RESOLVED:
        return AckDecision(AckOutcome.RESOLVED, incident.acknowledged_by)
    if incident.state is IncidentState.ACKNOWLEDGED:
        if incident.acknowledged_by == responder:
            return AckDecision(AckOutcome.RENEWED, responder)
        return AckDecision(AckOutcome.HELD_BY_OTHER, incident.acknowledged_by)
    return AckDecision(AckOutcome.ACKNOWLEDGED, responder)


def acknowledge_as(
    incident: Incident, responder: str, at: datetime, via: AckVia
) -> tuple[Incident, AckDecision]:
    """The incident after ``responder`` acknowledges through ``via`` at ``at``, and what that meant."""
    decision = decide_acknowledgement(incident, responder)
    if decision.outcome is AckOutcome.ACKNOWLEDGED:
        return acknowledge(incident, responder, at, via), decision
    if decision.outcome is AckOutcome.RENEWED:
        # Answering a reminder: the clock restarts, but when and how they first took it stays on record.
        wait = timedelta(seconds=incident.plan.chain.remind_after_ack_seconds)
        return replace(incident, reminded=False, next_action_at=at + wait), decision
    return incident, decision


class ResolveOutcome(StrEnum):
    RESOLVED = "resolved"
    ALREADY_RESOLVED = "already_resolved"  # resolving twice changes nothing


def resolve_as(incident: Incident, at: datetime) -> tuple[Incident, ResolveOutcome]:
    """Anyone who may act on incidents may close one (the edge checks the role); it closes for good."""
    if incident.state is IncidentState.RESOLVED:
        return incident, ResolveOutcome.ALREADY_RESOLVED
    return close(incident, at), ResolveOutcome.RESOLVED


class IncidentOutcome(StrEnum):
    """What a responder says an incident was when they resolve it: a label for learning from outcomes."""

    REAL_CRISIS = "real_crisis"
    NOT_A_CRISIS = "not_a_crisis"  # a false alarm
    UNCLEAR = "unclear"  # recorded, never exported as a training label


# The words an SMS reply uses: ``RESOLVED 482193 FALSE``.
SMS_OUTCOME_WORDS: dict[str, IncidentOutcome] = {
    "REAL": IncidentOutcome.REAL_CRISIS,
    "FALSE": IncidentOutcome.NOT_A_CRISIS,
    "UNCLEAR": IncidentOutcome.UNCLEAR,
}


def takes_label(current: str | None, given: IncidentOutcome | None) -> bool:
    """A label is recorded once: the first responder to say what it was is kept (a later, different word
    is audited, not written over), so an export never flips on who replied last."""
    return given is not None and current is None


class PassOutcome(StrEnum):
    PASSED = "passed"  # the chain jumps to the first step beyond the passer's tier, taken now
    NOT_PAGING = "not_paging"  # acknowledged or resolved: there is no chain to move
    LAST_TIER = "last_tier"  # nobody is beyond this tier: the chain keeps its timer
    ALREADY_BEYOND = "already_beyond"  # the chain has already gone past: passing never moves it back


def pass_on_from(incident: Incident, tier: int, at: datetime) -> tuple[Incident, PassOutcome]:
    """A responder paged at ``tier`` cannot take it. Only ever forward: paging more people sooner is the
    safe direction, paging fewer never is."""
    if incident.state not in (IncidentState.TRIGGERED, IncidentState.PAGING):
        return incident, PassOutcome.NOT_PAGING
    chain, opening = incident.plan.chain, incident.plan.opening
    if tier >= chain.fallback_tier:
        return incident, PassOutcome.LAST_TIER
    target = first_position_reaching(chain, opening, tier + 1)
    if target < incident.position:
        return incident, PassOutcome.ALREADY_BEYOND
    return replace(incident, position=target, next_action_at=at), PassOutcome.PASSED


def refusal_words(decision: AckDecision) -> str:
    """What a late or second acknowledgement is told (SMS reply, voice): who has it, so they can call them."""
    if decision.outcome is AckOutcome.RESOLVED:
        return "is already resolved"
    return f"is already acknowledged by {decision.holder or 'another responder'}"
