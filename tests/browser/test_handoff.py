"""The console's promise, end to end in a browser: an agent flags a conversation, a responder
acknowledges through the link in the SMS page, and the agent's open screen shows the hand-off without
a reload. Each view is screenshotted for people to look at."""

from __future__ import annotations

import re

from playwright.sync_api import BrowserContext, expect

from tests.browser.conftest import LiveConsole, screenshot, sign_in

DANA_PHONE = "+12025550101"  # Dana Reyes, on call in the primary rota (invented number)
CONVERSATION = "chat-7731"


def test_agent_flags_responder_acknowledges_by_link_agent_sees_hand_off(
    live_console: LiveConsole, desktop: BrowserContext, phone: BrowserContext
) -> None:
    live_console.post_message(CONVERSATION, "hi, can you close every account I have with you, all of them")
    live_console.post_message(
        CONVERSATION, "I can help with that. May I ask what prompted it?", sender="agent", minute=1
    )

    agent = desktop.new_page()
    sign_in(agent, live_console, "Ana Lima", "agent-key", "/conversations")
    row = agent.get_by_role("row").filter(has_text=CONVERSATION)
    expect(row).to_be_visible()
    screenshot(agent, "agent-conversations")
    row.get_by_role("link", name=CONVERSATION).click()
    expect(agent.get_by_role("heading", name=f"Conversation {CONVERSATION}")).to_be_visible()
    expect(agent.locator("#announce")).to_have_text("Nobody has been paged.")
    expect(agent.locator("body")).to_have_attribute("data-stream-state", "connected")

    agent.get_by_label("Level").select_option("high")
    agent.get_by_label("Category").select_option("suicide")
    agent.get_by_label("Note for the responder (optional)").fill(
        "Tone changed; asked about closing everything"
    )
    agent.get_by_role("button", name="Flag and page now").click()

    expect(agent.locator("#announce")).to_contain_text("nobody has acknowledged yet")
    code = re.search(r"incident (\d+)", agent.locator("#announce").inner_text())
    assert code is not None
    expect(agent.locator("#playbook")).to_contain_text("Guidance:")
    expect(agent.locator("#paging .timeline")).to_contain_text("Flagged by agent Ana Lima as high")

    # The customer goes on; the open screen shows the new message and its evidence without a reload.
    live_console.post_message(
        CONVERSATION, "i've been saving up my tablets and tonight is the night", minute=3
    )
    evidence = agent.locator("#messages mark.evidence")
    expect(evidence.first).to_be_visible()
    expect(agent.locator("#messages")).to_contain_text("saving up my tablets")
    screenshot(agent, "agent-conversation-paging")

    # The SMS page carries a reference and a link, never the customer's words.
    link = live_console.wait_for_link(DANA_PHONE)
    assert all("tablets" not in body and "account" not in body for body in live_console.sms_bodies())

    responder = phone.new_page()
    responder.goto(link)
    expect(responder.get_by_role("heading", name="Acknowledge incident")).to_be_visible()
    expect(responder.locator("body")).not_to_contain_text("tablets")  # no evidence without signing in
    screenshot(responder, "responder-link-phone")
    responder.get_by_role("button", name="Acknowledge").click()
    expect(responder.get_by_role("heading", name="Acknowledged")).to_be_visible()

    # The hand-off reaches the agent's open page, and is announced to screen readers.
    expect(agent.locator("#announce")).to_contain_text("Dana Reyes has acknowledged and is joining")
    expect(agent.locator("#live-status")).to_contain_text("Dana Reyes has acknowledged")
    expect(agent.locator("#paging .timeline")).to_contain_text("Acknowledged by Dana Reyes (via web link)")
    screenshot(agent, "agent-hand-off")

    # Behind sign-in, the responder sees the evidence, who the agent is and how to join.
    responder.get_by_role("link", name=re.compile("Open the incident")).click()
    responder.get_by_label("Your name").fill("Dana Reyes")
    responder.get_by_label("Console key").fill("responder-key")
    responder.get_by_role("button", name="Sign in").click()
    expect(responder.get_by_role("heading", name=f"Incident {code.group(1)}")).to_be_visible()
    expect(responder.locator("#evidence mark.evidence").first).to_be_visible()
    expect(responder.locator("#join")).to_contain_text("Flagged by agent Ana Lima on chat conversation")
    expect(responder.locator("#join")).to_contain_text(
        f"with incident {code.group(1)} to be added to the chat"
    )
    expect(responder.locator("#announce")).to_contain_text("Acknowledged by Dana Reyes")
    _fits_without_sideways_scrolling(responder)
    screenshot(responder, "responder-incident-phone")

    # The responder says when they can join; the agent's open page shows who is on the way and when.
    responder.get_by_label("I can join").select_option(label="in 10 minutes")
    responder.get_by_role("button", name="Update when I can join").click()
    expect(responder.locator("#announce")).to_contain_text("Joining by")
    expect(agent.locator("#announce")).to_contain_text("is joining by")
    expect(agent.locator("#announce")).to_contain_text("(in 10 min)")
    expect(agent.locator("#paging .timeline")).to_contain_text("Dana Reyes expects to join in 10 min")

    supervisor = desktop.new_page()
    desktop.clear_cookies()
    sign_in(supervisor, live_console, "Sol Mendez", "admin-key", "/supervisor")
    open_row = supervisor.get_by_role("row").filter(has_text=CONVERSATION)
    expect(open_row).to_contain_text("acknowledged by Dana Reyes")
    expect(supervisor.locator("#floor")).to_contain_text("primary: Dana Reyes")
    expect(supervisor.locator("#floor")).to_contain_text("Configuration check passed")
    screenshot(supervisor, "supervisor-floor")


def _fits_without_sideways_scrolling(page: object) -> None:
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px on a phone"
