"""Provider threads without a conversation id of their own (an SMS exchange between a customer's number
and the centre's): one conversation until the thread has been idle for the configured window."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlmodel import Session, select

from store.db import insert_if_absent, is_postgres
from store.models import ChannelThreadRow


def thread_key(connector: str, *parties: str) -> str:
    """A digest, so the thread table does not keep the numbers themselves."""
    return hashlib.sha256("\n".join((connector, *parties)).encode()).hexdigest()


def conversation_for(session: Session, key: str, fresh_id: str, now: datetime, idle: timedelta) -> str:
    """The thread's conversation, or ``fresh_id`` when the thread is new or was idle for longer than
    ``idle``. Two first messages at once agree on one conversation (the row is locked on PostgreSQL)."""
    values = {"key": key, "conversation_id": fresh_id, "started_at": now, "last_at": now}
    if insert_if_absent(session, ChannelThreadRow, values):
        return fresh_id
    query = select(ChannelThreadRow).where(ChannelThreadRow.key == key)
    if is_postgres(session):
        query = query.with_for_update()
    thread = session.exec(query).one()
    if now - thread.last_at > idle:
        thread.conversation_id, thread.started_at = fresh_id, now
    thread.last_at = max(thread.last_at, now)
    session.add(thread)
    return thread.conversation_id
