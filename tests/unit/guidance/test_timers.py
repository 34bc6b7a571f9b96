"""Silence and acknowledgement nudges fire on time; each prompt ends dismissed, resolved or ignored."""

from __future__ import annotations

from escalation.guidance import Mode, PromptKind
from escalation.guidance.state import Severity
from tests.unit.guidance.kit import Conversation, kinds


def _imminent_call() -> Conversation:
    """Voice, imminent: agent silent 20 s, customer silent 30 s, ack overdue 120 s, prompts expire at 90 s."""
    call = Conversation(channel="voice")
    call.customer(0, level="imminent")
    return call


def test_agent_silence_nudges_at_the_playbook_time_and_resolves_when_they_speak() -> None:
    call = _imminent_call()
    assert call.tick(19) == []
    events = call.tick(20)
    assert kinds(events) == ["prompt_shown"]
    nudge = call.open_prompts(PromptKind.AGENT_SILENT)[0]
    assert nudge.say == "I'm still here with you."
    assert nudge.severity is Severity.WARNING

    events = call.agent(25, "I'm here. Take your time.")
    assert kinds(events) == ["prompt_resolved"]
    assert events[0].prompt_id == nudge.id
    assert call.open_prompts(PromptKind.AGENT_SILENT) == []

    # Re-armed from the agent's last turn, not from the start.
    assert kinds(call.tick(44)) == ["prompt_shown"]  # the customer has been quiet for 44 s
    assert call.open_prompts(PromptKind.AGENT_SILENT) == []
    assert kinds(call.tick(45)) == ["prompt_shown"]
    assert len(call.open_prompts(PromptKind.AGENT_SILENT)) == 1


def test_customer_silence_uses_the_playbooks_own_words() -> None:
    call = _imminent_call()
    call.agent(10, "I'm right here with you.")
    call.agent(25, "Can you tell me a bit more?")
    assert call.tick(29) == []
    assert kinds(call.tick(30)) == ["prompt_shown"]
    prompt = call.open_prompts(PromptKind.CUSTOMER_SILENT)[0]
    assert prompt.text.startswith("They have gone silent. Silence can mean they are losing consciousness")
    assert prompt.say == "Are you still with me? Can you say something, even just yes?"

    assert kinds(call.customer(33)) == ["prompt_resolved"]


def test_chat_timers_differ_from_voice() -> None:
    chat = Conversation(channel="chat")
    chat.customer(0, level="imminent")
    chat.agent(1, "I'm here with you.")
    assert chat.tick(45) == []  # chat: agent silent after 45 s of no message, counted from 1 s
    assert kinds(chat.tick(46)) == ["prompt_shown"]
    assert chat.open_prompts(PromptKind.AGENT_SILENT)[0].say is not None


def test_a_nudge_nobody_acts_on_is_recorded_as_ignored_and_raised_again() -> None:
    call = _imminent_call()
    call.customer(1)
    call.tick(20)
    first = call.open_prompts(PromptKind.AGENT_SILENT)[0]
    call.customer(50)  # the customer keeps talking, the agent does not
    events = call.tick(110)  # 90 s after it was shown
    assert kinds(events)[:1] == ["prompt_ignored"]
    assert events[0].prompt_id == first.id
    assert "prompt_shown" in kinds(events)
    assert call.open_prompts(PromptKind.AGENT_SILENT)[0].id != first.id


def test_acknowledgement_overdue_fires_after_the_playbook_time_and_an_ack_resolves_it() -> None:
    call = _imminent_call()
    call.agent(5, "Are you thinking about killing yourself right now?")
    call.page(10, ("Ana", "voice"))
    for second in (20, 40, 60, 80, 100, 129):
        call.customer(second - 1)
        call.agent(second, "I'm still here.")
        call.tick(second)
    assert call.open_prompts(PromptKind.ACK_OVERDUE) == []
    call.tick(130)
    overdue = call.open_prompts(PromptKind.ACK_OVERDUE)
    assert len(overdue) == 1 and overdue[0].severity is Severity.URGENT

    events = call.page(140, acknowledged_by="Ana")
    assert kinds(events) == ["acknowledged", "prompt_resolved"]
    assert call.open_prompts(PromptKind.ACK_OVERDUE) == []
    assert call.view().mode is Mode.HAND_OFF


def test_no_silence_nudges_once_the_responder_has_taken_over() -> None:
    call = _imminent_call()
    call.page(5, ("Ana", "voice"), acknowledged_by="Ana")
    call.check(6, "responder_connected")
    assert call.tick(300) == []


def test_dismissed_prompts_are_recorded_and_stay_gone() -> None:
    call = _imminent_call()
    call.agent(5, "Just calm down.")
    prompt = call.open_prompts(PromptKind.CORRECTION)[0]
    events = call.dismiss(6, prompt.id)
    assert kinds(events) == ["prompt_dismissed"]
    assert events[0].detail == {"prompt_kind": "correction"}
    assert call.state.prompts == ()
    assert call.dismiss(7, prompt.id) == []  # already gone: nothing to record


def test_closing_the_guidance_ignores_open_prompts_and_a_new_risk_starts_afresh() -> None:
    from escalation.guidance import close

    call = _imminent_call()
    call.agent(5, "Please hold.")
    update = close(call.state, call.now, "resolved")
    assert kinds(update.events) == ["prompt_ignored", "guidance_closed"]
    call.state = update.state
    assert call.view().mode is Mode.CLOSED
    assert call.tick(500) == []

    assert kinds(call.customer(600, level="high")) == ["playbook_activated"]
    assert call.playbook == "suicide-high"
    assert call.state.ticks == ()
