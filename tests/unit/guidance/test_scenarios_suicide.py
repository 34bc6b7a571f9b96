"""Whole conversations about suicide risk, turn by turn, with the clock under the test's control."""

from __future__ import annotations

import pytest

from escalation.guidance import Mode, PromptKind
from tests.unit.guidance.kit import Conversation, kinds


def _call_rising_to_imminent() -> Conversation:
    """An ordinary query, then passive thoughts, then imminent risk; asserts each turn on the way."""
    call = Conversation(channel="voice", region="US")

    # An ordinary query: nothing activates, and agent turns are not scanned.
    assert call.customer(0, level="none", category="none") == []
    assert call.agent(5, "Sure, calm down, I can help with that delivery. Have a nice day!") == []
    assert call.view().mode is Mode.IDLE

    # Passive ideation on the third turn activates the moderate playbook.
    assert kinds(call.customer(20, level="moderate")) == ["playbook_activated"]
    assert call.playbook == "suicide-moderate"
    assert call.current_step == "notice"

    # The agent asks directly; the transcript has no punctuation and the checkpoint ticks itself.
    spoken = (
        "sometimes when people feel like that they think about ending it are you having thoughts of suicide"
    )
    events = call.agent(30, spoken)
    assert kinds(events) == ["checkpoint_ticked"]
    assert events[0].detail["source"] == "agent_phrase"

    # Intent and a timeline: the imminent call playbook supersedes, keeping the question already asked.
    assert kinds(call.customer(45, level="imminent")) == ["level_raised", "playbook_superseded"]
    assert call.playbook == "suicide-imminent-voice"
    current = call.view().current_step
    assert current is not None and current.id == "means-away"

    return call


def test_playbook_activates_on_the_right_turn_and_a_stronger_one_supersedes() -> None:
    call = _call_rising_to_imminent()
    assert [event.kind.value for event in call.log] == [
        "playbook_activated",
        "checkpoint_ticked",
        "level_raised",
        "playbook_superseded",
    ]


def test_voice_call_through_corrections_and_paging_to_a_warm_hand_off() -> None:
    call = _call_rising_to_imminent()

    # Confirming the address ticks "location known".
    call.agent(60, "Okay so you're at 14 Elm Street flat 2 is that right")
    assert call.ticked() == {"asked_directly", "location_known"}

    # Must-not-say raises an immediate correction with something better to say.
    events = call.agent(70, "Please calm down. You don't mean that.")
    assert kinds(events) == ["must_not_say", "prompt_shown", "must_not_say", "prompt_shown"]
    corrections = call.open_prompts(PromptKind.CORRECTION)
    assert [prompt.detail for prompt in corrections] == ["calm down", "you do not mean that"]
    assert corrections[0].say == "I can hear how much you're going through. I'm here, and I'm listening."

    # Parking the call before the hand-off raises "stay on the line", and the attempt is recorded.
    events = call.agent(80, "I'm going to transfer you to another team, please hold")
    assert kinds(events) == ["closing_attempted", "prompt_shown"]
    assert len(call.open_prompts(PromptKind.STAY_ON_LINE)) == 1

    # Paging shows who was paged and on which channel.
    call.page(85, ("Ana", "voice"), ("Ana", "sms"))
    view = call.view()
    assert view.mode is Mode.PAGING
    assert view.panel is not None and view.panel.headline == "Help is being paged. Stay on the line."
    assert [(page.responder, page.channel) for page in view.paging.paged] == [
        ("Ana", "voice"),
        ("Ana", "sms"),
    ]

    # The acknowledgement switches the view to the hand-off, with the responder's name and ETA.
    assert kinds(call.page(150, acknowledged_by="Ana", eta_seconds=450)) == ["paging_updated", "acknowledged"]
    view = call.view()
    assert view.mode is Mode.HAND_OFF
    assert view.panel is not None and view.panel.headline == "Ana is joining: warm hand-off"
    assert "Stay on until Ana says they have the caller. Expected in about 5 minutes." in view.panel.notes

    # Until Ana confirms, closing still counts as an attempt (the warning is already on screen).
    assert kinds(call.agent(155, "ok thanks for calling")) == ["closing_attempted"]

    # Ana confirms she has the caller: the view shows she has taken over, and closing is fine now.
    events = call.agent(200, "Ana has joined us now and she's going to take it from here")
    assert [event.detail.get("checkpoint") for event in events] == ["responder_connected"]
    view = call.view()
    assert view.mode is Mode.CONNECTED
    assert view.panel is not None and view.panel.headline == "Ana has taken over"
    assert call.agent(210, "Take care. Goodbye.") == []

    # The audit trail holds every prompt shown.
    shown = [event.detail["prompt_kind"] for event in call.log if event.kind.value == "prompt_shown"]
    assert shown == ["correction", "correction", "stay_on_line"]


