"""What is kept and for how long: redaction before storage, and the retention job the sweepers run."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from click.testing import CliRunner
from sqlmodel import col, select

from stayline_cli.main import cli
from store.audit_chain import verify
from store.db import session_scope
from store.models import AssessmentRow, AuditEventRow, ConversationRow, MessageRow
from tests.api.conftest import CRISIS, Harness, auth
from workers.sweeper import RETENTION, Sweeper

WITH_NUMBER = CRISIS + ", my number is +1 555 010 0142 and my card is 4111 1111 1111 1111"


def stored(api: Harness, conversation_id: str) -> list[MessageRow]:
    with session_scope(api.url) as session:
        query = select(MessageRow).where(MessageRow.conversation_id == conversation_id)
        return list(session.exec(query).all())


def evidence(api: Harness, conversation_id: str) -> list[dict[str, object]]:
    with session_scope(api.url) as session:
        rows = session.exec(select(AssessmentRow).where(AssessmentRow.conversation_id == conversation_id))
        return [signal for row in rows for signal in row.signals]


def level(api: Harness, conversation_id: str) -> str:
    with session_scope(api.url) as session:
        row = session.get(ConversationRow, conversation_id)
        assert row is not None
        return row.level


def test_numbers_are_redacted_before_storage_and_the_crisis_still_pages(api: Harness) -> None:
    scanned = api.post_message(WITH_NUMBER, wait=True).json()

    [message] = stored(api, "conv-1")
    assert "555" not in message.text and "4111" not in message.text
    assert "[phone]" in message.text and "[card]" in message.text
    assert "tonight is the night" in message.text
    assert scanned["assessment"]["level"] in ("high", "imminent") and scanned["incident_id"]


def test_an_agents_flag_note_is_redacted_too(api: Harness) -> None:
    api.flag("conv-5", "high", note="her sister's email is sis@example.org")

    with session_scope(api.url) as session:
        note = session.exec(
            select(AuditEventRow.detail).where(AuditEventRow.action == "conversation_flagged")
        ).one()
    assert note["note"] == "her sister's email is [email]"


def test_redaction_can_be_turned_off(make_api: Callable[..., Harness]) -> None:
    api = make_api(redact_text=False)

    api.post_message(WITH_NUMBER, wait=True)

    assert stored(api, "conv-1")[0].text == WITH_NUMBER


def resolve(api: Harness, conversation_id: str) -> None:
    incidents = api.client.get(
        f"/v1/incidents?conversation_id={conversation_id}", headers=auth("responder")
    ).json()["incidents"]
    for incident in incidents:
        response = api.client.post(f"/v1/incidents/{incident['id']}/resolve", headers=auth("responder"))
        assert response.status_code == 200


def test_the_sweepers_retention_job_removes_old_words_but_not_under_an_open_incident(api: Harness) -> None:
    api.post_message(CRISIS, conversation_id="conv-open", wait=True)
    api.post_message(CRISIS, conversation_id="conv-done", wait=True)
    resolve(api, "conv-done")
    offsets = [(s["start"], s["end"], s["rule"]) for s in evidence(api, "conv-done")]
    assert offsets and all(s["text"] for s in evidence(api, "conv-done"))
    sweeper = Sweeper(api.runtime, 1.0)
    api.clock.advance(29 * 86400)
    assert RETENTION in sweeper.run_once()
    assert stored(api, "conv-done")[0].text == CRISIS  # 29 days: still kept

    api.clock.advance(2 * 86400)
    assert RETENTION in sweeper.run_once()

    [done] = stored(api, "conv-done")
    assert (done.text, done.purged_at) == ("", api.clock.now)
    assert [(s["start"], s["end"], s["rule"]) for s in evidence(api, "conv-done")] == offsets
    assert {s["text"] for s in evidence(api, "conv-done")} == {None}
    assert level(api, "conv-done") in ("high", "imminent")  # levels and categories stay
    assert stored(api, "conv-open")[0].text == CRISIS  # its incident is still open

    resolve(api, "conv-open")
    api.clock.advance(13 * 3600)
    assert RETENTION in sweeper.run_once()

    assert stored(api, "conv-open")[0].text == ""
    with session_scope(api.url) as session:
        runs = session.exec(
            select(AuditEventRow).where(AuditEventRow.action == "text_purged").order_by(col(AuditEventRow.id))
        ).all()
        assert [(r.detail["messages"], r.detail["kept_open"]) for r in runs] == [(0, 0), (1, 1), (1, 0)]
        assert verify(session).intact  # purging words never touches the audit trail


def test_purge_by_hand_before_a_date(api: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    api.post_message("hello, a question about my bill", conversation_id="conv-bill", wait=True)
    monkeypatch.setenv("STAYLINE_DATABASE_URL", api.url)
    from config.settings import get_settings

    get_settings.cache_clear()
    try:
        day_before = (api.clock.now - timedelta(days=1)).date().isoformat()
        kept = CliRunner().invoke(cli, ["purge", "--before", day_before])
        day_after = (api.clock.now + timedelta(days=1)).date().isoformat()
        purged = CliRunner().invoke(cli, ["purge", "--before", day_after])
    finally:
        get_settings.cache_clear()

    assert kept.exit_code == 0 and "purged 0 messages" in kept.output
    assert purged.exit_code == 0 and "purged 1 messages" in purged.output
    assert stored(api, "conv-bill")[0].text == ""
