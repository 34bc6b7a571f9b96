"""What guidance remembers about one conversation, and the audit events it emits. Plain frozen data.

The state carries a snapshot of its playbook, the shared phrases and the region's resources, taken when
the playbook activated (as an incident carries its chain snapshot), so a config reload mid-conversation
cannot change the script under the agent's feet. ``state_to_dict`` / ``state_from_dict`` round-trip it
through JSON for the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import TypeAdapter

from escalation.guidance.models import Checkpoint, ConversationChannel, PhrasesConfig, PlaybookConfig
from escalation.guidance.resources import RegionResources
from escalation.model import Category, Level


class PromptKind(StrEnum):
    CORRECTION = "correction"  # a must-not-say phrase was used
    STAY_ON_LINE = "stay_on_line"  # closing, holding or transferring before the hand-off
    AGENT_SILENT = "agent_silent"
    CUSTOMER_SILENT = "customer_silent"
    ACK_OVERDUE = "ack_overdue"
    RESOURCES = "resources"  # the region's resources are missing or out of date


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    URGENT = "urgent"


class EventKind(StrEnum):
    PLAYBOOK_ACTIVATED = "playbook_activated"
    PLAYBOOK_SUPERSEDED = "playbook_superseded"
    LEVEL_RAISED = "level_raised"
    BRANCH_TAKEN = "branch_taken"
    STEP_DONE = "step_done"
    CHECKPOINT_TICKED = "checkpoint_ticked"
    PROMPT_SHOWN = "prompt_shown"
    PROMPT_DISMISSED = "prompt_dismissed"
    PROMPT_IGNORED = "prompt_ignored"
    PROMPT_RESOLVED = "prompt_resolved"  # the thing the prompt asked for happened (the agent spoke, an ack)
    MUST_NOT_SAY = "must_not_say"
    CLOSING_ATTEMPTED = "closing_attempted"
    PAGING_UPDATED = "paging_updated"
    ACKNOWLEDGED = "acknowledged"
    RESOURCES_EXPIRED = "resources_expired"
    GUIDANCE_CLOSED = "guidance_closed"


class TickSource(StrEnum):
    PHRASE = "agent_phrase"  # ticked itself from what the agent said
    AGENT = "agent_checked"  # the agent ticked it


@dataclass(frozen=True)
class Prompt:
    id: str
    kind: PromptKind
    severity: Severity
    text: str
    raised_at: datetime
    say: str | None = None  # suggested words, already rendered for the channel
    detail: str | None = None  # e.g. the phrase that triggered a correction


@dataclass(frozen=True)
class GuidanceEvent:
    """One audit record: what was shown, ticked, dismissed or ignored, and when."""

    conversation_id: str
    at: datetime
    kind: EventKind
    playbook: str | None = None
    playbook_version: int | None = None
    prompt_id: str | None = None
    detail: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return _EVENT.dump_python(self, mode="json")  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Tick:
    checkpoint: Checkpoint
    at: datetime
    source: TickSource
    phrase: str | None = None


@dataclass(frozen=True)
class PagedResponder:
    responder: str
    channel: str
    paged_at: datetime


@dataclass(frozen=True)
class Paging:
    paged: tuple[PagedResponder, ...] = ()
    acknowledged_by: str | None = None
    acknowledged_at: datetime | None = None
    eta: datetime | None = None

    @property
    def first_paged_at(self) -> datetime | None:
        return min((page.paged_at for page in self.paged), default=None)


@dataclass(frozen=True)
class GuidanceState:
    conversation_id: str
    playbook: PlaybookConfig | None = None
    phrases: PhrasesConfig | None = None
    region: RegionResources | None = None
    region_code: str | None = None
    channel: ConversationChannel = ConversationChannel.CHAT
    level: Level = Level.NONE
    category: Category = Category.NONE
    rank: tuple[int, int, int] = (0, 0, 0)
    # Sticky: once a discreet playbook has run, someone may be listening, so the screen stays discreet.
    discreet: bool = False
    activated_at: datetime | None = None
    cursor: str | None = None  # the step the current path starts from (None: the first step)
    done_steps: tuple[str, ...] = ()
    ticks: tuple[Tick, ...] = ()
    prompts: tuple[Prompt, ...] = ()
    prompt_count: int = 0
    last_agent_at: datetime | None = None
    last_customer_at: datetime | None = None
    nudged_at: dict[PromptKind, datetime] = field(default_factory=dict)
    paging: Paging = field(default_factory=Paging)
    closed_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.playbook is not None and self.closed_at is None

    def tick_for(self, checkpoint: Checkpoint) -> Tick | None:
        return next((tick for tick in self.ticks if tick.checkpoint is checkpoint), None)

    def open_prompt(self, kind: PromptKind) -> Prompt | None:
        return next((prompt for prompt in self.prompts if prompt.kind is kind), None)

    @property
    def handed_off(self) -> bool:
        return self.tick_for(Checkpoint.RESPONDER_CONNECTED) is not None


@dataclass(frozen=True)
class GuidanceUpdate:
    """The new state to save and the events to append to the audit trail and push to the desktop."""

    state: GuidanceState
    events: tuple[GuidanceEvent, ...] = ()


def new_state(conversation_id: str) -> GuidanceState:
    return GuidanceState(conversation_id=conversation_id)


_STATE: TypeAdapter[GuidanceState] = TypeAdapter(GuidanceState)
_EVENT: TypeAdapter[GuidanceEvent] = TypeAdapter(GuidanceEvent)


def state_to_dict(state: GuidanceState) -> dict[str, Any]:
    return _STATE.dump_python(state, mode="json")  # type: ignore[no-any-return]


def state_from_dict(data: dict[str, Any]) -> GuidanceState:
    return _STATE.validate_python(data)
