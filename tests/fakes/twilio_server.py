"""A local stand-in for the Twilio REST API: the Messages and Calls create endpoints the client calls.

Runs on 127.0.0.1 (port 0) in a thread. It checks HTTP basic auth like Twilio, records every request,
answers with Twilio-shaped JSON, can be told to fail or hang for the next N create requests (of one
endpoint or any), and afterwards posts signed status callbacks to the ``StatusCallback`` URL the way
Twilio does. It also sends, on a test's word, the webhooks Twilio sends a centre's service (an incoming
SMS, Real-Time Transcription events), signed with its auth token by the official ``RequestValidator``.
"""

from __future__ import annotations

import base64
import json
import re
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

from twilio.request_validator import RequestValidator

from tests.fakes.twilio_callbacks import CallbackRecord, CallStep, StatusCallbacks, signed_post
from tests.fakes.twilio_resources import call_resource, error_body, message_resource

ACCOUNT_SID = "AC" + "0123456789abcdef" * 2
AUTH_TOKEN = "f" * 32
_RESOURCE = re.compile(r"^/2010-04-01/Accounts/(?P<sid>[^/]+)/(?P<kind>Messages|Calls)\.json$")
# (status, Twilio error code, message) for the parameter checks Twilio makes before accepting a request.
_MISSING_TO = {
    "Messages": (400, 21604, "A 'To' phone number is required."),
    "Calls": (400, 21201, "No 'To' number is specified"),
}
_MISSING_FROM = {
    "Messages": (400, 21603, "A 'From' phone number is required."),
    "Calls": (400, 21213, "No 'From' number is specified"),
}
_MISSING_CONTENT = {
    "Messages": (400, 21602, "Message body is required."),
    "Calls": (400, 21205, "Url parameter is required."),
}


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    params: dict[str, list[str]]
    headers: dict[str, str]
    at: float  # time.monotonic() when the request arrived
    authorized: bool

    def param(self, name: str) -> str | None:
        values = self.params.get(name)
        return values[0] if values else None


@dataclass(frozen=True)
class Fault:
    """How to answer one request instead of creating the resource."""

    status: int = 500
    code: int | None = None
    message: str = "Internal Server Error"
    hang_seconds: float = 0.0

    @classmethod
    def rate_limited(cls) -> Fault:
        return cls(429, 20429, "Too Many Requests")

    @classmethod
    def server_error(cls) -> Fault:
        return cls(500, None, "Internal Server Error")

    @classmethod
    def twilio_error(cls, code: int, message: str = "Twilio error", status: int = 400) -> Fault:
        return cls(status, code, message)

    @classmethod
    def hang(cls, seconds: float) -> Fault:
        return cls(hang_seconds=seconds)


@dataclass
class _State:
    requests: list[RecordedRequest] = field(default_factory=list)
    created: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (kind, resource)
    faults: list[tuple[str | None, Fault]] = field(default_factory=list)  # (Messages, Calls or any, fault)
    sent: list[CallbackRecord] = field(default_factory=list)  # webhooks this fake sent to a service
    lock: threading.Lock = field(default_factory=threading.Lock)


