"""Structured logs: one JSON object per line, the request id on each, never the customer's words."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from api.logs import JsonFormatter
from tests.api.conftest import CRISIS, Harness


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(lambda record: not record.name.startswith("httpx"))  # the test client's own lines
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield stream
    root.removeHandler(handler)
    root.setLevel(level)


def test_logs_carry_the_request_id_and_never_the_text(api: Harness, log_lines: io.StringIO) -> None:
    scanned = api.post_message(CRISIS, wait=True)
    refused = api.post_message(CRISIS, channel="fax")

    records = [json.loads(line) for line in log_lines.getvalue().splitlines()]
    assert "tablets" not in log_lines.getvalue()
    scanned_line = next(r for r in records if r["msg"] == "message scanned")
    assert scanned_line["level"] == "INFO", "the log severity, not the risk"
    assert scanned_line["risk_level"] in ("high", "imminent")
    stored = next(r for r in records if r["msg"] == "message stored")
    assert stored["message_id"] == scanned.json()["message_id"]
    assert stored["request_id"] == scanned.headers["X-Request-ID"]
    access = [r for r in records if r["logger"] == "stayline.api.access"]
    assert [(r["status"], r["request_id"]) for r in access] == [
        (200, scanned.headers["X-Request-ID"]),
        (422, refused.headers["X-Request-ID"]),
    ]


def test_an_acknowledgement_link_token_is_not_logged(api: Harness, log_lines: io.StringIO) -> None:
    api.client.get("/r/some.secret.token.value")

    assert "secret" not in log_lines.getvalue()
    assert '"path": "/r/<token>"' in log_lines.getvalue()
