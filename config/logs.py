"""Structured JSON logs, one object per line, for every process (API, workers, beat).

A correlation id travels in ``request_id_var``: the HTTP request id in the API, the message or page id in
a worker. Nothing here logs message text: callers pass ids and levels as ``extra`` fields, never words.

``level`` is the log severity. A caller's ``extra`` field may not replace it or the other envelope keys:
the detector's risk level is ``risk_level`` (an ``extra`` named ``level`` is written under that name, so an
alert on ``level: ERROR`` cannot be hidden by a scan's ``level: high``). A password inside any URL in a log
line (``postgresql://stayline:secret@db/...``) is masked.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

request_id_var: ContextVar[str] = ContextVar("stayline_request_id", default="-")

_STANDARD_ATTRS = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "taskName"}
_ENVELOPE = ("ts", "level", "logger", "msg", "request_id", "exc")
# Envelope names a caller may mean as data; any other clash is prefixed with "extra_".
_RENAMED = {"level": "risk_level"}
# scheme://user:password@ -> scheme://user:***@ wherever it appears in a line.
_URL_PASSWORD = re.compile(r"(\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s:/@]*:)[^\s@/]+@")
# The official Twilio client logs every request and response at INFO (about 11 lines per page).
QUIET_LOGGERS = {"twilio.http_client": logging.WARNING}


def redact_url(url: str) -> str:
    """The URL with its password replaced by ``***``: database and broker URLs are shown at start-up."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))


def redact(text: str) -> str:
    return _URL_PASSWORD.sub(r"\1***@", text)


class JsonFormatter(logging.Formatter):
    """One JSON object per line; ``extra={...}`` fields become keys; the request id is always there."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": redact(record.getMessage()),
            "request_id": request_id_var.get(),
        }
        for key, value in record.__dict__.items():
            if key in _STANDARD_ATTRS or key.startswith("_"):
                continue
            if key in _ENVELOPE:
                key = _RENAMED.get(key, f"extra_{key}")
            data[key] = redact(value) if isinstance(value, str) else value
        if record.exc_info:
            data["exc"] = redact(self.formatException(record.exc_info))
        return json.dumps(data, default=str, ensure_ascii=False)


def configure_logging(level: str = "INFO") -> None:
    """Send every log record to stderr as JSON. Called once by whoever starts the server."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name, quiet in QUIET_LOGGERS.items():
        # Asked for DEBUG, an operator gets everything; otherwise these stay quiet.
        logging.getLogger(name).setLevel(logging.NOTSET if root.level <= logging.DEBUG else quiet)
