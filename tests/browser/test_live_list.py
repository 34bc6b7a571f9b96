"""The conversation list keeps its risk badges live: a conversation that turns risky shows it on every
agent's open list without a reload."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, expect

from tests.browser.conftest import LiveConsole, sign_in


def test_a_conversation_turning_risky_updates_the_open_list(
    live_console: LiveConsole, desktop: BrowserContext
) -> None:
    live_console.post_message("chat-4410", "is the new tariff cheaper than my current one?")
    page = desktop.new_page()
    sign_in(page, live_console, "Ana Lima", "agent-key", "/conversations")
    row = page.get_by_role("row").filter(has_text="chat-4410")
    expect(row).to_contain_text("none risk")
    expect(page.locator("body")).to_have_attribute("data-stream-state", "connected")

    live_console.post_message(
        "chat-4410", "i've written my goodbye letters and tonight i'm taking all my pills", minute=2
    )

    expect(row).to_contain_text("imminent risk")
    expect(row).to_contain_text("paging")
