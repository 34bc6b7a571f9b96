"""Promotion and rollback (issue 15): the gate, --force on the audit trail, rollback to the previous
version, a corrupt candidate never promoted. Tiny models; the real retrain is in test_model_lifecycle.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlmodel import col, select

from detector.artifacts import CANDIDATE, CURRENT, Manifest, ModelStore
from detector.comparison import HIGHER, LOWER, Figure
from store.db import session_scope
from store.models import AuditEventRow
from tests.unit.detector.test_model_artifacts import saved
from workers.models import PromotionRefused, promote, rollback, save_evaluation


def audits(url: str) -> list[AuditEventRow]:
    with session_scope(url) as session:
        query = select(AuditEventRow).where(col(AuditEventRow.action).like("model_%"))
        return list(session.exec(query.order_by(col(AuditEventRow.id))).all())


def figures(recall: float, false_escalation: float) -> list[Figure]:
    return [
        Figure("dev", "escalation recall (>= high)", 40, 0.90, recall, HIGHER),
        Figure("dev", "false escalation on none", 30, 0.02, false_escalation, LOWER),
    ]


@pytest.fixture
def store(tmp_path: Path) -> ModelStore:
    return ModelStore(tmp_path)


def test_promotion_is_gated_forced_on_the_record_and_rolled_back(
    database_url: str, store: ModelStore
) -> None:
    model_dir = store.root.parent
    base, worse, good = saved(store, "base"), saved(store, "worse"), saved(store, "good")
    store.set_pointer(CURRENT, base.version)  # as if promoted long ago
    store.set_pointer(CANDIDATE, worse.version)

    def run(**options: object) -> object:
        return promote(database_url, model_dir, [], "cli:ops", tolerance=0.01, **options)  # type: ignore[arg-type]

    with pytest.raises(PromotionRefused, match="no evaluation against the current model"):
        run()
    save_evaluation(store, worse.version, base.version, figures(recall=0.85, false_escalation=0.02))
    with pytest.raises(PromotionRefused, match=r"escalation recall \(>= high\): 0\.900 -> 0\.850") as refused:
        run()
    assert [f.name for f in refused.value.worse] == ["escalation recall (>= high)"]
    assert store.pointer(CURRENT) == base.version and audits(database_url) == []

    forced = run(force=True)
    assert store.pointer(CURRENT) == worse.version
    [event] = audits(database_url)
    assert (event.actor, event.action) == ("cli:ops", "model_promoted")
    assert event.detail["forced"] is True and event.detail["from"] == base.version
    assert event.detail["overridden"] == ["dev / escalation recall (>= high): 0.900 -> 0.850"]
    assert forced is not None

    # A good candidate, evaluated against the model in force now, goes through without --force.
    save_evaluation(store, good.version, worse.version, figures(recall=0.95, false_escalation=0.025))
    promote(database_url, model_dir, [], "cli:ops", candidate=good.version, tolerance=0.01)
    assert store.pointer(CURRENT) == good.version

    assert rollback(database_url, model_dir, "cli:ops").current == worse.version
    assert rollback(database_url, model_dir, "cli:ops").current == base.version
    with pytest.raises(PromotionRefused, match="nothing to roll back to"):
        rollback(database_url, model_dir, "cli:ops")  # base was never promoted here
    actions = [(a.action, a.detail["from"], a.detail["to"]) for a in audits(database_url)]
    assert actions[1:] == [
        ("model_promoted", worse.version, good.version),
        ("model_rolled_back", good.version, worse.version),
        ("model_rolled_back", worse.version, base.version),
    ]
    assert [e["action"] for e in store.history()] == [a[0] for a in actions]


def test_an_evaluation_against_another_current_model_does_not_count(
    database_url: str, store: ModelStore
) -> None:
    base, other, candidate = saved(store, "b2"), saved(store, "o2"), saved(store, "c2")
    store.set_pointer(CURRENT, base.version)
    save_evaluation(store, candidate.version, other.version, figures(recall=0.95, false_escalation=0.0))
    with pytest.raises(PromotionRefused, match="no evaluation against the current model"):
        promote(database_url, store.root.parent, [], "cli:ops", candidate=candidate.version, tolerance=0.01)


def test_a_corrupt_candidate_is_never_promoted_even_forced(database_url: str, store: ModelStore) -> None:
    base, candidate = saved(store, "b3"), saved(store, "c3")
    store.set_pointer(CURRENT, base.version)
    artifact = store.root / candidate.version / "model.joblib"
    artifact.write_bytes(b"\x00" * 64)
    with pytest.raises(PromotionRefused, match=re.escape(str(artifact))):
        promote(
            database_url, store.root.parent, [], "x", candidate=candidate.version, tolerance=0.01, force=True
        )
    assert store.pointer(CURRENT) == base.version


def test_a_failed_audit_leaves_the_current_pointer_where_it_was(store: ModelStore, tmp_path: Path) -> None:
    base, candidate = saved(store, "b4"), saved(store, "c4")
    store.set_pointer(CURRENT, base.version)
    save_evaluation(store, candidate.version, base.version, figures(recall=0.9, false_escalation=0.02))
    unmigrated = f"sqlite:///{tmp_path / 'empty.db'}"  # no audit table: the audit write fails
    with pytest.raises(Exception, match="audit"):
        promote(unmigrated, store.root.parent, [], "x", candidate=candidate.version, tolerance=0.01)
    assert store.pointer(CURRENT) == base.version


def test_manifest_records_what_a_model_was_trained_on(store: ModelStore, tmp_path: Path) -> None:
    from detector.artifacts import describe_files

    corpus = tmp_path / "centre.jsonl"
    corpus.write_text('{"text": "a", "level": "none"}\n\n{"text": "b", "level": "low"}\n')
    model = saved(store, "m")
    manifest = Manifest(id=model.version, kind="candidate", corpus=describe_files([corpus]))
    store.save(model, manifest)
    [source] = store.manifest(model.version).corpus
    assert (source.name, source.rows, len(source.sha256)) == (str(corpus), 2, 64)
