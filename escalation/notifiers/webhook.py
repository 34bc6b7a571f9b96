"""POST a page as JSON to a responder's webhook, signed with HMAC-SHA256 so the receiver can trust it.

One attempt per ``send``: the caller retries with backoff, and the receiver drops repeats by the
``X-Stayline-Idempotency-Key`` header, so a retry after a lost response never pages twice.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import urllib.error
import urllib.request
from collections.abc import Mapping
from email.message import Message
from typing import Literal

from pydantic import Field

from escalation.config_models import StrictModel
from escalation.model import Channel
from escalation.notifiers.base import (
    Delivery,
    DeliveryStatus,
    EnvName,
    PageMessage,
    failure_for_http_status,
    permanent_failure,
    read_secret,
    retryable_failure,
)
from escalation.notifiers.content import category_code, render_text

PROVIDER = "webhook"
SIGNATURE_HEADER = "X-Stayline-Signature"
IDEMPOTENCY_HEADER = "X-Stayline-Idempotency-Key"


class WebhookConfig(StrictModel):
    type: Literal["webhook"] = "webhook"
    secret_env: EnvName = "STAYLINE_WEBHOOK_SECRET"
    timeout_seconds: float = Field(default=5.0, gt=0, le=30)


def payload(message: PageMessage) -> dict[str, object]:
    """The JSON body: the same minimal content as an SMS, plus the fields a receiver needs to route it."""
    return {
        "version": 1,
        "kind": message.kind,
        "idempotency_key": message.idempotency_key,
        "incident_code": message.incident_code,
        "responder": message.responder,
        "level": message.level.label,
        "category": category_code(message.category),
        "link": message.link,
        "text": render_text(message),
    }


def sign_body(secret: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def webhook_signature_valid(secret: str, body: bytes, header: str | None) -> bool:
    """For receivers (and tests): constant-time check of ``X-Stayline-Signature``."""
    if not secret or not header:
        return False
    return hmac.compare_digest(sign_body(secret, body), header)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # A redirect would turn the POST into a GET and drop the page; report it as a failure instead.
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class WebhookNotifier:
    channel = Channel.WEBHOOK

    def __init__(self, secret: str, *, timeout_seconds: float = 5.0) -> None:
        if not secret:
            raise ValueError("a webhook notifier needs a signing secret")
        self._secret = secret
        self._timeout = timeout_seconds
        self._opener = urllib.request.build_opener(_NoRedirects)

    @classmethod
    def from_config(cls, config: WebhookConfig, environ: Mapping[str, str] | None = None) -> WebhookNotifier:
        return cls(read_secret(config.secret_env, environ), timeout_seconds=config.timeout_seconds)

    def send(self, message: PageMessage) -> Delivery:
        if not message.address.startswith(("https://", "http://")):
            return permanent_failure(PROVIDER, "bad_address", detail="address is not an http(s) URL")
        body = json.dumps(payload(message), separators=(",", ":"), sort_keys=True).encode()
        request = urllib.request.Request(
            message.address,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "User-Agent": "stayline-webhook/1",
                SIGNATURE_HEADER: sign_body(self._secret, body),
                IDEMPOTENCY_HEADER: message.idempotency_key,
            },
        )
        try:
            with self._opener.open(request, timeout=self._timeout) as response:
                status = int(response.status)
        except urllib.error.HTTPError as error:
            return failure_for_http_status(
                PROVIDER, error.code, retry_after=retry_after_seconds(error.headers), detail=str(error.reason)
            )
        except OSError as error:  # URLError, timeouts, resets
            return _transport_failure(error)
        except http.client.HTTPException as error:  # a garbled or truncated response
            return retryable_failure(PROVIDER, "protocol", detail=repr(error))
        if not 200 <= status < 300:
            return failure_for_http_status(PROVIDER, status)
        return Delivery(DeliveryStatus.DELIVERED, PROVIDER, provider_id=message.idempotency_key)


def _transport_failure(error: OSError) -> Delivery:
    reason = getattr(error, "reason", error)
    if isinstance(error, TimeoutError) or isinstance(reason, TimeoutError):
        return retryable_failure(PROVIDER, "timeout", detail=str(reason))
    return retryable_failure(PROVIDER, "connection", detail=str(reason))


def retry_after_seconds(headers: Message | None) -> float | None:
    """Only the delta-seconds form of ``Retry-After``; an HTTP date is left to the caller's backoff."""
    value = headers.get("Retry-After") if headers is not None else None
    if value is None:
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        return None
    return seconds if seconds >= 0 else None
