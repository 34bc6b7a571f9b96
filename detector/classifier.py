"""The scikit-learn model: word and character n-grams, a calibrated linear classifier per question.

It gives paraphrase recall where the rules have no pattern ("my kids deserve better than me around").
Training is deterministic and takes seconds; the artifact records its version and the corpus hash, and
a missing or stale artifact is trained on first use.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import joblib
import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion

from config.files import load_yaml
from detector.normalize import normalize
from detector.signals import LEVEL_NAMES, Category

log = logging.getLogger(__name__)

MODEL_VERSION = "classifier.v1"
BUILTIN_CORPUS = Path(__file__).resolve().parent / "corpus"


@dataclass(frozen=True)
class Example:
    text: str
    level: str
    category: str
    channel: str = "chat"


def corpus_files(extra_dirs: Iterable[Path] = ()) -> list[Path]:
    files = sorted(BUILTIN_CORPUS.glob("*.jsonl"))
    for directory in extra_dirs:
        directory = Path(directory)
        files.extend(sorted(directory.glob("*.jsonl")) if directory.is_dir() else [directory])
    return files


def load_corpus(files: Sequence[Path]) -> list[Example]:
    examples = []
    for path in files:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                row = json.loads(line)
                level, category = str(row["level"]), str(row.get("category", "none"))
                if level not in LEVEL_NAMES or category not in {c.value for c in Category}:
                    raise ValueError(f"{path}:{number}: unknown level {level!r} or category {category!r}")
                examples.append(Example(str(row["text"]), level, category, str(row.get("channel", "chat"))))
    return examples


def corpus_hash(files: Sequence[Path]) -> str:
    """The corpus and the normalisation its texts are trained through: a changed normalize.yaml (slang,
    fillers, contractions) changes what the model sees, so it must not reuse an artifact trained before."""
    digest = hashlib.sha256(MODEL_VERSION.encode())
    digest.update(json.dumps(load_yaml("normalize.yaml"), sort_keys=True).encode())
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _features() -> FeatureUnion:
    return FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1, max_features=60000)),
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2, max_features=120000
                ),
            ),
        ]
    )


class RiskModel:
    """Level probabilities for a batch of texts, plus the likely category when risk is present."""

    def __init__(
        self,
        features: FeatureUnion,
        levels: CalibratedClassifierCV,
        categories: LogisticRegression,
        corpus_digest: str,
    ) -> None:
        self.features = features
        self.levels = levels
        self.categories = categories
        self.corpus_digest = corpus_digest
        self.version = f"{MODEL_VERSION}+{corpus_digest}"

    @classmethod
    def train(cls, examples: Sequence[Example], corpus_digest: str) -> RiskModel:
        texts = [normalize(e.text).text for e in examples]
        features = _features()
        matrix = features.fit_transform(texts)
        level_ids = np.array([LEVEL_NAMES.index(e.level) for e in examples])
        levels = CalibratedClassifierCV(
            LogisticRegression(C=8.0, max_iter=2000, class_weight="balanced"), method="sigmoid", cv=5
        )
        levels.fit(matrix, level_ids)
        risky = [i for i, e in enumerate(examples) if e.level in ("moderate", "high", "imminent")]
        categories = LogisticRegression(C=8.0, max_iter=2000, class_weight="balanced")
        categories.fit(matrix[risky], [examples[i].category for i in risky])
        return cls(features, levels, categories, corpus_digest)

    def predict(self, normalized_texts: Sequence[str]) -> tuple[np.ndarray, list[str]]:
        """Per text: probabilities over the five levels (in LEVEL_NAMES order) and the likeliest category."""
        if not normalized_texts:
            return np.zeros((0, len(LEVEL_NAMES))), []
        matrix = self.features.transform(normalized_texts)
        probabilities = np.zeros((len(normalized_texts), len(LEVEL_NAMES)))
        probabilities[:, self.levels.classes_] = self.levels.predict_proba(matrix)
        return probabilities, [str(c) for c in self.categories.predict(matrix)]

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a worker starting at the same moment never reads half a file.
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            joblib.dump(self, handle)
        os.replace(handle.name, path)


def artifact_path(model_dir: Path, digest: str) -> Path:
    return Path(model_dir) / f"{MODEL_VERSION}-{digest}.joblib"


def load_or_train(model_dir: Path, extra_corpora: Iterable[Path] = ()) -> RiskModel:
    files = corpus_files(extra_corpora)
    digest = corpus_hash(files)
    path = artifact_path(model_dir, digest)
    if path.exists():
        try:
            model = joblib.load(path)
            if isinstance(model, RiskModel) and model.corpus_digest == digest:
                return model
        except Exception:  # a corrupt or incompatible artifact is retrained, not fatal
            log.warning("model artifact %s unreadable; retraining", path)
    return train_and_save(model_dir, extra_corpora)


def train_and_save(model_dir: Path, extra_corpora: Iterable[Path] = ()) -> RiskModel:
    """Train on the built-in corpus plus ``extra_corpora`` and write the artifact where loading looks."""
    files = corpus_files(extra_corpora)
    digest = corpus_hash(files)
    log.info("training detector model on %d corpus files (digest %s)", len(files), digest)
    model = RiskModel.train(load_corpus(files), digest)
    model.save(artifact_path(model_dir, digest))
    return model
