"""Engine: opening, the paging timeline, the never-silent end and alarms for steps that reach nobody."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time
from itertools import pairwise

import pytest

from escalation.engine import SignalSource, advance, next_actions, open_or_raise
from escalation.model import (
    Action,
    Alarm,
    AlarmReason,
    Channel,
    IncidentState,
    Level,
    Page,
    ScheduleNext,
    Urgency,
)
from escalation.schedules import ActiveHours, Override
from escalation.targets import Roster
from tests.unit.escalation.testkit import (
    T0,
    open_incident,
    person,
    run_until,
    seconds,
    signal,
    standard_roster,
    standard_routing,
    utc,
)

NIGHT = utc(2025, 6, 10, 7, 0)  # 03:00 in New York
BUSINESS_HOURS = ActiveHours(time(9), time(17))


def pages(sent: list[tuple[datetime, Action]]) -> list[tuple[float, int, int, str, Channel]]:
    """(seconds since T-zero of the run, tier, attempt, responder, channel) for every page."""
    start = sent[0][0]
    return [
        ((at - start).total_seconds(), action.tier, action.attempt, action.responder, action.channel)
        for at, action in sent
        if isinstance(action, Page)
    ]


def test_a_high_signal_opens_an_incident_due_now_and_pages_the_on_call() -> None:
    incident = open_incident(Level.HIGH)
    assert (incident.state, incident.next_action_at, incident.opened_by) == (
        IncidentState.TRIGGERED,
        T0,
        SignalSource.DETECTOR,
    )
    incident, actions = advance(incident, T0)
    sent = [(a.responder, a.channel, a.tier, a.attempt, a.urgency) for a in actions if isinstance(a, Page)]
    assert sent == [("Ana", Channel.VOICE, 0, 0, Urgency.HIGH), ("Ana", Channel.SMS, 0, 0, Urgency.HIGH)]
    assert actions[-1] == ScheduleNext("inc-1", T0 + seconds(180))
    assert incident.state is IncidentState.PAGING


def test_nothing_is_sent_before_the_timer_and_a_late_sweep_keeps_the_full_wait() -> None:
    incident, _ = advance(open_incident(Level.HIGH), T0)
    assert next_actions(incident, T0 + seconds(179)) == [ScheduleNext("inc-1", T0 + seconds(180))]
    late = T0 + seconds(230)
    incident, actions = advance(incident, late)
    assert any(isinstance(action, Page) for action in actions)
    assert incident.next_action_at == late + seconds(180)


def test_high_walks_the_tiers_then_stands_on_the_last_one() -> None:
    _, sent = run_until(open_incident(Level.HIGH), T0 + seconds(1500))
    assert pages(sent) == [
        (0, 0, 0, "Ana", Channel.VOICE), (0, 0, 0, "Ana", Channel.SMS),
        (180, 0, 1, "Ana", Channel.VOICE), (180, 0, 1, "Ana", Channel.SMS),
        (360, 0, 2, "Ana", Channel.VOICE), (360, 0, 2, "Ana", Channel.SMS),
        (540, 1, 0, "Cleo", Channel.VOICE),  # round robin: one backup per attempt
        (720, 1, 1, "Dev", Channel.VOICE),
        (900, 2, 0, "Sup", Channel.VOICE), (900, 2, 0, "Sup", Channel.SMS),
        (1200, 2, 1, "Sup", Channel.VOICE), (1200, 2, 1, "Sup", Channel.SMS),
        (1500, 2, 2, "Sup", Channel.VOICE), (1500, 2, 2, "Sup", Channel.SMS),
    ]  # fmt: skip
    assert [action.standing_alarm for _, action in sent if isinstance(action, Page)] == [False] * 12 + [
        True
    ] * 2


def test_an_unacknowledged_chain_never_goes_silent() -> None:
    end = T0 + seconds(48 * 3600)
    incident, sent = run_until(open_incident(Level.HIGH), end)
    times = sorted({at for at, _ in sent})
    assert max((later - earlier).total_seconds() for earlier, later in pairwise(times)) <= 300
    assert (end - times[-1]).total_seconds() < 300
    assert incident.state is IncidentState.PAGING
    standing = [action for _, action in sent if isinstance(action, Page) and action.standing_alarm]
    assert {action.responder for action in standing} == {"Sup"}
    assert len(standing) == 2 * ((48 * 3600 - 1500) // 300 + 1)


def test_moderate_sends_low_urgency_sms_to_on_call_only() -> None:
    _, sent = run_until(open_incident(Level.MODERATE), T0 + seconds(1799))
    assert pages(sent) == [(0, 0, 0, "Ana", Channel.SMS), (900, 0, 1, "Ana", Channel.SMS)]
    assert {action.urgency for _, action in sent if isinstance(action, Page)} == {Urgency.LOW}


def test_imminent_calls_the_first_two_tiers_at_once() -> None:
    _, sent = run_until(open_incident(Level.IMMINENT), T0 + seconds(540))
    assert pages(sent) == [
        (0, 0, 0, "Ana", Channel.VOICE), (0, 1, 0, "Cleo", Channel.VOICE),
        (180, 0, 1, "Ana", Channel.VOICE), (180, 1, 1, "Dev", Channel.VOICE),
        (360, 0, 2, "Ana", Channel.VOICE), (360, 1, 2, "Cleo", Channel.VOICE),
        (540, 2, 0, "Sup", Channel.VOICE), (540, 2, 0, "Sup", Channel.SMS),
    ]  # fmt: skip


def test_imminent_falls_back_to_the_tier_channels_for_someone_without_voice() -> None:
    roster = standard_roster(Ana=person("Ana", channels=(Channel.SMS,)))
    actions = next_actions(open_incident(Level.IMMINENT, roster=roster), T0)
    assert {(a.responder, a.channel) for a in actions if isinstance(a, Page)} == {
        ("Ana", Channel.SMS),
        ("Cleo", Channel.VOICE),
    }
    assert not [a for a in actions if isinstance(a, Alarm)]


def test_an_empty_rota_is_an_alarm_to_the_fallback_tier_not_a_skipped_step() -> None:
    roster = standard_roster(primary_hours=BUSINESS_HOURS)
    _, sent = run_until(open_incident(Level.HIGH, at=NIGHT, roster=roster), NIGHT + seconds(540))
    alarms = [(at, a) for at, a in sent if isinstance(a, Alarm)]
    assert [((at - NIGHT).total_seconds(), a.responder, a.channel) for at, a in alarms] == [
        (offset, "Sup", channel) for offset in (0, 180, 360) for channel in (Channel.VOICE, Channel.SMS)
    ]
    assert {(a.reason, a.subject, a.tier) for _, a in alarms} == {
        (AlarmReason.NOBODY_ON_CALL, "schedule:primary", 0)
    }
    # Tier 1 is paged exactly when it would have been with a full rota: the empty steps still waited.
    first_page = next((at, a) for at, a in sent if isinstance(a, Page))
    assert (first_page[0] - NIGHT, first_page[1].responder) == (seconds(540), "Cleo")


@pytest.mark.parametrize(
    "ana",
    [
        person("Ana", channels=(Channel.CONSOLE,)),  # nothing the tier pages on
        replace(person("Ana"), unreachable=frozenset({Channel.SMS, Channel.VOICE})),  # opted out, dead number
        replace(person("Ana"), phone=None),  # listed channels without an address
    ],
)
def test_a_responder_with_no_usable_channel_is_an_alarm(ana: object) -> None:
    roster = standard_roster(Ana=ana)  # type: ignore[arg-type]
    actions = next_actions(open_incident(Level.HIGH, roster=roster), T0)
    assert not [a for a in actions if isinstance(a, Page)]
    alarms = [a for a in actions if isinstance(a, Alarm)]
    assert {(a.reason, a.subject, a.responder) for a in alarms} == {
        (AlarmReason.NO_USABLE_CHANNEL, "Ana", "Sup")
    }


def test_when_the_fallback_tier_is_unreachable_too_the_console_is_alarmed_forever() -> None:
    base = standard_roster(primary_hours=BUSINESS_HOURS)
    roster = Roster({name: r for name, r in base.responders.items() if name != "Sup"}, base.schedules)
    _, sent = run_until(open_incident(Level.HIGH, at=NIGHT, roster=roster), NIGHT + seconds(3 * 3600))
    step_times = sorted({at for at, _ in sent})
    assert len(step_times) == 7 + (3 * 3600 - 1500) // 300 + 1  # every step of the timeline did something
    late = [a for at, a in sent if at >= NIGHT + seconds(900)]
    assert late and all(
        isinstance(a, Alarm) and a.responder is None and a.channel is Channel.CONSOLE for a in late
    )
    assert {a.reason for a in late if isinstance(a, Alarm)} == {AlarmReason.EMPTY_TEAM}


def test_a_manual_flag_opens_exactly_like_an_automatic_signal() -> None:
    routing, roster = standard_routing(), standard_roster()
    flagged = open_or_raise(None, signal(Level.HIGH, source=SignalSource.AGENT), routing, roster, "inc-1")
    detected = open_or_raise(None, signal(Level.HIGH), routing, roster, "inc-1")
    assert flagged is not None and detected is not None
    assert flagged.opened_by is SignalSource.AGENT
    assert next_actions(flagged, T0) == next_actions(detected, T0)


def test_levels_that_route_nowhere_open_nothing() -> None:
    for level in (Level.NONE, Level.LOW):
        assert open_or_raise(None, signal(level), standard_routing(), standard_roster(), "inc-1") is None


def test_the_live_roster_is_used_at_each_step() -> None:
    incident, _ = advance(open_incident(Level.HIGH), T0)
    roster = standard_roster()
    primary = replace(roster.schedules["primary"], overrides=(Override("Ben", T0, T0 + seconds(3600)),))
    incident = replace(incident, roster=Roster(roster.responders, {"primary": primary}))
    actions = next_actions(incident, T0 + seconds(180))
    assert {a.responder for a in actions if isinstance(a, Page)} == {"Ben"}


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="no time zone"):
        next_actions(open_incident(Level.HIGH), T0.replace(tzinfo=None))
