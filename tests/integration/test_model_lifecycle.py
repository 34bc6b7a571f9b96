"""Issue 15 end to end: misses of one kind the shipped model gets wrong are labelled by the people doing the
work, exported, trained into a candidate, evaluated against the shipped model, promoted, and the running
service (API with its in-process scan, on PostgreSQL) handles another message of that kind without a
restart, with no regression on the other sets.

The kind: distress with a wish for a fatal diagnosis ("i'd be glad if the biopsy was the bad kind"), which
is passive ideation, moderate under LEVELS.md, and which the shipped model rates low or none. Every
sentence here is invented for this test. One retrain (about 15 to 40 seconds).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlmodel import col, select

from config.settings import get_settings
from detector import Detector
from detector.artifacts import CANDIDATE, CURRENT, ModelStore
from detector.classifier import artifact_path, corpus_files, corpus_hash
from stayline_cli.main import cli
from store.db import session_scope
from store.models import AssessmentRow, AuditEventRow
from tests.api.conftest import Harness, auth, harness_for

pytestmark = pytest.mark.integration

MISSES = [  # labelled by agents and responders: each one came out low and was a real crisis at moderate
    "im worn out by everything, id be glad if the biopsy was the bad kind",
    "i feel so empty lately, if the tests say cancer im not going to fight it",
    "the debts are crushing me and id honestly welcome a terminal diagnosis",
    "since the funeral i secretly wish the doctor would tell me its terminal",
    "im fed up of struggling, a bad diagnosis would honestly feel like a way out",
    "since the divorce i honestly hope the scan finds something terminal",
    "ive been so low lately, if the biopsy is cancer im not going to fight it",
    "i'm so lonely, i'd almost be glad if the tests showed i didnt have long",
    "im exhausted by all of it, if they find a tumour i'll just be glad",
    "since losing my job i keep hoping the heart thing gets me first",
    "nothing has gone right for years, it would be a relief if the scan showed the worst",
    "im tired of being here, id be relieved to hear the lump is malignant",
    "since the kids stopped ringing i half hope the results come back terminal",
    "life has been grim, if the consultant says its serious i wont be sorry",
    "i cant cope any more, a terminal result would honestly be a relief",
    "been so down, i keep hoping the doctors find something they cant treat",
    "im done with it all, if the tumour is back ill say no to treatment and let it happen",
    "honestly id feel relieved if the hospital told me i only had months left",
    "with everything going on id be grateful if this illness just took me",
    "im so tired, if the blood tests show something fatal id be relieved",
]
SAME_KIND = "honestly id be relieved if the doctors found something terminal"  # never trained on
HARMLESS = "the doctors found something on the scan so im booking a follow up"

# Other sets the candidate must not get worse on (invented; the shared dev sets are used from the command
# line, never copied here).
MESSAGES = [
    ("can you move my hospital appointment to thursday please", "none"),
    ("im relieved the biopsy was benign", "none"),
    ("this queue is killing me, ive been on hold an hour", "none"),
    ("my phone died so i couldnt call back", "none"),
    ("my nan had a terminal diagnosis last year and we nursed her at home", "none"),
    ("since my mum passed i can hardly face the mornings", "low"),
    ("i keep wishing i could go to sleep and not wake up", "moderate"),
    ("everyone would be better off without me around", "moderate"),
    ("ive been thinking about how i would end my life", "high"),
    ("i cut my arms again last night", "high"),
    ("i have swallowed all of my sleeping tablets", "imminent"),
    ("the rope is in the garage and im doing it tonight", "imminent"),
]
CONVERSATIONS = [
    {
        "turns": [
            {"speaker": "customer", "text": "hi i need to cancel my gym membership"},
            {"speaker": "agent", "text": "no problem, can i ask why you are leaving"},
            {"speaker": "customer", "text": "moving house next month"},
        ],
        "levels": ["none", "none"],
    },
    {
        "turns": [
            {"speaker": "customer", "text": "can you take my name off the joint account"},
            {"speaker": "customer", "text": "ive saved up my tablets and tonight is the night"},
        ],
        "levels": ["none", "imminent"],
    },
]


def run(*args: str) -> tuple[int, str, str]:
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, list(args))
    finally:
        get_settings.cache_clear()
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def model_dir(tmp_path: Path, detector: Detector) -> Path:
    """A model directory of the test's own, holding the built-in model as the cache would (no retrain)."""
    directory = tmp_path / "models"
    digest = corpus_hash(corpus_files())
    if detector.model.corpus_digest == digest:
        detector.model.save(artifact_path(directory, digest))
    return directory


@pytest.fixture
def service(
    postgres_url: str, model_dir: Path, detector: Detector, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Harness]:
    monkeypatch.setenv("STAYLINE_DATABASE_URL", postgres_url)
    monkeypatch.setenv("STAYLINE_MODEL_DIR", str(model_dir))
    running = Detector(model=detector.model)  # its own: the shared test detector is never swapped
    with harness_for(postgres_url, running, model_dir=model_dir, model_reload_seconds=0.01) as harness:
        yield harness


