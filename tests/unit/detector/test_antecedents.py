"""What a turn's words point back to: a reason for leaving given a turn before the goodbyes, the agent's
suggestion that "I'll do it tonight" answers, and a joke or a figure of speech that the next turn must not
be read together with. Each with the crisis that must still page."""

from __future__ import annotations

from dataclasses import replace

import pytest

from detector import ConversationState, Detector, RiskLevel
from tests.unit.detector.conversations import customer_levels


# --- a reason for leaving, given a turn before ------------------------------------------------------------
def test_goodbyes_after_a_reason_for_leaving_given_earlier_page_nobody(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("agent", "Northway Travel, how can I help?"),
            ("customer", "I need to close my savings account, we're emigrating to Chile in March"),
            ("agent", "Of course. Do you have somewhere to transfer the balance?"),
            ("customer", "Yes, the new bank abroad. I've said my goodbyes to everyone at the office already"),
        ],
    )
    assert levels[-1] <= RiskLevel.LOW


def test_a_cover_story_in_the_same_turn_is_no_reason(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("customer", "i want to give my car to my nephew, how do i change the owner"),
            ("agent", "You can do that online. Is everything alright?"),
            ("customer", "been saying goodbye to everyone this week. they all think im emigrating"),
        ],
        channel="voice",
    )
    assert levels[-1] >= RiskLevel.HIGH


def test_a_means_after_a_reason_for_leaving_still_pages(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("customer", "please cancel my phone contract, I'm relocating"),
            ("agent", "Sorry to see you go. Anything else today?"),
            ("customer", "I've said goodbye to everyone and the tablets are lined up for tonight"),
        ],
    )
    assert levels[-1] == RiskLevel.IMMINENT


def test_a_note_the_model_hears_after_a_reason_for_leaving_still_pages(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("customer", "I need to stop my broadband, I'm moving out of the flat next week"),
            ("agent", "No problem, where are you moving to?"),
            ("customer", "nowhere really. I've written my note and said goodbye to my sister"),
        ],
    )
    assert levels[-1] >= RiskLevel.HIGH


def test_the_leaving_frame_is_saved_with_the_state(detector: Detector) -> None:
    _, state = detector.follow("close the account please, I'm moving abroad", ConversationState())
    assert state.leaving > 0
    assert ConversationState.from_dict(state.to_dict()).leaving == state.leaving


# --- "I'll do it tonight" after the agent's suggestion ---------------------------------------------------
def test_doing_what_the_agent_suggested_tonight_pages_nobody(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("customer", "the printer driver keeps crashing after the update"),
            ("agent", "You'll need to remove the old driver, then install version 5 from our site."),
            ("customer", "ok, I'll do it tonight when I'm home"),
        ],
    )
    assert levels[-1] == RiskLevel.NONE


def test_ill_do_it_tonight_after_risk_shown_is_intent(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("customer", "honestly I don't see the point in going on any more"),
            ("agent", "I'm sorry you feel that way. You can talk to me, what's been happening?"),
            ("customer", "I'll do it tonight when everyone's asleep"),
        ],
    )
    assert levels[-1] >= RiskLevel.HIGH


def test_ill_do_it_tonight_after_a_screening_question_is_intent(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("customer", "can you move my payment date"),
            ("agent", "Of course. You sound upset, are you having thoughts of ending your life?"),
            ("customer", "yes. I'll do it tonight"),
        ],
    )
    assert levels[-1] == RiskLevel.IMMINENT


# --- a joke or a figure of speech is not read together with the next turn ---------------------------------
def test_a_figure_of_speech_is_not_read_together_with_the_next_turn(
    detector: Detector, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Joined, the model would read "kill myself to respawn" without the game the rules' modifier heard."""
    _, state = detector.follow(
        "every time I kill myself to respawn at the checkpoint the game crashes", ConversationState()
    )
    assert state.read_alone
    # As a worker folds: the state saved, the earlier turn's text read back.
    state = replace(ConversationState.from_dict(state.to_dict()), recent=("every time I kill myself ...",))
    joined: list[str] = []
    monkeypatch.setattr(detector, "_read_window", lambda state, text: joined.append(text))
    detector.follow("PC. I've died about sixty times on that boss", state)
    assert joined == []


def test_a_negated_joke_is_read_alone_too(detector: Detector) -> None:
    _, state = detector.follow("haha no I'm not going to top myself over a parking fine", ConversationState())
    assert state.read_alone


def test_a_literal_turn_is_still_read_together_with_the_next(detector: Detector) -> None:
    state = ConversationState()
    _, state = detector.follow("my tablets are all counted out on the table", state)
    assert not state.read_alone