class FakeTwilio:
    """Use as a context manager; point the client at ``base_url``."""

    def __init__(self, account_sid: str = ACCOUNT_SID, auth_token: str = AUTH_TOKEN) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.callbacks = StatusCallbacks(auth_token)
        self._state = _State()
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- programming the fake ------------------------------------------------------------------------
    def fail_next(self, fault: Fault, times: int = 1, kind: str | None = None) -> None:
        """Answer the next ``times`` creates with ``fault``; ``kind`` ("Messages" or "Calls") limits it to
        that endpoint, so a test that sends both at once knows which one fails. Faults queue in order."""
        if kind not in (None, "Messages", "Calls"):
            raise ValueError(f"kind must be 'Messages', 'Calls' or None, not {kind!r}")
        with self._state.lock:
            self._state.faults.extend([(kind, fault)] * times)

    def script_messages(self, *statuses: str, error_code: int | None = None) -> None:
        """Status callbacks for the next messages, e.g. ("sent", "undelivered"), error_code=30003."""
        self.callbacks.message_statuses = list(statuses)
        self.callbacks.message_error_code = error_code

    def script_calls(self, *steps: CallStep) -> None:
        self.callbacks.call_steps = list(steps)

    # -- what happened -------------------------------------------------------------------------------
    @property
    def requests(self) -> list[RecordedRequest]:
        with self._state.lock:
            return list(self._state.requests)

    def wait_for_callbacks(self, count: int, timeout: float = 5.0) -> list[CallbackRecord]:
        return self.callbacks.wait_for(count, timeout)

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the fake Twilio server is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    # -- lifecycle -----------------------------------------------------------------------------------
    def __enter__(self) -> FakeTwilio:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        server.daemon_threads = True  # a hanging request must not hold up stop()
        server.fake = self  # type: ignore[attr-defined]
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, args=(0.05,), name="fake-twilio", daemon=True
        )
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopping.set()  # releases hanging handlers at once
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self.callbacks.join(timeout=5)

    # -- sending webhooks, as Twilio does to a centre's service ----------------------------------------
    def send_webhook(self, url: str, params: dict[str, str], signed_url: str | None = None) -> CallbackRecord:
        """POST ``params`` to ``url`` signed with this account's auth token by the official
        ``twilio.request_validator.RequestValidator``; recorded in ``sent_webhooks``."""
        record = signed_post(RequestValidator(self.auth_token), url, params, signed_url)
        with self._state.lock:
            self._state.sent.append(record)
        return record

    @property
    def sent_webhooks(self) -> list[CallbackRecord]:
        with self._state.lock:
            return list(self._state.sent)

    def send_message(
        self, url: str, sender: str, to: str, body: str, sid: str | None = None, **extra: str
    ) -> CallbackRecord:
        """Programmable Messaging's incoming-message webhook ("A message comes in")."""
        sid = sid or "SM" + uuid.uuid4().hex
        params = {
            "MessageSid": sid,
            "SmsSid": sid,
            "SmsMessageSid": sid,
            "AccountSid": self.account_sid,
            "MessagingServiceSid": "",
            "From": sender,
            "To": to,
            "Body": body,
            "NumMedia": "0",
            "NumSegments": "1",
            "SmsStatus": "received",
            "ApiVersion": "2010-04-01",
        } | extra
        return self.send_webhook(url, params)

    def send_transcription(
        self,
        url: str,
        call_sid: str,
        event: str,
        sequence: int,
        track: str | None = None,
        transcript: str | None = None,
        final: bool = True,
        **extra: str,
    ) -> CallbackRecord:
        """A Real-Time Transcription status callback: ``event`` is ``started``, ``content`` or ``stopped``
        (``transcription-`` is prefixed); content carries ``track``, ``transcript`` and ``final``."""
        params = {
            "AccountSid": self.account_sid,
            "CallSid": call_sid,
            "TranscriptionSid": "GT" + uuid.uuid5(uuid.NAMESPACE_URL, call_sid).hex,
            "Timestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "SequenceId": str(sequence),
            "TranscriptionEvent": f"transcription-{event}",
        }
        if event == "content":
            params |= {
                "LanguageCode": "en-US",
                "Track": track or "inbound_track",
                "TranscriptionData": json.dumps({"transcript": transcript or "", "confidence": 0.9}),
                "Final": "true" if final else "false",
                "Stability": "1.0" if final else "0.6",
            }
        elif event == "started":
            params |= {"TranscriptionEngine": "google", "PartialResults": "true", "Track": "both_tracks"}
        return self.send_webhook(url, params | extra)

    # -- called by the handler -----------------------------------------------------------------------
    def _record(self, request: RecordedRequest) -> Fault | None:
        """Record the request; for an authorised create, take the first fault queued for its endpoint."""
        match = _RESOURCE.match(request.path.split("?")[0])
        with self._state.lock:
            self._state.requests.append(request)
            if not request.authorized or request.method != "POST" or match is None:
                return None  # a refused request or a list call: the fault waits for the next create
            for index, (kind, _) in enumerate(self._state.faults):
                if kind in (None, match["kind"]):
                    return self._state.faults.pop(index)[1]
            return None

    def _hang(self, seconds: float) -> None:
        self._stopping.wait(seconds)

    def _authorized(self, header: str | None) -> bool:
        expected = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        return header == f"Basic {expected}"


