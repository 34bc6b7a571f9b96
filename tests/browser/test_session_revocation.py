"""A saved session cookie stops opening the console the moment its session ends: after sign-out, after
`stayline keys revoke`, and after a supervisor ends it from the floor. Real browser, real service."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from click.testing import CliRunner
from playwright.sync_api import Browser, BrowserContext, Page, expect

from stayline_cli.main import cli
from store import keys
from store.db import session_scope
from tests.browser.conftest import DESKTOP, LiveConsole, screenshot, sign_in


def stored_key(console: LiveConsole, person: str) -> str:
    with session_scope(console.runtime.url) as session:
        key, _ = keys.create(session, "responder", person, "browser test", datetime.now(UTC))
    return key


def replay(browser: Browser, holder: BrowserContext) -> Page:
    """A second browser given a copy of ``holder``'s cookies, as someone who saved them would have."""
    thief = browser.new_context(viewport=DESKTOP)
    thief.add_cookies(holder.cookies())  # type: ignore[arg-type]
    return thief.new_page()


def floor_opens(page: Page, console: LiveConsole) -> bool:
    page.goto(console.url("/supervisor"))
    return page.get_by_role("heading", name="Floor").is_visible()


def test_after_sign_out_the_saved_cookie_no_longer_opens_the_floor(
    live_console: LiveConsole, browser: Browser, desktop: BrowserContext
) -> None:
    dana = desktop.new_page()
    sign_in(dana, live_console, "Dana Reyes", "responder-key", "/supervisor")
    expect(dana.get_by_role("heading", name="Floor")).to_be_visible()
    copy = replay(browser, desktop)
    assert floor_opens(copy, live_console)

    dana.get_by_role("button", name="Sign out").click()
    expect(dana.get_by_role("heading", name="Sign in to stayline")).to_be_visible()

    assert not floor_opens(copy, live_console)
    expect(copy.get_by_role("heading", name="Sign in to stayline")).to_be_visible()
    copy.context.close()


def test_after_revocation_the_saved_cookie_no_longer_opens_the_floor(
    live_console: LiveConsole, browser: Browser, desktop: BrowserContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = stored_key(live_console, "Sam Okafor")
    sam = desktop.new_page()
    sign_in(sam, live_console, "Sam Okafor", key, "/supervisor")
    expect(sam.get_by_role("heading", name="Floor")).to_be_visible()
    copy = replay(browser, desktop)
    assert floor_opens(copy, live_console)

    monkeypatch.setenv("STAYLINE_DATABASE_URL", live_console.runtime.url)
    from config.settings import get_settings

    get_settings.cache_clear()
    try:
        revoked = CliRunner().invoke(cli, ["keys", "revoke", key[:8]])
    finally:
        get_settings.cache_clear()
    assert revoked.exit_code == 0, revoked.output

    assert not floor_opens(copy, live_console)
    assert not floor_opens(sam, live_console)
    expect(sam.get_by_role("heading", name="Sign in to stayline")).to_be_visible()
    copy.context.close()


def test_a_supervisor_ends_a_session_from_the_floor(
    live_console: LiveConsole, browser: Browser, desktop: BrowserContext
) -> None:
    dana = desktop.new_page()
    sign_in(dana, live_console, "Dana Reyes", "responder-key", "/supervisor")
    expect(dana.get_by_role("heading", name="Floor")).to_be_visible()

    supervisor_context = browser.new_context(viewport=DESKTOP)
    supervisor = supervisor_context.new_page()
    sign_in(supervisor, live_console, "Sol Mendez", "admin-key", "/supervisor")
    panel = supervisor.locator("#sessions")
    expect(panel).to_contain_text("Dana Reyes")
    screenshot(supervisor, "supervisor-sessions")
    panel.get_by_role("button", name="End the session of Dana Reyes").click()
    expect(supervisor.locator("#sessions")).not_to_contain_text("Dana Reyes")

    assert not floor_opens(dana, live_console)
    supervisor_context.close()
