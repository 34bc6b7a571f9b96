"""Helper for the detector's conversation tests: a conversation's level after each customer turn."""

from __future__ import annotations

from detector import ConversationState, Detector, RiskLevel


def customer_levels(
    detector: Detector, turns: list[tuple[str, str]], channel: str = "chat"
) -> list[RiskLevel]:
    """(speaker, text) turns folded in order; the conversation's level after each customer turn."""
    state, levels = ConversationState(), []
    for speaker, text in turns:
        assessment, state = detector.follow(text, state, channel=channel, speaker=speaker)
        if assessment is not None:
            levels.append(assessment.level)
    return levels
