"""Channel health on the supervisor's floor (issue 13): a live channel, a watched one silent beyond its
window, one that is off; the same reading as /readyz. Invented numbers and text."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from playwright.sync_api import BrowserContext, expect

from tests.browser.conftest import LiveConsole, screenshot, sign_in

# The API door is watched always; SMS is on and watched at every hour with a one-minute window, and has
# never carried a message, so it is silent from the start.
CHANNELS_YAML = """
api:
  expect: {silence_minutes: 60, hours: {always: true}}
batch: {}
twilio_messages:
  enabled: true
  centre_numbers: ["+15555550100"]
  expect: {silence_minutes: 1, hours: {always: true}}
twilio_transcriptions: {enabled: false}
"""


@pytest.fixture
def watched_channels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read by the live console when it starts (requested before it: the API keeps its own copy)."""
    directory = tmp_path / "config"
    directory.mkdir()
    (directory / "channels.yaml").write_text(CHANNELS_YAML)
    monkeypatch.setenv("STAYLINE_CONFIG_DIR", str(directory))


def test_the_floor_shows_which_channels_are_live_and_which_are_silent(
    watched_channels: None, live_console: LiveConsole, desktop: BrowserContext
) -> None:
    live_console.post_message("chat-4101", "is the shop open on sunday", minute=0)
    ready = httpx.get(live_console.url("/readyz"), timeout=10).json()
    assert ready["checks"]["channels"] == "silent: twilio_messages"

    page = desktop.new_page()
    sign_in(page, live_console, "Sol Mendez", "admin-key", "/supervisor")
    expect(page.locator("#channels-heading")).to_have_text("Channels (1 silent)")
    rows = page.locator("#channels tbody tr")
    expect(rows.filter(has_text="twilio_messages")).to_contain_text("SILENT: never carried a message")
    expect(rows.filter(has_text="api")).to_contain_text("live")
    expect(rows.filter(has_text="api")).to_contain_text("ago")
    expect(rows.filter(has_text="batch")).to_contain_text("on, not watched")
    expect(rows.filter(has_text="twilio_transcriptions")).to_contain_text("off")
    screenshot(page, "after-floor-channels")
