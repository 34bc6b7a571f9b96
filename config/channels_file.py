"""``channels.yaml``: which intake connectors are on, how each maps a provider's people to agent or
customer, and when each is expected to carry traffic (a connector silent within its hours is an alarm).

Read through one model so a typo is an error with its line in `config check`."""

from __future__ import annotations

import re
from datetime import datetime, time
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from escalation.yaml_source import ConfigError, read_yaml

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CONNECTORS = ("api", "batch", "twilio_messages", "twilio_transcriptions", "twilio_conversations")
_RANGE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$")


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Hours(Frozen):
    """When a connector is expected to carry traffic: ``always``, or ranges per weekday in a time zone
    (``mon: ["08:00-20:00"]``; ``22:00-24:00`` reaches midnight; a day not listed is closed)."""

    always: bool = False
    timezone: str = "UTC"
    days: dict[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"], list[str]] = Field(
        default_factory=dict
    )

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}") from None
        return value

    @field_validator("days")
    @classmethod
    def _ranges(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for ranges in value.values():
            for text in ranges:
                start, end = _parse(text)
                if (end.hour, end.minute) != (0, 0) and end <= start:
                    raise ValueError(f"{text!r}: the end must come after the start (24:00 for midnight)")
        return value

    def open_at(self, when: datetime) -> bool:
        if self.always:
            return True
        local = when.astimezone(ZoneInfo(self.timezone))
        now = local.time()
        for text in self.days.get(DAYS[local.weekday()], []):  # type: ignore[call-overload]
            start, end = _parse(text)
            if start <= now and ((end.hour, end.minute) == (0, 0) or now < end):
                return True
        return False


def _parse(text: str) -> tuple[time, time]:
    match = _RANGE.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a range like 08:00-20:00")
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h2 == 24 and m2 != 0:
        raise ValueError(f"{text!r}: 24:00 is the latest end")
    return time(h1, m1), time(0, 0) if h2 == 24 else time(h2, m2)


class Monitoring(Frozen):
    """A connector expected live: ``silence_minutes`` without a message within ``hours`` is an alarm."""

    hours: Hours = Hours(always=True)
    silence_minutes: float = Field(default=30.0, gt=0)


class Watched(Frozen):
    """The API's own doors (single posts, the batch door) are always on; they may be watched."""

    expect: Monitoring | None = Field(default=None, description="None: not watched for silence")


class Connector(Watched):
    enabled: bool = False  # off: its webhook answers 404


class TwilioMessages(Connector):
    centre_numbers: list[str] = Field(
        default_factory=list,
        description="The centre's numbers (+1555..., whatsapp:+1555...): a message From one is an agent's",
    )
    idle_minutes: float = Field(default=240.0, gt=0, description="A new conversation after this long idle")


class TwilioTranscriptions(Connector):
    customer_track: str = "inbound_track"
    agent_track: str = "outbound_track"


class Identities(Frozen):
    prefixes: list[str] = Field(default_factory=list)
    identities: list[str] = Field(default_factory=list)

    def match(self, identity: str) -> bool:
        return identity in self.identities or any(identity.startswith(p) for p in self.prefixes if p)


class TwilioConversations(Connector):
    agents: Identities = Identities()
    customers: Identities = Field(
        default_factory=Identities, description="Empty: every author who is not an agent is the customer"
    )


class ChannelsSettings(Frozen):
    api: Watched = Watched()
    batch: Watched = Watched()
    twilio_messages: TwilioMessages = TwilioMessages()
    twilio_transcriptions: TwilioTranscriptions = TwilioTranscriptions()
    twilio_conversations: TwilioConversations = TwilioConversations()

    def connectors(self) -> dict[str, Watched]:
        return {name: getattr(self, name) for name in CONNECTORS}

    def live(self, name: str) -> bool:
        connector = self.connectors()[name]
        return not isinstance(connector, Connector) or connector.enabled


class ChannelsInvalid(Exception):
    def __init__(self, errors: list[ConfigError]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


def load_channels(path: Path) -> ChannelsSettings:
    settings, errors = read_channels(path)
    if settings is None:
        raise ChannelsInvalid(errors)
    return settings


def read_channels(path: Path) -> tuple[ChannelsSettings | None, list[ConfigError]]:
    """The settings, or None and every problem with its line. A missing or empty file means the defaults."""
    if not path.exists():
        return ChannelsSettings(), []
    document, errors = read_yaml(path)
    if document is None or errors:
        return None, errors
    try:
        return ChannelsSettings.model_validate(document.data or {}), []
    except ValidationError as exc:
        return None, document.validation_errors([], exc)
