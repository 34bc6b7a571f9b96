"""Every console view passes axe-core's WCAG 2 A/AA checks (contrast, labels, names, structure), at
desktop size and, for what responders open from a page, at phone size; the agent's flag works from the
keyboard alone."""

from __future__ import annotations

import httpx
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.conftest import LiveConsole, screenshot, sign_in

CRISIS = "i've been saving up my tablets and tonight is the night"
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
AXE = Axe()


def assert_accessible(page: Page, name: str) -> None:
    results = AXE.run(page, options=WCAG)
    assert results.violations_count == 0, f"{name}:\n{results.generate_report()}"


def seed_crisis(console: LiveConsole) -> str:
    """A conversation the detector escalates by itself; returns the incident code."""
    incident = console.post_message("sms-5120", CRISIS, channel="sms")["incident_id"]
    detail = httpx.get(
        console.url(f"/v1/incidents/{incident}"), headers={"X-API-Key": "admin-key"}, timeout=10
    )
    return str(detail.json()["code"])


def test_every_view_passes_wcag_checks_on_the_desktop(
    live_console: LiveConsole, desktop: BrowserContext
) -> None:
    code = seed_crisis(live_console)
    page = desktop.new_page()
    page.goto(live_console.url("/login"))
    assert_accessible(page, "sign-in")
    screenshot(page, "sign-in")

    sign_in(page, live_console, "Sol Mendez", "admin-key", "/conversations")
    for path, name in (
        ("/conversations", "conversation list"),
        ("/conversations/sms-5120", "conversation"),
        (f"/incidents/{code}", "incident"),
        ("/supervisor", "floor"),
    ):
        page.goto(live_console.url(path))
        expect(page.locator("main h1")).to_be_visible()
        assert_accessible(page, name)


@pytest.mark.parametrize("signed_in", [False, True], ids=["page-link", "incident"])
def test_what_a_responder_opens_from_a_page_passes_on_a_phone(
    live_console: LiveConsole, phone: BrowserContext, signed_in: bool
) -> None:
    code = seed_crisis(live_console)
    page = phone.new_page()
    if signed_in:
        sign_in(page, live_console, "Dana Reyes", "responder-key", f"/incidents/{code}")
        expect(page.get_by_role("button", name="Acknowledge: I have it")).to_be_visible()
    else:
        page.goto(live_console.link_for(code, "Dana Reyes"))
        expect(page.get_by_role("button", name="Acknowledge")).to_be_visible()
    assert_accessible(page, "responder on a phone")
    width = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert width <= 0, "scrolls sideways on a phone"


def test_an_agent_flags_with_the_keyboard_alone(live_console: LiveConsole, desktop: BrowserContext) -> None:
    live_console.post_message(
        "voice-88", "i just wanted to sort out the bill before the weekend", channel="voice"
    )
    page = desktop.new_page()
    sign_in(page, live_console, "Ana Lima", "agent-key", "/conversations/voice-88")
    expect(page.get_by_role("heading", name="Conversation voice-88")).to_be_visible()

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    for _ in range(40):  # Tab through the page to the level select, as a keyboard user would
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "flag-level":
            break
    expect(page.get_by_label("Level")).to_be_focused()
    page.keyboard.press("ArrowDown")  # high -> imminent
    page.keyboard.press("Tab")
    expect(page.get_by_label("Category")).to_be_focused()
    page.keyboard.press("Tab")  # the detector rated this conversation none: the agent may point at a turn
    expect(page.get_by_label("The turn the detector missed (optional)")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Note for the responder (optional)")).to_be_focused()
    page.keyboard.type("Caller went quiet after mentioning the bridge")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Flag and page now")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#announce")).to_contain_text("nobody has acknowledged yet")
    expect(page.locator("#incident-summary")).to_contain_text("imminent risk")
    expect(page.locator("#incident-summary")).to_contain_text("opened by an agent")


def test_the_checker_itself_catches_an_unlabelled_field(desktop: BrowserContext) -> None:
    """Guards the checks above against passing because axe silently checked nothing."""
    page = desktop.new_page()
    page.set_content('<!doctype html><html lang="en"><title>t</title><main><input id="q"></main></html>')
    results = AXE.run(page, options=WCAG)
    assert results.violations_count > 0
    assert "label" in results.generate_report()
