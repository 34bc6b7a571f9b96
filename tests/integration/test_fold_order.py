"""Turns of one conversation are folded in order even when two scans hold them (issue 13).

Two real scans on PostgreSQL, interleaved by force: scan A claims the first turn and is held inside the
detector (its forked child waits for a file); meanwhile the second turn arrives and scan B claims and
assesses it. B must not fold the second turn before the first: it folds the first itself (taking it over),
then its own; A then finds its turn already folded and records nothing. All text invented."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import pytest
from sqlmodel import col, select

from config.settings import Settings
from detector import Assessment, ConversationState, Detector
from detector.fusion import FusionConfig
from detector.pipeline import Windows
from store.db import session_scope
from store.models import AssessmentRow, ConversationRow, MessageRow
from workers.messages import IncomingMessage, scan_message, store_message
from workers.runtime import NoDispatch, Runtime

HOLD = "zqx-hold-marker"  # invented: the first detector run over a text holding it waits for a file
BREAK = "zqx-fold-marker"  # invented: folding a text holding it raises
T0 = datetime(2025, 3, 4, 15, 0, tzinfo=UTC)


class HeldDetector:
    """The real detector, except that the first run over HOLD (in the scan's forked child) announces
    itself and waits for a release file: the filesystem is what a fork shares with the test."""

    def __init__(self, real: Detector, gate: Path) -> None:
        self.real, self.gate = real, gate
        self.read_with: list[tuple[str, ...]] = []  # per fold: the earlier customer turns it was given

    def assess_many(self, texts: Sequence[str | bytes], *, channel: Any = "chat") -> list[Assessment]:
        if any(HOLD in str(text) for text in texts):
            try:
                os.close(os.open(self.gate / "entered", os.O_CREAT | os.O_EXCL))
            except FileExistsError:
                pass  # a later run: not held
            else:
                while not (self.gate / "release").exists():
                    time.sleep(0.01)
        return self.real.assess_many(texts, channel=channel)

    def fold(
        self, state: ConversationState, message: Assessment, text: str = "", windows: Windows | None = None
    ) -> tuple[Assessment, ConversationState]:
        if BREAK in text:
            raise RuntimeError("fold failed")
        self.read_with.append(state.recent)
        return self.real.fold(state, message, text, windows)

    def read_windows(self, turns: Sequence[tuple[Sequence[str], str]]) -> Windows:
        return self.real.read_windows(turns)

    def hear_agent(self, state: ConversationState, text: str) -> ConversationState:
        return self.real.hear_agent(state, text)

    @property
    def config(self) -> FusionConfig:
        return self.real.config


@pytest.fixture
def runtime(postgres_url: str, detector: Detector, tmp_path: Path) -> Runtime:
    settings = Settings(database_url=postgres_url, scan_deadline_seconds=30, scan_max_attempts=3)
    held = cast(Detector, HeldDetector(detector, tmp_path))
    return Runtime(settings, NoDispatch(), lambda: T0, _detector=held).prepare()


def store(runtime: Runtime, conversation: str, text: str, seconds: int, sender: str = "customer") -> str:
    at = T0 - timedelta(seconds=60 - seconds)
    with session_scope(runtime.url) as session:
        incoming = IncomingMessage(conversation, "chat", sender, text, at)
        return store_message(session, incoming, at).id


def wait_for(path: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert time.monotonic() < deadline, f"{path.name} never appeared"
        time.sleep(0.01)


def folded(runtime: Runtime, conversation: str) -> list[str]:
    """Message ids in the order their assessments were recorded (the fold order)."""
    with session_scope(runtime.url) as session:
        rows = session.exec(
            select(AssessmentRow.message_id)
            .where(AssessmentRow.conversation_id == conversation)
            .order_by(col(AssessmentRow.id))
        ).all()
    return list(rows)


def scan_held(runtime: Runtime, message_id: str, gate: Path) -> threading.Thread:
    """Scan A in a thread of its own, returned once its detector run is held."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            scan_message(runtime, message_id)
        except BaseException as error:  # reported by the test, not lost in the thread
            errors.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    wait_for(gate / "entered")
    thread.errors = errors  # type: ignore[attr-defined]
    return thread


def test_a_later_turn_scanned_first_is_folded_after_the_earlier_one(runtime: Runtime, tmp_path: Path) -> None:
    first = store(runtime, "conv-order", f"I gave my dog to my sister this week {HOLD}", seconds=0)
    scan_a = scan_held(runtime, first, tmp_path)  # A holds the first turn, inside the detector

    question = store(runtime, "conv-order", "Are you thinking about ending your life?", 1, sender="agent")
    second = store(runtime, "conv-order", "yes, I have saved up all my sleeping pills", seconds=2)
    scan_message(runtime, second)  # B claims the agent's question and the second turn, and folds them

    (tmp_path / "release").touch()
    scan_a.join(timeout=120)
    assert not scan_a.is_alive() and scan_a.errors == []  # type: ignore[attr-defined]

    assert folded(runtime, "conv-order") == [first, second], "folded in the conversation's order, once each"
    with session_scope(runtime.url) as session:
        conversation = session.get(ConversationRow, "conv-order")
        assert conversation is not None
        assert ConversationState.from_dict(conversation.detector_state).turns == 2
        messages = session.exec(select(MessageRow).where(MessageRow.conversation_id == "conv-order")).all()
    assert all(m.scanned_at is not None and m.claim_token is None for m in messages)
    assert {m.id for m in messages} == {first, question, second}


def test_an_earlier_turn_that_cannot_be_folded_does_not_hold_the_later_one(
    runtime: Runtime, tmp_path: Path
) -> None:
    broken = store(runtime, "conv-poison", f"my parcel {HOLD} {BREAK} is late", seconds=0)
    scan_a = scan_held(runtime, broken, tmp_path)

    later = store(runtime, "conv-poison", "thanks, that is everything", seconds=1)
    scan_message(runtime, later)  # B tries the earlier turn first, fails to fold it, folds its own

    assert folded(runtime, "conv-poison") == [later]
    (tmp_path / "release").touch()
    scan_a.join(timeout=120)
    assert not scan_a.is_alive() and scan_a.errors == []  # type: ignore[attr-defined]
    with session_scope(runtime.url) as session:
        message = session.get(MessageRow, broken)
        assert message is not None and message.scanned_at is None, "left to its own scan's retries"
        assert message.claim_token is None and message.scan_attempts == 1


def test_each_customer_turn_is_read_with_the_one_before_it_and_no_words_are_saved(
    runtime: Runtime, tmp_path: Path
) -> None:
    """The detector reads a turn joined to the customer's turn before it (config context_turns: 2); the
    worker reads that turn back from the stored messages, so the saved state holds no customer words."""
    first = store(runtime, "conv-window", "the repossession letter came this morning", seconds=0)
    store(runtime, "conv-window", "I'm sorry to hear that. How are you feeling?", 1, sender="agent")
    second = store(runtime, "conv-window", "honestly I can't see a way through", seconds=2)
    third = store(runtime, "conv-window", "can you just tell me the balance", seconds=3)
    for message in (first, second, third):
        scan_message(runtime, message)

    held = cast(HeldDetector, runtime.detector)
    assert held.read_with == [
        (),
        ("the repossession letter came this morning",),
        ("honestly I can't see a way through",),
    ], "each turn with the customer's turn before it, never the agent's"
    with session_scope(runtime.url) as session:
        conversation = session.get(ConversationRow, "conv-window")
        assert conversation is not None
        saved = json.dumps(conversation.detector_state)
    assert "repossession" not in saved and "way through" not in saved
    assert ConversationState.from_dict(conversation.detector_state).turns == 3