class _Handler(BaseHTTPRequestHandler):
    server_version = "FakeTwilio/1.0"
    protocol_version = "HTTP/1.1"

    @property
    def fake(self) -> FakeTwilio:
        return self.server.fake  # type: ignore[attr-defined,no-any-return]

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        return

    def do_GET(self) -> None:
        """List Messages or Calls, filtered by To, as the client's ``.list(to=...)`` asks."""
        request, _ = self._record(b"")
        path, _, query = self.path.partition("?")
        match = _RESOURCE.match(path)
        if not request.authorized or match is None:
            self._send_json(404 if request.authorized else 401, error_body(404, 20404, "Not found"))
            return
        wanted = parse_qs(query).get("To", [None])[0]
        key = "messages" if match["kind"] == "Messages" else "calls"
        with self.fake._state.lock:
            found = [
                r
                for kind, r in self.fake._state.created
                if kind == match["kind"] and r["to"] in (wanted, None)
            ]
        self._send_json(
            200,
            {
                key: found,
                "first_page_uri": self.path,
                "next_page_uri": None,
                "previous_page_uri": None,
                "page": 0,
                "page_size": 50,
                "uri": self.path,
            },
        )

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        request, fault = self._record(body)
        match = _RESOURCE.match(self.path.split("?")[0])
        if not request.authorized:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="Twilio API"')
            self._finish_json(error_body(401, 20003, "Authenticate"))
        elif match is None or match["sid"] != self.fake.account_sid:
            self._send_json(404, error_body(404, 20404, "The requested resource was not found"))
        elif fault is not None:
            self._answer_fault(fault)
        else:
            self._create(match["kind"], {name: values[0] for name, values in request.params.items()}, request)

    def _record(self, body: bytes) -> tuple[RecordedRequest, Fault | None]:
        request = RecordedRequest(
            method=self.command,
            path=self.path,
            params=parse_qs(body.decode(), keep_blank_values=True),
            headers={name: value for name, value in self.headers.items()},
            at=time.monotonic(),
            authorized=self.fake._authorized(self.headers.get("Authorization")),
        )
        return request, self.fake._record(request)

    def _answer_fault(self, fault: Fault) -> None:
        if fault.hang_seconds:
            self.fake._hang(fault.hang_seconds)
            self.close_connection = True
            return  # the client gave up long ago; answer nothing
        self._send_json(fault.status, error_body(fault.status, fault.code, fault.message))

    def _create(self, kind: str, params: dict[str, str], request: RecordedRequest) -> None:
        if not params.get("To"):
            status, code, message = _MISSING_TO[kind]
            return self._send_json(status, error_body(status, code, message))
        if not params.get("From") and not params.get("MessagingServiceSid"):
            status, code, message = _MISSING_FROM[kind]
            return self._send_json(status, error_body(status, code, message))
        needed = (
            ("Body", "MediaUrl", "ContentSid") if kind == "Messages" else ("Url", "Twiml", "ApplicationSid")
        )
        if not any(params.get(name) for name in needed):
            status, code, message = _MISSING_CONTENT[kind]
            return self._send_json(status, error_body(status, code, message))
        account = self.fake.account_sid
        if kind == "Messages":
            resource = message_resource("SM" + uuid.uuid4().hex, account, params)
        else:
            resource = call_resource("CA" + uuid.uuid4().hex, account, params)
        # Callbacks come from another thread after a short delay; started first so a test that waits for
        # them never misses one. As with real Twilio, a callback may still beat the response to the client.
        self.fake.callbacks.start(kind, resource, request.params)
        with self.fake._state.lock:
            self.fake._state.created.append((kind, resource))
        self._send_json(201, resource)

    def _send_json(self, status: int, payload: dict[str, Any]) -> None:
        self.send_response(status)
        self._finish_json(payload)

    def _finish_json(self, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Twilio-Request-Id", "RQ" + uuid.uuid4().hex)
        self.end_headers()
        self.wfile.write(data)


@contextmanager
def fake_twilio(account_sid: str = ACCOUNT_SID, auth_token: str = AUTH_TOKEN) -> Iterator[FakeTwilio]:
    with FakeTwilio(account_sid, auth_token) as fake:
        yield fake
