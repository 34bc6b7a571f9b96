"""Escalation chains as a timeline of steps.

A chain is a list of tiers. Each tier is paged, waits for an acknowledgement, is paged again ``repeats``
times, then hands over to the next tier. The timeline never ends: after the last tier's regular attempts
the last tier is paged as a standing alarm at a fixed interval, so a chain cannot go silent.
"""

from __future__ import annotations

from dataclasses import dataclass

from escalation.model import Chain, Channel, Opening, Target, TargetKind, Tier

# The definitions live in ``model`` with the rest of the vocabulary; they are re-exported here because
# "a chain" is what callers of this module think in.
__all__ = [
    "Chain",
    "Opening",
    "Step",
    "Target",
    "TargetKind",
    "Tier",
    "first_position_reaching",
    "regular_steps",
    "step_at",
]


@dataclass(frozen=True)
class Step:
    """One point of the timeline: page ``tiers`` (attempt ``attempt``) and wait ``wait_seconds``."""

    position: int
    tiers: tuple[int, ...]
    attempt: int
    wait_seconds: int
    standing_alarm: bool
    preferred_channels: tuple[Channel, ...] = ()

    @property
    def highest_tier(self) -> int:
        return max(self.tiers)


def regular_steps(chain: Chain, opening: Opening) -> tuple[Step, ...]:
    """The finite part of the timeline, before the standing alarm takes over."""
    together = min(opening.parallel_tiers, len(chain.tiers))
    blocks: list[tuple[int, ...]] = [tuple(range(together))]
    blocks.extend((index,) for index in range(together, len(chain.tiers)))
    steps: list[Step] = []
    for block_number, block in enumerate(blocks):
        tiers = [chain.tiers[index] for index in block]
        # Tiers paged together wait as briefly as the most urgent of them and repeat as often as the most
        # persistent, so merging them never slows anyone down.
        wait = min(tier.ack_timeout_seconds for tier in tiers)
        rounds = max(tier.repeats for tier in tiers) + 1
        preferred = opening.channels if block_number == 0 else ()
        for attempt in range(rounds):
            steps.append(Step(len(steps), block, attempt, wait, False, preferred))
    return tuple(steps)


def step_at(chain: Chain, opening: Opening, position: int) -> Step:
    """The step at ``position``; positions past the regular ones are the never-ending standing alarm."""
    if position < 0:
        raise ValueError("timeline positions start at 0")
    regular = regular_steps(chain, opening)
    if position < len(regular):
        return regular[position]
    last = regular[-1]
    # Attempt numbers keep counting so every standing-alarm round is a distinct, dedupable send.
    beyond = position - len(regular) + 1
    return Step(
        position=position,
        tiers=(chain.fallback_tier,),
        attempt=last.attempt + beyond,
        wait_seconds=chain.standing_alarm_interval_seconds,
        standing_alarm=True,
    )


def first_position_reaching(chain: Chain, opening: Opening, tier: int) -> int:
    """Where to join this chain when earlier tiers were already paged on another chain.

    The first step paging tier ``tier`` or beyond; the last tier's first step if the chain is shorter.
    """
    regular = regular_steps(chain, opening)
    target = min(tier, chain.fallback_tier)
    return next(step.position for step in regular if step.highest_tier >= target)
