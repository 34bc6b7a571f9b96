"""Turns read with their earlier ones in one batch (``Detector.read_windows``) fold as one by one."""

from __future__ import annotations

from dataclasses import replace

import pytest

from detector import ConversationState, Detector, RiskLevel

# Invented turns: one conversation that builds up, one that stays a service call.
CONVERSATIONS = [
    [
        "my direct debit bounced again and they've stopped my payments",
        "so that's it really, I've kept all my tablets in the drawer",
        "nobody will notice when I'm gone",
        "took a handful about ten minutes ago",
    ],
    [
        "hiya, the router keeps dropping out every evening",
        "yes I've restarted it twice already",
        "ok I'll try the other cable tonight, thanks",
    ],
]


def _fold_all(detector: Detector, batched: bool) -> list[tuple[RiskLevel, dict[RiskLevel, float] | None]]:
    """Every turn folded as a worker folds a chunk: each turn's earlier turns read from storage."""
    results = []
    for turns in CONVERSATIONS:
        assessments = detector.assess_many(turns)
        windows = detector.read_windows([(turns[:i], t) for i, t in enumerate(turns)]) if batched else None
        state = ConversationState()
        for index, (text, message) in enumerate(zip(turns, assessments, strict=True)):
            state = replace(state, recent=tuple(turns[:index]))
            window = detector._read_window(state, text, windows)
            folded, state = detector.fold(state, message, text, windows)
            results.append((folded.level, window.cumulative if window else None))
    return results


def test_batched_readings_are_the_readings_one_at_a_time(detector: Detector) -> None:
    one_by_one = _fold_all(detector, batched=False)
    assert _fold_all(detector, batched=True) == one_by_one
    # The build-up is read, and the service call is not: the comparison is between real readings.
    assert one_by_one[3][0] == RiskLevel.IMMINENT
    assert all(level <= RiskLevel.LOW for level, _ in one_by_one[4:])
    assert sum(window is not None for _, window in one_by_one) == 5  # every turn after the first


def test_a_turn_not_in_the_batch_is_read_on_its_own(detector: Detector) -> None:
    state = ConversationState(recent=("I've kept all my tablets in the drawer",))
    text = "tonight's the night I take them"
    others = detector.read_windows([(("the router keeps dropping out",), "thanks")])
    assert detector._read_window(state, text, others) == detector._read_window(state, text)
    assert detector.read_windows([((), "a first turn has nothing to join")]) == {}


def test_folding_a_read_batch_asks_the_model_nothing_more(
    detector: Detector, monkeypatch: pytest.MonkeyPatch
) -> None:
    turns = CONVERSATIONS[0]
    windows = detector.read_windows([(turns[:i], t) for i, t in enumerate(turns)])
    assert len(windows) == len(turns) - 1

    def read_again(joined: list[str]) -> None:
        raise AssertionError(f"read one at a time: {joined}")

    monkeypatch.setattr(detector, "_window_readings", read_again)
    state = ConversationState()
    for index, (text, message) in enumerate(zip(turns, detector.assess_many(turns), strict=True)):
        _, state = detector.fold(replace(state, recent=tuple(turns[:index])), message, text, windows)
    assert state.level == RiskLevel.IMMINENT
