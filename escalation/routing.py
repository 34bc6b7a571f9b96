"""Routing: the level, category, conversation channel, team and time of day choose a chain.

Rules are tried in order and the first match wins, so specific rules go above general ones. Routing is
written per level, so the plan chosen for a higher level counts as stronger whenever it differs from the
current one: that is what lets a rising incident escalate at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time
from zoneinfo import ZoneInfo

from escalation.chains import Chain, Opening
from escalation.model import Channel, Level, Urgency


@dataclass(frozen=True)
class TimeWindow:
    """Local time of day [start, end) in ``time_zone``; ``end <= start`` wraps past midnight."""

    start: time
    end: time
    time_zone: str

    def contains(self, at: datetime) -> bool:
        # Wall-clock comparison is what a rota author means by "at night" even on a DST night.
        local = at.astimezone(ZoneInfo(self.time_zone)).time().replace(tzinfo=None)
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end


@dataclass(frozen=True)
class RouteContext:
    level: Level
    category: str
    channel: str
    team: str
    at: datetime


@dataclass(frozen=True)
class Rule:
    """Empty condition sets match anything; ``levels`` is always required."""

    name: str
    levels: frozenset[Level]
    chain: str
    categories: frozenset[str] = frozenset()
    channels: frozenset[str] = frozenset()
    teams: frozenset[str] = frozenset()
    window: TimeWindow | None = None
    urgency: Urgency = Urgency.HIGH
    opening: Opening = field(default_factory=Opening)

    def matches(self, context: RouteContext) -> bool:
        return (
            context.level in self.levels
            and _allowed(self.categories, context.category)
            and _allowed(self.channels, context.channel)
            and _allowed(self.teams, context.team)
            and (self.window is None or self.window.contains(context.at))
        )

    @property
    def is_catch_all(self) -> bool:
        return not (self.categories or self.channels or self.teams or self.window)


@dataclass(frozen=True)
class Plan:
    """What an incident runs: a snapshot of the chain plus how it starts. ``level`` is what chose it."""

    rule: str
    level: Level
    chain: Chain
    urgency: Urgency
    opening: Opening


@dataclass(frozen=True)
class Routing:
    rules: tuple[Rule, ...]
    chains: Mapping[str, Chain]

    def plan_for(self, context: RouteContext) -> Plan | None:
        """The plan for this context, or None when no rule routes it (levels "none" and "low")."""
        for rule in self.rules:
            if rule.matches(context):
                chain = self.chains.get(rule.chain)
                if chain is None:
                    # check_config rejects this; failing loudly beats routing a crisis nowhere.
                    raise LookupError(f"routing rule {rule.name!r} names unknown chain {rule.chain!r}")
                return Plan(rule.name, context.level, chain, rule.urgency, rule.opening)
        return None


def is_stronger(candidate: Plan, current: Plan) -> bool:
    """A plan chosen for a higher level that differs from the current one replaces it."""
    if candidate.level <= current.level:
        return False
    same = (candidate.rule, candidate.chain, candidate.urgency, candidate.opening) == (
        current.rule,
        current.chain,
        current.urgency,
        current.opening,
    )
    return not same


def default_rules(on_call_chain: str = "on-call", crisis_chain: str = "crisis") -> tuple[Rule, ...]:
    """Moderate: low-urgency SMS to the on-call. High: the crisis chain. Imminent: voice to two tiers."""
    return (
        Rule(
            name="imminent",
            levels=frozenset({Level.IMMINENT}),
            chain=crisis_chain,
            opening=Opening(parallel_tiers=2, channels=(Channel.VOICE,)),
        ),
        Rule(name="high", levels=frozenset({Level.HIGH}), chain=crisis_chain),
        Rule(
            name="moderate",
            levels=frozenset({Level.MODERATE}),
            chain=on_call_chain,
            urgency=Urgency.LOW,
            opening=Opening(channels=(Channel.SMS,)),
        ),
    )


def route(rules: Sequence[Rule], chains: Mapping[str, Chain], context: RouteContext) -> Plan | None:
    """Convenience for callers holding rules and chains separately."""
    return Routing(tuple(rules), chains).plan_for(context)


def _allowed(allowed: frozenset[str], value: str) -> bool:
    return not allowed or value in allowed
