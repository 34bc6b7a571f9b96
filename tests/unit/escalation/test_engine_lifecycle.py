"""Engine lifecycle: raising without restarting, acknowledgement, reminders, resolution, keys, snapshots."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

import pytest

from escalation.chains import Target, TargetKind
from escalation.engine import (
    AckVia,
    Incident,
    SignalSource,
    acknowledge,
    advance,
    next_actions,
    open_or_raise,
    resolve,
)
from escalation.model import (
    Action,
    Alarm,
    Channel,
    IncidentState,
    Level,
    Page,
    Reminder,
    Urgency,
    idempotency_key,
)
from tests.unit.escalation.testkit import (
    T0,
    crisis_chain,
    open_incident,
    run_until,
    seconds,
    signal,
    standard_roster,
    standard_routing,
)


def raise_to(
    incident: Incident, level: Level, at: datetime, source: SignalSource = SignalSource.DETECTOR
) -> Incident:
    raised = open_or_raise(
        incident, signal(level, at, source=source), standard_routing(), standard_roster(), "unused"
    )
    assert raised is not None
    return raised


def paged(actions: list[Action]) -> list[tuple[str, Channel, int, int]]:
    return [(a.responder, a.channel, a.tier, a.attempt) for a in actions if isinstance(a, Page)]


class TestRaising:
    def test_moderate_to_high_escalates_at_once_instead_of_after_the_wait(self) -> None:
        incident, _ = advance(open_incident(Level.MODERATE), T0)
        assert incident.next_action_at == T0 + seconds(900)
        incident = raise_to(incident, Level.HIGH, T0 + seconds(60))
        assert (incident.level, incident.plan.chain.name, incident.next_action_at) == (
            Level.HIGH,
            "crisis",
            T0 + seconds(60),
        )
        incident, actions = advance(incident, T0 + seconds(60))
        assert paged(actions) == [("Ana", Channel.VOICE, 0, 0), ("Ana", Channel.SMS, 0, 0)]
        assert {a.urgency for a in actions if isinstance(a, Page)} == {Urgency.HIGH}

    def test_a_raise_joins_the_stronger_chain_at_the_tier_already_reached(self) -> None:
        incident, sent = run_until(open_incident(Level.MODERATE), T0 + seconds(1800))
        assert [a.responder for _, a in sent if isinstance(a, Page)][-1] == "Sup"  # supervisors were reached
        incident = raise_to(incident, Level.HIGH, T0 + seconds(1900))
        _, actions = advance(incident, T0 + seconds(1900))
        # Not back to the on-call: the crisis chain is joined at its tier 1 (backup), paged now.
        assert paged(actions) == [("Cleo", Channel.VOICE, 1, 0)]

    def test_high_to_imminent_at_the_last_tier_does_not_restart_from_tier_one(self) -> None:
        incident, _ = run_until(open_incident(Level.HIGH), T0 + seconds(900))
        assert incident.highest_tier == 2
        incident = raise_to(incident, Level.IMMINENT, T0 + seconds(1000))
        incident, actions = advance(incident, T0 + seconds(1000))
        assert paged(actions) == [("Sup", Channel.VOICE, 2, 0), ("Sup", Channel.SMS, 2, 0)]
        assert incident.next_action_at == T0 + seconds(1300)

    def test_a_manual_flag_raises_like_an_automatic_signal(self) -> None:
        incident, _ = advance(open_incident(Level.MODERATE), T0)
        incident = raise_to(incident, Level.IMMINENT, T0 + seconds(30), source=SignalSource.AGENT)
        _, actions = advance(incident, T0 + seconds(30))
        assert paged(actions) == [("Ana", Channel.VOICE, 0, 0), ("Cleo", Channel.VOICE, 1, 0)]

    def test_equal_or_lower_levels_and_same_plan_raises_change_nothing_that_pages(self) -> None:
        incident, _ = advance(open_incident(Level.HIGH), T0)
        assert raise_to(incident, Level.HIGH, T0 + seconds(10)) is incident
        assert raise_to(incident, Level.MODERATE, T0 + seconds(10)) is incident
        only_one_plan = replace(standard_routing(), rules=standard_routing().rules[1:2])  # "high" rule only
        raised = open_or_raise(
            incident, signal(Level.IMMINENT, T0 + seconds(10)), only_one_plan, standard_roster(), "x"
        )
        assert raised is not None
        assert raised.level is Level.IMMINENT
        assert (raised.plan, raised.position, raised.next_action_at) == (
            incident.plan,
            incident.position,
            incident.next_action_at,
        )

    def test_one_open_incident_per_conversation(self) -> None:
        incident = open_incident(Level.HIGH)
        with pytest.raises(ValueError, match="conv-2"):
            open_or_raise(
                incident,
                signal(Level.HIGH, conversation="conv-2"),
                standard_routing(),
                standard_roster(),
                "x",
            )
        closed = resolve(incident, T0 + seconds(60))
        reopened = open_or_raise(
            closed, signal(Level.HIGH, T0 + seconds(120)), standard_routing(), standard_roster(), "inc-2"
        )
        assert reopened is not None
        assert (reopened.id, reopened.state, reopened.steps_taken) == ("inc-2", IncidentState.TRIGGERED, 0)


class TestAcknowledgement:
    def acknowledged(self) -> Incident:
        incident, _ = run_until(open_incident(Level.HIGH), T0 + seconds(180))  # two steps taken
        return acknowledge(incident, "Ana", T0 + seconds(200), AckVia.SMS_REPLY)

    def test_ack_stops_the_chain_then_reminds_then_resumes_where_it_stopped(self) -> None:
        incident = self.acknowledged()
        incident, sent = run_until(incident, T0 + seconds(1999))
        assert sent == []
        incident, sent = run_until(incident, T0 + seconds(2000))
        reminders = [a for _, a in sent]
        assert reminders == [
            Reminder(
                "inc-1",
                "Ana",
                Channel.SMS,
                T0 + seconds(200),
                idempotency_key("inc-1", "reminder-0", 0, "Ana", "sms"),
            )
        ]
        incident, sent = run_until(incident, T0 + seconds(2599))
        assert sent == []
        incident, sent = run_until(incident, T0 + seconds(2600 + 180))
        assert [(at - T0, action) for at, action in [(at, paged([a])) for at, a in sent]] == [
            (seconds(2600), [("Ana", Channel.VOICE, 0, 2)]),
            (seconds(2600), [("Ana", Channel.SMS, 0, 2)]),
            (seconds(2780), [("Cleo", Channel.VOICE, 1, 0)]),
        ]
        assert incident.state is IncidentState.PAGING

    def test_acknowledging_again_after_a_reminder_postpones_the_resume(self) -> None:
        incident, _ = run_until(self.acknowledged(), T0 + seconds(2000))
        incident = acknowledge(incident, "Ana", T0 + seconds(2300), AckVia.WEB_LINK)
        incident, sent = run_until(incident, T0 + seconds(4099))
        assert sent == []
        _, sent = run_until(incident, T0 + seconds(4100))
        assert [type(a) for _, a in sent] == [Reminder]
        assert sent[0][1].idempotency_key.split("/")[1] == "reminder-1"  # type: ignore[union-attr]

    def test_a_stronger_signal_while_acknowledged_pages_again_at_once(self) -> None:
        incident = raise_to(self.acknowledged(), Level.IMMINENT, T0 + seconds(300))
        assert incident.state is IncidentState.PAGING
        _, actions = advance(incident, T0 + seconds(300))
        assert paged(actions) == [("Ana", Channel.VOICE, 0, 0), ("Cleo", Channel.VOICE, 1, 0)]

    def test_resolving_stops_everything_for_good(self) -> None:
        for incident in (self.acknowledged(), open_incident(Level.HIGH)):
            closed = resolve(incident, T0 + seconds(250))
            assert closed.next_action_at is None
            for later in (T0 + seconds(250), T0 + seconds(10**6)):
                assert next_actions(closed, later) == []
            assert acknowledge(closed, "Ana", T0 + seconds(300), AckVia.API) is closed

    def test_an_acknowledger_outside_the_roster_is_reminded_on_the_console(self) -> None:
        incident, _ = run_until(open_incident(Level.HIGH), T0)
        incident = acknowledge(incident, "night-manager", T0 + seconds(10), AckVia.CONSOLE)
        _, actions = advance(incident, T0 + seconds(1810))
        assert [(a.responder, a.channel) for a in actions if isinstance(a, Reminder)] == [
            ("night-manager", Channel.CONSOLE)
        ]


class TestKeysAndSnapshots:
    def test_idempotency_keys_are_unique_over_a_long_eventful_incident(self) -> None:
        roster = standard_roster()
        # Six hours in, the supervisor's number fails for good: alarms join the pages from then on.
        dead_sup = replace(
            roster.responders["Sup"], unreachable=frozenset({Channel.VOICE, Channel.SMS, Channel.CONSOLE})
        )
        broken = replace(roster, responders={**roster.responders, "Sup": dead_sup})
        incident = open_incident(Level.MODERATE, roster=roster)
        sent: list[Action] = []
        events: list[tuple[datetime, Callable[[Incident], Incident]]] = [
            (T0 + seconds(1000), lambda i: raise_to(i, Level.HIGH, T0 + seconds(1000))),
            (T0 + seconds(1500), lambda i: acknowledge(i, "Ana", T0 + seconds(1500), AckVia.KEYPRESS)),
            (T0 + seconds(3 * 3600), lambda i: raise_to(i, Level.IMMINENT, T0 + seconds(3 * 3600))),
            (T0 + seconds(6 * 3600), lambda i: replace(i, roster=broken)),
            (T0 + seconds(12 * 3600), lambda i: i),
        ]
        for until, event in events:
            incident, batch = run_until(incident, until)
            sent.extend(action for _, action in batch)
            incident = event(incident)
        keys = [a.idempotency_key for a in sent if isinstance(a, Page | Alarm | Reminder)]
        assert len(keys) > 200
        assert len(keys) == len(set(keys))
        assert {type(a) for a in sent} >= {Page, Alarm, Reminder}
        for action in sent:
            if isinstance(action, Page):
                expected = idempotency_key(
                    "inc-1", action.step, action.attempt, action.responder, action.channel
                )
                assert action.idempotency_key == expected

    def test_a_redelivered_sweep_produces_the_same_keys(self) -> None:
        incident, _ = run_until(open_incident(Level.HIGH), T0 + seconds(180))
        first = next_actions(incident, T0 + seconds(360))
        again = next_actions(incident, T0 + seconds(360))
        assert first == again and any(isinstance(a, Page) for a in first)

    def test_keys_cannot_be_forged_by_names_with_separators(self) -> None:
        assert idempotency_key("i", 1, 0, "a/b", "sms") != idempotency_key("i", 1, "0/a", "b", "sms")

    def test_the_chain_is_snapshotted_when_the_incident_opens(self) -> None:
        incident = open_incident(Level.HIGH)
        edited = crisis_chain()
        edited = replace(
            edited,
            tiers=(
                replace(edited.tiers[0], targets=(Target(TargetKind.RESPONDER, "Ben"),)),
                *edited.tiers[1:],
            ),
        )
        later_routing = standard_routing(crisis=edited)
        same = open_or_raise(
            incident, signal(Level.HIGH, T0 + seconds(5)), later_routing, standard_roster(), "x"
        )
        assert same is incident
        assert {a.responder for a in next_actions(incident, T0) if isinstance(a, Page)} == {"Ana"}
        assert later_routing.chains["crisis"].tiers[0].targets != incident.plan.chain.tiers[0].targets
