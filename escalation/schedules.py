"""On-call schedules: rotation layers with local-time hand-offs, active hours and overrides.

Every hand-off and window edge is turned into an exact instant with ``zoneinfo`` before comparing, so
a rotation stays on its wall-clock time across daylight-saving changes and never flips back and forth
when a local hour repeats.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from itertools import pairwise
from zoneinfo import ZoneInfo

ALL_WEEKDAYS = frozenset(range(7))


class Handoff(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"


SHIFT_DAYS = {Handoff.DAILY: 1, Handoff.WEEKLY: 7}


@dataclass(frozen=True)
class ActiveHours:
    """The part of each day a layer covers, in the schedule's zone; ``end <= start`` wraps past midnight.

    ``weekdays`` (0 = Monday) name the day a window starts on, so Friday 22:00-07:00 runs into Saturday.
    """

    start: time
    end: time
    weekdays: frozenset[int] = ALL_WEEKDAYS


@dataclass(frozen=True)
class Layer:
    """A rotation: ``members`` take turns, handing off at ``handoff_time`` local.

    The first shift starts at ``handoff_time`` on ``start``; weekly hand-offs fall on that date's weekday.
    """

    name: str
    members: tuple[str, ...]
    handoff: Handoff
    handoff_time: time
    start: date
    active_hours: ActiveHours | None = None


@dataclass(frozen=True)
class Override:
    """``responder`` is on call for [start, end) whatever the layers say."""

    responder: str
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Schedule:
    """Layers listed later win wherever they have someone; overrides win over every layer."""

    name: str
    time_zone: str
    layers: tuple[Layer, ...]
    overrides: tuple[Override, ...] = field(default=())

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)


@dataclass(frozen=True)
class Gap:
    """A window [start, end) with nobody (reachable) on call."""

    start: datetime
    end: datetime


def who_is_on_call(schedule: Schedule, at: datetime) -> str | None:
    """The responder on call at the instant ``at`` (timezone-aware), or None for an empty rota."""
    _require_aware(at)
    for override in reversed(schedule.overrides):
        if override.start <= at < override.end:
            return override.responder
    zone = schedule.zone
    for layer in reversed(schedule.layers):
        responder = _on_layer(layer, zone, at)
        if responder is not None:
            return responder
    return None


def gaps(
    schedule: Schedule,
    start: datetime,
    end: datetime,
    reachable: Callable[[str], bool] | None = None,
) -> list[Gap]:
    """Every window in [start, end) with nobody on call, or only someone ``reachable`` rejects."""
    _require_aware(start)
    _require_aware(end)
    edges = sorted({start, end} | {edge for edge in _edges(schedule, start, end) if start < edge < end})
    found: list[Gap] = []
    for begin, finish in pairwise(edges):
        # Who is on call only changes at an edge, so one look per segment is exact.
        responder = who_is_on_call(schedule, begin)
        covered = responder is not None and (reachable is None or reachable(responder))
        if covered:
            continue
        if found and found[-1].end == begin:
            found[-1] = Gap(found[-1].start, finish)
        else:
            found.append(Gap(begin, finish))
    return found


def local_instant(day: date, wall: time, zone: ZoneInfo) -> datetime:
    """The UTC instant a local wall-clock time happens on ``day``.

    A time repeated by a fall-back happens at its first occurrence; a time skipped by a spring-forward
    happens the moment the clocks jump, so nobody's shift silently stretches by an hour.
    """
    return _local_instant_cached(day, wall, zone.key)


@lru_cache(maxsize=4096)
def _local_instant_cached(day: date, wall: time, zone_key: str) -> datetime:
    zone = ZoneInfo(zone_key)
    naive = datetime.combine(day, wall)
    first = naive.replace(tzinfo=zone, fold=0)
    if first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == naive:
        return first.astimezone(UTC)
    before_jump = naive.replace(tzinfo=zone, fold=1).astimezone(UTC)
    return _offset_change_between(before_jump, first.astimezone(UTC), zone)


def _offset_change_between(before: datetime, after: datetime, zone: ZoneInfo) -> datetime:
    """Binary search (to the second) for the instant the zone's UTC offset changes in (before, after]."""
    old_offset = before.astimezone(zone).utcoffset()
    while after - before > timedelta(seconds=1):
        middle = before + (after - before) / 2
        if middle.astimezone(zone).utcoffset() == old_offset:
            before = middle
        else:
            after = middle
    return after.replace(microsecond=0)


def _on_layer(layer: Layer, zone: ZoneInfo, at: datetime) -> str | None:
    if not layer.members:
        return None
    if layer.active_hours is not None and not _within_active_hours(layer.active_hours, zone, at):
        return None
    shift = _shift_number(layer, zone, at)
    if shift < 0:
        return None
    return layer.members[shift % len(layer.members)]


def _shift_number(layer: Layer, zone: ZoneInfo, at: datetime) -> int:
    """How many hand-offs have happened since the rotation started; negative before the first."""
    shift_days = SHIFT_DAYS[layer.handoff]
    local_day = at.astimezone(zone).date()
    shift = (local_day - layer.start).days // shift_days
    shift_start_day = layer.start + timedelta(days=shift * shift_days)
    if at < local_instant(shift_start_day, layer.handoff_time, zone):
        shift -= 1
    return shift


def _within_active_hours(hours: ActiveHours, zone: ZoneInfo, at: datetime) -> bool:
    local_day = at.astimezone(zone).date()
    for day in (local_day - timedelta(days=1), local_day):
        if day.weekday() not in hours.weekdays:
            continue
        begin, finish = _window_on(hours, day, zone)
        if begin <= at < finish:
            return True
    return False


def _window_on(hours: ActiveHours, day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    end_day = day if hours.end > hours.start else day + timedelta(days=1)
    return local_instant(day, hours.start, zone), local_instant(end_day, hours.end, zone)


def _edges(schedule: Schedule, start: datetime, end: datetime) -> Iterator[datetime]:
    """Every instant at which who is on call may change between ``start`` and ``end``."""
    zone = schedule.zone
    first_day = start.astimezone(zone).date() - timedelta(days=1)
    last_day = end.astimezone(zone).date() + timedelta(days=1)
    for offset in range((last_day - first_day).days + 1):
        day = first_day + timedelta(days=offset)
        for layer in schedule.layers:
            yield local_instant(day, layer.handoff_time, zone)
            if layer.active_hours is not None:
                yield from _window_on(layer.active_hours, day, zone)
    for override in schedule.overrides:
        yield override.start
        yield override.end


def _require_aware(moment: datetime) -> None:
    # A naive time would be read as server-local and page the wrong person around a DST change.
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{moment!r} has no time zone; on-call questions need an exact instant")
