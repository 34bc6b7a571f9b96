"""Labelled examples from the work people already do (issue 15): what responders said incidents were and
what agents said the detector missed or raised for nothing, written as corpus rows
(``detector/corpus/*.jsonl``) for retraining.

The rows come from the ``labelled_example`` table (``workers.labels``: one per labelled turn, with its
context window). A resolved incident labelled ``not_a_crisis`` gives the customer turns that raised it as
none/none; one labelled ``real_crisis`` gives them at the responder's ``right_level`` (else the incident's
level) and its category; ``unclear`` gives nothing. An agent's miss gives the turn at the level flagged, a
false alarm gives it as none/none. An example whose words retention removed (features only) is skipped and
counted. Incidents labelled before the table existed (migration 0014) are read from their turns as before.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from escalation.acknowledgement import IncidentOutcome
from store.models import AssessmentRow, ConversationRow, IncidentRow, LabelledExampleRow, MessageRow

CORPUS_CHANNELS = ("chat", "sms", "voice")
EXPORTED_OUTCOMES = (IncidentOutcome.REAL_CRISIS.value, IncidentOutcome.NOT_A_CRISIS.value)


@dataclass
class ExportCounts:
    exported: int = 0
    skipped_purged: int = 0
    incidents: int = 0
    incidents_without_turns: int = 0  # a manual flag with no assessed turn, say
    unclear: int = 0
    agent_labels: int = 0  # examples from agents' misses and false alarms
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
    """Corpus rows for every labelled example (non-test conversations), oldest label first; then the
    turns of labelled incidents that have no examples (labelled before migration 0014)."""
    yield from example_rows(session, counts)
    yield from _legacy_rows(session, counts)


def example_rows(session: Session, counts: ExportCounts) -> Iterator[dict[str, Any]]:
    examples = session.exec(
        select(LabelledExampleRow)
        .where(
            col(LabelledExampleRow.conversation_id).not_in(
                select(ConversationRow.id).where(col(ConversationRow.is_test).is_(True))
            )
        )
        .order_by(col(LabelledExampleRow.labelled_at), col(LabelledExampleRow.id))
    ).all()
    incidents: set[str] = set()
    unclear: set[str] = set()
    for example in _one_per_turn(examples):
        if example.kind == IncidentOutcome.UNCLEAR:
            unclear.add(example.incident_id or example.conversation_id)
            continue
        if example.source == "responder" and example.incident_id:
            incidents.add(example.incident_id)
        if example.purged_at is not None or not example.text:
            counts.skipped_purged += 1
            continue
        counts.exported += 1
        counts.agent_labels += example.source == "agent"
        counts.by_label[example.level] = counts.by_label.get(example.level, 0) + 1
        yield {
            "text": example.text,
            "level": example.level,
            "category": example.category,
            "channel": example.channel if example.channel in CORPUS_CHANNELS else "chat",
            "source": "feedback",
            "label": example.kind,
            "labelled_by": example.labelled_by,
            "labelled_at": example.labelled_at.isoformat(),
            "context": example.context,
        }
    counts.incidents += len(incidents)
    counts.unclear += len(unclear)


def _one_per_turn(examples: Sequence[LabelledExampleRow]) -> list[LabelledExampleRow]:
    """A turn trains once: an agent's flag and the responder's outcome on the same incident label the same
    turn twice. The responder's word wins (they spoke to the person), then the later label; ``examples``
    come oldest first."""
    chosen: dict[str, LabelledExampleRow] = {}
    for example in examples:
        turn = example.message_id or f"example-{example.id}"
        held = chosen.get(turn)
        if held is None or example.source == "responder" or held.source != "responder":
            chosen[turn] = example
    return sorted(chosen.values(), key=lambda e: (e.labelled_at, e.id or 0))


def _legacy_rows(session: Session, counts: ExportCounts) -> Iterator[dict[str, Any]]:
    with_examples = select(LabelledExampleRow.incident_id).where(
        col(LabelledExampleRow.incident_id).is_not(None)
    )
    incidents = session.exec(
        select(IncidentRow)
        .where(IncidentRow.state == "resolved")
        .where(col(IncidentRow.outcome).is_not(None))
        .where(col(IncidentRow.is_test).is_(False))
        .where(col(IncidentRow.id).not_in(with_examples))
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
