"""What a person sees at 3 a.m. (issue 14): a flagged conversation's badge and place in the list,
incident codes linked everywhere, times in their own zone with UTC on hover that keep counting, a 404
page with a way back, and an acknowledgement that keeps "I can join"."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, expect

from tests.browser.conftest import DESKTOP, PHONE, LiveConsole, screenshot, sign_in


def test_a_flagged_quiet_conversation_leads_the_risk_view(
    live_console: LiveConsole, browser: Browser
) -> None:
    live_console.post_message("chat-3301", "can I change my billing date", minute=0)
    live_console.post_message("chat-3302", "what time do you open tomorrow", minute=2)
    context = browser.new_context(viewport=DESKTOP, timezone_id="Asia/Tokyo")
    agent = context.new_page()
    sign_in(agent, live_console, "Ana Lima", "agent-key", "/conversations/chat-3301")
    agent.get_by_label("Level").select_option("moderate")
    agent.get_by_role("button", name="Flag and page now").click()
    expect(agent.locator("#risk .facts").first).to_contain_text("moderate risk")

    agent.goto(live_console.url("/conversations?at_risk=true"))
    rows = agent.locator("#conversation-list tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("chat-3301")
    expect(rows.first).to_contain_text("moderate risk")
    expect(rows.first.get_by_role("link", name=re.compile(r"^\d{6}$"))).to_be_visible()
    agent.goto(live_console.url("/conversations"))
    expect(agent.locator("#conversation-list tbody tr").first).to_contain_text("chat-3301")  # riskiest first
    # Ana is not on the roster: her browser's zone (Tokyo), with UTC on hover.
    message_time = (
        agent.goto(live_console.url("/conversations/chat-3301")) and agent.locator("#messages time").first
    )
    expect(message_time).to_have_text(re.compile(r"^\d\d:\d\d:\d\d (GMT\+9|JST)$"))
    expect(message_time).to_have_attribute("title", re.compile(r"UTC"))
    screenshot(agent, "after-flagged-conversation-tokyo")
    context.close()


def test_a_responder_sees_codes_local_times_and_keeps_when_they_can_join(
    live_console: LiveConsole, browser: Browser
) -> None:
    incident = live_console.post_message(
        "sms-6610", "i've been saving up my tablets and tonight is the night"
    )
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, timezone_id="Europe/Paris")
    dana = context.new_page()
    sign_in(dana, live_console, "Dana Reyes", "responder-key", "/supervisor")
    waiting = dana.locator("#awaiting-heading").locator("xpath=..")
    code_link = waiting.get_by_role("link", name=re.compile(r"^\d{6}$")).first
    expect(code_link).to_be_visible()
    assert str(incident["incident_id"])[:8] not in dana.locator("#floor").inner_text()
    since = dana.locator("#open-heading").locator("xpath=..").locator("time[data-since]").first
    first = since.inner_text()
    expect(since).not_to_have_text(first)  # keeps counting without a reload
    screenshot(dana, "after-phone-floor")

    code_link.click()
    opened = dana.locator("#incident-state time").first
    # Dana is on the roster in New York: New York time even on a phone set to Paris.
    expect(opened).to_have_text(re.compile(r"^\d\d:\d\d:\d\d E[SD]T$"))
    expect(opened).to_have_attribute("title", re.compile(r"UTC"))
    dana.get_by_label("I can join").select_option(label="in 10 minutes")
    dana.get_by_role("button", name="Acknowledge: I have it").click()
    expect(dana.locator("#announce")).to_contain_text("Joining by")
    selected = dana.get_by_label("I can join").locator("option:checked")
    expect(selected).to_contain_text("as you said")
    expect(selected).not_to_contain_text("not sure")
    screenshot(dana, "after-phone-incident-acknowledged")
    context.close()


def test_an_unknown_address_has_a_way_back(live_console: LiveConsole, browser: Browser) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    page = context.new_page()
    sign_in(page, live_console, "Dana Reyes", "responder-key", "/supervisor")
    response = page.goto(live_console.url("/responder"))
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    page.get_by_role("link", name=re.compile("The floor")).click()
    expect(page.get_by_role("heading", name="Floor")).to_be_visible()
    icon = page.request.get(live_console.url("/favicon.ico"))
    assert icon.status == 200 and icon.headers["content-type"] == "image/x-icon"
    context.close()
