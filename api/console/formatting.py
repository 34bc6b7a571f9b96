"""Small pure helpers the templates use: times, durations, and evidence highlighting."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

LEVEL_ORDER = ("none", "low", "moderate", "high", "imminent")


def clock(moment: datetime | str | None) -> str:
    """'15:02:07 UTC'; accepts the ISO strings of JSON views too."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment.strftime("%H:%M:%S UTC") if moment else ""


def _aware(moment: datetime | str) -> datetime:
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite hands back naive UTC


def zone_of(name: str | None) -> ZoneInfo | None:
    """The person's zone from the roster; an unknown name falls back to the browser's zone, not an error."""
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def in_zone(moment: datetime | str, zone: ZoneInfo | None) -> str:
    """'10:00:07 EST' in ``zone``; in UTC (marked so) when the zone is left to the browser."""
    moment = _aware(moment)
    return moment.astimezone(zone).strftime("%H:%M:%S %Z") if zone else clock(moment.astimezone(UTC))


def utc_title(moment: datetime | str) -> str:
    return _aware(moment).astimezone(UTC).strftime("%H:%M:%S UTC, %a %d %b %Y")


@pass_context
def local_time(context: Context, moment: datetime | str | None) -> Markup:
    """A <time> in the reader's zone (the roster's, else the browser's: console.js rewrites those marked
    ``data-local="browser"``) with UTC on hover, so a responder in New York and the floor in London
    can still compare notes."""
    if moment is None:
        return Markup("")
    zone = context.get("zone")
    iso = _aware(moment).isoformat()
    local = "server" if zone else "browser"
    return Markup(
        f'<time datetime="{escape(iso)}" title="{escape(utc_title(moment))}" data-local="{local}">'
        f"{escape(in_zone(moment, zone))}</time>"
    )


@pass_context
def local_text(context: Context, moment: datetime | str) -> str:
    """The reader's local time as plain text, for places markup cannot go (a select's options)."""
    return in_zone(moment, context.get("zone"))


@pass_context
def time_ago(context: Context, moment: datetime | None, suffix: str = " ago") -> Markup:
    """'6 min 05 s ago' that keeps counting in the browser (console.js, against the page's server time)."""
    if moment is None:
        return Markup("")
    iso = _aware(moment).isoformat()
    text = since(_aware(moment), _aware(context["now"])) + suffix
    return Markup(
        f'<time datetime="{escape(iso)}" title="{escape(utc_title(moment))}" data-since '
        f'data-suffix="{escape(suffix)}">{escape(text)}</time>'
    )


def since(moment: datetime | None, now: datetime) -> str:
    """'4 min 05 s' from ``moment`` to ``now``: how long a crisis has waited."""
    if moment is None:
        return ""
    seconds = max(0, int((now - moment).total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min {secs:02d} s"
    return f"{secs} s"


def until(now: datetime, moment: datetime) -> str:
    """'5 min': how long until a moment ahead, in whole minutes (rounded up, as a promise should be)."""
    return f"{max(1, -(-int((moment - now).total_seconds()) // 60))} min"


def words(value: str | None) -> str:
    """'attempt_in_progress' -> 'attempt in progress'."""
    return (value or "").replace("_", " ")


def level_rank(level: str) -> int:
    """Where a level sits in LEVEL_ORDER; an unknown one sorts lowest rather than raising."""
    return LEVEL_ORDER.index(level) if level in LEVEL_ORDER else 0


def at_least(level: str, floor: str) -> bool:
    return LEVEL_ORDER.index(level) >= LEVEL_ORDER.index(floor) if level in LEVEL_ORDER else False


@dataclass(frozen=True)
class Segment:
    text: str
    kinds: tuple[str, ...] = ()  # the signal kinds whose evidence covers this piece; empty = plain text
    discounted: bool = False  # every covering signal is negated, hypothetical, someone else's, ...

    @property
    def label(self) -> str:
        note = " (discounted by context)" if self.discounted else ""
        return "evidence: " + ", ".join(words(k) for k in self.kinds) + note


def highlight(text: str, signals: Iterable[Mapping[str, Any]]) -> list[Segment]:
    """Cut ``text`` at every evidence boundary; overlapping spans are merged into one marked piece.

    Offsets that fall outside the text (a detector bug, or a span from an older version of the message)
    are clipped, never allowed to raise: the agent still sees the whole message.
    """
    spans = []
    for signal in signals:
        start, end = int(signal.get("start", 0)), int(signal.get("end", 0))
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        if end > start:
            discounted = bool(signal.get("modifiers"))
            spans.append((start, end, str(signal.get("kind", "")), discounted))
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    segments = []
    for left, right in pairwise(cuts):
        covering = [span for span in spans if span[0] <= left and right <= span[1]]
        kinds = tuple(dict.fromkeys(kind for _, _, kind, _ in covering))
        discounted = bool(covering) and all(d for _, _, _, d in covering)
        segments.append(Segment(text[left:right], kinds, discounted))
    return _merge_plain(segments)


def _merge_plain(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for segment in segments:
        if merged and merged[-1].kinds == segment.kinds and merged[-1].discounted == segment.discounted:
            merged[-1] = Segment(merged[-1].text + segment.text, segment.kinds, segment.discounted)
        else:
            merged.append(segment)
    return merged


def seconds(value: float | None) -> str:
    """A median time to acknowledgement in words: '45 s', '3 min 5 s', '2 h 10 min'; '—' when none."""
    if value is None:
        return "—"
    whole = round(value)
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        return f"{whole // 60} min {whole % 60} s" if whole % 60 else f"{whole // 60} min"
    return f"{whole // 3600} h {whole % 3600 // 60} min"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)}%"


FILTERS: dict[str, Callable[..., Any]] = {
    "seconds": seconds,
    "percent": percent,
    "clock": clock,
    "since": since,
    "until": until,
    "words": words,
    "local": local_time,
    "local_text": local_text,
    "ago": time_ago,
}
