from __future__ import annotations

import json
from dataclasses import replace

import pytest

from detector import Assessment, Category, ConversationState, Detector, RiskLevel, Signal, SignalKind
from detector.conversation import RECENT_CHARS, WindowReading, advance
from detector.fusion import fusion_config


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


def test_state_round_trips_through_plain_data_without_the_customers_words(detector: Detector) -> None:
    _, state = detector.follow("I have been hoarding my tablets", ConversationState())
    assert state.recent == ("I have been hoarding my tablets",)  # kept in memory for the next turn
    assert "hoarding" not in json.dumps(state.to_dict())  # never saved: the worker reads the stored turn
    assert ConversationState.from_dict(state.to_dict()) == replace(state, recent=())


def test_only_the_last_turns_are_kept_for_the_next_and_each_is_capped(detector: Detector) -> None:
    state = ConversationState()
    for turn in ["first thing", "second thing", "x" * 5000]:
        _, state = detector.follow(turn, state)
    keep = detector.config.context_turns - 1
    assert len(state.recent) == keep == len(state.recent_kinds)
    assert all(len(text) <= RECENT_CHARS for text in state.recent)


# The model's reading of the last turns together (advance's ``window``), on hand-made readings: what the
# fold does with it, whatever the model says.
SURE = {RiskLevel.LOW: 0.99, RiskLevel.MODERATE: 0.99, RiskLevel.HIGH: 0.99, RiskLevel.IMMINENT: 0.99}
LIKELY = {RiskLevel.LOW: 0.9, RiskLevel.MODERATE: 0.9, RiskLevel.HIGH: 0.9, RiskLevel.IMMINENT: 0.9}
QUIET = Assessment(RiskLevel.LOW, Category.NONE, 0.1)


def test_turns_read_together_raise_the_conversation_but_imminent_needs_rule_evidence() -> None:
    config = fusion_config()
    third_party = WindowReading(SURE, Category.THIRD_PARTY)  # sure, but someone else's risk: high
    folded, _ = advance(ConversationState(), QUIET, config, answer_text="quiet words", window=third_party)
    assert folded.level == RiskLevel.HIGH and folded.category == Category.THIRD_PARTY
    assert folded.level_alone == RiskLevel.LOW
    assert any("read together" in note for note in folded.notes)

    with_means = replace(ConversationState(), recent_kinds=(("means",),))
    likely = WindowReading(LIKELY, Category.SUICIDE)
    folded, _ = advance(with_means, QUIET, config, answer_text="quiet words", window=likely)
    assert folded.level == RiskLevel.IMMINENT, "a means named in the turn before is the evidence"


def test_turns_read_together_are_imminent_without_evidence_only_when_the_model_is_all_but_certain() -> None:
    """config model_sure_imminent, as for one message: and only for the speaker's own danger."""

    def folded_with(category: Category) -> RiskLevel:
        window = WindowReading(SURE, category)
        folded, _ = advance(
            ConversationState(), QUIET, fusion_config(), answer_text="quiet words", window=window
        )
        return folded.level

    assert folded_with(Category.SUICIDE) == RiskLevel.IMMINENT
    assert folded_with(Category.THIRD_PARTY) == RiskLevel.HIGH


def test_the_window_is_not_read_when_the_model_is_left_out() -> None:
    config = replace(fusion_config(), components=frozenset({"rules", "conversation"}))
    folded, _ = advance(
        ConversationState(), QUIET, config, answer_text="quiet", window=WindowReading(SURE, Category.SUICIDE)
    )
    assert folded.level == RiskLevel.LOW


def test_history_argument_returns_the_conversation_level(detector: Detector) -> None:
    _, state = detector.follow("I've been saving up my pills", ConversationState())
    assert detector.assess("tonight is the night", history=state).level == RiskLevel.IMMINENT


