"""The customer's earlier turns a fold reads with a turn: read for a whole chunk of conversations at once,
they are the same as read for each turn alone, out-of-order and agent turns included (all text invented)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlmodel import col, select

from store.db import migrate, session_scope
from store.models import MessageRow
from workers.context_turns import earlier_customer_turns, pick_before, recent_for
from workers.messages import IncomingMessage, store_message

T0 = datetime(2025, 3, 4, 15, 0, tzinfo=UTC)


def _store(
    url: str,
    conversation: str,
    text: str,
    seconds: int,
    sender: str = "customer",
    sequence: int | None = None,
) -> str:
    at = T0 + timedelta(seconds=seconds)
    with session_scope(url) as session:
        incoming = IncomingMessage(conversation, "voice", sender, text, at, sequence=sequence)
        return store_message(session, incoming, at).id


def test_a_chunk_reads_the_same_earlier_turns_as_each_turn_alone(postgres_url: str) -> None:
    migrate(postgres_url)
    ids = [_store(postgres_url, "conv-a", f"turn {i} of a", i) for i in range(14)]
    ids.append(_store(postgres_url, "conv-a", "an agent turn", 14, sender="agent"))
    # Transcription segments posted out of order: the sequence, not arrival, is their order.
    ids += [
        _store(postgres_url, "conv-b", f"segment {s}", 20 + i, sequence=s)
        for i, s in enumerate([3, 1, 2, 5, 4])
    ]
    ids.append(_store(postgres_url, "conv-c", "only one turn", 30))
    waiting = _store(postgres_url, "conv-a", "not scanned yet", 40)
    with session_scope(postgres_url) as session:
        session.execute(update(MessageRow).where(col(MessageRow.id).in_(ids)).values(scanned_at=T0))
    with session_scope(postgres_url) as session:
        messages = list(session.exec(select(MessageRow)).all())
        for count in (0, 1, 2, 5):
            chunk = recent_for(session, ["conv-a", "conv-b", "conv-c", "conv-none"], count)
            for message in messages:
                alone = earlier_customer_turns(session, message, count)
                together = pick_before(chunk.get(message.conversation_id, []), message, count)
                assert together == alone, (message.text, count)
        b = next(m for m in messages if m.text == "segment 4")
        assert earlier_customer_turns(session, b, 2) == ("segment 2", "segment 3")
        late = next(m for m in messages if m.id == waiting)
        assert earlier_customer_turns(session, late, 1) == ("turn 13 of a",), "never the agent's turn"
