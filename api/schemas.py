"""Request and response bodies. Requests refuse unknown fields; times must carry a zone."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from detector import Category

ID_PATTERN = r"^[A-Za-z0-9._:@+\-]+$"
ConversationId = Annotated[str, Field(min_length=1, max_length=200, pattern=ID_PATTERN)]
TeamName = Annotated[str, Field(min_length=1, max_length=100, pattern=ID_PATTERN)]
PersonName = Annotated[str, Field(min_length=1, max_length=200)]
SourceId = Annotated[str, Field(min_length=1, max_length=64, pattern=ID_PATTERN)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MessageIn(Strict):
    """One turn of a conversation, from a channel (chat widget, SMS gateway, call transcription)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "conversation_id": "chat-2025-0042",
                    "channel": "chat",
                    "sender": "customer",
                    "text": "hi, I need to change my delivery address",
                    "sent_at": "2025-03-04T15:00:00Z",
                }
            ]
        },
    )

    conversation_id: ConversationId
    channel: Literal["chat", "sms", "voice"]
    sender: Literal["customer", "agent"]
    text: str = Field(min_length=1, description="Limited to settings.max_text_chars characters")
    sent_at: AwareDatetime
    team: TeamName = "default"
    source_id: SourceId | None = Field(
        default=None,
        description="The sender's own id for this turn (a provider's message or segment id). The same "
        "conversation_id and source_id posted again stores nothing and answers with the first copy's "
        "message_id, so a sender may retry freely",
    )


class MessageAccepted(BaseModel):
    message_id: str
    status: Literal["accepted"] = "accepted"
    duplicate: bool = Field(default=False, description="Seen before (same source_id): nothing was stored")


class BatchItemResult(BaseModel):
    index: int = Field(
        description="The item's position in the batch (0-based; NDJSON: its line among the non-blank lines)"
    )
    status: Literal["accepted", "duplicate", "rejected"]
    message_id: str | None = Field(
        default=None, description="The stored message (the first copy's for a duplicate)"
    )
    error: str | None = Field(default=None, description="Why a rejected item was refused")
    detail: Any = Field(default=None, description="What was wrong with it (never its text)")


class BatchAccepted(BaseModel):
    accepted: int
    duplicates: int
    rejected: int
    results: list[BatchItemResult]


class SignalOut(BaseModel):
    kind: str
    start: int = Field(description="Character offset into the message text")
    end: int
    text: str | None = Field(description="The matched words; only for agent, responder and admin keys")
    rule: str
    modifiers: list[str]


class AssessmentOut(BaseModel):
    message_id: str
    level: str = Field(description="The conversation's level after this message")
    message_level: str = Field(description="This message's level on its own")
    category: str
    score: float
    signals: list[SignalOut]
    notes: list[str]
    detector_version: str
    assessed_at: datetime


class MessageScanned(BaseModel):
    message_id: str
    status: Literal["scanned"] = "scanned"
    assessment: AssessmentOut | None = Field(description="None for agent turns (they are not assessed)")
    incident_id: str | None = Field(description="The conversation's open incident, if any")


class FlagIn(Strict):
    level: Literal["moderate", "high", "imminent"]
    category: Category | None = Field(
        default=None, description="Defaults to the conversation's current category"
    )
    note: str | None = Field(default=None, max_length=1000, description="Kept in the audit trail")
    agent: PersonName | None = Field(
        default=None,
        description="Who flagged it. A person's key flags as its person (naming anyone else is refused "
        "with 403); a service key's name is recorded as given, or the key's id when none is given",
    )
    message_id: SourceId | None = Field(
        default=None,
        description="The customer turn the agent points at: on a conversation the detector rated none or "
        "low the flag is recorded as a miss on that turn (default: the latest customer turn)",
    )


class NotACrisisIn(Strict):
    message_id: SourceId | None = Field(
        default=None,
        description="The customer turn the agent says was no crisis (default: the latest customer turn the "
        "detector rated moderate or above)",
    )
    agent: PersonName | None = Field(
        default=None,
        description="Who says so: a person's key labels as its person (naming anyone else is refused with "
        "403); a service key's name is recorded as given, or the key's id",
    )


class LabelOut(BaseModel):
    label: Literal["miss", "false_alarm"]
    recorded: bool = Field(description="A labelled example was recorded now")
    message_id: str | None = Field(description="The customer turn labelled (or pointed at)")
    incident_id: str | None
    reason: str | None = Field(default=None, description="Why nothing was recorded")


class AckIn(Strict):
    responder: PersonName | None = Field(
        default=None,
        description="A responder from the roster. A person's key acknowledges as its person and may leave "
        "this out (naming anyone else is refused with 403); a service key must name the responder",
    )
    eta_minutes: int | None = Field(
        default=None, ge=0, le=240, description="When the responder will join, shown to the agent"
    )


class ResolveIn(Strict):
    by: PersonName | None = Field(
        default=None,
        description="Who resolved it: a person's key resolves as its person (naming anyone else is "
        "refused with 403); a service key's name is recorded as given, or the key's id",
    )
    outcome: Literal["real_crisis", "not_a_crisis", "unclear"] | None = Field(
        default=None,
        description="What it was: a label for learning from outcomes, recorded once (the first is kept); "
        "may be given for an incident already resolved without one",
    )
    right_level: Literal["none", "low", "moderate", "high", "imminent"] | None = Field(
        default=None, description="The level it should have had; only with outcome real_crisis"
    )


class PageOut(BaseModel):
    id: int
    kind: str
    responder: str | None
    channel: str
    tier: int
    status: str
    attempts: int
    created_at: datetime
    sent_at: datetime | None = Field(description="When a provider first accepted it")
    updated_at: datetime
    error: str | None


class AcknowledgementOut(BaseModel):
    responder: str
    via: str
    at: datetime


class IncidentSummary(BaseModel):
    id: str
    code: str
    conversation_id: str
    level: str
    category: str
    state: str
    opened_by: str
    opened_at: datetime
    chain: str
    highest_tier: int
    next_action_at: datetime | None
    acknowledged_by: str | None
    acknowledged_at: datetime | None
    acknowledged_via: str | None
    resolved_at: datetime | None
    is_test: bool
    outcome: str | None = None
    right_level: str | None = None
    outcome_by: str | None = None


class IncidentDetail(IncidentSummary):
    pages: list[PageOut]
    acknowledgements: list[AcknowledgementOut]


class FlagOut(BaseModel):
    by: str = Field(description="Who the flag is recorded as: the key's person, or a service key's word")
    service_key: bool = Field(description="Flagged with a key that has no person: nothing vouches for 'by'")
    manual: bool = Field(
        description="The conversation has no messages from any channel (an unmonitored phone call, say): "
        "the page went out on the agent's word alone"
    )
    messages: int = Field(description="Messages on record for the conversation")


class FlaggedIncident(IncidentDetail):
    flag: FlagOut
    label: LabelOut = Field(description="The miss this flag records, or why it records none")


class IncidentList(BaseModel):
    incidents: list[IncidentSummary]


class ConversationOut(BaseModel):
    id: str
    channel: str
    team: str
    level: str
    category: str
    updated_at: datetime
    origin: Literal["messages", "manual_flag"] = Field(
        description="manual_flag: opened by an agent's flag with no messages from any channel"
    )
    messages: int = Field(description="Messages on record")
    evidence: list[AssessmentOut] = Field(description="The latest assessments, newest first")
    incident: IncidentDetail | None = Field(description="The open incident and its pages")
