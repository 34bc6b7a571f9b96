"""``next_due`` names the moment ``tick`` next changes anything: the sweep ticks a conversation only then, so
a moment named late is a nudge never raised (a silent customer nobody asks after)."""

from __future__ import annotations

from escalation.guidance import next_due, tick
from tests.unit.guidance.kit import T0, Conversation, at


def _changes(call: Conversation, seconds: float) -> bool:
    update = tick(call.state, at(seconds))
    return bool(update.events) or update.state != call.state


def _follow_the_ticks(call: Conversation, rounds: int) -> list[float]:
    """Tick at each moment ``next_due`` names, checking that a second earlier nothing would change and at the
    moment something does. Returns the moments, in seconds from T0."""
    moments = []
    for _ in range(rounds):
        due = next_due(call.state)
        assert due is not None
        seconds = (due - T0).total_seconds()
        assert not _changes(call, max(seconds - 1, (call.now - T0).total_seconds())), "changed before due"
        assert _changes(call, seconds), "nothing came due at the moment named"
        call.tick(seconds)
        moments.append(seconds)
    return moments


def test_silence_nudges_come_due_when_named_and_again_after_each_nudge() -> None:
    call = Conversation(channel="voice")
    call.customer(0, level="imminent")
    # Voice, imminent: agent silent 20 s, customer silent 30 s, prompts expire at 90 s (test_timers.py).
    assert _follow_the_ticks(call, 4)[:2] == [20, 30]


def test_an_unacknowledged_page_comes_due_and_an_acknowledgement_ends_it() -> None:
    call = Conversation(channel="chat")
    call.customer(0, level="imminent")
    call.agent(5, "I'm here with you.")
    call.page(6, ("on-call", "sms"))
    moments = _follow_the_ticks(call, 6)
    assert moments == sorted(moments)
    call.page(moments[-1] + 1, acknowledged_by="on-call")
    due = next_due(call.state)
    assert due is None or not _changes(call, (due - T0).total_seconds() - 1)


def test_nothing_is_due_without_an_active_playbook() -> None:
    call = Conversation(channel="chat")
    call.customer(0)  # a turn with no risk: no playbook
    assert next_due(call.state) is None
    assert not _changes(call, 3600)
