"""A folded chunk's guidance in one transaction: a failing step is rolled back alone (its savepoint) and
audited, the other steps and their audit rows are kept, and the audit chain has no gap."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Session, col, select

from store import repository
from store.audit_chain import verify
from store.db import session_scope
from store.models import AuditEventRow, ConversationRow
from workers.guidance_batch import run_guidance_many

T0 = datetime(2025, 3, 4, 15, 0, tzinfo=UTC)


def _writes(label: str):  # type: ignore[no-untyped-def]
    def step(session: Session, conversation: ConversationRow) -> None:
        conversation.guidance_state = {"seen": label}
        repository.audit(
            session, "guidance", "guidance_test", at=T0, conversation_id=conversation.id, n=label
        )

    return step


def _fails(session: Session, conversation: ConversationRow) -> None:
    conversation.guidance_state = {"seen": "never"}
    repository.audit(session, "guidance", "guidance_test", at=T0, conversation_id=conversation.id, n="lost")
    session.flush()  # its audit row is written inside the savepoint, then rolled back with it
    raise ValueError("a broken playbook")


def test_a_failing_step_is_rolled_back_alone_and_the_chain_stays_whole(database_url: str) -> None:
    with session_scope(database_url) as session:
        for name in ("c-a", "c-b", "c-c"):
            repository.ensure_conversation(session, name, "chat", "default", T0)
        repository.audit(session, "test", "before", at=T0)

    run_guidance_many(database_url, [("c-b", _writes("b1")), ("c-a", _fails), ("c-c", _writes("c1"))], T0)
    run_guidance_many(database_url, [("c-a", _writes("a2")), ("c-b", _writes("b2"))], T0)

    with session_scope(database_url) as session:
        states = {c.id: c.guidance_state for c in session.exec(select(ConversationRow)).all()}
        rows = session.exec(select(AuditEventRow).order_by(col(AuditEventRow.seq))).all()
        result = verify(session)
    assert states == {"c-a": {"seen": "a2"}, "c-b": {"seen": "b2"}, "c-c": {"seen": "c1"}}
    written = [(r.action, r.conversation_id, r.detail.get("n") or r.detail.get("error")) for r in rows]
    assert written == [
        ("before", None, None),
        ("guidance_test", "c-b", "b1"),
        ("guidance_failed", "c-a", "ValueError"),
        ("guidance_test", "c-c", "c1"),
        ("guidance_test", "c-a", "a2"),
        ("guidance_test", "c-b", "b2"),
    ]
    assert result.intact and result.rows == 6


def _fails_in_memory(session: Session, conversation: ConversationRow) -> None:
    conversation.guidance_state = {"seen": "never"}
    repository.audit(session, "guidance", "guidance_test", at=T0, conversation_id=conversation.id, n="lost")
    raise ValueError("a broken playbook")  # nothing flushed: undone in memory, the batch goes on


def test_a_step_failing_before_any_write_is_undone_in_memory(database_url: str) -> None:
    with session_scope(database_url) as session:
        for name in ("c-a", "c-b"):
            repository.ensure_conversation(session, name, "chat", "default", T0)
        session.get(ConversationRow, "c-a").guidance_state = {"seen": "a0"}  # type: ignore[union-attr]

    run_guidance_many(database_url, [("c-a", _fails_in_memory), ("c-b", _writes("b1"))], T0)

    with session_scope(database_url) as session:
        states = {c.id: c.guidance_state for c in session.exec(select(ConversationRow)).all()}
        rows = session.exec(select(AuditEventRow).order_by(col(AuditEventRow.seq))).all()
        result = verify(session)
    assert states == {"c-a": {"seen": "a0"}, "c-b": {"seen": "b1"}}
    written = [(r.action, r.conversation_id, r.detail.get("n") or r.detail.get("error")) for r in rows]
    assert written == [("guidance_failed", "c-a", "ValueError"), ("guidance_test", "c-b", "b1")]
    assert result.intact and result.rows == 2
