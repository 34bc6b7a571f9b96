"""Versioned model artifacts (issue 15): manifests, pointers, refusal of corrupt or foreign artifacts with
their path, and a running detector that picks up a promoted model and keeps serving on a bad one."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import joblib
import pytest

from detector import Detector
from detector.artifacts import CANDIDATE, CURRENT, FORMAT, ArtifactError, Manifest, ModelStore
from detector.classifier import MODEL_VERSION, Example, RiskModel
from detector.comparison import HIGHER, INFO, LOWER, Figure, regressions, table
from detector.lifecycle import ModelWatcher, NotEnoughFeedback, serving_model, split_feedback, train_candidate
from tests.unit.detector.test_classifier import small_corpus


def tiny_model(tag: str) -> RiskModel:
    return RiskModel.train(small_corpus(), f"tiny{tag}")


def saved(store: ModelStore, tag: str) -> RiskModel:
    model = tiny_model(tag)
    store.save(model, Manifest(id=model.version, kind="candidate"))
    return model


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_an_artifact_round_trips_with_its_manifest(tmp_path: Path) -> None:
    store = ModelStore(tmp_path)
    model = saved(store, "a")
    loaded, manifest = store.load(model.version)
    assert loaded.version == model.version == manifest.id
    assert (manifest.format, manifest.model_version, manifest.kind) == (FORMAT, MODEL_VERSION, "candidate")
    assert manifest.sklearn_version and manifest.created_at and len(manifest.artifact_sha256) == 64
    store.set_pointer(CURRENT, model.version)
    assert store.pointer(CURRENT) == model.version
    assert [p.name for p in store.root.iterdir() if p.name.endswith(".tmp")] == []


def test_a_pointer_to_nothing_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ArtifactError, match="no such model artifact"):
        ModelStore(tmp_path).set_pointer(CURRENT, "classifier.v0+nothing")


def test_corrupt_and_foreign_artifacts_are_refused_with_their_path(tmp_path: Path) -> None:
    store = ModelStore(tmp_path)
    model = saved(store, "b")
    artifact = store.root / model.version / "model.joblib"
    artifact.write_bytes(artifact.read_bytes()[:-100])  # truncated
    with pytest.raises(ArtifactError, match="checksum") as refused:
        store.load(model.version)
    assert refused.value.path == artifact and str(artifact) in str(refused.value)

    manifest_path = store.root / model.version / "manifest.json"
    data = json.loads(manifest_path.read_text())
    manifest_path.write_text(json.dumps(data | {"format": "someone-elses-model/3"}))
    with pytest.raises(ArtifactError, match="foreign") as foreign:
        store.load(model.version)
    assert foreign.value.path == manifest_path

    manifest_path.write_text(json.dumps(data | {"model_version": "classifier.v1"}))
    with pytest.raises(ArtifactError, match="retrain"):
        store.load(model.version)


def test_an_artifact_that_is_not_the_model_its_manifest_names_is_refused(tmp_path: Path) -> None:
    store = ModelStore(tmp_path)
    model = saved(store, "c")
    artifact = store.root / model.version / "model.joblib"
    joblib.dump({"not": "a model"}, artifact)
    manifest_path = store.root / model.version / "manifest.json"
    from detector.artifacts import file_sha256

    data = json.loads(manifest_path.read_text())
    manifest_path.write_text(json.dumps(data | {"artifact_sha256": file_sha256(artifact)}))
    with pytest.raises(ArtifactError, match="not the RiskModel"):
        store.load(model.version)


def test_serving_falls_back_to_the_built_in_model_when_current_is_refused(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, detector: Detector
) -> None:
    store = ModelStore(tmp_path)
    model = saved(store, "d")
    store.set_pointer(CURRENT, model.version)
    assert serving_model(tmp_path).version == model.version

    (store.root / model.version / "model.joblib").write_bytes(b"garbage")
    builtin = detector.model
    cached = tmp_path / f"{MODEL_VERSION}-{builtin.corpus_digest}.joblib"
    builtin.save(cached)  # the built-in model, as the cache already holds it (no training here)
    with caplog.at_level(logging.ERROR):
        assert serving_model(tmp_path).version == builtin.version
    assert "model.joblib" in caplog.text and "built-in" in caplog.text


def test_a_running_detector_picks_up_a_promoted_model_and_keeps_serving_on_a_bad_one(
    tmp_path: Path, detector: Detector, caplog: pytest.LogCaptureFixture
) -> None:
    running = Detector(model=detector.model)
    store = ModelStore(tmp_path)
    first, second = saved(store, "e"), saved(store, "f")
    clock = Clock()
    watcher = ModelWatcher(tmp_path, every_seconds=10, clock=clock)
    assert not watcher.refresh(running)  # nothing promoted: the built-in model stays

    store.set_pointer(CURRENT, first.version)
    clock.now += 5
    assert not watcher.refresh(running)  # not looked at before the interval is up
    clock.now += 5
    assert watcher.refresh(running)
    assert running.model.version == first.version
    assert running.version.endswith("/" + first.version)
    assert running.assess("i want to end my life").detector_version == running.version

    (store.root / second.version / "model.joblib").write_bytes(b"not a model")
    store.set_pointer(CURRENT, second.version)
    clock.now += 10
    with caplog.at_level(logging.ERROR):
        assert not watcher.refresh(running)
    assert running.model.version == first.version  # the running model keeps serving
    assert str(store.root / second.version / "model.joblib") in caplog.text
    clock.now += 10
    caplog.clear()
    assert not watcher.refresh(running)
    assert caplog.text == ""  # said once, not every interval


def test_a_retrain_with_too_few_examples_says_how_many_it_needs(tmp_path: Path) -> None:
    feedback = tmp_path / "feedback.jsonl"
    feedback.write_text(
        "".join(
            json.dumps({"text": f"row {i}", "level": "moderate", "category": "suicide"}) + "\n"
            for i in range(3)
        )
    )
    with pytest.raises(NotEnoughFeedback, match=r"3 labelled example.*at least 10.*7 more"):
        train_candidate(tmp_path, feedback, min_examples=10)
    assert ModelStore(tmp_path).pointer(CANDIDATE) is None


def test_the_held_out_slice_is_the_same_whatever_the_order() -> None:
    rows = [Example(f"labelled turn {i}", "moderate", "suicide") for i in range(20)]
    rows += [Example("labelled turn 3", "moderate", "suicide")]  # the same turn labelled twice
    train, held = split_feedback(rows, 0.2)
    _, again = split_feedback(list(reversed(rows)), 0.2)
    assert len(held) in (4, 5) and len(train) + len(held) == 21
    assert sorted(e.text for e in held) == sorted(e.text for e in again)
    assert not {e.text for e in held} & {e.text for e in train}
    assert split_feedback(rows[:3], 0.2)[1] and split_feedback(rows, 0)[1] == []


def test_regressions_are_gated_figures_worse_beyond_the_tolerance() -> None:
    figures = [
        Figure("dev", "escalation recall (>= high)", 40, 0.90, 0.895, HIGHER),  # within 0.01
        Figure("dev", "flag recall (>= moderate)", 40, 0.90, 0.85, HIGHER),  # worse
        Figure("dev", "false escalation on none", 30, 0.02, 0.05, LOWER),  # worse
        Figure("dev", "flagged on none", 30, 0.10, 0.05, LOWER),  # better
        Figure("dev", "level exact", 70, 0.80, 0.50, INFO),  # never gated
        Figure("public x", "none: paged", 0, None, None, LOWER),
    ]
    worse = regressions(figures, 0.01)
    assert [f.name for f in worse] == ["flag recall (>= moderate)", "false escalation on none"]
    verdicts = [row[-1] for row in table(figures, 0.01)[1:]]
    assert verdicts == ["within tolerance", "WORSE", "WORSE", "better", ""]  # the unmeasured row is left out
