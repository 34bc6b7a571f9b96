from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from detector.classifier import (
    MODEL_VERSION,
    Example,
    Featurizer,
    RiskModel,
    artifact_path,
    corpus_files,
    corpus_hash,
    load_corpus,
    load_or_train,
)


def small_corpus() -> list[Example]:
    calm = ["where is my parcel", "reset my password please", "the invoice is wrong", "book a table for two"]
    risky = ["i want to end my life", "i am going to kill myself", "i wish i was dead", "no reason to live"]
    rows = [Example(t, "none", "none") for t in calm] * 5 + [Example(t, "high", "suicide") for t in risky] * 5
    rows += [Example("so tired and lonely lately", "low", "none")] * 5
    rows += [Example("i swallowed all my pills", "imminent", "suicide")] * 5
    rows += [Example("i keep wishing i could disappear", "moderate", "suicide")] * 5
    rows += [Example("i cut my arms again last night", "high", "self_harm")] * 5
    return rows


def test_training_is_deterministic() -> None:
    texts = ["i want to die", "where is my parcel", "my account is locked"]
    first = RiskModel.train(small_corpus(), "x").predict(texts)[0]
    second = RiskModel.train(small_corpus(), "x").predict(texts)[0]
    assert np.array_equal(first, second)


def test_probabilities_cover_all_levels_and_sum_to_one() -> None:
    probabilities, categories = RiskModel.train(small_corpus(), "x").predict(["i want to kill myself"])
    assert probabilities.shape == (1, 5)
    assert abs(probabilities.sum() - 1.0) < 1e-6
    assert probabilities[0][2:].sum() > 0.5 and categories == ["suicide"]


def test_builtin_corpus_is_big_and_labelled() -> None:
    examples = load_corpus(corpus_files())
    assert len(examples) >= 3000
    assert {e.level for e in examples} == {"none", "low", "moderate", "high", "imminent"}
    assert {e.channel for e in examples} >= {"chat", "voice"}
    assert len({e.text for e in examples}) == len(examples)


def test_missing_artifact_is_trained_on_first_use_and_records_version(tmp_path: Path) -> None:
    extra = tmp_path / "centre.jsonl"
    extra.write_text('{"text": "my order never came", "level": "none", "category": "none"}\n')
    files = corpus_files([extra])
    path = artifact_path(tmp_path, corpus_hash(files))
    assert not path.exists()
    model = load_or_train(tmp_path, [extra])
    assert path.exists()
    assert model.version == f"{MODEL_VERSION}+{corpus_hash(files)}"
    assert load_or_train(tmp_path, [extra]).version == model.version


def test_a_changed_normalisation_is_a_different_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = corpus_files()
    shipped = corpus_hash(files)
    own = tmp_path / "config"
    own.mkdir()
    table = (Path(__file__).resolve().parents[3] / "config" / "normalize.yaml").read_text()
    (own / "normalize.yaml").write_text(table.replace("fillers: [um,", "fillers: [like, um,"))
    monkeypatch.setenv("STAYLINE_CONFIG_DIR", str(own))
    assert corpus_hash(files) != shipped


def test_the_fast_featurizer_scores_exactly_as_scikit_learn() -> None:
    model = RiskModel.train(small_corpus(), "x")
    texts = [
        "i want to end my life",
        "",
        "reset   my\tpassword",
        "ÉTÉ ﬁne naïve",
        "i swallowed 40 pills tonight",
    ]
    fast = Featurizer(model.features, model.levels, model.categories)
    assert fast.exact
    ours, theirs = fast.transform(texts), model.features.transform(texts)
    assert np.array_equal(ours.toarray(), theirs.toarray())
    levels, categories = fast.predict(texts)
    assert np.array_equal(levels, model.levels.predict_proba(theirs))
    assert list(categories) == list(model.categories.predict(theirs))
    assert "_fast" not in model.__getstate__()  # the word cache is never saved with the artifact


def test_the_fast_featurizer_leaves_a_union_it_cannot_reproduce_to_scikit_learn() -> None:
    model = RiskModel.train(small_corpus(), "x")
    model.features.transformer_weights = {"chars": 2.0}
    fast = Featurizer(model.features, model.levels, model.categories)
    assert not fast.exact
    texts = ["i want to end my life"]
    assert np.array_equal(fast.transform(texts).toarray(), model.features.transform(texts).toarray())
