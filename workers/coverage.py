"""Coverage is a safety property: a connector that stops sending leaves people unmonitored, silently.

Intake is counted per connector (``message.source``). A connector that should be live (on, watched with
``expect`` in ``config/channels.yaml``, and within its opening hours) that has carried nothing for its
``silence_minutes`` is an alarm on the operations console: one per silence (the key is the silence's
start), not one per check. The sweeper runs the check; ``/readyz`` and ``/metrics`` report the same
reading."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, literal
from sqlmodel import Session, col, select

from config.channels_file import CONNECTORS, ChannelsSettings, Connector, Hours
from store import counters, repository
from store.db import session_scope
from store.models import MessageRow, PageRow
from workers.runtime import Runtime

log = logging.getLogger(__name__)

CHANNELS = "channels"  # the incident id channel alarms are filed under
# How far back the start of the current opening is looked for (minute by minute): further than any
# configured day, so a silence that began when the channel opened keeps that start as its key.
_LOOK_BACK = timedelta(days=8)
_MINUTE = timedelta(minutes=1)


@dataclass(frozen=True)
class ChannelHealth:
    name: str
    messages: int
    last_at: datetime | None
    watched: bool  # on, with ``expect``
    open: bool  # watched and within its hours now
    silent_since: datetime | None  # open and quiet for its threshold: since when (the alarm's key)
    on: bool = True  # api and batch always; a Twilio connector when ``enabled``

    @property
    def state(self) -> str:
        """For people (the supervisor's floor): silent, live, outside_hours, not_watched or off."""
        if not self.on:
            return "off"
        if self.silent_since is not None:
            return "silent"
        if self.open:
            return "live"
        return "outside_hours" if self.watched else "not_watched"

    @property
    def never_carried(self) -> bool:
        return self.last_at is None


def intake_counts(session: Session) -> dict[str, tuple[int, datetime | None]]:
    """Messages per connector and the latest one's arrival.

    The latest arrival is one lookup per connector on the (source, received_at) index. The count comes
    from the shared counters when a broker keeps them (``store.counters``): counting the message table on
    every scrape and sweep costs as much as the table is long (384 ms at a million messages, docs/scale.md).
    Without them (the embedded default, or Redis unreachable) the table is counted."""
    # The connector's name is written into each statement, not bound: a driver that prepares a statement it
    # has run five times plans it once for any value, and that generic plan walked the whole received_at
    # index (140 ms per connector at a million messages) where the value's own plan reads one index entry.
    last = {
        name: session.exec(
            select(func.max(MessageRow.received_at)).where(
                MessageRow.source == literal(name, literal_execute=True)
            )
        ).one()
        for name in CONNECTORS
    }
    sink = counters.counters_for(session)
    kept = sink.read() if sink is not None else None
    if kept is not None:
        return {name: (kept.get(counters.channel_intake(name), 0), last[name]) for name in CONNECTORS}
    rows = session.exec(
        select(MessageRow.source, func.count())
        .where(col(MessageRow.source).is_not(None))
        .group_by(MessageRow.source)
    ).all()
    return {str(source): (int(count), last.get(str(source))) for source, count in rows}


def opened_at(hours: Hours, now: datetime, not_before: datetime | None) -> datetime | None:
    """When the channel's current opening began, to the minute; None if it has been open for as long as
    we look (or since before ``not_before``, past which the answer is not needed)."""
    if hours.always:
        return None
    floor = now - _LOOK_BACK if not_before is None else max(now - _LOOK_BACK, not_before)
    start = now.replace(second=0, microsecond=0)
    while start > floor:
        if not hours.open_at(start - timedelta(microseconds=1)):
            return start
        start -= _MINUTE
    return None


def silent_since(
    hours: Hours, silence: timedelta, last_at: datetime | None, now: datetime
) -> datetime | None:
    """The start of the current silence if it has lasted ``silence`` within the channel's hours: the last
    message, or the opening after it. A channel that has never carried a message and has been open for as
    long as we look is silent since ``datetime.min`` (one alarm until it first carries something)."""
    if not hours.open_at(now):
        return None
    last = _aware(last_at, now)
    opening = opened_at(hours, now, last)
    quiet_from = max((t for t in (last, opening) if t is not None), default=None)
    if quiet_from is None:
        return datetime.min.replace(tzinfo=now.tzinfo)
    return quiet_from if now - quiet_from >= silence else None


def _aware(value: datetime | None, now: datetime) -> datetime | None:
    """SQLite hands back naive UTC datetimes."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=now.tzinfo)


def channel_health(session: Session, channels: ChannelsSettings, now: datetime) -> list[ChannelHealth]:
    counts = intake_counts(session)
    health = []
    for name in CONNECTORS:
        settings = channels.connectors()[name]
        count, last_at = counts.get(name, (0, None))
        last_at = _aware(last_at, now)
        on = not isinstance(settings, Connector) or settings.enabled
        expect = settings.expect if on else None
        since = None
        if expect is not None:
            since = silent_since(expect.hours, timedelta(minutes=expect.silence_minutes), last_at, now)
        is_open = expect is not None and expect.hours.open_at(now)
        health.append(ChannelHealth(name, count, last_at, expect is not None, is_open, since, on))
    return health


def read_health(runtime: Runtime) -> list[ChannelHealth]:
    with session_scope(runtime.url) as session:
        return channel_health(session, runtime.channels, runtime.clock())


def channels_status(health: list[ChannelHealth]) -> str:
    """``/readyz``'s ``checks.channels``: "ok" or "silent: <names>"."""
    silent = [h.name for h in health if h.silent_since is not None]
    return "silent: " + ", ".join(silent) if silent else "ok"


def check_channels(runtime: Runtime) -> list[int]:
    """The sweeper's job: one console alarm per silence of a channel that should be live. Returns the new
    alarm page ids, handed to the dispatcher."""
    now = runtime.clock()
    recorded: list[PageRow] = []
    with session_scope(runtime.url) as session:
        for channel in channel_health(session, runtime.channels, now):
            if channel.silent_since is None:
                continue
            start = "never" if channel.last_at is None and channel.silent_since.year == 1 else None
            key = f"{CHANNELS}/{channel.name}/{start or channel.silent_since.isoformat()}"
            why = f"channel {channel.name} silent"
            page = repository.add_console_alarm(session, key, CHANNELS, now, {"why": why})
            if page is None:
                continue  # this silence has been alarmed already
            recorded.append(page)
            repository.audit(
                session,
                "coverage",
                "channel_silent",
                at=now,
                channel=channel.name,
                last_message=None if channel.last_at is None else channel.last_at.isoformat(),
                silent_since=start or channel.silent_since.isoformat(),
            )
            log.error("intake channel %s silent within its hours; people may be unmonitored", channel.name)
        session.flush()
        page_ids = [p.id for p in recorded if p.id is not None]
    for page_id in page_ids:
        runtime.dispatcher.send_page(page_id)
    return page_ids


def metrics_text(health: list[ChannelHealth], now: datetime) -> str:
    lines = [
        "# HELP stayline_channel_messages_total Messages stored per intake channel (config/channels.yaml).",
        "# TYPE stayline_channel_messages_total counter",
    ]
    lines += [f'stayline_channel_messages_total{{channel="{h.name}"}} {h.messages}' for h in health]
    lines += [
        "# HELP stayline_channel_last_message_age_seconds Seconds since the channel's last message.",
        "# TYPE stayline_channel_last_message_age_seconds gauge",
    ]
    for h in health:
        age = "NaN" if h.last_at is None else repr((now - h.last_at).total_seconds())
        lines.append(f'stayline_channel_last_message_age_seconds{{channel="{h.name}"}} {age}')
    lines += [
        "# HELP stayline_channel_silent 1 if the channel should be live and has been silent too long.",
        "# TYPE stayline_channel_silent gauge",
    ]
    lines += [
        f'stayline_channel_silent{{channel="{h.name}"}} {int(h.silent_since is not None)}' for h in health
    ]
    return "\n".join(lines) + "\n"
