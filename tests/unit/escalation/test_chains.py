"""Chain timelines: tiers, repeats, the opening block and the never-ending standing alarm."""

from __future__ import annotations

import pytest

from escalation.chains import Chain, Opening, Target, TargetKind, Tier, first_position_reaching, step_at
from escalation.model import Channel

ON_CALL = (Target(TargetKind.SCHEDULE, "primary"),)


def tier(name: str, wait: int, repeats: int) -> Tier:
    return Tier(name, ON_CALL, (Channel.SMS,), ack_timeout_seconds=wait, repeats=repeats)


def three_tiers() -> Chain:
    return Chain(
        "c", (tier("t0", 60, 2), tier("t1", 120, 0), tier("t2", 300, 1)), standing_alarm_interval_seconds=600
    )


def describe(
    chain: Chain, opening: Opening, positions: range
) -> list[tuple[tuple[int, ...], int, int, bool]]:
    steps = [step_at(chain, opening, position) for position in positions]
    return [(step.tiers, step.attempt, step.wait_seconds, step.standing_alarm) for step in steps]


def test_each_tier_is_paged_one_plus_repeats_times_then_hands_over() -> None:
    assert describe(three_tiers(), Opening(), range(7)) == [
        ((0,), 0, 60, False),
        ((0,), 1, 60, False),
        ((0,), 2, 60, False),
        ((1,), 0, 120, False),
        ((2,), 0, 300, False),
        ((2,), 1, 300, False),
        ((2,), 2, 600, True),
    ]


def test_the_last_tier_is_paged_forever_at_the_standing_interval() -> None:
    chain = three_tiers()
    for position in (6, 7, 100, 10_000):
        step = step_at(chain, Opening(), position)
        assert step.tiers == (2,)
        assert step.standing_alarm
        assert step.wait_seconds == 600
    # Attempt numbers keep growing so every round of the alarm is a distinct send.
    assert step_at(chain, Opening(), 10_000).attempt == 10_000 - 6 + 2


def test_opening_pages_leading_tiers_together_with_preferred_channels() -> None:
    opening = Opening(parallel_tiers=2, channels=(Channel.VOICE,))
    steps = [step_at(three_tiers(), opening, position) for position in range(6)]
    # The merged block waits as briefly as its most urgent tier and repeats as often as its most persistent.
    assert [(step.tiers, step.attempt, step.wait_seconds) for step in steps[:3]] == [
        ((0, 1), n, 60) for n in range(3)
    ]
    assert all(step.preferred_channels == (Channel.VOICE,) for step in steps[:3])
    assert [(step.tiers, step.preferred_channels) for step in steps[3:5]] == [((2,), ()), ((2,), ())]
    assert steps[5].standing_alarm


def test_opening_wider_than_the_chain_pages_every_tier_then_stands() -> None:
    steps = describe(three_tiers(), Opening(parallel_tiers=9), range(4))
    assert [step[0] for step in steps] == [(0, 1, 2), (0, 1, 2), (0, 1, 2), (2,)]
    assert steps[3][3] is True


def test_joining_a_chain_at_the_tier_already_reached() -> None:
    chain = three_tiers()
    assert first_position_reaching(chain, Opening(), 0) == 0
    assert first_position_reaching(chain, Opening(), 1) == 3
    assert first_position_reaching(chain, Opening(), 2) == 4
    assert first_position_reaching(chain, Opening(), 7) == 4  # a shorter chain: its last tier
    assert first_position_reaching(chain, Opening(parallel_tiers=2), 1) == 0


@pytest.mark.parametrize(
    "build",
    [
        lambda: Chain("empty", (), standing_alarm_interval_seconds=60),
        lambda: Chain("quiet", (tier("t", 60, 0),), standing_alarm_interval_seconds=0),
        lambda: Tier("no-targets", (), (Channel.SMS,)),
        lambda: Tier("no-channels", ON_CALL, ()),
        lambda: Tier("no-wait", ON_CALL, (Channel.SMS,), ack_timeout_seconds=0),
        lambda: Opening(parallel_tiers=0),
    ],
)
def test_a_chain_that_could_go_silent_cannot_be_built(build: object) -> None:
    with pytest.raises(ValueError):
        build()  # type: ignore[operator]


def test_negative_positions_are_refused() -> None:
    with pytest.raises(ValueError):
        step_at(three_tiers(), Opening(), -1)
