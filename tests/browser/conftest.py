"""The console in a real browser: Debian's Chromium driven by Playwright, against a real service.

The service runs as `stayline serve` does in its embedded default (uvicorn, in-process scan and page
threads, the sweep), on a fresh PostgreSQL schema, paging through the official Twilio library to the
local fake Twilio. Its clock runs at real speed from a Tuesday morning, so the default rota is staffed
whenever the tests run.

Chromium comes from Debian's `chromium` package, installed by `make test` (scripts/ensure-chromium); no
browser is downloaded. Without it the browser tests skip with the reason, unless
STAYLINE_REQUIRE_SERVICES=1 (CI), where its absence fails them.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
import uvicorn
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect, sync_playwright
from sqlmodel import select

from api.app import create_app
from config.settings import Settings
from detector import Detector
from stayline_cli.embedded import free_port
from store.db import session_scope
from store.models import IncidentRow
from tests.fakes.twilio_server import ACCOUNT_SID, AUTH_TOKEN, FakeTwilio
from tests.integration.conftest import fresh_postgres_schema
from workers.dispatch import InProcessDispatcher
from workers.runtime import Runtime, utcnow
from workers.sweeper import Sweeper
from workers.wiring import load_notifiers

KEYS: dict[str, str | dict[str, str | None]] = {
    "agent-key": {"role": "agent", "person": "Ana Lima"},
    "responder-key": {"role": "responder", "person": "Dana Reyes"},
    "admin-key": {"role": "admin", "person": "Sol Mendez"},
    "ingest-key": "ingest",
}
STAFFED = datetime(2025, 3, 4, 15, 0, tzinfo=UTC)  # a Tuesday, 10:00 in New York: Dana Reyes is on call
SCREENSHOTS = Path(os.environ.get("STAYLINE_SCREENSHOTS", "test-artifacts/screenshots"))
CHROMIUM_FLAGS = [
    # Headless as root in a sandbox-less container, and quiet on a machine with no outside network.
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# Live updates arrive within a second or two; a loaded CI machine gets room before an assertion fails.
expect.set_options(timeout=15_000)


def chromium_executable() -> str | None:
    for candidate in (os.environ.get("STAYLINE_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = chromium_executable()
    if executable is None:
        message = "Chromium not installed: run scripts/ensure-chromium (make test does)"
        if os.environ.get("STAYLINE_REQUIRE_SERVICES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        launched = _launch(playwright, executable)
        yield launched
        launched.close()


def _launch(playwright: Playwright, executable: str) -> Browser:
    return playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)


def shifted_clock(start: datetime) -> object:
    """Real time passing, but starting from ``start``: waits and expiries behave as in production."""
    began = utcnow()
    return lambda: start + (utcnow() - began)


@dataclass
class LiveConsole:
    base_url: str
    runtime: Runtime
    twilio: FakeTwilio

    def url(self, path: str) -> str:
        return self.base_url + path

    def sms_bodies(self, to: str | None = None) -> list[str]:
        return [
            r.param("Body") or ""
            for r in self.twilio.requests
            if r.path.endswith("/Messages.json")
            and r.method == "POST"
            and (to is None or r.param("To") == to)
        ]

    def post_message(
        self,
        conversation_id: str,
        text: str,
        *,
        channel: str = "chat",
        sender: str = "customer",
        minute: int = 0,
    ) -> dict[str, object]:
        """A message from a channel (ingest key), scanned before the call returns."""
        response = httpx.post(
            self.url("/v1/messages?wait=true"),
            headers={"Authorization": "Bearer ingest-key"},
            json={
                "conversation_id": conversation_id,
                "channel": channel,
                "sender": sender,
                "text": text,
                "sent_at": f"2025-03-04T15:{minute:02d}:00+00:00",
            },
            timeout=30,
        )
        assert response.status_code == 200, response.text
        return dict(response.json())

    def link_for(self, code: str, responder: str) -> str:
        """The acknowledgement link a page to ``responder`` would carry for incident ``code``."""
        with session_scope(self.runtime.url) as session:
            incident = session.exec(select(IncidentRow).where(IncidentRow.code == code)).one()
            return self.runtime.policy.link_for(incident, responder, self.runtime.clock())

    def wait_for_link(self, to: str, timeout: float = 15.0) -> str:
        """The acknowledgement link in the first SMS page sent to ``to``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for body in self.sms_bodies(to):
                found = re.search(r"(http://\S+/r/\S+)", body)
                if found:
                    return found.group(1)
            time.sleep(0.1)
        raise AssertionError(f"no SMS page with a link reached {to}; sent: {self.sms_bodies()}")


@pytest.fixture
def live_console(detector: Detector) -> Iterator[LiveConsole]:
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    with fresh_postgres_schema() as database_url, FakeTwilio() as twilio:
        settings = Settings(
            database_url=database_url,
            api_keys=KEYS,
            link_secret="browser-test-link-secret",
            session_secret="browser-test-session-secret",
            public_url=base_url,
            sweep_seconds=0.5,
        )
        dispatcher = InProcessDispatcher()
        runtime = Runtime(settings, dispatcher, shifted_clock(STAFFED), _detector=detector).prepare()  # type: ignore[arg-type]
        runtime.__dict__["notifiers"] = _twilio_notifiers(twilio, base_url)
        dispatcher.bind(runtime)
        app = create_app(runtime)
        app.state.context.twilio_token = lambda: AUTH_TOKEN
        app.state.context.sse_max_seconds = 30.0
        server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", timeout_graceful_shutdown=1)
        )
        serving = threading.Thread(target=server.run, name="console-server", daemon=True)
        serving.start()
        sweeper = Sweeper(runtime, settings.sweep_seconds)
        sweeper.start()
        deadline = time.monotonic() + 15
        while not server.started:
            assert time.monotonic() < deadline, "the console server did not start"
            time.sleep(0.05)
        try:
            yield LiveConsole(base_url, runtime, twilio)
        finally:
            sweeper.stopped.set()
            server.should_exit = True
            serving.join(timeout=10)
            dispatcher.shutdown()


def _twilio_notifiers(twilio: FakeTwilio, base_url: str) -> dict[object, object]:
    common = {
        "account_sid": ACCOUNT_SID,
        "auth_token_env": "STAYLINE_TWILIO_AUTH_TOKEN",
        "from_number": "+12025550100",
        "status_callback_url": f"{base_url}/twilio/status",
        "api_base_url": twilio.base_url,
        "timeout_seconds": 2.0,
    }
    config = {
        "sms": {"type": "twilio_sms", **common},
        "voice": {"type": "twilio_voice", "gather_url": f"{base_url}/twilio/voice", **common},
        "webhook": {"type": "console"},
        "console": {"type": "console"},
    }
    return dict(load_notifiers(config, environ={"STAYLINE_TWILIO_AUTH_TOKEN": AUTH_TOKEN}))


@pytest.fixture
def desktop(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=DESKTOP)
    yield context
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    yield context
    context.close()


def screenshot(page: Page, name: str) -> Path:
    """Saved for people to look at (CI keeps test-artifacts/); the tests assert on the page itself."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def sign_in(page: Page, console: LiveConsole, name: str, key: str, path: str = "/") -> None:
    page.goto(console.url(f"/login?next={path}"))
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Console key").fill(key)
    page.get_by_role("button", name="Sign in").click()
