"""Pruning by month (workers/pruning.py): whole closed months past the horizon are deleted in small
batches, never a conversation under an open incident or with activity since, while intake goes on. On a
fresh SQLite file and a fresh PostgreSQL schema. All conversations are invented."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlmodel import col, func, select

from detector import Detector
from store.audit_chain import verify
from store.db import session_scope
from store.models import AssessmentRow, AuditEventRow, LabelledExampleRow, MessageRow
from tests.api.conftest import CRISIS, Harness, auth, harness_for
from workers.pruning import cutoff, prune_messages
from workers.sweeper import PRUNE, RETENTION, Sweeper, jobs_for

DAY = 86400
HORIZON = 61


@pytest.fixture
def api(database_url: str, detector: Detector) -> Iterator[Harness]:
    settings = {"prune_messages_after_days": HORIZON, "prune_batch_size": 2}
    with harness_for(database_url, detector, **settings) as harness:
        yield harness


def post(api: Harness, conversation_id: str, text: str = "a question about my invented bill") -> None:
    now = api.clock.now.isoformat()
    response = api.post_message(text, conversation_id=conversation_id, sent_at=now, wait=True)
    assert response.status_code in (200, 202), response.text
    api.clock.advance(1)


def messages_of(api: Harness, conversation_id: str) -> int:
    with session_scope(api.url) as session:
        query = select(func.count()).where(col(MessageRow.conversation_id) == conversation_id)
        return int(session.exec(query).one())


def assessments_of(api: Harness, conversation_id: str) -> int:
    with session_scope(api.url) as session:
        query = select(func.count()).where(col(AssessmentRow.conversation_id) == conversation_id)
        return int(session.exec(query).one())


def seed(api: Harness) -> None:
    """March (the clock starts 2025-03-04): two quiet conversations, one under an open incident, one that
    comes back in May; April: one more. The prune runs on 2025-06-20, whose horizon (61 days: April 20)
    falls in April, so only March goes."""
    for _ in range(3):
        post(api, "conv-march-a")
    for _ in range(2):
        post(api, "conv-march-b")
    post(api, "conv-open", CRISIS)
    post(api, "conv-revived")
    api.clock.advance(37 * DAY)  # April 10
    post(api, "conv-april")
    api.clock.advance(30 * DAY)  # May 10
    post(api, "conv-revived")
    api.clock.now = datetime(2025, 6, 20, 12, 0, tzinfo=UTC)


def test_only_whole_months_past_the_horizon_go_in_batches_and_never_under_an_open_incident(
    api: Harness,
) -> None:
    seed(api)
    assert assessments_of(api, "conv-march-a") == 3
    before = cutoff(api.clock.now, HORIZON)
    assert before == datetime(2025, 4, 1, tzinfo=UTC)

    report = prune_messages(api.url, before, api.clock.now, size=2)

    assert (report.messages, report.assessments, report.batches) == (5, 5, 3)  # batches of 2, 2 and 1
    assert messages_of(api, "conv-march-a") == messages_of(api, "conv-march-b") == 0
    assert assessments_of(api, "conv-march-a") == assessments_of(api, "conv-march-b") == 0
    assert messages_of(api, "conv-open") == 1  # its incident is still open
    assert messages_of(api, "conv-revived") == 2  # active since the cut-off: kept whole
    assert messages_of(api, "conv-april") == 1  # April is past the horizon only in part
    assert report.kept == 2
    conversation = api.client.get("/v1/conversations/conv-march-a", headers=auth("agent"))
    assert conversation.status_code == 200, conversation.text  # the conversation row and its level stay
    with session_scope(api.url) as session:
        [run] = session.exec(select(AuditEventRow).where(AuditEventRow.action == "messages_pruned")).all()
        assert run.detail["messages"] == 5 and run.detail["kept"] == 2
        assert CRISIS not in str(run.detail)  # counts only
        assert verify(session).intact


def test_intake_goes_on_between_batches_and_a_conversation_that_wakes_up_keeps_the_rest(
    api: Harness,
) -> None:
    seed(api)
    woke = []

    def between(batch: int) -> None:
        if batch == 1:  # conv-march-a lost its two oldest turns; conv-march-b comes back to life
            post(api, "conv-march-b", "an invented follow-up after months")
            woke.append(batch)

    report = prune_messages(
        api.url, cutoff(api.clock.now, HORIZON), api.clock.now, size=2, after_batch=between
    )

    assert woke == [1]
    assert (report.messages, report.batches) == (3, 2)  # a1, a2; then a3 only
    assert messages_of(api, "conv-march-a") == 0
    assert messages_of(api, "conv-march-b") == 3  # both March turns and the one posted mid-prune


def test_labelled_examples_outlive_the_messages_they_point_at(api: Harness) -> None:
    post(api, "conv-labelled", CRISIS)
    incident = api.client.get(
        "/v1/incidents?conversation_id=conv-labelled", headers=auth("responder")
    ).json()["incidents"][0]
    resolved = api.client.post(
        f"/v1/incidents/{incident['id']}/resolve",
        json={"outcome": "real_crisis"},
        headers=auth("responder"),
    )
    assert resolved.status_code == 200, resolved.text
    with session_scope(api.url) as session:
        examples = session.exec(select(func.count()).select_from(LabelledExampleRow)).one()
    assert examples >= 1
    api.clock.now = datetime(2025, 6, 20, 12, 0, tzinfo=UTC)

    report = prune_messages(api.url, cutoff(api.clock.now, HORIZON), api.clock.now, size=2)

    assert report.messages == 1 and messages_of(api, "conv-labelled") == 0
    with session_scope(api.url) as session:
        assert session.exec(select(func.count()).select_from(LabelledExampleRow)).one() == examples


def test_the_sweep_prunes_at_most_daily_under_its_lease_and_not_at_all_by_default(
    api: Harness, detector: Detector, sqlite_url: str
) -> None:
    seed(api)
    sweeper = Sweeper(api.runtime, 1.0)

    assert PRUNE in sweeper.run_once()
    assert messages_of(api, "conv-march-a") == 0
    api.clock.advance(13 * 3600)
    ran = sweeper.run_once()
    assert RETENTION in ran and PRUNE not in ran  # retention twice a day, pruning once
    api.clock.advance(12 * 3600)
    assert PRUNE in sweeper.run_once()

    with harness_for(sqlite_url, detector) as default:
        assert PRUNE not in [job.name for job in jobs_for(default.runtime)]
