"""Turning one step of a chain into pages and alarms for real people.

A step never silently does nothing: every target that resolves to nobody (an empty rota, an unknown
name, an empty team) and every responder with no usable channel becomes an alarm to the fallback tier,
and if the fallback tier cannot be reached either, an alarm on the operations console.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from escalation.chains import Chain, Step, Target, TargetKind, Tier
from escalation.model import (
    Alarm,
    AlarmReason,
    Channel,
    Dispatch,
    Level,
    Page,
    Responder,
    Urgency,
    idempotency_key,
)
from escalation.schedules import Schedule, who_is_on_call


@dataclass(frozen=True)
class Roster:
    """Who exists and who is on call, as currently configured (not part of an incident's snapshot)."""

    responders: Mapping[str, Responder] = field(default_factory=dict)
    schedules: Mapping[str, Schedule] = field(default_factory=dict)

    def team(self, name: str) -> tuple[str, ...]:
        return tuple(responder.name for responder in self.responders.values() if name in responder.teams)


@dataclass(frozen=True)
class Problem:
    """Why part of a step reached nobody; ``subject`` names what failed, e.g. ``schedule:primary``."""

    reason: AlarmReason
    subject: str
    tier: int
    responder: str | None = None


@dataclass(frozen=True)
class StepContext:
    """What every send in a step shares; ``number`` counts steps over the incident's whole life."""

    incident_id: str
    number: int
    level: Level
    category: str
    urgency: Urgency


def actions_for_step(
    step: Step, chain: Chain, roster: Roster, now: datetime, context: StepContext
) -> list[Page | Alarm]:
    """Pages for everyone the step reaches, and alarms for every part of it that reaches nobody."""
    pages: list[Page | Alarm] = []
    problems: list[Problem] = []
    already_paged: set[tuple[str, Channel]] = set()
    for tier_index in step.tiers:
        tier = chain.tiers[tier_index]
        chosen, tier_problems = _choose_responders(tier, tier_index, step.attempt, roster, now)
        problems.extend(tier_problems)
        for responder in chosen:
            channels = usable_channels(responder, tier.channels, step.preferred_channels)
            if not channels:
                unreachable = Problem(
                    AlarmReason.NO_USABLE_CHANNEL, responder.name, tier_index, responder.name
                )
                problems.append(unreachable)
            for channel in channels:
                # Tiers paged together can share a responder: one page per person and channel is enough.
                if (responder.name, channel) not in already_paged:
                    already_paged.add((responder.name, channel))
                    pages.append(_page(responder.name, channel, tier_index, step, context))
    alarms = [alarm for problem in problems for alarm in _alarms(problem, step, chain, roster, now, context)]
    return pages + alarms


def usable_channels(
    responder: Responder, tier_channels: tuple[Channel, ...], preferred: tuple[Channel, ...] = ()
) -> tuple[Channel, ...]:
    """The preferred channels this responder can use, else the tier's; empty means unreachable."""
    for candidates in (preferred, tier_channels):
        usable = tuple(channel for channel in candidates if responder.can_use(channel))
        if usable:
            return usable
    return ()


def resolve_tier(
    tier: Tier, tier_index: int, roster: Roster, now: datetime
) -> tuple[list[Responder], list[Problem]]:
    """Everyone the tier's targets name right now, without duplicates, plus what resolved to nobody."""
    names: list[str] = []
    problems: list[Problem] = []
    for target in tier.targets:
        found, problem = _resolve_target(target, tier_index, roster, now)
        names.extend(name for name in found if name not in names)
        if problem is not None:
            problems.append(problem)
    return [roster.responders[name] for name in names], problems


def _resolve_target(
    target: Target, tier_index: int, roster: Roster, now: datetime
) -> tuple[tuple[str, ...], Problem | None]:
    subject = f"{target.kind}:{target.name}"
    if target.kind is TargetKind.TEAM:
        members = roster.team(target.name)
        return members, None if members else Problem(AlarmReason.EMPTY_TEAM, subject, tier_index)
    name = target.name
    if target.kind is TargetKind.SCHEDULE:
        schedule = roster.schedules.get(target.name)
        if schedule is None:
            return (), Problem(AlarmReason.UNKNOWN_TARGET, subject, tier_index)
        on_call = who_is_on_call(schedule, now)
        if on_call is None:
            return (), Problem(AlarmReason.NOBODY_ON_CALL, subject, tier_index)
        name = on_call
    if name not in roster.responders:
        return (), Problem(AlarmReason.UNKNOWN_TARGET, f"responder:{name}", tier_index)
    return (name,), None


def _choose_responders(
    tier: Tier, tier_index: int, attempt: int, roster: Roster, now: datetime
) -> tuple[list[Responder], list[Problem]]:
    responders, problems = resolve_tier(tier, tier_index, roster, now)
    if tier.dispatch is Dispatch.ROUND_ROBIN and responders:
        # Each attempt moves to the next person, so a missed page is retried on someone else.
        responders = [responders[attempt % len(responders)]]
    return responders, problems


def _page(responder: str, channel: Channel, tier_index: int, step: Step, context: StepContext) -> Page:
    return Page(
        incident_id=context.incident_id,
        responder=responder,
        channel=channel,
        tier=tier_index,
        attempt=step.attempt,
        step=context.number,
        level=context.level,
        category=context.category,
        urgency=context.urgency,
        standing_alarm=step.standing_alarm,
        idempotency_key=idempotency_key(
            context.incident_id, context.number, step.attempt, responder, channel
        ),
    )


def _alarms(
    problem: Problem, step: Step, chain: Chain, roster: Roster, now: datetime, context: StepContext
) -> list[Alarm]:
    recipients = _fallback_recipients(problem, chain, roster, now)
    return [
        Alarm(
            incident_id=context.incident_id,
            reason=problem.reason,
            subject=problem.subject,
            responder=responder,
            channel=channel,
            tier=problem.tier,
            attempt=step.attempt,
            step=context.number,
            level=context.level,
            category=context.category,
            idempotency_key=idempotency_key(
                context.incident_id,
                context.number,
                step.attempt,
                f"alarm:{problem.reason}:{problem.subject}>{responder or 'console'}",
                channel,
            ),
        )
        for responder, channel in recipients
    ]


def _fallback_recipients(
    problem: Problem, chain: Chain, roster: Roster, now: datetime
) -> list[tuple[str | None, Channel]]:
    """Everyone reachable in the fallback tier except whoever the problem is about; else the console."""
    fallback = chain.tiers[chain.fallback_tier]
    responders, _ = resolve_tier(fallback, chain.fallback_tier, roster, now)
    recipients: list[tuple[str | None, Channel]] = [
        (responder.name, channel)
        for responder in responders
        if responder.name != problem.responder
        for channel in usable_channels(responder, fallback.channels)
    ]
    return recipients or [(None, Channel.CONSOLE)]
