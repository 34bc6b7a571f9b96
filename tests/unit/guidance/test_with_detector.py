"""The real detector drives guidance: its levels, categories and signal names fit the playbooks' triggers."""

from __future__ import annotations

from detector import Detector
from detector.signals import Assessment, ConversationState
from tests.unit.guidance.kit import Conversation


def _signals(assessment: Assessment) -> list[str]:
    """What a worker passes to ``on_risk``: kinds and rule ids of the signals that count."""
    counting = [signal for signal in assessment.signals if signal.counts]
    return [signal.kind.value for signal in counting] + [signal.rule for signal in counting]


def test_detected_turns_activate_supersede_and_reach_the_overdose_playbook(detector: Detector) -> None:
    call = Conversation(channel="voice", region="GB")
    history = ConversationState()
    turns = [
        (0, "Hi, I need to change my delivery address", None),
        (20, "honestly I wish I could just go to sleep and not wake up", "suicide-moderate"),
        (40, "I am going to kill myself tonight, I have it all planned", "suicide-imminent-voice"),
        (60, "I just swallowed all my pills", "overdose-poisoning"),
    ]
    for seconds, text, expected in turns:
        assessment, history = detector.follow(text, history, channel="voice")
        call.customer(
            seconds,
            level=assessment.level.label,
            category=assessment.category.value,
            signals=_signals(assessment),
        )
        assert call.playbook == expected, text
