"""Provider webhooks acted on once. A captured, validly signed request (an ``ACK`` SMS, a key press) can be
posted again; its provider id is the idempotency key, so a replay is answered with the first reply and
changes nothing. The first replay of a key is audited; later ones are counted on the receipt.

Both calls work inside the caller's transaction, so a request that fails leaves no receipt and Twilio's
own retry is acted on. Two copies arriving at once: on PostgreSQL the second insert waits for the first
transaction and then finds its receipt; on SQLite the writer lock serialises them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session

from store import repository
from store.db import insert_if_absent
from store.models import WebhookReceiptRow


def sms_key(params: dict[str, str]) -> str | None:
    sid = params.get("MessageSid") or params.get("SmsSid")
    return f"twilio:sms:{sid}" if sid else None


def voice_key(params: dict[str, str], page: str, step: int) -> str | None:
    """A call may post several key presses (a fumbled key is asked again): each round is its own step."""
    sid = params.get("CallSid")
    return f"twilio:voice:{sid}:{step}:{page}"[:300] if sid else None


def replayed_reply(session: Session, key: str | None, now: datetime, actor: str = "twilio") -> str | None:
    """None when this is the first request under ``key`` (act on it, then ``remember`` the reply);
    otherwise the reply the first one got. Requests without a provider id are always acted on."""
    if key is None:
        return None
    values = {"key": key, "reply": "", "replays": 0, "received_at": now}
    if insert_if_absent(session, WebhookReceiptRow, values):
        return None
    table = WebhookReceiptRow.__table__  # type: ignore[attr-defined]
    counted = session.execute(
        update(table)
        .where(table.c.key == key)
        .values(replays=table.c.replays + 1)  # one statement: two replays at once count as two
        .returning(table.c.replays, table.c.reply)
    ).one()
    if counted.replays == 1:
        repository.audit(session, actor, "webhook_replay_ignored", at=now, key=key)
    return str(counted.reply)


def remember(session: Session, key: str | None, reply: str) -> None:
    if key is not None:
        receipt = session.get(WebhookReceiptRow, key)
        if receipt is not None:
            receipt.reply = reply
            session.flush()  # a second copy in this same transaction reads the reply with a plain UPDATE
