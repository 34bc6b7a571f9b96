"""The one rule for acknowledge, pass on and resolve (escalation.acknowledgement), with no database."""

from __future__ import annotations

from escalation.acknowledgement import (
    AckOutcome,
    PassOutcome,
    ResolveOutcome,
    acknowledge_as,
    pass_on_from,
    refusal_words,
    resolve_as,
)
from escalation.engine import AckVia, Incident, advance
from escalation.model import IncidentState, Level, Page, Reminder
from tests.unit.escalation.testkit import T0, open_incident, seconds


def paging() -> Incident:
    incident, actions = advance(open_incident(Level.HIGH), T0)
    assert incident.state is IncidentState.PAGING and any(isinstance(a, Page) for a in actions)
    return incident


def test_the_first_acknowledgement_takes_the_incident_and_stops_the_chain() -> None:
    incident, decision = acknowledge_as(paging(), "Ana", T0 + seconds(30), AckVia.SMS_REPLY)

    assert (decision.outcome, decision.holder, decision.has_it) == (AckOutcome.ACKNOWLEDGED, "Ana", True)
    assert (incident.state, incident.acknowledged_by, incident.acknowledged_via) == (
        IncidentState.ACKNOWLEDGED,
        "Ana",
        AckVia.SMS_REPLY,
    )


def test_a_second_responder_never_overwrites_the_first_and_learns_who_has_it() -> None:
    first, _ = acknowledge_as(paging(), "Ana", T0 + seconds(30), AckVia.API)

    after, decision = acknowledge_as(first, "Ben", T0 + seconds(40), AckVia.SMS_REPLY)

    assert after == first  # nothing about the incident changed
    assert (decision.outcome, decision.holder, decision.has_it) == (AckOutcome.HELD_BY_OTHER, "Ana", False)
    assert refusal_words(decision) == "is already acknowledged by Ana"


def test_the_holder_acknowledging_again_answers_the_reminder_and_keeps_the_first_record() -> None:
    first, _ = acknowledge_as(paging(), "Ana", T0 + seconds(30), AckVia.SMS_REPLY)
    reminded, actions = advance(first, first.next_action_at or T0)
    assert reminded.reminded and any(isinstance(a, Reminder) for a in actions)
    later = T0 + seconds(2000)

    renewed, decision = acknowledge_as(reminded, "Ana", later, AckVia.CONSOLE)

    assert decision.outcome is AckOutcome.RENEWED and decision.has_it
    assert not renewed.reminded  # the chain will not resume: she answered
    assert renewed.next_action_at == later + seconds(renewed.plan.chain.remind_after_ack_seconds)
    assert (renewed.acknowledged_at, renewed.acknowledged_via) == (T0 + seconds(30), AckVia.SMS_REPLY)


def test_nothing_acknowledges_a_resolved_incident() -> None:
    resolved, outcome = resolve_as(paging(), T0 + seconds(60))
    assert outcome is ResolveOutcome.RESOLVED

    after, decision = acknowledge_as(resolved, "Ana", T0 + seconds(90), AckVia.WEB_LINK)

    assert after == resolved
    assert (decision.outcome, decision.has_it) == (AckOutcome.RESOLVED, False)
    assert refusal_words(decision) == "is already resolved"


def test_resolving_twice_changes_nothing() -> None:
    resolved, _ = resolve_as(paging(), T0 + seconds(60))

    again, outcome = resolve_as(resolved, T0 + seconds(99))

    assert (again, outcome) == (resolved, ResolveOutcome.ALREADY_RESOLVED)
    assert again.resolved_at == T0 + seconds(60)


def test_passing_on_from_the_first_tier_jumps_the_chain_to_the_next_now() -> None:
    incident = paging()
    now = T0 + seconds(20)

    passed, outcome = pass_on_from(incident, 0, now)

    assert outcome is PassOutcome.PASSED
    assert passed.position >= incident.position and passed.next_action_at == now
    _, actions = advance(passed, now)
    assert {a.tier for a in actions if isinstance(a, Page)} == {1}


def test_passing_on_never_moves_an_acknowledged_chain_nor_past_the_last_tier() -> None:
    incident = paging()
    acknowledged, _ = acknowledge_as(incident, "Ana", T0 + seconds(5), AckVia.API)

    assert pass_on_from(acknowledged, 0, T0 + seconds(9)) == (acknowledged, PassOutcome.NOT_PAGING)
    last = incident.plan.chain.fallback_tier
    assert pass_on_from(incident, last, T0 + seconds(9)) == (incident, PassOutcome.LAST_TIER)
