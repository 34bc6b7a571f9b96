"""What the channel connectors share: signed Twilio requests (refusals audited), a connector that is off,
and the empty TwiML a messaging webhook answers with."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool
from twilio.twiml.messaging_response import MessagingResponse

from api.deps import context
from api.errors import ApiError
from api.routes.twilio import signed_params
from store import repository
from store.db import session_scope
from workers.runtime import Runtime

log = logging.getLogger(__name__)
TWIML = "application/xml"
EMPTY_TWIML = str(MessagingResponse().to_xml())


def _audit_refusal(runtime: Runtime, path: str, reason: object) -> None:
    try:
        with session_scope(runtime.url) as session:
            repository.audit(
                session, "twilio", "webhook_refused", at=runtime.clock(), path=path, reason=str(reason)
            )
    except Exception as error:  # the 403 stands whether or not the audit row could be written
        log.error("could not audit a refused webhook (%s)", type(error).__name__)


async def audited_params(request: Request) -> dict[str, str]:
    """The form parameters of a correctly signed Twilio request; otherwise 403, and the refusal audited
    (path and reason: nothing the sender put in the body)."""
    try:
        return await signed_params(request)
    except ApiError as refusal:
        await run_in_threadpool(_audit_refusal, context(request).runtime, request.url.path, refusal.detail)
        raise


SignedParams = Annotated[dict[str, str], Depends(audited_params)]


def require_on(runtime: Runtime, connector: str) -> None:
    if not runtime.channels.live(connector):
        raise ApiError(404, "connector_off", f"the {connector} connector is off (config/channels.yaml)")


def required(params: dict[str, str], *names: str) -> None:
    missing = [name for name in names if not params.get(name)]
    if missing:
        raise ApiError(400, "missing_parameters", {"missing": missing})
