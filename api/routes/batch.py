"""``POST /v1/messages/batch``: up to ``settings.batch_max_items`` turns in one request (a JSON array, or
NDJSON with ``Content-Type: application/x-ndjson``), one result per item. A bad item is refused on its
own and the rest are stored; all the stored ones commit together, then their scans are published
(crisis-looking ones first, on the priority queue). This is the door for other platforms' transcript
streams (``docs/channels.md``)."""

from __future__ import annotations

import json
import logging
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import ValidationError

from api.auth import Principal, Role, require
from api.deps import runtime_of
from api.errors import ApiError, documented
from api.routes.messages import incoming_of
from api.schemas import BatchAccepted, BatchItemResult, MessageIn
from workers.intake import Turn, accept_turns, sender_key
from workers.runtime import Runtime

log = logging.getLogger(__name__)
router = APIRouter(tags=["messages"])
NDJSON = "application/x-ndjson"
BATCH_PATH = "/v1/messages/batch"

Parsed = tuple[MessageIn | None, BatchItemResult | None]


async def raw_body(request: Request) -> tuple[str, bytes]:
    return request.headers.get("content-type", "").split(";")[0].strip().lower(), await request.body()


def _items(content_type: str, body: bytes) -> list[Any]:
    """The batch's items, undecoded: each is checked on its own. A body that is not an array (or NDJSON)
    at all is refused whole; an NDJSON line that is not JSON is one bad item."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "invalid_body", "the body is not UTF-8") from None
    if content_type in (NDJSON, "application/jsonl", "application/jsonlines"):
        return [_line(line) for line in text.splitlines() if line.strip()]
    try:
        items = json.loads(text)
    except ValueError:
        raise ApiError(
            400, "invalid_body", f"the body is not JSON (NDJSON needs Content-Type {NDJSON})"
        ) from None
    if not isinstance(items, list):
        raise ApiError(422, "invalid_body", "a JSON batch is an array of messages")
    return items


class _BadLine:
    pass


def _line(line: str) -> Any:
    try:
        return json.loads(line)
    except ValueError:
        return _BadLine()


def _parse(index: int, item: Any, max_chars: int) -> Parsed:
    def refused(error: str, detail: Any) -> Parsed:
        return None, BatchItemResult(index=index, status="rejected", error=error, detail=detail)

    if isinstance(item, _BadLine):
        return refused("invalid_json", "this line is not JSON")
    try:
        body = MessageIn.model_validate(item)
    except ValidationError as error:
        # loc, msg and type only: pydantic's "input" would echo the customer's words back.
        problems = [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in error.errors()]
        return refused("invalid_message", problems)
    if len(body.text) > max_chars:
        return refused("text_too_long", {"limit_chars": max_chars, "got_chars": len(body.text)})
    return body, None


@router.post(
    BATCH_PATH,
    status_code=200,
    response_model=BatchAccepted,
    responses=documented(400, 401, 403, 413, 422, 429),
    summary="Post up to 500 turns at once (JSON array or NDJSON)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"type": "array", "items": MessageIn.model_json_schema()}},
                NDJSON: {"schema": {"type": "string", "description": "one MessageIn object per line"}},
            },
        }
    },
)
def post_batch(
    raw: Annotated[tuple[str, bytes], Depends(raw_body)],
    principal: Annotated[Principal, Depends(require(Role.INGEST, Role.AGENT, rate_limited=True))],
    runtime: Annotated[Runtime, Depends(runtime_of)],
) -> BatchAccepted:
    """Each item is a ``POST /v1/messages`` body and gets one result, in order: ``accepted`` (stored),
    ``duplicate`` (its ``source_id`` was seen for that conversation: nothing stored, the first copy's id)
    or ``rejected`` (why, without its text). More than the limit is refused whole with 413."""
    settings = runtime.settings
    items = _items(*raw)
    if len(items) > settings.batch_max_items:
        raise ApiError(
            413,
            "batch_too_large",
            {
                "reason": f"{len(items)} messages exceed the limit of {settings.batch_max_items} per batch",
                "limit_messages": settings.batch_max_items,
            },
        )
    parsed = [_parse(i, item, settings.max_text_chars) for i, item in enumerate(items)]
    valid = [(i, body) for i, (body, _) in enumerate(parsed) if body is not None]
    turns = [Turn(incoming_of(b, "batch"), sender_key(b.conversation_id, b.source_id)) for _, b in valid]
    stored = accept_turns(runtime, turns)
    results = [refusal for _, refusal in parsed]
    for (index, _), outcome in zip(valid, stored, strict=True):
        results[index] = BatchItemResult(
            index=index,
            status="duplicate" if outcome.duplicate else "accepted",
            message_id=outcome.message_id,
        )
    done = [r for r in results if r is not None]
    counts = {s: sum(1 for r in done if r.status == s) for s in ("accepted", "duplicate", "rejected")}
    log.info("batch stored", extra={"caller": principal.key_id, **counts})
    return BatchAccepted(
        accepted=counts["accepted"], duplicates=counts["duplicate"], rejected=counts["rejected"], results=done
    )
