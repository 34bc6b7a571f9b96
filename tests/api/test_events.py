"""GET /v1/events over a real HTTP server: server-sent events read with a timeout."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from api.app import create_app
from tests.api.conftest import CRISIS, Harness, auth


@dataclass
class Served:
    base: str
    harness: Harness
    app: FastAPI


@pytest.fixture
def served(api: Harness) -> Iterator[Served]:
    with served_app(api) as served:
        yield served


@contextmanager
def served_app(api: Harness) -> Iterator[Served]:
    """The API over real HTTP (uvicorn in a thread), as a browser or desktop reaches it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(api.runtime)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.02)
    yield Served(f"http://127.0.0.1:{port}", api, app)
    server.should_exit = True
    thread.join(timeout=10)


def read_events(response: httpx.Response, wanted: str, seconds: float = 10.0) -> list[dict[str, object]]:
    """Events up to and including the first named ``wanted``; fails after ``seconds``."""
    events: list[dict[str, object]] = []
    current: dict[str, object] = {}
    deadline = time.monotonic() + seconds
    for line in response.iter_lines():
        assert time.monotonic() < deadline, f"no {wanted} event within {seconds}s: {events}"
        if line.startswith(("id:", "event:")):
            key, _, value = line.partition(":")
            current[key] = value.strip()
        elif line.startswith("data:"):
            current["data"] = json.loads(line.partition(":")[2])
        elif line == "":
            if "data" in current:  # a bare id line only moves the client's Last-Event-ID
                events.append(current)
                if current.get("event") == wanted:
                    return events
            current = {}
    raise AssertionError(f"stream ended before {wanted}: {events}")


@contextmanager
def stream(
    served: Served, query: str = "", headers: dict[str, str] | None = None
) -> Iterator[httpx.Response]:
    # The read timeout is shorter than the keep-alive interval: a silent stream fails the test.
    with (
        httpx.Client(base_url=served.base, timeout=httpx.Timeout(10.0)) as client,
        client.stream("GET", f"/v1/events{query}", headers=auth("agent") | (headers or {})) as response,
    ):
        yield response


def test_an_opened_incident_reaches_the_agent_desktop(served: Served) -> None:
    api = served.harness
    with stream(served, "?conversation_id=conv-1") as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        api.post_message("just some other conversation", conversation_id="conv-2", wait=True)
        api.post_message(CRISIS, wait=True)
        events = read_events(response, "incident_opened")

    names = [e["event"] for e in events]
    assert "risk_changed" in names
    opened = events[-1]["data"]
    assert isinstance(opened, dict)
    assert opened["conversation_id"] == "conv-1"
    assert opened["level"] in ("high", "imminent")
    assert all(isinstance(e["data"], dict) and e["data"]["conversation_id"] == "conv-1" for e in events)
    assert "tablets" not in json.dumps(events)  # never the customer's words


def test_a_reconnect_resumes_after_last_event_id(served: Served) -> None:
    api = served.harness
    incident = api.flag(level="high", note="she said the words again").json()
    api.client.post(
        f"/v1/incidents/{incident['id']}/ack", json={"responder": "Dana Reyes"}, headers=auth("responder")
    )

    with stream(served, headers={"Last-Event-ID": "0"}) as response:
        events = read_events(response, "acknowledged")

    names = [e["event"] for e in events]
    assert names[0] == "flagged"
    assert names.index("incident_opened") < names.index("page_scheduled") < names.index("acknowledged")
    assert [int(str(e["id"])) for e in events] == sorted(int(str(e["id"])) for e in events)
    assert "said the words" not in json.dumps(events)  # an agent's note stays in the audit trail


def test_a_stream_ends_after_its_lifetime_with_a_resume_point(api: Harness) -> None:
    api.flag(level="high")  # audit rows exist before the stream starts: it begins after them
    api.client.app.state.context.sse_max_seconds = 0.2  # type: ignore[attr-defined]

    body = api.client.get("/v1/events", headers=auth("agent")).text

    assert body.startswith("retry: 2000\nid: ")
    ids = [int(line[4:]) for line in body.splitlines() if line.startswith("id: ")]
    assert ids[0] > 0
    assert ids[-1] == ids[0]
    assert "event:" not in body  # nothing new happened while it was open
