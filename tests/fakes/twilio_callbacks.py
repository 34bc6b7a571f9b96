"""Status callbacks from the fake Twilio: form-encoded POSTs signed with ``X-Twilio-Signature``."""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any
from urllib.parse import urlencode

from twilio.request_validator import RequestValidator

# Which StatusCallbackEvent a call status belongs to; Twilio only calls back for events that were asked for.
_CALL_EVENT = {"initiated": "initiated", "ringing": "ringing", "in-progress": "answered"}


@dataclass(frozen=True)
class CallStep:
    """One call status in a script, e.g. CallStep("completed", answered_by="machine_start")."""

    status: str
    answered_by: str | None = None


@dataclass(frozen=True)
class CallbackRecord:
    url: str
    params: dict[str, str]
    signature: str
    response_status: int | None
    error: str | None


DEFAULT_CALL_STEPS = (
    CallStep("initiated"),
    CallStep("ringing"),
    CallStep("in-progress", "human"),
    CallStep("completed", "human"),
)


class StatusCallbacks:
    def __init__(self, auth_token: str, delay_seconds: float = 0.02) -> None:
        self.message_statuses: list[str] = ["sent", "delivered"]
        self.message_error_code: int | None = None
        self.call_steps: list[CallStep] = list(DEFAULT_CALL_STEPS)
        self._validator = RequestValidator(auth_token)
        self._delay = delay_seconds
        self._records: list[CallbackRecord] = []
        self._changed = threading.Condition()
        self._threads: list[threading.Thread] = []

    def start(self, kind: str, resource: dict[str, Any], request: dict[str, list[str]]) -> None:
        url = _first(request, "StatusCallback")
        if not url:
            return
        if kind == "Messages":
            payloads = self._message_payloads(resource)
        else:
            events = request.get("StatusCallbackEvent") or ["completed"]
            payloads = self._call_payloads(resource, events, bool(_first(request, "MachineDetection")))
        thread = threading.Thread(target=self._deliver, args=(url, payloads), daemon=True)
        self._threads.append(thread)
        thread.start()

    def wait_for(self, count: int, timeout: float = 5.0) -> list[CallbackRecord]:
        """Block until ``count`` callbacks were posted (or the timeout passes); returns all of them."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(self._records) < count and time.monotonic() < deadline:
                self._changed.wait(deadline - time.monotonic())
            return list(self._records)

    def join(self, timeout: float) -> None:
        for thread in self._threads:
            thread.join(timeout)

    def _message_payloads(self, resource: dict[str, Any]) -> list[dict[str, str]]:
        common = {
            "AccountSid": resource["account_sid"],
            "ApiVersion": "2010-04-01",
            "From": resource["from"],
            "To": resource["to"],
            "MessageSid": resource["sid"],
            "SmsSid": resource["sid"],
        }
        payloads: list[dict[str, str]] = []
        for status in self.message_statuses:
            payload = {**common, "MessageStatus": status, "SmsStatus": status}
            if status in ("undelivered", "failed") and self.message_error_code is not None:
                payload["ErrorCode"] = str(self.message_error_code)
            payloads.append(payload)
        return payloads

    def _call_payloads(
        self, resource: dict[str, Any], events: list[str], machine_detection: bool
    ) -> list[dict[str, str]]:
        common = {
            "AccountSid": resource["account_sid"],
            "ApiVersion": "2010-04-01",
            "CallSid": resource["sid"],
            "From": resource["from"],
            "Caller": resource["from"],
            "To": resource["to"],
            "Called": resource["to"],
            "Direction": "outbound-api",
            "CallbackSource": "call-progress-events",
        }
        payloads: list[dict[str, str]] = []
        for step in self.call_steps:
            if _CALL_EVENT.get(step.status, "completed") not in events:
                continue
            payload = {**common, "CallStatus": step.status, "SequenceNumber": str(len(payloads))}
            payload["Timestamp"] = format_datetime(datetime.now(UTC))
            if machine_detection and step.answered_by:
                payload["AnsweredBy"] = step.answered_by
            if step.status == "completed":
                payload["CallDuration"] = "12"
            payloads.append(payload)
        return payloads

    def _deliver(self, url: str, payloads: list[dict[str, str]]) -> None:
        for params in payloads:
            time.sleep(self._delay)
            record = self._post(url, params)
            with self._changed:
                self._records.append(record)
                self._changed.notify_all()

    def _post(self, url: str, params: dict[str, str]) -> CallbackRecord:
        return signed_post(self._validator, url, params)


def signed_post(
    validator: RequestValidator, url: str, params: dict[str, str], signed_url: str | None = None
) -> CallbackRecord:
    """POST ``params`` form-encoded to ``url`` as Twilio does, signed over ``signed_url`` (default: ``url``;
    Twilio signs the URL it was configured with, which behind a proxy is not the one the request reaches)."""
    signature = validator.compute_signature(signed_url or url, params)
    request = urllib.request.Request(
        url,
        data=urlencode(params).encode(),
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "User-Agent": "TwilioProxy/1.1",
            "X-Twilio-Signature": signature,
            "I-Twilio-Idempotency-Token": str(uuid.uuid4()),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return CallbackRecord(url, params, signature, int(response.status), None)
    except urllib.error.HTTPError as error:
        return CallbackRecord(url, params, signature, error.code, str(error))
    except OSError as error:
        return CallbackRecord(url, params, signature, None, repr(error))


def _first(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    return values[0] if values else None
