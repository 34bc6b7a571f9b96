"""Taking turns in, whichever door they come through (a single post, the batch door, a provider's
webhook): store every turn in one transaction, each at most once under its sender's id, then, after the
commit, hand the new ones to the scanner, crisis-looking ones first and on the priority queue.

One use case, one place: the routes only translate requests into ``IncomingMessage`` and outcomes back."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from store import repository
from store.db import session_scope
from store.repository import new_conversation
from workers import replays
from workers.messages import IncomingMessage, scans_to_queue, store_message
from workers.runtime import Runtime

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Turn:
    """One turn to store, and the key that makes a second copy of it change nothing (None: always new)."""

    incoming: IncomingMessage
    key: str | None = None


@dataclass(frozen=True)
class Stored:
    message_id: str
    duplicate: bool  # the key had been seen: nothing was stored, message_id is the first copy's
    urgent: bool  # a customer's turn with crisis words: scanned on the priority queue


def sender_key(conversation_id: str, source_id: str | None) -> str | None:
    """The idempotency key of a turn posted with the sender's own id for it."""
    return f"message:{conversation_id}:{source_id}" if source_id else None


def store_turn(session: Session, runtime: Runtime, turn: Turn, ensured: set[str] | None = None) -> Stored:
    """Store one turn inside the caller's transaction, unless its key was seen before. ``ensured``: the
    conversations this transaction has already created or found (each is looked at once, not per turn)."""
    now = runtime.clock()
    earlier = replays.replayed_reply(session, turn.key, now, actor="intake")
    if earlier:
        return Stored(earlier, duplicate=True, urgent=False)
    row = store_message(
        session, turn.incoming, now, redact_text=runtime.settings.redact_text, ensured=ensured
    )
    replays.remember(session, turn.key, row.id)
    return Stored(row.id, False, row.urgent)


def accept_turns(runtime: Runtime, turns: Sequence[Turn]) -> list[Stored]:
    """Store ``turns`` in one transaction (all or none: a retry of a failed request stores nothing
    twice), then publish their scans. Returns one outcome per turn, in order."""
    now = runtime.clock()
    firsts: dict[str, dict[str, Any]] = {}
    for turn in turns:  # each conversation as its first turn here describes it
        i = turn.incoming
        if i.conversation_id not in firsts:
            firsts[i.conversation_id] = new_conversation(i.conversation_id, i.channel, i.team, now, i.is_test)
    with session_scope(runtime.url) as session:
        repository.ensure_conversations(session, list(firsts.values()))  # one statement for the batch
        ensured = set(firsts)
        stored = [store_turn(session, runtime, turn, ensured) for turn in turns]
    publish_scans(runtime, stored)
    return stored


def publish_scans(runtime: Runtime, stored: Sequence[Stored]) -> None:
    """After commit: crisis-looking turns first, each a scan of its own on the priority queue; then one
    bulk scan for each SCAN_BATCH others (a scan claims a batch: ``scans_to_queue``). A failed hand-over
    is logged; the sweep scans the rest."""
    fresh = [(s.message_id, s.urgent) for s in stored if not s.duplicate]
    for message_id, urgent in scans_to_queue(fresh):  # arrival order within each group
        runtime.dispatcher.scan(message_id, urgent)
