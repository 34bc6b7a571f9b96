"""A conversation's order, and the customer's turns before one turn that the detector reads with it.

The earlier turns are read from the stored messages rather than kept in the saved state, so no customer
words are copied into the conversation row; a purged or quarantined turn is left out.

A fold of one turn reads them with one query. A chunk of conversations folded in one transaction
(``workers/folding_batch.py``) reads them for all its conversations at once (``recent_for``): a query per
turn was half of a bulk scan's time, most of it the flush of the previous turn's rows that each query set
off (docs/scale.md). Both pick from the same rows the same way (``pick_before``), so a turn gets the same
context either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select

from store.models import MessageRow

CONTEXT_CHARS = 1000  # of a turn, read again in this process for the conversation (folding.record_turn)
# Recent customer turns fetched to find the few before this one when turns arrive out of order.
EARLIER_LIMIT_FOR_CONTEXT = 8


def turn_order(message: MessageRow) -> tuple[bool, int, datetime, str]:
    """A conversation's order: the provider's sequence where turns carry one, else arrival."""
    return (message.sequence is None, message.sequence or 0, message.received_at, message.id)


def _folded_customer_turns(conversation_ids: Sequence[str]) -> ColumnElement[bool]:
    return (
        col(MessageRow.conversation_id).in_(conversation_ids)
        & (col(MessageRow.sender) == "customer")
        & col(MessageRow.scanned_at).is_not(None)
        & col(MessageRow.quarantined_at).is_(None)
        & col(MessageRow.purged_at).is_(None)
    )


NEWEST_FIRST = (col(MessageRow.received_at).desc(), col(MessageRow.id).desc())


def earlier_customer_turns(session: Session, message: MessageRow, count: int) -> tuple[str, ...]:
    """The customer's last ``count`` turns folded before ``message``, oldest first."""
    if count < 1:
        return ()
    query = (
        select(MessageRow)
        .where(_folded_customer_turns([message.conversation_id]))
        .where(col(MessageRow.id) != message.id)
        .order_by(*NEWEST_FIRST)
        .limit(count + EARLIER_LIMIT_FOR_CONTEXT)
    )
    return pick_before(session.exec(query).all(), message, count)


def recent_for(session: Session, conversation_ids: Sequence[str], count: int) -> dict[str, list[MessageRow]]:
    """For each conversation, its newest folded customer turns, newest first: enough for
    ``pick_before`` to find any of its turns' ``count`` earlier ones (one more than a single turn's query
    reads, as that query leaves the turn itself out). One statement for all the conversations; read
    after the chunk's turns are marked scanned, as each turn's own query would be."""
    found: dict[str, list[MessageRow]] = {c: [] for c in conversation_ids}
    if count < 1 or not conversation_ids:
        return found
    rank = func.row_number().over(partition_by=col(MessageRow.conversation_id), order_by=NEWEST_FIRST)
    ranked = select(col(MessageRow.id), rank.label("rank")).where(_folded_customer_turns(conversation_ids))
    newest = ranked.subquery()
    query = (
        select(MessageRow)
        .join(newest, newest.c.id == col(MessageRow.id))
        .where(newest.c.rank <= count + EARLIER_LIMIT_FOR_CONTEXT + 1)
        .order_by(*NEWEST_FIRST)
    )
    for row in session.exec(query).all():
        found[row.conversation_id].append(row)
    return found


def pick_before(newest_first: Sequence[MessageRow], message: MessageRow, count: int) -> tuple[str, ...]:
    """Of the conversation's folded customer turns (newest first), the ``count`` that come before
    ``message``, oldest first: looked for among the newest few other than ``message`` (a turn that arrived
    out of order sorts among them by its sequence)."""
    if count < 1:
        return ()
    window = [m for m in newest_first if m.id != message.id][: count + EARLIER_LIMIT_FOR_CONTEXT]
    mine = turn_order(message)
    before = sorted((m for m in window if turn_order(m) < mine), key=turn_order)
    return tuple(m.text[:CONTEXT_CHARS] for m in before[-count:])
