"""The escalation vocabulary: levels, channels, incident states, chains, responders and the engine's actions.

Kept free of ``detector`` on purpose: the engine speaks in plain strings ("high", "suicide") at its edge,
so either side can change its internals without the other noticing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum, StrEnum
from urllib.parse import quote


class Level(IntEnum):
    """Ordered so that ``new > current`` reads as "the risk went up"."""

    NONE = 0
    LOW = 1
    MODERATE = 2
    HIGH = 3
    IMMINENT = 4

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: object) -> Level:
        """Accept a level, its number, or its name ("high"); anything else is a ValueError."""
        if isinstance(value, cls):
            return value
        if isinstance(value, int) and not isinstance(value, bool) and value in cls._value2member_map_:
            return cls(value)
        if isinstance(value, str) and value.strip().upper() in cls.__members__:
            return cls[value.strip().upper()]
        names = ", ".join(level.label for level in cls)
        raise ValueError(f"unknown level {value!r}; expected one of {names}")


class Category(StrEnum):
    NONE = "none"
    SUICIDE = "suicide"
    SELF_HARM = "self_harm"
    HARM_TO_OTHERS = "harm_to_others"
    ABUSE = "abuse"
    MEDICAL = "medical"
    THIRD_PARTY = "third_party"


class Channel(StrEnum):
    SMS = "sms"
    VOICE = "voice"
    WEBHOOK = "webhook"
    CONSOLE = "console"


class Dispatch(StrEnum):
    """How a tier with several responders is paged on each attempt."""

    PARALLEL = "parallel"
    ROUND_ROBIN = "round_robin"


class Urgency(StrEnum):
    LOW = "low"
    HIGH = "high"


class IncidentState(StrEnum):
    TRIGGERED = "triggered"
    PAGING = "paging"
    ACKNOWLEDGED = "acknowledged"
    RESOLVED = "resolved"


class AlarmReason(StrEnum):
    NOBODY_ON_CALL = "nobody_on_call"
    EMPTY_TEAM = "empty_team"
    UNKNOWN_TARGET = "unknown_target"
    NO_USABLE_CHANNEL = "no_usable_channel"


class TargetKind(StrEnum):
    RESPONDER = "responder"
    SCHEDULE = "schedule"
    TEAM = "team"


@dataclass(frozen=True)
class Target:
    kind: TargetKind
    name: str


@dataclass(frozen=True)
class Tier:
    """Who to page, how, and how long to wait; ``repeats`` extra rounds follow the first one."""

    name: str
    targets: tuple[Target, ...]
    channels: tuple[Channel, ...]
    dispatch: Dispatch = Dispatch.PARALLEL
    ack_timeout_seconds: int = 300
    repeats: int = 0

    def __post_init__(self) -> None:
        if not self.targets or not self.channels:
            raise ValueError(f"tier {self.name!r} needs at least one target and one channel")
        if self.ack_timeout_seconds <= 0 or self.repeats < 0:
            raise ValueError(f"tier {self.name!r} needs a positive timeout and non-negative repeats")


@dataclass(frozen=True)
class Chain:
    """Ordered tiers plus the timers that keep an incident from going quiet.

    The last tier is the fallback: alarms about unreachable steps go to it, and it is the standing alarm.
    """

    name: str
    tiers: tuple[Tier, ...]
    standing_alarm_interval_seconds: int
    remind_after_ack_seconds: int = 3600
    resume_after_reminder_seconds: int = 900

    def __post_init__(self) -> None:
        # Checked here as well as in the config so a chain built in code cannot be silent either.
        if not self.tiers:
            raise ValueError(f"chain {self.name!r} has no tiers")
        timers = (
            self.standing_alarm_interval_seconds,
            self.remind_after_ack_seconds,
            self.resume_after_reminder_seconds,
        )
        if min(timers) <= 0:
            raise ValueError(f"chain {self.name!r} timers must all be positive")

    @property
    def fallback_tier(self) -> int:
        return len(self.tiers) - 1


@dataclass(frozen=True)
class Opening:
    """How routing starts a chain: the first ``parallel_tiers`` tiers are paged together, on ``channels``.

    Empty ``channels`` keeps each tier's own channels.
    """

    parallel_tiers: int = 1
    channels: tuple[Channel, ...] = ()

    def __post_init__(self) -> None:
        if self.parallel_tiers < 1:
            raise ValueError("an opening pages at least one tier")


@dataclass(frozen=True)
class Responder:
    """A person who can be paged. ``unreachable`` holds channels the edge found dead (STOP, bad number)."""

    name: str
    channels: tuple[Channel, ...]
    teams: tuple[str, ...] = ()
    time_zone: str = "UTC"
    phone: str | None = None
    webhook_url: str | None = None
    unreachable: frozenset[Channel] = frozenset()

    def can_use(self, channel: Channel) -> bool:
        if channel not in self.channels or channel in self.unreachable:
            return False
        # A channel without an address is listed but cannot deliver; treat it as unusable, not as sent.
        if channel in (Channel.SMS, Channel.VOICE):
            return bool(self.phone)
        if channel is Channel.WEBHOOK:
            return bool(self.webhook_url)
        return True


def idempotency_key(incident_id: str, step: int | str, attempt: int | str, target: str, channel: str) -> str:
    """One key per (incident, step, attempt, target, channel); parts are quoted so no name can forge a "/"."""
    parts = (incident_id, str(step), str(attempt), target, channel)
    return "/".join(quote(part, safe="") for part in parts)


@dataclass(frozen=True)
class Page:
    """Ask one responder, on one channel, to acknowledge. ``step`` counts every step the incident took."""

    incident_id: str
    responder: str
    channel: Channel
    tier: int
    attempt: int
    step: int
    level: Level
    category: str
    urgency: Urgency
    standing_alarm: bool
    idempotency_key: str


@dataclass(frozen=True)
class Alarm:
    """Tell the fallback tier that a step could not reach anyone. ``responder`` None means the ops console."""

    incident_id: str
    reason: AlarmReason
    subject: str
    responder: str | None
    channel: Channel
    tier: int
    attempt: int
    step: int
    level: Level
    category: str
    idempotency_key: str


@dataclass(frozen=True)
class Reminder:
    """Nudge whoever acknowledged an incident that is still unresolved."""

    incident_id: str
    responder: str
    channel: Channel
    acknowledged_at: datetime
    idempotency_key: str


@dataclass(frozen=True)
class ScheduleNext:
    """When the engine next wants to be asked; the worker stores it as the incident's ``next_action_at``."""

    incident_id: str
    at: datetime


Action = Page | Alarm | Reminder | ScheduleNext
