"""A story told back over several turns is a topic; someone real in the same conversation is not."""

from __future__ import annotations

from dataclasses import replace

from detector import ConversationState, Detector, RiskLevel
from tests.unit.detector.conversations import customer_levels


def test_a_plot_told_over_several_turns_pages_nobody(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("agent", "Thanks for calling Vistabox, how can I help?"),
            ("customer", "the final episode of the harbour detective won't play past the middle"),
            ("agent", "Which device are you using?"),
            ("customer", "the laptop, it freezes where the sergeant throws himself off the sea wall"),
            ("agent", "I'll clear the cache for you."),
            ("customer", "brilliant, I've been waiting all week to see how it ends"),
        ],
    )
    assert levels == [RiskLevel.NONE] * 3


def test_someone_real_named_in_a_story_conversation_still_pages(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("customer", "the series keeps stopping on the telly"),
            ("agent", "Which episode is it?"),
            ("customer", "never mind that, my nephew has just sent me a message"),
            ("customer", "he says he's on the motorway bridge and going to jump off"),
        ],
    )
    assert levels[-1] >= RiskLevel.HIGH


def test_the_customers_own_risk_in_a_story_conversation_still_pages(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("agent", "which film were you trying to rent"),
            ("customer", "its not about the film really i keep thinking about killing myself"),
        ],
        channel="voice",
    )
    assert levels[-1] >= RiskLevel.HIGH


def test_the_frame_is_saved_with_the_state(detector: Detector) -> None:
    _, state = detector.follow("the box set won't download", ConversationState())
    assert state.story > 0
    assert ConversationState.from_dict(state.to_dict()).story == state.story


def test_a_plot_turn_is_not_read_with_the_next_one_when_the_state_is_saved_between_turns(
    detector: Detector,
) -> None:
    """As a worker folds: the state is saved after each turn and the earlier turn's text read back."""
    turns = [
        ("agent", "Thanks for calling Vistabox, how can I help?"),
        ("customer", "the final episode of the harbour detective won't play past the middle"),
        ("agent", "Which device are you using?"),
        ("customer", "the laptop, it freezes where the sergeant throws himself off the sea wall"),
        ("customer", "my wife is desperate to find out if he makes it"),
    ]
    state, levels, earlier = ConversationState(), [], ""
    for speaker, text in turns:
        state = ConversationState.from_dict(state.to_dict())
        if speaker == "customer" and earlier:
            state = replace(state, recent=(earlier,))
        assessment, state = detector.follow(text, state, speaker=speaker)
        if assessment is not None:
            levels.append(assessment.level)
            earlier = text
    assert levels == [RiskLevel.NONE] * 3
