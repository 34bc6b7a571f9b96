"""Every console view fits a 390 px wide phone without sideways scrolling: a responder woken at 3 a.m.
opens whichever link they were sent on their phone. Each view is screenshotted at that size."""

from __future__ import annotations

import httpx
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.conftest import LiveConsole, screenshot, sign_in

CRISIS = "i've been saving up my tablets and tonight is the night"


def sideways_overflow(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"))


def seed(console: LiveConsole) -> str:
    """A detected crisis (pages, timeline, evidence) and a flagged quiet conversation; the crisis code."""
    incident = console.post_message("sms-5120", CRISIS, channel="sms")["incident_id"]
    console.post_message("chat-2208", "can you move my payment date to the 28th please", minute=1)
    detail = httpx.get(
        console.url(f"/v1/incidents/{incident}"), headers={"X-API-Key": "admin-key"}, timeout=10
    )
    return str(detail.json()["code"])


def test_every_view_fits_a_phone(live_console: LiveConsole, phone: BrowserContext) -> None:
    code = seed(live_console)
    page = phone.new_page()
    page.goto(live_console.url("/login"))
    expect(page.locator("main h1")).to_be_visible()
    assert sideways_overflow(page) <= 0, "sign-in scrolls sideways on a phone"
    screenshot(page, "phone-sign-in")

    page.goto(live_console.link_for(code, "Dana Reyes"))
    expect(page.get_by_role("button", name="Acknowledge")).to_be_visible()
    assert sideways_overflow(page) <= 0, "the page link scrolls sideways on a phone"
    screenshot(page, "phone-page-link")

    sign_in(page, live_console, "Sol Mendez", "admin-key", "/conversations")
    views = [
        ("/conversations", "conversation-list"),
        ("/conversations?at_risk=true", "conversation-list-at-risk"),
        ("/conversations/sms-5120", "conversation"),
        ("/conversations/chat-2208", "conversation-quiet"),
        (f"/incidents/{code}", "incident"),
        ("/supervisor", "floor"),
        ("/responder", "not-found"),
    ]
    too_wide = {}
    for path, name in views:
        page.goto(live_console.url(path))
        expect(page.locator("main h1")).to_be_visible()
        screenshot(page, f"phone-{name}")
        if (overflow := sideways_overflow(page)) > 0:
            too_wide[path] = overflow
    assert not too_wide, f"views that scroll sideways on a phone (px): {too_wide}"
