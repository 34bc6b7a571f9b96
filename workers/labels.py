"""Labels into labelled examples (issue 15): the one place a label becomes rows.

A responder's outcome gives one example per customer turn that raised the incident; an agent's miss or
false alarm gives one, for the turn the agent points at (else the latest customer turn that fits). Each
example copies the turn and its context window (the last agent turn and the last few customer turns
before it), the label, who gave it and when, and the turn's features: the detector's level, signal kinds
and rule names, and hashed word n-gram ids, never words. Every label is audited (counts and ids only).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from escalation.acknowledgement import IncidentOutcome
from escalation.labels import CONTEXT_CUSTOMER_TURNS, AgentLabel, example_label
from escalation.model import Level
from store import repository
from store.models import AssessmentRow, ConversationRow, IncidentRow, LabelledExampleRow, MessageRow
from workers.feedback import raising_turns

HASHED_FEATURES = 2**18  # HashingVectorizer buckets: ids of word 1-2-grams, lossy and carrying no words
CONTEXT_SCAN = 30  # turns read back from the labelled one to find its context window


def turn_of(session: Session, conversation_id: str, message_id: str) -> MessageRow | None:
    """The conversation's customer turn ``message_id``, or None (unknown, another conversation's, an
    agent's turn)."""
    row = session.get(MessageRow, message_id)
    if row is None or row.conversation_id != conversation_id or row.sender != "customer":
        return None
    return row


def latest_turn(session: Session, conversation_id: str, at_least: Level = Level.NONE) -> MessageRow | None:
    """The newest customer turn the detector rated at least ``at_least`` on its own."""
    query = (
        select(MessageRow)
        .where(MessageRow.conversation_id == conversation_id)
        .where(MessageRow.sender == "customer")
    )
    if at_least > Level.NONE:
        levels = [level.label for level in Level if level >= at_least]
        rated = select(AssessmentRow.message_id).where(col(AssessmentRow.message_level).in_(levels))
        query = query.where(col(MessageRow.id).in_(rated))
    return session.exec(query.order_by(col(MessageRow.received_at).desc(), col(MessageRow.id).desc())).first()


def context_window(session: Session, turn: MessageRow) -> list[MessageRow]:
    """The last agent turn and the last few customer turns before ``turn``, oldest first."""
    earlier = session.exec(
        select(MessageRow)
        .where(MessageRow.conversation_id == turn.conversation_id)
        .where(MessageRow.id != turn.id)
        .where(col(MessageRow.received_at) <= turn.received_at)
        .order_by(col(MessageRow.received_at).desc(), col(MessageRow.id).desc())
        .limit(CONTEXT_SCAN)
    ).all()
    kept: list[MessageRow] = []
    customers = agents = 0
    for row in earlier:
        if row.sender == "agent" and agents == 0:
            kept.append(row)
            agents += 1
        elif row.sender == "customer" and customers < CONTEXT_CUSTOMER_TURNS:
            kept.append(row)
            customers += 1
    return list(reversed(kept))


def hashed_ngrams(text: str) -> list[int]:
    from sklearn.feature_extraction.text import HashingVectorizer

    vectorizer = HashingVectorizer(
        n_features=HASHED_FEATURES, ngram_range=(1, 2), alternate_sign=False, norm=None
    )
    return sorted(int(i) for i in vectorizer.transform([text]).indices)


def features_of(session: Session, turn: MessageRow) -> tuple[dict[str, Any], str | None, str | None]:
    """(features, the turn's own level, the detector version) from its latest assessment."""
    assessment = session.exec(
        select(AssessmentRow)
        .where(AssessmentRow.message_id == turn.id)
        .order_by(col(AssessmentRow.id).desc())
    ).first()
    features: dict[str, Any] = {"hashed_ngrams": hashed_ngrams(turn.text) if turn.text else []}
    features["hashing"] = f"word 1-2-grams, {HASHED_FEATURES} buckets, lowercase"
    if assessment is None:
        return features, None, None
    features |= {
        "level": assessment.message_level,
        "conversation_level": assessment.level,
        "category": assessment.category,
        "score": assessment.score,
        # Where and why, not what: the quoted words are left out.
        "signals": [{k: v for k, v in s.items() if k != "text"} for s in assessment.signals],
    }
    return features, assessment.message_level, assessment.detector_version