def test_a_place_to_die_after_a_wish_to_die_is_imminent_and_alone_is_nothing(detector: Detector) -> None:
    alone = detector.assess("i've walked down to the weir")
    assert alone.level <= RiskLevel.LOW
    _, state = detector.follow("most mornings i wish i could stop existing", ConversationState())
    after, _ = detector.follow("i've walked down to the weir", state)
    assert after is not None and after.level == RiskLevel.IMMINENT


def test_evidence_the_model_did_not_support_does_not_combine_in_later_turns() -> None:
    """A message whose rule evidence the fusion held at moderate (the model heard no risk) leaves no
    evidence behind: a time named later does not make "a means + a time" of it."""
    config = fusion_config()
    means = Signal(SignalKind.MEANS, 0, 4, "rope", "means.acquired")
    time = Signal(SignalKind.TIMELINE, 0, 8, "saturday", "timeline.when")
    held = Assessment(RiskLevel.MODERATE, Category.SUICIDE, 0.8, signals=(means,), held_by_model=True)
    later = Assessment(RiskLevel.NONE, Category.NONE, 0.0, signals=(time,))

    folded, state = advance(ConversationState(), held, config, answer_text="first")
    assert folded.level == RiskLevel.MODERATE and state.self_kinds == {}
    folded, _ = advance(state, later, config, answer_text="second")
    assert folded.level == RiskLevel.MODERATE

    supported = replace(held, held_by_model=False)
    _, state = advance(ConversationState(), supported, config, answer_text="first")
    folded, _ = advance(state, later, config, answer_text="second")
    assert folded.level == RiskLevel.IMMINENT, "the same evidence, supported, adds up as before"


# A page from the model alone, unsure, as the conversation's first sign of risk (config
# model_page_needs_confirming_below): a flag until the customer's next turn shows risk of its own.
UNSURE_HIGH = Assessment(RiskLevel.HIGH, Category.SUICIDE, 0.78, model_level=RiskLevel.HIGH)
CONFIRMING = Assessment(RiskLevel.MODERATE, Category.SUICIDE, 0.6, model_level=RiskLevel.MODERATE)
ORDINARY = Assessment(RiskLevel.NONE, Category.NONE, 0.02)


def test_an_unsure_page_from_the_model_alone_waits_for_the_next_turn() -> None:
    config = fusion_config()
    held, state = advance(ConversationState(), UNSURE_HIGH, config, answer_text="first")
    assert held.level == RiskLevel.MODERATE and state.unconfirmed_high
    assert any("until the next turn confirms it" in note for note in held.notes)
    state = ConversationState.from_dict(state.to_dict())  # as a worker saves it between turns
    confirmed, state = advance(state, CONFIRMING, config, answer_text="second")
    assert confirmed.level == RiskLevel.HIGH and not state.unconfirmed_high


def test_an_unconfirmed_page_stays_a_flag_even_when_the_turns_read_together_repeat_it() -> None:
    config = fusion_config()
    _, state = advance(ConversationState(), UNSURE_HIGH, config, answer_text="first")
    unsure = {level: 0.8 for level in RiskLevel if level}
    again = WindowReading(unsure, Category.SUICIDE)  # the held turn joined to this one, read again
    folded, state = advance(state, ORDINARY, config, answer_text="second", window=again)
    assert folded.level == RiskLevel.MODERATE and not state.unconfirmed_high


@pytest.mark.parametrize(
    ("message", "state"),
    [
        # the model all but certain
        (replace(UNSURE_HIGH, score=0.95), ConversationState()),
        # rule evidence at high
        (replace(UNSURE_HIGH, rule_level=RiskLevel.HIGH), ConversationState()),
        # risk shown before: the conversation is already flagged
        (UNSURE_HIGH, ConversationState(level=RiskLevel.MODERATE, category=Category.SUICIDE)),
    ],
)
def test_a_page_with_evidence_or_context_or_certainty_is_sent_at_once(
    message: Assessment, state: ConversationState
) -> None:
    folded, after = advance(state, message, fusion_config(), answer_text="text")
    assert folded.level == RiskLevel.HIGH and not after.unconfirmed_high
