"""The agent's playbook through the API: it activates on the risky turn, ticks from the agent's words,
warns on a closing attempt, and shows who has been paged and who has it."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import col, select

from store.db import session_scope
from store.models import AuditEventRow, ConversationRow
from tests.api.conftest import Harness, auth


def guidance(api: Harness, conversation: str = "conv-1") -> dict:  # type: ignore[type-arg]
    response = api.client.get(f"/v1/conversations/{conversation}/guidance", headers=auth("agent"))
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def say(api: Harness, text: str, sender: str = "customer") -> None:
    api.clock.advance(5)
    assert api.post_message(text, sender=sender, wait=True).status_code == 200


def test_the_playbook_follows_the_conversation(api: Harness) -> None:
    say(api, "hi, I need to change my delivery address")
    assert guidance(api)["mode"] == "idle"
    say(api, "honestly I have swallowed all of my sleeping pills")
    view = guidance(api)
    assert (view["mode"], view["playbook"]) == ("paging", "overdose-poisoning")
    assert view["paging"]["paged"], "the agent sees who has been paged"
    say(api, "are you thinking about killing yourself?", sender="agent")
    say(api, "have a nice day, is there anything else?", sender="agent")
    with session_scope(api.url) as session:
        actions = [
            e.action for e in session.exec(select(AuditEventRow).order_by(col(AuditEventRow.id))).all()
        ]
    assert actions.index("guidance_playbook_activated") < actions.index("guidance_checkpoint_ticked")
    assert "guidance_closing_attempted" in actions  # the stay-on-the-line warning, in the audit trail


def test_unknown_conversation_is_404(api: Harness) -> None:
    assert api.client.get("/v1/conversations/nope/guidance", headers=auth("agent")).status_code == 404


def test_an_agent_silent_too_long_gets_a_nudge_from_the_sweep(api: Harness) -> None:
    from workers.sweep import tick_guidance

    say(api, "honestly I have swallowed all of my sleeping pills")
    api.clock.advance(600)  # ten minutes without a word from the agent
    assert tick_guidance(api.runtime) == 1
    with session_scope(api.url) as session:
        shown = [
            e.detail["event"]
            for e in session.exec(select(AuditEventRow)).all()
            if e.action == "guidance_prompt_shown"
        ]
    assert any("agent_silent" in str(event) for event in shown), shown


def test_the_sweep_ticks_a_conversation_only_when_its_guidance_has_something_due(api: Harness) -> None:
    from workers.sweep import tick_guidance

    say(api, "honestly I have swallowed all of my sleeping pills")
    with session_scope(api.url) as session:
        due = session.exec(select(ConversationRow.guidance_due_at)).one()
    assert due is not None and due > api.clock()
    assert tick_guidance(api.runtime) == 0  # an open incident, nothing due yet: its state is not read
    api.clock.advance((due - api.clock()).total_seconds())
    assert tick_guidance(api.runtime) == 1
    with session_scope(api.url) as session:
        after = session.exec(select(ConversationRow.guidance_due_at)).one()
        shown = [e for e in session.exec(select(AuditEventRow)).all() if e.action == "guidance_prompt_shown"]
    assert shown, "the moment named raised a prompt"
    assert after is not None and after > due  # the next moment is further on
    assert tick_guidance(api.runtime) == 0


def test_the_agent_ticks_checkpoints_and_dismisses_prompts(api: Harness) -> None:
    say(api, "honestly I have swallowed all of my sleeping pills")
    url = "/v1/conversations/conv-1/guidance"
    ticked = api.client.post(f"{url}/check/location_known", headers=auth("agent"))
    assert ticked.status_code == 200, ticked.text
    assert "location_known" in str(ticked.json())
    assert api.client.post(f"{url}/check/not_a_checkpoint", headers=auth("agent")).status_code == 422
    assert api.client.post(f"{url}/check/location_known", headers=auth("ingest")).status_code == 403

    prompt = guidance(api)["prompts"][0]["id"]
    assert api.client.post(f"{url}/dismiss/{prompt}", headers=auth("ingest")).status_code == 403
    dismissed = api.client.post(f"{url}/dismiss/{prompt}", headers=auth("agent"))
    assert dismissed.status_code == 200, dismissed.text
    assert prompt not in [shown["id"] for shown in dismissed.json()["prompts"]]
    assert prompt not in [shown["id"] for shown in guidance(api)["prompts"]], "it stays dismissed"

    with session_scope(api.url) as session:
        events = session.exec(select(AuditEventRow).where(AuditEventRow.conversation_id == "conv-1")).all()
    assert "guidance_checkpoint_ticked" in {e.action for e in events}
    dismissals = [e for e in events if e.action == "guidance_prompt_dismissed"]
    assert [e.detail["event"]["prompt_id"] for e in dismissals] == [prompt]
    assert dismissals[0].actor.startswith("agent:"), "the audit names the agent who dismissed it"


def test_an_expired_resource_alarms_its_owner_once_a_day(api: Harness) -> None:
    """The rota check (on beat every few minutes) pages the owner from the day after an entry's review_due,
    once a day. The clock is injected, so this passes on any day of the year."""
    from escalation.guidance import default_library
    from workers.sweep import check_rota

    regions = default_library().regions.values()
    first_due = min(entry.review_due for region in regions for entry in region.resources)

    def check_on(day: date) -> list[int]:
        api.clock.now = datetime.combine(day, time(12), UTC)
        check_rota(api.runtime)
        return [page.id for page in api.pages("resources") if page.id is not None]

    assert check_on(first_due) == [], "nothing alarms on the last day of the review window"
    first = check_on(first_due + timedelta(days=1))
    assert first and set(first) <= set(api.dispatcher.pages), "the owner's alarm is sent"
    assert check_on(first_due + timedelta(days=1)) == first, "once a day, not on every check"
    with session_scope(api.url) as session:
        events = session.exec(select(AuditEventRow).where(AuditEventRow.action == "resource_expired")).all()
        alarms = [event.detail for event in events]
    assert len(alarms) == len(first) and all(alarm["owner"] for alarm in alarms)


def test_an_overdue_playbook_review_alarms_through_the_rota_check(api: Harness) -> None:
    """Playbooks carry a review date; from the day after it, the rota check (the same path as expired
    resources) raises a console alarm naming the playbook and its owner, once a day. Dates come from the
    shipped files and the injected clock, so this passes on any day of the year."""
    from escalation.guidance import default_library
    from workers.sweep import check_rota

    library = default_library()
    first_due = min(playbook.review_due for playbook in library.playbooks.values())
    overdue_then = sorted(p.id for p in library.playbooks.values() if p.review_due == first_due)

    def check_on(day: date) -> list[int]:
        api.clock.now = datetime.combine(day, time(12), UTC)
        check_rota(api.runtime)
        return sorted(page.id for page in api.pages("reviews") if page.id is not None)

    assert check_on(first_due) == [], "nothing alarms on the review date itself"
    first = check_on(first_due + timedelta(days=1))
    assert first and set(first) <= set(api.dispatcher.pages), "the alarm is sent"
    assert check_on(first_due + timedelta(days=1)) == first, "once a day, not on every check"
    with session_scope(api.url) as session:
        events = session.exec(select(AuditEventRow).where(AuditEventRow.action == "review_overdue")).all()
        named = sorted(event.detail["playbook"] for event in events if "playbook" in event.detail)
        pages = [page for page in api.pages("reviews")]
    assert named == overdue_then
    assert all(page.kind == "alarm" and page.channel == "console" for page in pages)
    assert any(overdue_then[0] in page.history[0]["why"] for page in pages), "the alarm says which playbook"
    assert len(check_on(first_due + timedelta(days=2))) > len(first), "and again the next day until reviewed"
