"""Issue 15, labels from outcomes: a responder says what an incident was when resolving it (API), and
`stayline feedback export` turns those labels into corpus rows the trainer reads."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlmodel import col, select

from detector.classifier import load_corpus
from stayline_cli.main import cli
from store.db import session_scope
from store.models import AuditEventRow
from tests.api.conftest import CRISIS, Harness, auth
from workers.retention import purge_before

OTHER_CRISIS = "i wrote the letters to my kids and i have the rope in the garage for tonight"


def resolve(api: Harness, ref: str, role: str = "responder", **body: object) -> Any:
    return api.client.post(f"/v1/incidents/{ref}/resolve", json=body, headers=auth(role))


def audits(api: Harness, action: str) -> list[AuditEventRow]:
    with session_scope(api.url) as session:
        query = select(AuditEventRow).where(AuditEventRow.action == action).order_by(col(AuditEventRow.id))
        return list(session.exec(query).all())


def test_resolving_with_an_outcome_records_it_once_and_audits_it(api: Harness) -> None:
    incident = api.flag(level="high").json()
    api.clock.advance(90)

    response = resolve(api, incident["code"], by="Dana Reyes", outcome="real_crisis", right_level="imminent")

    assert response.status_code == 200
    body = response.json()
    assert (body["state"], body["outcome"], body["right_level"]) == ("resolved", "real_crisis", "imminent")
    stored = api.incident(incident["id"])
    assert (stored.outcome, stored.right_level, stored.outcome_at) == (
        "real_crisis",
        "imminent",
        api.clock.now,
    )
    assert stored.outcome_by == "responder:Dana Reyes"
    recorded = audits(api, "outcome_recorded")
    assert [(a.incident_id, a.detail["outcome"]) for a in recorded] == [(incident["id"], "real_crisis")]

    # A second word does not overwrite the first: it is kept on the audit trail instead.
    api.clock.advance(60)
    again = resolve(api, incident["id"], by="Dana Reyes", outcome="not_a_crisis")
    assert again.json()["outcome"] == "real_crisis"
    assert [a.detail["given"] for a in audits(api, "outcome_kept")] == ["not_a_crisis"]


def test_a_label_can_follow_a_resolve_that_gave_none(api: Harness) -> None:
    incident = api.flag(level="high").json()
    assert resolve(api, incident["id"], by="Dana Reyes").json()["outcome"] is None
    api.clock.advance(300)

    labelled = resolve(api, incident["id"], by="Dana Reyes", outcome="unclear").json()

    assert (labelled["state"], labelled["outcome"]) == ("resolved", "unclear")
    assert len(audits(api, "incident_resolved")) == 1


@pytest.mark.parametrize(
    ("body", "error", "reason"),
    [
        ({"outcome": "false_alarm"}, "invalid_request", "outcome"),
        ({"outcome": "real_crisis", "right_level": "severe"}, "invalid_request", "right_level"),
        (
            {"outcome": "not_a_crisis", "right_level": "high"},
            "right_level_without_real_crisis",
            "real crisis",
        ),
        ({"right_level": "high"}, "right_level_without_real_crisis", "real crisis"),
    ],
)
def test_a_bad_outcome_is_refused_with_the_reason_and_changes_nothing(
    api: Harness, body: dict[str, str], error: str, reason: str
) -> None:
    incident = api.flag(level="high").json()

    response = resolve(api, incident["id"], by="Dana Reyes", **body)

    assert response.status_code == 422
    refusal = response.json()
    assert refusal["error"] == error
    assert reason in json.dumps(refusal["detail"])
    stored = api.incident(incident["id"])
    assert (stored.state, stored.outcome) == ("paging", None)


def export(api: Harness, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    monkeypatch.setenv("STAYLINE_DATABASE_URL", api.url)
    from config.settings import get_settings

    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["feedback", "export", *args])
    finally:
        get_settings.cache_clear()
    return result.exit_code, result.stdout, result.stderr


def raise_incident(api: Harness, conversation: str, text: str) -> str:
    api.post_message("hi, a question about my bill", conversation_id=conversation, wait=True)
    scanned = api.post_message(text, conversation_id=conversation, wait=True).json()
    assert scanned["incident_id"], "the invented crisis turn must open an incident"
    return str(scanned["incident_id"])


def test_feedback_export_writes_corpus_rows_the_trainer_reads(
    api: Harness, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    purged = raise_incident(api, "conv-old", OTHER_CRISIS)
    resolve(api, purged, by="Dana Reyes", outcome="real_crisis")
    api.clock.advance(3 * 86400)
    purge_before(api.url, api.clock.now - timedelta(days=1), api.clock.now)

    false_alarm = raise_incident(api, "conv-a", CRISIS)
    real = raise_incident(api, "conv-b", OTHER_CRISIS)
    unclear = raise_incident(api, "conv-c", CRISIS)
    api.clock.advance(120)
    resolve(api, false_alarm, by="Dana Reyes", outcome="not_a_crisis")
    resolve(api, real, by="Dana Reyes", outcome="real_crisis", right_level="imminent")
    resolve(api, unclear, by="Dana Reyes", outcome="unclear")
    output = tmp_path / "feedback.jsonl"

    code, stdout, stderr = export(api, monkeypatch, "--output", str(output))

    assert code == 0, stderr
    assert stdout == ""
    rows = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert sorted((r["text"], r["level"], r["category"], r["channel"]) for r in rows) == [
        (OTHER_CRISIS, "imminent", "suicide", "chat"),  # "i wrote..." sorts before "i've..."
        (CRISIS, "none", "none", "chat"),
    ]
    assert {(r["source"], r["labelled_by"], r["labelled_at"]) for r in rows} == {
        ("feedback", "responder:Dana Reyes", api.clock.now.isoformat())
    }
    examples = load_corpus([output])
    assert sorted((e.level, e.category) for e in examples) == [("imminent", "suicide"), ("none", "none")]
    assert (
        "exported 2 examples" in stderr
        and "skipped 1 purged" in stderr
        and "1 incidents labelled unclear" in stderr
    )
    assert CRISIS not in stderr and OTHER_CRISIS not in stderr
