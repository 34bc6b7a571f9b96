"""A local HTTP endpoint that records what is POSTed to it: stands in for our Twilio webhook routes and
for a responder's webhook. It can be told to answer with another status for the next N requests."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit


@dataclass(frozen=True)
class Received:
    path: str  # with its query string, exactly as requested
    headers: dict[str, str]
    body: bytes

    def form(self) -> dict[str, str]:
        return dict(parse_qsl(self.body.decode(), keep_blank_values=True))

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers.items() if key.lower() == name.lower()), None)


@dataclass(frozen=True)
class Answer:
    status: int
    headers: tuple[tuple[str, str], ...] = ()


class RecordingReceiver:
    def __init__(self) -> None:
        self.received: list[Received] = []
        self._answers: list[Answer] = []
        self._changed = threading.Condition()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def url(self, path: str = "/") -> str:
        if self._server is None:
            raise RuntimeError("the receiver is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}{path}"

    def answer_next(self, status: int, times: int = 1, headers: tuple[tuple[str, str], ...] = ()) -> None:
        with self._changed:
            self._answers.extend([Answer(status, headers)] * times)

    def wait_for(self, count: int, timeout: float = 5.0) -> list[Received]:
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(self.received) < count and time.monotonic() < deadline:
                self._changed.wait(deadline - time.monotonic())
            return list(self.received)

    def full_url(self, received: Received) -> str:
        """The URL as the sender saw it, which is what an ``X-Twilio-Signature`` covers."""
        parts = urlsplit(received.path)
        query = f"?{parts.query}" if parts.query else ""
        return self.url(parts.path) + query

    def _take(self, received: Received) -> Answer:
        with self._changed:
            self.received.append(received)
            self._changed.notify_all()
            return self._answers.pop(0) if self._answers else Answer(200)

    def __enter__(self) -> RecordingReceiver:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        server.daemon_threads = True
        server.receiver = self  # type: ignore[attr-defined]
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, args=(0.05,), name="receiver", daemon=True
        )
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        received = Received(self.path, dict(self.headers.items()), body)
        answer = self.server.receiver._take(received)  # type: ignore[attr-defined]
        self.send_response(answer.status)
        for name, value in answer.headers:
            self.send_header(name, value)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")
