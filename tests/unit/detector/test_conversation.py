from __future__ import annotations

from detector import Category, ConversationState, Detector, RiskLevel


def run(detector: Detector, turns: list[str]) -> list[tuple[RiskLevel, Category]]:
    state = ConversationState()
    seen = []
    for turn in turns:
        assessment, state = detector.follow(turn, state)
        seen.append((assessment.level, assessment.category))
    return seen


def test_signals_add_up_across_turns(detector: Detector) -> None:
    levels = run(
        detector,
        [
            "could you take my name off the joint savings account",
            "my sister can have the car, she needs it more",
            "I have been stockpiling my sleeping tablets for weeks",
        ],
    )
    assert levels[0][0] <= RiskLevel.LOW
    assert levels[-1] == (RiskLevel.IMMINENT, Category.SUICIDE)


def test_level_never_falls_by_itself(detector: Detector) -> None:
    levels = run(detector, ["I want to kill myself", "ok", "what is my balance?"])
    assert [lvl for lvl, _ in levels] == [RiskLevel.HIGH] * 3


def test_third_party_reports_stay_third_party(detector: Detector) -> None:
    levels = run(
        detector,
        ["my brother has just phoned me from the train tracks", "I don't know what to do, I'm shaking"],
    )
    assert levels[-1] == (RiskLevel.IMMINENT, Category.THIRD_PARTY)


def test_advance_does_not_mutate_the_given_state(detector: Detector) -> None:
    state = ConversationState()
    detector.follow("I have been hoarding my tablets", state)
    assert state == ConversationState()


def test_state_round_trips_through_plain_data(detector: Detector) -> None:
    _, state = detector.follow("I have been hoarding my tablets", ConversationState())
    assert ConversationState.from_dict(state.to_dict()) == state


def test_history_argument_returns_the_conversation_level(detector: Detector) -> None:
    _, state = detector.follow("I've been saving up my pills", ConversationState())
    assert detector.assess("tonight is the night", history=state).level == RiskLevel.IMMINENT
