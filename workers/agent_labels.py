"""Agents' labels (issue 15), one use case each; the API and the console only translate the outcome.

* A flag on a conversation the detector rated none or low is a **miss**: recorded after the pages went
  out (a label never delays or stops a page), on the turn the agent points at, else the latest customer
  turn. A flag on a conversation already at moderate or above, or with no messages, is no miss.
* "Not a crisis" on a conversation shown at moderate is a **false alarm**, on the turn the agent points
  at, else the latest customer turn the detector rated moderate or above. It records a label; it does not
  resolve the incident (only a responder does, and may still say otherwise).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from escalation.labels import AgentLabel, false_alarm_refusal, is_miss
from escalation.model import Level
from store import repository
from store.db import session_scope
from store.models import ConversationRow, MessageRow
from store.repository import MANUAL_FLAG
from workers.labels import latest_turn, record_agent_label, turn_of
from workers.runtime import Runtime

log = logging.getLogger(__name__)


class LabelRefused(Exception):
    """A label that cannot be taken, with the status and the reason to show."""

    def __init__(self, status: int, code: str, reason: str) -> None:
        super().__init__(reason)
        self.status, self.code, self.reason = status, code, reason


@dataclass(frozen=True)
class LabelResult:
    label: str
    recorded: bool
    message_id: str | None = None
    incident_id: str | None = None
    reason: str | None = None  # why nothing was recorded


def miss_on_flag(
    runtime: Runtime,
    conversation_id: str,
    message_id: str | None,
    flagged: Level,
    category: str,
    agent: str,
    incident_id: str | None,
) -> LabelResult:
    """The miss an agent's flag records, if it is one. Never raises: the flag has already paged."""
    try:
        return _miss(runtime, conversation_id, message_id, flagged, category, agent, incident_id)
    except Exception:
        log.exception("miss not recorded", extra={"conversation_id": conversation_id})
        return LabelResult(AgentLabel.MISS.value, False, message_id, incident_id, "not recorded: an error")


def _miss(
    runtime: Runtime,
    conversation_id: str,
    message_id: str | None,
    flagged: Level,
    category: str,
    agent: str,
    incident_id: str | None,
) -> LabelResult:
    now, who = runtime.clock(), f"agent:{agent}"
    result = LabelResult(AgentLabel.MISS.value, False, message_id, incident_id)
    with session_scope(runtime.url) as session:
        conversation = session.get(ConversationRow, conversation_id)
        if conversation is None or conversation.origin == MANUAL_FLAG:
            return _with(result, "no messages: a manual flag is not a miss")
        detected = Level.parse(conversation.level)
        if not is_miss(detected):
            return _with(result, f"the detector rated it {detected.label}: not a miss")
        turn = _pointed(session, conversation_id, message_id, Level.NONE)
        if turn is None:
            reason = _no_turn(message_id)
            refusal = (incident_id, conversation_id, message_id, reason)
            _audit_refusal(session, who, now, AgentLabel.MISS, *refusal)
            return _with(result, reason)
        row = record_agent_label(
            session, conversation, turn, AgentLabel.MISS, flagged, category, who, now, incident_id
        )
        if row is None:
            return LabelResult(result.label, False, turn.id, incident_id, "already labelled a miss")
        return LabelResult(result.label, True, turn.id, incident_id)


def false_alarm(runtime: Runtime, conversation_id: str, message_id: str | None, agent: str) -> LabelResult:
    """An agent's "not a crisis"; LabelRefused (404, 409) with the reason when it cannot be taken."""
    now, who = runtime.clock(), f"agent:{agent}"
    with session_scope(runtime.url) as session:
        conversation = session.get(ConversationRow, conversation_id)
        if conversation is None:
            raise LabelRefused(404, "not_found", f"no conversation {conversation_id!r}")
        incident = repository.open_incident_for(session, conversation_id)
        incident_id = incident.id if incident else None
        shown = max(Level.parse(conversation.level), Level.parse(incident.level) if incident else Level.NONE)
        turn, refused = None, None
        if (reason := false_alarm_refusal(shown)) is not None:
            refused = LabelRefused(409, "not_moderate", reason)
        elif (turn := _pointed(session, conversation_id, message_id, Level.MODERATE)) is None:
            refused = LabelRefused(404, "no_such_turn", _no_turn(message_id))
        if refused is None and turn is not None:
            row = record_agent_label(
                session, conversation, turn, AgentLabel.FALSE_ALARM, shown, "none", who, now, incident_id
            )
            kept = None if row is not None else "already labelled a false alarm"
            return LabelResult(AgentLabel.FALSE_ALARM.value, row is not None, turn.id, incident_id, kept)
        assert refused is not None
        refusal = (incident_id, conversation_id, message_id, refused.reason)
        _audit_refusal(session, who, now, AgentLabel.FALSE_ALARM, *refusal)
    raise refused  # after the commit: the refusal stays in the audit trail


def _pointed(
    session: Session, conversation_id: str, message_id: str | None, at_least: Level
) -> MessageRow | None:
    if message_id:
        return turn_of(session, conversation_id, message_id)
    return latest_turn(session, conversation_id, at_least) or latest_turn(session, conversation_id)


def _no_turn(message_id: str | None) -> str:
    if message_id:
        return f"no customer turn {message_id!r} in this conversation"
    return "no customer turn in this conversation to label"


def _with(result: LabelResult, reason: str) -> LabelResult:
    return LabelResult(result.label, result.recorded, result.message_id, result.incident_id, reason)


def _audit_refusal(
    session: Session,
    who: str,
    now: datetime,
    label: AgentLabel,
    incident_id: str | None,
    conversation_id: str,
    message_id: str | None,
    reason: str,
) -> None:
    repository.audit(
        session,
        who,
        "label_refused",
        at=now,
        incident_id=incident_id,
        conversation_id=conversation_id,
        label=label.value,
        message_id=message_id,
        reason=reason,
    )