def test_chat_attempt_in_progress_jumps_to_medical_steps_then_overdose_supersedes() -> None:
    chat = Conversation(channel="chat", region="GB")

    events = chat.customer(0, level="imminent", signals=["attempt_in_progress", "attempt.place"])
    assert kinds(events) == ["playbook_activated", "branch_taken"]
    assert events[1].detail == {"branch": "attempt-made", "by": "detector"}
    view = chat.view()
    assert chat.playbook == "suicide-imminent-chat"
    assert [step.id for step in view.steps] == [
        "medical-check",
        "medical-location",
        "medical-company",
        "stay-connected",
    ]
    assert view.steps[0].say is not None and view.steps[0].say.startswith(
        "I want to make sure your body is okay."
    )

    # A later message shows pills were taken: the overdose playbook is stronger and supersedes.
    events = chat.customer(40, level="imminent", signals=["attempt_in_progress", "attempt.overdose"])
    assert kinds(events) == ["playbook_superseded"]
    assert chat.playbook == "overdose-poisoning"

    # The same signals again change nothing: no flapping between playbooks.
    assert chat.customer(60, level="imminent", signals=["attempt_in_progress"]) == []
    assert chat.playbook == "overdose-poisoning"


def test_a_stronger_playbook_supersedes_and_a_weaker_one_never_does() -> None:
    chat = Conversation(channel="chat", region="CA")
    chat.customer(0, level="high")
    assert chat.playbook == "suicide-high"

    # Same level, another category with a lower priority: the suicide playbook stays.
    assert chat.customer(10, level="high", category="abuse") == []
    assert chat.playbook == "suicide-high"

    # The level drops: guidance does not step down mid-conversation.
    assert chat.customer(20, level="moderate") == []
    assert chat.playbook == "suicide-high"

    assert kinds(chat.customer(30, level="imminent")) == ["level_raised", "playbook_superseded"]
    assert chat.playbook == "suicide-imminent-chat"
    superseded = chat.log[-1]
    assert superseded.detail["superseded"] == "suicide-high"


def test_checkpoints_drive_the_current_step_and_the_agent_can_tick_and_branch() -> None:
    call = Conversation(channel="voice")
    call.customer(0, level="imminent")
    assert call.current_step == "ask-directly"

    call.agent(5, "Are you thinking of killing yourself?")
    call.check(10, "means_removed")
    call.check(12, "means_removed")  # ticking twice records once
    current = call.view().current_step
    assert current is not None and current.id == "location"
    ticks = [event for event in call.log if event.kind.value == "checkpoint_ticked"]
    assert [(t.detail["checkpoint"], t.detail["source"]) for t in ticks] == [
        ("asked_directly", "agent_phrase"),
        ("means_removed", "agent_checked"),
    ]

    # The agent learns an attempt already happened and takes the branch by hand.
    assert kinds(call.branch(20, "attempt-made")) == ["branch_taken"]
    view = call.view()
    assert view.current_step is not None and view.current_step.id == "medical-check"
    assert "attempt-made" not in [branch.id for branch in view.branches]
    with pytest.raises(ValueError, match="no branch"):
        call.branch(21, "no-such-branch")


@pytest.mark.parametrize(
    "question",
    [
        "Are you thinking about suicide?",
        "are you thinking of killing yourself",
        "Are you having thoughts of ending your life?",
        "have you been thinking about suicide",
        "Are u feeling suicidal?",
    ],
)
def test_ways_of_asking_directly_tick_the_checkpoint(question: str) -> None:
    chat = Conversation(channel="chat")
    chat.customer(0, level="high")
    chat.agent(5, question)
    assert "asked_directly" in chat.ticked()


@pytest.mark.parametrize(
    "harmless",
    [
        "Is there anything else on your mind?",
        "I can't promise to keep this secret, because your safety matters.",
        "Have you said goodbye to anyone?",
        "You don't have to calm down for me.",
    ],
)
def test_careful_phrasing_raises_nothing(harmless: str) -> None:
    chat = Conversation(channel="chat")
    chat.customer(0, level="high")
    assert chat.agent(5, harmless) == []


@pytest.mark.parametrize(
    ("said", "rule"),
    [
        ("I won't tell anyone, I promise.", "secrecy"),
        ("That wouldn't kill you anyway.", "method-talk"),
        ("Think about what it would do to your family.", "judging"),
        ("Others have it worse, you know.", "minimising"),
    ],
)
def test_must_not_say_in_many_forms(said: str, rule: str) -> None:
    chat = Conversation(channel="chat")
    chat.customer(0, level="high")
    events = chat.agent(5, said)
    assert events[0].kind.value == "must_not_say" and events[0].detail["rule"] == rule
