"""Whole conversations for the other playbooks: abuse, someone else at risk, threats, overdose, low level."""

from __future__ import annotations

import pytest

from escalation.guidance import Mode, PromptKind
from tests.unit.guidance.kit import Conversation, kinds


def test_domestic_abuse_is_discreet_asks_if_safe_and_stays_discreet_after_supersession() -> None:
    chat = Conversation(channel="chat", region="AU")
    chat.customer(0, level="high", category="abuse")
    view = chat.view()
    assert chat.playbook == "domestic-violence" and view.discreet
    assert view.current_step is not None and view.current_step.say == (
        "Before we go on: is it safe for you to chat right now? Just yes or no is fine."
    )
    options = next(step for step in view.steps if step.id == "options")
    assert options.say is not None and "1800RESPECT on 1800 737 732" in options.say

    # Not safe to talk: the agent takes the branch and the plan is to end safely and call back later.
    chat.branch(10, "not-safe")
    assert chat.current_step == "not-safe-plan"

    # Closing gets the playbook's own warning, which allows for leaving for safety.
    chat.agent(20, "ok, goodbye")
    warning = chat.open_prompts(PromptKind.STAY_ON_LINE)[0]
    assert warning.text.startswith("Stay with them unless they need to end the contact for their own safety.")

    # Blaming questions are corrected.
    events = chat.agent(25, "Why don't you just leave?")
    assert events[0].detail["rule"] == "blame-or-pressure"

    # Suicidal intent supersedes, but the screen stays discreet: someone may still be listening.
    chat.customer(40, level="high", category="suicide")
    assert chat.playbook == "suicide-high"
    assert chat.view().discreet


def test_domestic_abuse_in_immediate_danger_goes_straight_to_the_emergency_steps() -> None:
    call = Conversation(channel="voice", region="IE")
    events = call.customer(0, level="imminent", category="abuse", signals=["abuse", "abuse.danger_now"])
    assert kinds(events) == ["playbook_activated", "branch_taken"]
    view = call.view()
    assert view.current_step is not None and view.current_step.id == "emergency-location"
    assert view.resources[0].say == "112 or 999"


def test_third_party_report_ticks_its_own_direct_question_and_branches_on_danger() -> None:
    call = Conversation(channel="voice", region="US")
    call.customer(0, level="high", category="third_party")
    assert call.playbook == "third-party"
    call.agent(10, "Has your friend talked about suicide or said they want to end their life?")
    assert "asked_directly" in call.ticked()

    events = call.customer(30, level="imminent", category="third_party", signals=["attempt_in_progress"])
    assert kinds(events) == ["level_raised", "branch_taken"]
    assert call.current_step == "emergency-location"


def test_threat_to_others_armed_now_branches_to_emergency() -> None:
    chat = Conversation(channel="chat")
    chat.customer(0, level="high", category="harm_to_others")
    assert chat.playbook == "threat-to-others"
    events = chat.customer(
        20, level="imminent", category="harm_to_others", signals=["harm_to_others.armed_now"]
    )
    assert kinds(events)[-1] == "branch_taken"
    assert chat.current_step == "emergency-location"


def test_overdose_playbook_and_the_poison_line_only_where_one_is_listed() -> None:
    us = Conversation(channel="voice", region="US")
    us.customer(0, level="imminent", category="medical")
    assert us.playbook == "overdose-poisoning"
    us.branch(10, "stable-accident")
    advice = us.view().current_step
    assert advice is not None and advice.say is not None
    assert "Poison Help on 1-800-222-1222 can tell you exactly what to do" in advice.say
    assert [card.kind.value for card in us.view().resources] == ["emergency", "crisis_line", "poison_control"]

    ca = Conversation(channel="voice", region="CA")
    ca.customer(0, level="imminent", category="medical")
    ca.branch(10, "stable-accident")
    advice = ca.view().current_step
    # Canada has no national poison line listed: the emergency number stands in.
    assert advice is not None and advice.say is not None and advice.say.count("911") == 2
    assert [card.kind.value for card in ca.view().resources] == ["emergency", "crisis_line"]


def test_self_harm_injury_now_supersedes_passive_suicidal_thoughts() -> None:
    chat = Conversation(channel="chat")
    chat.customer(0, level="moderate")
    assert chat.playbook == "suicide-moderate"
    events = chat.customer(30, level="imminent", category="self_harm", signals=["attempt_in_progress"])
    assert kinds(events) == ["level_raised", "playbook_superseded", "branch_taken"]
    assert chat.playbook == "self-harm"
    assert chat.current_step == "first-aid"


def test_low_level_check_in_card_never_warns_about_closing_but_still_corrects() -> None:
    chat = Conversation(channel="chat")
    chat.customer(0, level="low")
    view = chat.view()
    assert chat.playbook == "check-in-low" and view.mode is Mode.GUIDING
    assert chat.agent(10, "Glad to hear it. Is there anything else I can help with? Have a nice day!") == []
    assert chat.agent(20, "Cheer up!")[0].detail["rule"] == "minimising"
    # Any real risk replaces the card.
    chat.customer(30, level="moderate")
    assert chat.playbook == "suicide-moderate"


def test_an_unknown_region_gets_generic_resources_and_a_prompt() -> None:
    chat = Conversation(channel="chat", region="NZ")
    events = chat.customer(0, level="high")
    assert kinds(events) == ["playbook_activated", "prompt_shown"]
    prompt = chat.open_prompts(PromptKind.RESOURCES)[0]
    assert "No crisis resources are set up for region NZ" in prompt.text
    connect = next(step for step in chat.view().steps if step.id == "connect")
    assert connect.say is not None and "a local crisis line" in connect.say
    assert chat.view().resources[0].say == "your local emergency number"


def test_a_rising_level_does_not_repeat_the_missing_resources_prompt() -> None:
    chat = Conversation(channel="chat", region="NZ")
    chat.customer(0, level="high")
    chat.customer(20, level="imminent")  # a new playbook, the same missing region
    assert len(chat.open_prompts(PromptKind.RESOURCES)) == 1


@pytest.mark.parametrize(
    ("level", "category", "signals", "playbook", "step"),
    [
        ("moderate", "suicide", ["attempt_in_progress", "attempt.overdose"], "overdose-poisoning", None),
        ("low", "medical", ["medical"], "overdose-poisoning", None),
        ("moderate", "self_harm", ["attempt_in_progress", "attempt.bleeding"], "self-harm", "first-aid"),
    ],
)
def test_evidence_of_an_act_or_an_emergency_names_emergency_services_whatever_the_level(
    level: str, category: str, signals: list[str], playbook: str, step: str | None
) -> None:
    chat = Conversation(channel="chat")
    chat.customer(0, level=level, category=category, signals=signals)
    assert chat.playbook == playbook
    if step is not None:
        assert chat.current_step == step
    step_shown = chat.view().current_step
    assert step_shown is not None
    words = " ".join((step_shown.goal, *step_shown.notes)).lower()
    assert "emergency services" in words or "ambulance" in words
