"""The API against a real (temporary) database, a real detector and a dispatcher that records."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from api.app import create_app
from config.settings import Settings
from detector import Detector
from store.db import session_scope
from store.models import IncidentRow, MessageRow, PageRow
from tests.api.channel_helpers import CHANNEL_TOKEN, CHANNELS_YAML
from tests.fakes.services import PrivateRedis, RedisServerMissing
from tests.integration.conftest import database_url, postgres_url  # noqa: F401  (re-exported fixtures)
from workers.runtime import Runtime

with warnings.catch_warnings():  # Starlette nags about TestClient's httpx; it is what FastAPI documents
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient as TestClient

T0 = datetime(2025, 3, 4, 15, 0, tzinfo=UTC)  # a Tuesday, 10:00 in New York: the primary rota is staffed
# Personal keys (bound to invented people; responders are on the shipped roster) and two service keys.
KEYS: dict[str, str | dict[str, str | None]] = {
    "ingest-key": "ingest",
    "agent-key": {"role": "agent", "person": "Ana Lima"},
    "bo-key": {"role": "agent", "person": "Bo Chen"},
    "responder-key": {"role": "responder", "person": "Dana Reyes"},
    "sam-key": {"role": "responder", "person": "Sam Okafor"},
    "admin-key": {"role": "admin", "person": "Sol Mendez"},
    "automation-key": "admin",
}
CRISIS = "i've been saving up my tablets and tonight is the night"


def auth(role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {role}-key"}


class Clock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@dataclass
class RecordingDispatcher:
    """Records hand-overs, and whether the message was already committed when it was handed over."""

    url: str = ""
    scans: list[str] = field(default_factory=list)
    urgent: list[str] = field(default_factory=list)  # scans handed over as crisis-looking
    committed_at_scan: list[bool] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    fail: bool = False

    def scan(self, message_id: str, urgent: bool = False) -> None:
        if urgent:
            self.urgent.append(message_id)
        with session_scope(self.url) as session:  # a separate connection sees only committed rows
            self.committed_at_scan.append(session.get(MessageRow, message_id) is not None)
        self.scans.append(message_id)
        if self.fail:
            raise ConnectionError("broker down")

    def send_page(self, page_id: int) -> None:
        self.pages.append(page_id)
        if self.fail:
            raise ConnectionError("broker down")


@dataclass
class Harness:
    client: TestClient
    runtime: Runtime
    dispatcher: RecordingDispatcher
    clock: Clock

    @property
    def url(self) -> str:
        return self.runtime.url

    def post_message(self, text: str = "hello", role: str = "ingest", **overrides: Any) -> Any:
        body = {
            "conversation_id": "conv-1",
            "channel": "chat",
            "sender": "customer",
            "text": text,
            "sent_at": "2025-03-04T14:59:00+00:00",
        } | overrides
        wait = body.pop("wait", False)
        return self.client.post(f"/v1/messages?wait={str(wait).lower()}", json=body, headers=auth(role))

    def flag(self, conversation_id: str = "conv-1", level: str = "high", **extra: Any) -> Any:
        return self.client.post(
            f"/v1/conversations/{conversation_id}/flag",
            json={"level": level, "category": "suicide", **extra},
            headers=auth("agent"),
        )

    def incident(self, incident_id: str) -> IncidentRow:
        with session_scope(self.url) as session:
            row = session.get(IncidentRow, incident_id)
            assert row is not None
            return row

    def pages(self, incident_id: str) -> list[PageRow]:
        with session_scope(self.url) as session:
            return list(session.exec(select(PageRow).where(PageRow.incident_id == incident_id)).all())


def build_runtime(url: str, detector: Detector, clock: Clock, **settings: Any) -> Runtime:
    dispatcher = RecordingDispatcher(url=url)
    options: dict[str, Any] = {"database_url": url, "api_keys": KEYS, "link_secret": "test"} | settings
    return Runtime(Settings(**options), dispatcher, clock, _detector=detector).prepare()


@contextmanager
def harness_for(url: str, detector: Detector, **settings: Any) -> Iterator[Harness]:
    clock = Clock()
    runtime = build_runtime(url, detector, clock, **settings)
    assert isinstance(runtime.dispatcher, RecordingDispatcher)
    with TestClient(create_app(runtime)) as client:
        yield Harness(client, runtime, runtime.dispatcher, clock)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'stayline.db'}"


@pytest.fixture
def api(sqlite_url: str, detector: Detector) -> Iterator[Harness]:
    with harness_for(sqlite_url, detector) as harness:
        yield harness


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[PrivateRedis]:
    """A redis-server of the test's own (the shared one is never flushed or stopped)."""
    try:
        server = PrivateRedis(tmp_path)
    except RedisServerMissing:
        pytest.skip("redis-server is not installed")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def make_api(sqlite_url: str, detector: Detector) -> Iterator[Callable[..., Harness]]:
    """A harness with other settings: ``make_api(rate_per_minute=3)``."""
    with ExitStack() as stack:
        yield lambda **settings: stack.enter_context(harness_for(sqlite_url, detector, **settings))


# Channel connectors (tests/api/channel_helpers.py): the connectors on in a configuration directory of
# the test's own, and a Twilio auth token in the environment.
@pytest.fixture
def channel_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STAYLINE_TWILIO_AUTH_TOKEN", CHANNEL_TOKEN)


@pytest.fixture
def channels_config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "config"
    directory.mkdir()
    (directory / "channels.yaml").write_text(CHANNELS_YAML)
    monkeypatch.setenv("STAYLINE_CONFIG_DIR", str(directory))
    return directory


@pytest.fixture
def channel_api(
    channel_token: None, channels_config_dir: Path, sqlite_url: str, detector: Detector
) -> Iterator[Harness]:
    with harness_for(sqlite_url, detector) as harness:
        yield harness


@pytest.fixture
def make_channel_api(
    channel_token: None, channels_config_dir: Path, detector: Detector
) -> Iterator[Callable[[str], Harness]]:
    with ExitStack() as stack:
        yield lambda url: stack.enter_context(harness_for(url, detector))
