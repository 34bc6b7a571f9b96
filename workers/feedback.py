"""Labelled examples from the work people already do (issue 15): what responders said incidents were,
written as corpus rows (``detector/corpus/*.jsonl``) for retraining.

A resolved incident labelled ``not_a_crisis`` gives the customer turns that raised it as none/none; one
labelled ``real_crisis`` gives them at the responder's ``right_level`` (else the incident's level) and its
category; ``unclear`` gives nothing. A turn whose text retention has purged is skipped and counted.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from escalation.acknowledgement import IncidentOutcome
from store.models import AssessmentRow, IncidentRow, MessageRow

CORPUS_CHANNELS = ("chat", "sms", "voice")
EXPORTED_OUTCOMES = (IncidentOutcome.REAL_CRISIS.value, IncidentOutcome.NOT_A_CRISIS.value)


@dataclass
class ExportCounts:
    exported: int = 0
    skipped_purged: int = 0
    incidents: int = 0
    incidents_without_turns: int = 0  # a manual flag with no assessed turn, say
    unclear: int = 0
    by_label: dict[str, int] = field(default_factory=dict)


def label_of(incident: IncidentRow) -> tuple[str, str]:
    """(level, category) the incident's raising turns are labelled with."""
    if incident.outcome == IncidentOutcome.NOT_A_CRISIS:
        return "none", "none"
    level = incident.right_level or incident.level
    return level, (incident.category if level != "none" else "none")


def raising_turns(session: Session, incident: IncidentRow) -> list[MessageRow]:
    """The customer turns of the incident's conversation the detector rated above none, after any earlier
    incident on the conversation was resolved and up to this one's resolution, in order."""
    earlier = session.exec(
        select(IncidentRow.resolved_at)
        .where(IncidentRow.conversation_id == incident.conversation_id)
        .where(IncidentRow.id != incident.id)
        .where(col(IncidentRow.resolved_at) <= incident.opened_at)
        .order_by(col(IncidentRow.resolved_at).desc())
    ).first()
    query = (
        select(MessageRow)
        .where(MessageRow.conversation_id == incident.conversation_id)
        .where(MessageRow.sender == "customer")
        .where(
            col(MessageRow.id).in_(
                select(AssessmentRow.message_id).where(AssessmentRow.message_level != "none")
            )
        )
    )
    if incident.resolved_at is not None:
        query = query.where(col(MessageRow.received_at) <= incident.resolved_at)
    if earlier is not None:
        query = query.where(col(MessageRow.received_at) > earlier)
    return list(session.exec(query.order_by(col(MessageRow.received_at), col(MessageRow.id))).all())


def feedback_rows(session: Session, counts: ExportCounts) -> Iterator[dict[str, Any]]:
    """Corpus rows for every labelled, resolved, non-test incident, oldest label first."""
    incidents = session.exec(
        select(IncidentRow)
        .where(IncidentRow.state == "resolved")
        .where(col(IncidentRow.outcome).is_not(None))
        .where(col(IncidentRow.is_test).is_(False))
        .order_by(col(IncidentRow.outcome_at), col(IncidentRow.id))
    ).all()
    for incident in incidents:
        if incident.outcome not in EXPORTED_OUTCOMES:
            counts.unclear += 1
            continue
        counts.incidents += 1
        level, category = label_of(incident)
        turns = raising_turns(session, incident)
        if not turns:
            counts.incidents_without_turns += 1
        for turn in turns:
            if turn.purged_at is not None or not turn.text:
                counts.skipped_purged += 1
                continue
            counts.exported += 1
            counts.by_label[level] = counts.by_label.get(level, 0) + 1
            yield {
                "text": turn.text,
                "level": level,
                "category": category,
                "channel": turn.channel if turn.channel in CORPUS_CHANNELS else "chat",
                "source": "feedback",
                "labelled_by": incident.outcome_by,
                "labelled_at": incident.outcome_at.isoformat() if incident.outcome_at else None,
            }