def _example(
    session: Session,
    conversation: ConversationRow,
    turn: MessageRow,
    kind: IncidentOutcome | AgentLabel,
    label: tuple[str, str],
    who: str,
    now: datetime,
    incident_id: str | None,
) -> LabelledExampleRow:
    window = context_window(session, turn)
    features, detector_level, version = features_of(session, turn)
    row = LabelledExampleRow(
        kind=kind.value,
        source="agent" if isinstance(kind, AgentLabel) else "responder",
        level=label[0],
        category=label[1],
        detector_level=detector_level,
        incident_id=incident_id,
        conversation_id=conversation.id,
        message_id=turn.id,
        channel=turn.channel,
        team=conversation.team,
        text=turn.text if turn.purged_at is None else "",
        context=[{"speaker": m.sender, "text": m.text} for m in window if m.purged_at is None],
        features=features,
        detector_version=version,
        labelled_by=who,
        labelled_at=now,
        oldest_turn_at=min([turn.received_at, *(m.received_at for m in window)]),
        purged_at=turn.purged_at,
    )
    session.add(row)
    return row


def examples_for_outcome(
    session: Session, incident: IncidentRow, who: str, right_level: Level | None, now: datetime
) -> int:
    """A responder's outcome (already on ``incident``): one example per turn that raised it, and per turn an
    agent pointed at when flagging it (a flagged miss was rated none, so it raised nothing by itself)."""
    conversation = session.get(ConversationRow, incident.conversation_id)
    if conversation is None or incident.outcome is None:
        return 0
    outcome = IncidentOutcome(incident.outcome)
    label = example_label(outcome, Level.parse(incident.level), incident.category, right_level)
    turns: Sequence[MessageRow] = _incident_turns(session, incident)
    for turn in turns:
        _example(session, conversation, turn, outcome, label, who, now, incident.id)
    return len(turns)


def _incident_turns(session: Session, incident: IncidentRow) -> list[MessageRow]:
    turns = {turn.id: turn for turn in raising_turns(session, incident)}
    pointed_at = session.exec(
        select(MessageRow).where(
            col(MessageRow.id).in_(
                select(LabelledExampleRow.message_id)
                .where(LabelledExampleRow.incident_id == incident.id)
                .where(LabelledExampleRow.source == "agent")
            )
        )
    ).all()
    turns.update({turn.id: turn for turn in pointed_at})
    return sorted(turns.values(), key=lambda t: (t.received_at, t.id))


def record_agent_label(
    session: Session,
    conversation: ConversationRow,
    turn: MessageRow,
    kind: AgentLabel,
    level: Level,
    category: str,
    who: str,
    now: datetime,
    incident_id: str | None,
) -> LabelledExampleRow | None:
    """An agent's miss or false alarm on ``turn``; None (audited) when that turn already has this label."""
    existing = session.exec(
        select(LabelledExampleRow)
        .where(LabelledExampleRow.message_id == turn.id)
        .where(LabelledExampleRow.kind == kind.value)
    ).first()
    if existing is not None:
        repository.audit(
            session,
            who,
            "label_kept",
            at=now,
            incident_id=incident_id,
            conversation_id=conversation.id,
            label=kind.value,
            message_id=turn.id,
            kept_by=existing.labelled_by,
        )
        return None
    row = _example(
        session, conversation, turn, kind, example_label(kind, level, category), who, now, incident_id
    )
    repository.audit(
        session,
        who,
        "label_recorded",
        at=now,
        incident_id=incident_id,
        conversation_id=conversation.id,
        label=kind.value,
        message_id=turn.id,
        detector_level=row.detector_level,
        level=row.level,
    )
    return row
