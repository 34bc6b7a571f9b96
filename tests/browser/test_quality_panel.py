"""Issue 15 in a browser: the responder says what an incident was with one tap on the phone page, and the
supervisor's floor shows it in the quality panel (server-rendered SVG, no script needed). Screenshots of
both are saved for people to look at. The conversation is invented."""

from __future__ import annotations

import httpx
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.conftest import LiveConsole, screenshot, sign_in

CRISIS = "i've been saving up my tablets and tonight is the night"


def sideways_overflow(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"))


def incident_code(console: LiveConsole, incident_id: object) -> str:
    detail = httpx.get(
        console.url(f"/v1/incidents/{incident_id}"), headers={"X-API-Key": "admin-key"}, timeout=10
    )
    return str(detail.json()["code"])


def test_one_tap_outcome_on_the_phone_then_the_quality_panel(
    live_console: LiveConsole, phone: BrowserContext, desktop: BrowserContext
) -> None:
    code = incident_code(
        live_console, live_console.post_message("sms-8801", CRISIS, channel="sms")["incident_id"]
    )

    responder = phone.new_page()
    sign_in(responder, live_console, "Dana Reyes", "responder-key", f"/incidents/{code}")
    expect(responder.get_by_role("heading", name=f"Incident {code}")).to_be_visible()
    real = responder.get_by_role("button", name="Resolve: real crisis")
    expect(real).to_be_visible()
    assert sideways_overflow(responder) <= 0, "the outcome buttons scroll sideways on a phone"
    screenshot(responder, "phone-incident-outcome-buttons")

    responder.get_by_label("The person is safe, or with emergency services").check()
    real.tap()

    expect(responder.locator("#outcome-recorded")).to_contain_text("real crisis")
    expect(responder.locator("#outcome-recorded")).to_contain_text("Dana Reyes")
    expect(responder.locator("#incident-timeline")).to_contain_text("Dana Reyes said it was: real crisis")
    screenshot(responder, "phone-incident-outcome-recorded")

    supervisor = desktop.new_page()
    sign_in(supervisor, live_console, "Sol Mendez", "admin-key", "/supervisor")
    panel = supervisor.locator("#quality")
    expect(panel.get_by_role("heading", name="Quality")).to_be_visible()
    totals = supervisor.locator("#quality-30d tr.total")
    expect(totals.locator('td[data-label="Confirmed crises"]')).to_have_text("1")
    expect(totals.locator('td[data-label="False alarms"]')).to_have_text("0")
    expect(supervisor.locator("#quality-30d").get_by_role("row").filter(has_text="sms")).to_be_visible()
    chart = supervisor.locator("#quality-30d svg.quality-chart")
    expect(chart).to_be_visible()
    assert chart.bounding_box() is not None and chart.bounding_box()["height"] > 20  # type: ignore[index]
    expect(panel).to_contain_text("Model in force: detector.")
    expect(panel).not_to_contain_text("tablets")
    screenshot(supervisor, "floor-quality-panel")