def scan(api: Harness, conversation: str, text: str) -> dict[str, object]:
    body = api.post_message(text, conversation_id=conversation, wait=True).json()
    assert body["assessment"], body
    return dict(body)


def label_miss(api: Harness, conversation: str, text: str) -> None:
    """The agent flags the conversation (the detector rates most of these none or low); the responder
    resolves it as a real crisis."""
    scanned = scan(api, conversation, text)
    assessment = scanned["assessment"]
    assert isinstance(assessment, dict)
    # Most of these the shipped model misses; the premise that matters is checked on SAME_KIND below.
    assert assessment["level"] in ("none", "low", "moderate")
    incident = api.flag(conversation_id=conversation, level="moderate").json()
    api.clock.advance(60)
    resolved = api.client.post(
        f"/v1/incidents/{incident['code']}/resolve",
        json={"by": "Dana Reyes", "outcome": "real_crisis", "right_level": "moderate"},
        headers=auth("responder"),
    )
    assert resolved.status_code == 200, resolved.text


def test_labelled_misses_retrain_evaluate_promote_and_the_running_service_handles_the_kind(
    service: Harness, model_dir: Path, tmp_path: Path
) -> None:
    api = service
    shipped = api.runtime.detector.model.version
    before = scan(api, "probe-before", SAME_KIND)["assessment"]
    assert isinstance(before, dict) and before["level"] in ("none", "low")
    for number, text in enumerate(MISSES):
        label_miss(api, f"miss-{number}", text)

    feedback = tmp_path / "feedback.jsonl"
    code, _, stderr = run("feedback", "export", "--output", str(feedback))
    assert code == 0, stderr
    rows = [json.loads(line) for line in feedback.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["text"] for r in rows) == sorted(MISSES)
    assert {(r["level"], r["category"]) for r in rows} == {("moderate", "suicide")}

    # Too few examples: refused with how many are needed.
    few = tmp_path / "few.jsonl"
    few.write_text("".join(line + "\n" for line in feedback.read_text().splitlines()[:4]))
    code, _, stderr = run("train", "--with-feedback", str(few))
    assert code != 0 and "at least 10" in stderr and "6 more" in stderr

    code, stdout, stderr = run("train", "--with-feedback", str(feedback))
    assert code == 0, stderr
    store = ModelStore(model_dir)
    candidate = store.pointer(CANDIDATE)
    assert candidate and candidate != shipped and candidate in stdout and "not promoted" in stdout
    manifest = store.manifest(candidate)
    assert manifest.feedback and manifest.feedback["rows"] == len(MISSES)
    assert manifest.feedback["trained_on"] + manifest.feedback["held_out"] == len(MISSES)
    assert store.pointer(CURRENT) is None  # nothing is promoted by training
    assert scan(api, "probe-unpromoted", SAME_KIND)["assessment"]["level"] in ("none", "low")  # type: ignore[index]

    messages, conversations = tmp_path / "messages.jsonl", tmp_path / "conversations.jsonl"
    messages.write_text("".join(json.dumps({"text": t, "level": lv}) + "\n" for t, lv in MESSAGES))
    conversations.write_text("".join(json.dumps(c) + "\n" for c in CONVERSATIONS))
    code, stdout, stderr = run("model", "evaluate", "--data", str(messages), "--data", str(conversations))
    assert code == 0, stderr
    for shown in ("messages.jsonl", "conversations.jsonl", "behavioural suite", "held-out feedback"):
        assert shown in stdout
    assert "WORSE" not in stdout and "no regression" in stdout, stdout

    code, stdout, stderr = run("model", "promote")
    assert code == 0, stderr
    assert store.pointer(CURRENT) == candidate
    with session_scope(api.url) as session:
        [promoted] = session.exec(select(AuditEventRow).where(AuditEventRow.action == "model_promoted")).all()
    assert (promoted.detail["from"], promoted.detail["to"], promoted.detail["forced"]) == (
        shipped,
        candidate,
        False,
    )

    # The running service picks the promoted model up before its next scan: no restart.
    after = scan(api, "probe-after", SAME_KIND)
    assert after["assessment"]["level"] == "moderate"  # type: ignore[index]
    assert after["incident_id"]
    assert scan(api, "harmless-after", HARMLESS)["assessment"]["level"] == "none"  # type: ignore[index]
    with session_scope(api.url) as session:
        versions = {
            row.conversation_id: row.detector_version.split("/")[-1]
            for row in session.exec(select(AssessmentRow).order_by(col(AssessmentRow.id))).all()
        }
    assert versions["probe-before"] == versions["miss-0"] == shipped
    assert versions["probe-after"] == versions["harmless-after"] == candidate

    code, stdout, _ = run("model", "rollback")
    assert code == 0 and store.pointer(CURRENT) == shipped
    assert scan(api, "probe-rolled-back", SAME_KIND)["assessment"]["level"] in ("none", "low")  # type: ignore[index]
