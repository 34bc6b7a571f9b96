"""Storing what comes in, whatever it is and however it arrives: concurrent first messages of one new
conversation, and text PostgreSQL cannot hold as sent (NUL). Real threads on real databases."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, func, select

from store.db import session_scope
from store.models import ConversationRow, MessageRow
from workers.messages import IncomingMessage, store_message

T0 = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)
SENDERS = 8  # first messages racing for each new conversation
ROUNDS = 6  # new conversations, one race each


def post_at_once(url: str, conversation_id: str, texts: list[str]) -> list[BaseException]:
    """Every text as the first message of ``conversation_id``, from threads released together."""
    barrier = threading.Barrier(len(texts))
    errors: list[BaseException] = []

    def post(text: str) -> None:
        barrier.wait()
        try:
            with session_scope(url) as session:
                store_message(session, IncomingMessage(conversation_id, "chat", "customer", text, T0), T0)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=post, args=(text,)) for text in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_first_messages_racing_for_a_new_conversation_are_all_stored(database_url: str) -> None:
    for round_ in range(ROUNDS):
        conversation_id = f"race-{round_}"
        texts = [f"hello from tab {n}" for n in range(SENDERS)]

        errors = post_at_once(database_url, conversation_id, texts)

        assert errors == []
        with session_scope(database_url) as session:
            stored = session.exec(
                select(MessageRow.text).where(MessageRow.conversation_id == conversation_id)
            ).all()
            conversations = session.exec(
                select(func.count()).where(col(ConversationRow.id) == conversation_id)
            ).one()
        assert sorted(stored) == sorted(texts)
        assert conversations == 1


def test_nul_characters_are_stored_with_the_same_length(database_url: str) -> None:
    text = "I have\x00 taken\x00\x00 all my pills"
    with session_scope(database_url) as session:
        message_id = store_message(session, IncomingMessage("conv-nul", "sms", "customer", text, T0), T0).id
    with session_scope(database_url) as session:
        stored = session.get(MessageRow, message_id)
    assert stored is not None
    assert stored.text == "I have\ufffd taken\ufffd\ufffd all my pills"
    assert len(stored.text) == len(text)  # evidence offsets into the stored text stay true


def test_a_database_error_never_quotes_the_customers_words(postgres_url: str) -> None:
    words = "invented words that must never reach a log"
    orphan = MessageRow(
        id="m-orphan",
        conversation_id="no-such-conversation",  # the foreign key refuses it
        channel="chat",
        sender="customer",
        text=words,
        sent_at=T0,
        received_at=T0,
    )
    with pytest.raises(IntegrityError) as raised, session_scope(postgres_url) as session:
        session.add(orphan)
        session.flush()
    assert words not in str(raised.value)
    assert "hidden due to hide_parameters" in str(raised.value)
