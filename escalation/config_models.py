"""Pydantic models for the escalation YAML files, and their conversion into the pure core's objects.

Each model checks only what it can see on its own; names that point across files (a schedule member,
a chain target, a routing chain) are checked by ``config_loader`` so every error carries a line.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from escalation.chains import Chain, Opening, Target, TargetKind, Tier
from escalation.model import Category, Channel, Dispatch, Level, Responder, Urgency
from escalation.routing import Rule, TimeWindow
from escalation.schedules import ALL_WEEKDAYS, ActiveHours, Handoff, Layer, Override, Schedule

_E164 = re.compile(r"^\+[1-9]\d{7,14}$")

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WALL_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
# Names end up in idempotency keys and SMS help text: keep them printable and slash-free.
_NAME = r"^[A-Za-z0-9][A-Za-z0-9 ._'-]{0,63}$"


def _parse_wall_time(value: Any) -> time:
    # YAML 1.1 reads an unquoted 9:00 as the number 540; refuse anything but an "HH:MM" string.
    if not isinstance(value, str) or not _WALL_TIME.match(value):
        raise ValueError(f"expected a quoted 24-hour time like '09:00', got {value!r}")
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def _check_zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {value!r} (use an IANA name like 'Europe/London')") from None
    return value


def _require_offset(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("give an explicit UTC offset, e.g. 2025-12-24T18:00:00-05:00")
    return value


def _parse_weekday(value: Any) -> int:
    if isinstance(value, str) and value.strip().lower()[:3] in WEEKDAY_NAMES:
        return WEEKDAY_NAMES.index(value.strip().lower()[:3])
    raise ValueError(f"expected a weekday name like 'mon', got {value!r}")


def _check_e164(value: str) -> str:
    # Said in words: "should match pattern '^\+[1-9]...'" sends an operator to a regex manual at 3 a.m.
    if not _E164.match(value):
        raise ValueError("must be an E.164 phone number: + and country code, digits only, e.g. +12025550123")
    return value


Name = Annotated[str, Field(pattern=_NAME)]
WallTime = Annotated[time, BeforeValidator(_parse_wall_time)]
ZoneName = Annotated[str, AfterValidator(_check_zone)]
AwareDatetime = Annotated[datetime, AfterValidator(_require_offset)]
Weekday = Annotated[int, BeforeValidator(_parse_weekday)]
LevelName = Annotated[Level, BeforeValidator(Level.parse)]
Phone = Annotated[str, AfterValidator(_check_e164)]


class StrictModel(BaseModel):
    # A misspelt key is an error, not a silently ignored default.
    model_config = ConfigDict(extra="forbid", frozen=True)


class ResponderConfig(StrictModel):
    name: Name
    phone: Phone | None = None
    time_zone: ZoneName = "UTC"
    channels: list[Channel] = Field(min_length=1)
    teams: list[Name] = Field(default_factory=list)
    webhook_url: str | None = Field(default=None, pattern=r"^https://")

    @model_validator(mode="after")
    def _channels_have_addresses(self) -> ResponderConfig:
        if {Channel.SMS, Channel.VOICE} & set(self.channels) and self.phone is None:
            raise ValueError("sms and voice channels need a phone number")
        if Channel.WEBHOOK in self.channels and self.webhook_url is None:
            raise ValueError("the webhook channel needs a webhook_url")
        return self

    def to_core(self) -> Responder:
        return Responder(
            name=self.name,
            channels=tuple(self.channels),
            teams=tuple(self.teams),
            time_zone=self.time_zone,
            phone=self.phone,
            webhook_url=self.webhook_url,
        )


class ActiveHoursConfig(StrictModel):
    start: WallTime
    end: WallTime
    weekdays: list[Weekday] = Field(default_factory=lambda: sorted(ALL_WEEKDAYS), min_length=1)

    def to_core(self) -> ActiveHours:
        return ActiveHours(self.start, self.end, frozenset(self.weekdays))


class LayerConfig(StrictModel):
    name: Name
    members: list[Name] = Field(min_length=1)
    handoff: Handoff
    handoff_time: WallTime
    start: date
    active_hours: ActiveHoursConfig | None = None

    def to_core(self) -> Layer:
        hours = None if self.active_hours is None else self.active_hours.to_core()
        return Layer(self.name, tuple(self.members), self.handoff, self.handoff_time, self.start, hours)


class OverrideConfig(StrictModel):
    responder: Name
    start: AwareDatetime
    end: AwareDatetime

    @model_validator(mode="after")
    def _ends_after_start(self) -> OverrideConfig:
        if self.end <= self.start:
            raise ValueError("an override must end after it starts")
        return self


class ScheduleConfig(StrictModel):
    name: Name
    time_zone: ZoneName
    layers: list[LayerConfig] = Field(min_length=1)
    overrides: list[OverrideConfig] = Field(default_factory=list)

    def to_core(self) -> Schedule:
        overrides = tuple(Override(item.responder, item.start, item.end) for item in self.overrides)
        return Schedule(self.name, self.time_zone, tuple(layer.to_core() for layer in self.layers), overrides)


class TargetConfig(StrictModel):
    """Exactly one of ``responder``, ``schedule`` or ``team``."""

    responder: Name | None = None
    schedule: Name | None = None
    team: Name | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> TargetConfig:
        if sum(value is not None for value in (self.responder, self.schedule, self.team)) != 1:
            raise ValueError("a target names exactly one of responder, schedule or team")
        return self

    def to_core(self) -> Target:
        for kind in TargetKind:
            value = getattr(self, kind.value)
            if value is not None:
                return Target(kind, value)
        raise AssertionError("unreachable: validated to have exactly one field")


class TierConfig(StrictModel):
    name: Name
    targets: list[TargetConfig] = Field(min_length=1)
    channels: list[Channel] = Field(min_length=1)
    dispatch: Dispatch = Dispatch.PARALLEL
    ack_timeout_seconds: int = Field(default=300, ge=30, le=86_400)
    repeats: int = Field(default=0, ge=0, le=20)

    def to_core(self) -> Tier:
        targets = tuple(target.to_core() for target in self.targets)
        return Tier(
            self.name, targets, tuple(self.channels), self.dispatch, self.ack_timeout_seconds, self.repeats
        )


class ChainConfig(StrictModel):
    name: Name
    tiers: list[TierConfig] = Field(min_length=1)
    # Required on purpose: the standing alarm is what keeps a chain from going silent.
    standing_alarm_interval_seconds: int = Field(ge=30, le=86_400)
    remind_after_ack_seconds: int = Field(default=3600, ge=60)
    resume_after_reminder_seconds: int = Field(default=900, ge=60)

    def to_core(self) -> Chain:
        return Chain(
            name=self.name,
            tiers=tuple(tier.to_core() for tier in self.tiers),
            standing_alarm_interval_seconds=self.standing_alarm_interval_seconds,
            remind_after_ack_seconds=self.remind_after_ack_seconds,
            resume_after_reminder_seconds=self.resume_after_reminder_seconds,
        )


class TimeWindowConfig(StrictModel):
    start: WallTime
    end: WallTime
    time_zone: ZoneName

    def to_core(self) -> TimeWindow:
        return TimeWindow(self.start, self.end, self.time_zone)


class OpeningConfig(StrictModel):
    parallel_tiers: int = Field(default=1, ge=1, le=5)
    channels: list[Channel] = Field(default_factory=list)

    def to_core(self) -> Opening:
        return Opening(self.parallel_tiers, tuple(self.channels))


class RuleConfig(StrictModel):
    name: Name
    levels: list[LevelName] = Field(min_length=1)
    chain: Name
    categories: list[Category] = Field(default_factory=list)
    channels: list[Name] = Field(default_factory=list, description="conversation channels: chat, sms...")
    teams: list[Name] = Field(default_factory=list)
    between: TimeWindowConfig | None = None
    urgency: Urgency = Urgency.HIGH
    opening: OpeningConfig = Field(default_factory=OpeningConfig)

    def to_core(self) -> Rule:
        return Rule(
            name=self.name,
            levels=frozenset(self.levels),
            chain=self.chain,
            categories=frozenset(str(category) for category in self.categories),
            channels=frozenset(self.channels),
            teams=frozenset(self.teams),
            window=None if self.between is None else self.between.to_core(),
            urgency=self.urgency,
            opening=self.opening.to_core(),
        )
