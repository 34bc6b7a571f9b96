"""Routing: defaults per level, conditions, time windows and what counts as a stronger plan."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from escalation.chains import Opening
from escalation.model import Channel, Level, Urgency
from escalation.routing import RouteContext, Routing, Rule, TimeWindow, default_rules, is_stronger
from tests.unit.escalation.testkit import NEW_YORK, T0, crisis_chain, local, on_call_chain, standard_routing


def context(
    level: Level,
    category: str = "suicide",
    channel: str = "chat",
    team: str = "crisis-line",
    at: datetime = T0,
) -> RouteContext:
    return RouteContext(level, category, channel, team, at)


def test_defaults_moderate_is_a_low_urgency_sms_to_on_call() -> None:
    plan = standard_routing().plan_for(context(Level.MODERATE))
    assert plan is not None
    assert (plan.chain.name, plan.urgency, plan.opening.channels) == ("on-call", Urgency.LOW, (Channel.SMS,))


def test_defaults_high_pages_the_crisis_chain() -> None:
    plan = standard_routing().plan_for(context(Level.HIGH))
    assert plan is not None
    assert (plan.chain.name, plan.urgency, plan.opening) == ("crisis", Urgency.HIGH, Opening())


def test_defaults_imminent_starts_with_voice_to_the_first_two_tiers() -> None:
    plan = standard_routing().plan_for(context(Level.IMMINENT))
    assert plan is not None
    assert plan.chain.name == "crisis"
    assert plan.opening == Opening(parallel_tiers=2, channels=(Channel.VOICE,))


@pytest.mark.parametrize("level", [Level.NONE, Level.LOW])
def test_low_levels_route_nowhere(level: Level) -> None:
    assert standard_routing().plan_for(context(level)) is None


def routing_with_specific_rules() -> Routing:
    night = TimeWindow(time(22), time(7), NEW_YORK)
    specific = (
        Rule(
            "medical-sms",
            frozenset({Level.HIGH}),
            "on-call",
            categories=frozenset({"medical"}),
            channels=frozenset({"sms"}),
        ),
        Rule("youth-nights", frozenset({Level.MODERATE}), "crisis", teams=frozenset({"youth"}), window=night),
    )
    return Routing(specific + default_rules(), {"crisis": crisis_chain(), "on-call": on_call_chain()})


def test_first_matching_rule_wins_and_every_condition_must_hold() -> None:
    routing = routing_with_specific_rules()
    assert routing.plan_for(context(Level.HIGH, "medical", "sms")).rule == "medical-sms"  # type: ignore[union-attr]
    assert routing.plan_for(context(Level.HIGH, "medical", "chat")).rule == "high"  # type: ignore[union-attr]
    assert routing.plan_for(context(Level.HIGH, "suicide", "sms")).rule == "high"  # type: ignore[union-attr]


def test_time_window_wraps_midnight_in_its_own_zone() -> None:
    routing = routing_with_specific_rules()

    def rule_at(hour: int) -> str:
        plan = routing.plan_for(
            context(Level.MODERATE, team="youth", at=local(NEW_YORK, 2025, 6, 10, hour, 30))
        )
        assert plan is not None
        return plan.rule

    assert [rule_at(hour) for hour in (21, 22, 23, 0, 6, 7)] == [
        "moderate",
        "youth-nights",
        "youth-nights",
        "youth-nights",
        "youth-nights",
        "moderate",
    ]


def test_a_rule_naming_an_unknown_chain_fails_loudly() -> None:
    routing = Routing(default_rules(crisis_chain="missing"), {"on-call": on_call_chain()})
    with pytest.raises(LookupError, match="missing"):
        routing.plan_for(context(Level.HIGH))


def test_stronger_means_a_different_plan_for_a_higher_level() -> None:
    routing = standard_routing()
    moderate, high, imminent = (
        routing.plan_for(context(level)) for level in (Level.MODERATE, Level.HIGH, Level.IMMINENT)
    )
    assert moderate and high and imminent
    assert is_stronger(high, moderate)
    assert is_stronger(imminent, high)
    assert not is_stronger(moderate, high)
    assert not is_stronger(high, high)
    same_plan_higher_level = Routing((Rule("all", frozenset(Level), "crisis"),), {"crisis": crisis_chain()})
    first = same_plan_higher_level.plan_for(context(Level.MODERATE))
    second = same_plan_higher_level.plan_for(context(Level.IMMINENT))
    assert first and second
    assert not is_stronger(second, first)
