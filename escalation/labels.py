"""What a label means (issue 15), decided once: pure, no storage.

Responders label an incident when they resolve it (``acknowledgement.IncidentOutcome``). Agents label
what the detector did on their screen: a flag on a conversation the detector rated none or low is a
**miss** (the turn the agent points at should have raised it); "not a crisis" on a conversation shown at
moderate is a **false alarm**. Each label becomes labelled examples: one customer turn each, with the
level and category it should have had.
"""

from __future__ import annotations

from enum import StrEnum

from escalation.acknowledgement import IncidentOutcome
from escalation.model import Level


class AgentLabel(StrEnum):
    MISS = "miss"
    FALSE_ALARM = "false_alarm"


MISSABLE = (Level.NONE, Level.LOW)  # a flag on a conversation the detector rated this low is a miss
FALSE_ALARM_LEVELS = (Level.MODERATE,)  # "not a crisis" is offered to agents on a moderate only
CONTEXT_CUSTOMER_TURNS = 3  # the context window: the last agent turn and this many customer turns before


def is_miss(detector_level: Level) -> bool:
    return detector_level in MISSABLE


def false_alarm_refusal(shown_level: Level) -> str | None:
    """Why an agent's "not a crisis" cannot be taken, or None when it can."""
    if shown_level in FALSE_ALARM_LEVELS:
        return None
    if shown_level > Level.MODERATE:
        return (
            f"the conversation is at {shown_level.label} risk: only a responder can say it was not a crisis "
            "(when resolving the incident)"
        )
    return f"the conversation is at {shown_level.label} risk: nothing was raised to call a false alarm"


def example_label(
    kind: IncidentOutcome | AgentLabel, flagged: Level, category: str, right_level: Level | None = None
) -> tuple[str, str]:
    """(level, category) a labelled turn is trained as. A false alarm or "not a crisis" is none/none; a
    real crisis is the responder's right level, else the incident's; a miss is the level the agent
    flagged at; "unclear" keeps the incident's own (it is recorded, never exported)."""
    if kind in (IncidentOutcome.NOT_A_CRISIS, AgentLabel.FALSE_ALARM):
        return "none", "none"
    level = right_level if right_level is not None and kind is IncidentOutcome.REAL_CRISIS else flagged
    return level.label, category if level is not Level.NONE else "none"
