"""Configuration models for agent guidance: playbooks, the shared phrase lists and regional resources.

Each model checks what it can see on its own (types, required fields, unknown keys). Checks that need a
precise line, such as a branch pointing at a missing step, are in ``checks`` and return locations, so the
loader can name the offending line rather than the top of the file.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PositiveInt

from escalation.model import Category, Level

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
Text = Annotated[str, Field(min_length=1, max_length=1200)]
LevelName = Annotated[Level, BeforeValidator(Level.parse)]
Url = Annotated[str, Field(pattern=r"^https://\S+$")]


def region_key(value: Any) -> Any:
    """ISO 3166 alpha-2, upper case; "UK" is accepted for "GB" because that is what people write."""
    if not isinstance(value, str):
        return value
    code = value.strip().upper()
    return "GB" if code == "UK" else code


RegionCode = Annotated[str, BeforeValidator(region_key), Field(pattern=r"^[A-Z]{2}$")]


class ConversationChannel(StrEnum):
    CHAT = "chat"
    SMS = "sms"
    VOICE = "voice"

    @property
    def family(self) -> str:
        """Voice has its own phrasing and timers; SMS reads and paces like chat."""
        return "voice" if self is ConversationChannel.VOICE else "chat"


class Checkpoint(StrEnum):
    ASKED_DIRECTLY = "asked_directly"
    LOCATION_KNOWN = "location_known"
    CALLBACK_NUMBER = "callback_number"
    MEANS_REMOVED = "means_removed"
    SOMEONE_WITH_THEM = "someone_with_them"
    RESPONDER_CONNECTED = "responder_connected"


class ResourceKind(StrEnum):
    EMERGENCY = "emergency"
    CRISIS_LINE = "crisis_line"
    DOMESTIC_ABUSE_LINE = "domestic_abuse_line"
    POISON_CONTROL = "poison_control"


class StrictModel(BaseModel):
    # A misspelt key is an error, not a silently ignored default.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Phrasing(StrictModel):
    """What the agent could say; voice is spoken, chat is typed (also used for SMS)."""

    voice: Text | None = None
    chat: Text | None = None

    def for_family(self, family: str) -> str | None:
        return self.voice if family == "voice" else self.chat


class ChannelSeconds(StrictModel):
    voice: PositiveInt | None = None
    chat: PositiveInt | None = None

    def for_family(self, family: str) -> int | None:
        return self.voice if family == "voice" else self.chat


class Trigger(StrictModel):
    """When a playbook applies. Empty ``regions`` means any region; ``signals`` (detector signal kinds or
    rule ids) narrow it further: at least one must be present."""

    categories: list[Category] = Field(min_length=1)
    min_level: LevelName
    channels: list[ConversationChannel] = Field(
        default_factory=lambda: list(ConversationChannel), min_length=1
    )
    regions: list[RegionCode] = Field(default_factory=list)
    signals: list[str] = Field(default_factory=list)

    def matches(
        self,
        level: Level,
        category: Category,
        channel: ConversationChannel,
        region: str | None,
        signals: frozenset[str],
    ) -> bool:
        return (
            level >= self.min_level
            and category in self.categories
            and channel in self.channels
            and (not self.regions or region in self.regions)
            and (not self.signals or bool(signals & set(self.signals)))
        )


class Branch(StrictModel):
    """A jump the agent can take ("an attempt already happened"), or that a detector signal takes for them."""

    id: Id
    label: Text
    goto: Id
    signals: list[str] = Field(default_factory=list)


class Step(StrictModel):
    id: Id
    goal: Text
    say: Phrasing
    checkpoint: Checkpoint | None = None
    branches: list[Branch] = Field(default_factory=list)
    # Branch-only steps are reached through a branch, never by working down the list.
    branch_only: bool = False
    then: Id | None = None
    notes: list[Text] = Field(default_factory=list)


class MustNotSay(StrictModel):
    id: Id
    phrases: list[Text] = Field(min_length=1)
    # Phrases that make a match harmless ("I can't promise to keep this secret") are masked out first.
    unless: list[Text] = Field(default_factory=list)
    reason: Text
    instead: Text


class Nudge(StrictModel):
    text: Text
    say: Phrasing | None = None


class Nudges(StrictModel):
    agent_silent: Nudge | None = None
    customer_silent: Nudge | None = None
    ack_overdue: Nudge | None = None


class Timers(StrictModel):
    agent_silent: ChannelSeconds
    customer_silent: ChannelSeconds
    ack_overdue_seconds: PositiveInt
    # An open prompt nobody dismissed or acted on within this time is recorded as ignored.
    prompt_expires_seconds: PositiveInt = 120


class Panel(StrictModel):
    headline: Text
    say: Phrasing | None = None
    notes: list[Text] = Field(default_factory=list)


class HandOff(StrictModel):
    """What the desktop shows while paging, once a responder acknowledges, and once they have taken over."""

    while_paging: Panel
    acknowledged: Panel
    connected: Panel


class ResourceNeeds(StrictModel):
    required: list[ResourceKind] = Field(min_length=1)
    optional: list[ResourceKind] = Field(default_factory=list)

    @property
    def kinds(self) -> list[ResourceKind]:
        return [*self.required, *(kind for kind in self.optional if kind not in self.required)]


class PlaybookConfig(StrictModel):
    id: Id
    version: PositiveInt
    title: Text
    summary: Text
    owner: Text
    reviewed: date
    review_due: date
    priority: int = 0
    # Discreet playbooks (domestic abuse) keep the screen and the questions low-key: someone may be listening.
    discreet: bool = False
    # Closing, holding or transferring before a responder has taken over raises a warning.
    stay_on_line: bool = True
    triggers: list[Trigger] = Field(min_length=1)
    steps: list[Step] = Field(min_length=1)
    must_not_say: list[MustNotSay] = Field(default_factory=list)
    checkpoint_phrases: dict[Checkpoint, list[Text]] = Field(default_factory=dict)
    nudges: Nudges = Nudges()
    closing_warning: Text | None = None
    timers: Timers
    hand_off: HandOff
    resources: ResourceNeeds

    def step(self, step_id: str) -> Step | None:
        return next((step for step in self.steps if step.id == step_id), None)

    def branch(self, branch_id: str) -> Branch | None:
        branches = (branch for step in self.steps for branch in step.branches)
        return next((branch for branch in branches if branch.id == branch_id), None)

    @property
    def families(self) -> set[str]:
        """The phrasing families ("voice", "chat") this playbook can be shown on."""
        return {channel.family for trigger in self.triggers for channel in trigger.channels}

    def rank(self, level: Level, trigger: Trigger) -> tuple[int, int, int]:
        """Compared to decide supersession: the level met, then priority, then the more specific trigger."""
        return (int(level), self.priority, int(trigger.min_level))


class CheckpointPhrases(StrictModel):
    label: Text
    phrases: list[Text] = Field(min_length=1)
    # The checkpoint ticks when the agent says the step's own suggested phrasing (the lint checks it does).
    script_ticks: bool = False


class Closing(StrictModel):
    phrases: list[Text] = Field(min_length=1)
    unless: list[Text] = Field(default_factory=list)
    warning: Text


class PhrasesConfig(StrictModel):
    """The phrase lists every playbook shares (``config/playbooks/phrases.yaml``)."""

    version: PositiveInt
    owner: Text
    reviewed: date
    review_due: date
    spellings: dict[str, str] = Field(default_factory=dict)
    checkpoints: dict[Checkpoint, CheckpointPhrases]
    must_not_say: list[MustNotSay] = Field(min_length=1)
    closing: Closing
    nudges: Nudges
