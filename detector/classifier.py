"""The scikit-learn model: word, character and concept n-grams, a linear classifier per question.

It gives paraphrase recall where the rules have no pattern ("my kids deserve better than me around").
Training is deterministic and takes seconds; the artifact records its version and the corpus hash, and
a missing or stale artifact is trained on first use.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import joblib
import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion
from sklearn.preprocessing import normalize as normalize_rows
from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2

from config.files import load_yaml
from detector.concepts import abstract
from detector.normalize import normalize
from detector.signals import LEVEL_NAMES, Category

log = logging.getLogger(__name__)

MODEL_VERSION = "classifier.v7"  # bump when normalisation code changes what the model reads
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
    fillers, contractions) or concepts.yaml changes what the model sees, so it must not reuse an artifact
    trained before."""
    digest = hashlib.sha256(MODEL_VERSION.encode())
    for name in ("normalize.yaml", "concepts.yaml"):
        digest.update(json.dumps(load_yaml(name), sort_keys=True).encode())
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
            # Means and amounts as classes (detector/concepts.py): generalises past the corpus's words.
            (
                "concepts",
                TfidfVectorizer(preprocessor=abstract, ngram_range=(1, 3), sublinear_tf=True, min_df=2),
            ),
        ]
    )


# How much more a `none` row weighs than class balance gives it. The corpus is mostly risk; traffic is
# mostly not. Measured with the model alone (5-fold on the corpus): x4 lowers false escalations on the
# none rows from 2.0% to 1.1% for 3.6 points of escalation recall. With the full detector, against the
# balanced, sigmoid-calibrated model used before: idioms paged 2.6% -> 1.9%, tweets 2.4% -> 1.8%,
# harmless dev conversations flagged 8/19 -> 5/19, for 1.5 points fewer suicidal posts flagged (sdcnl);
# and it trains in one fit instead of six (13 s, not 60 s).
NONE_WEIGHT = 4.0

# Training speed, for the estimate a newcomer sees while the first start trains. Measured on a two-core
# machine busy with other work (load average 3-4): 10,758 examples in 21-27 s with the two classifiers
# fitted side by side (76 s in one process in the same conditions, 30-41 s at light load).
EXAMPLES_PER_SECOND = 450


# The level and category classifiers are fitted side by side, in two processes.
PARALLEL_JOBS = 2
PARALLEL_FROM = 2000  # rows; the tests' small corpora train in-process (starting workers costs ~1 s)


def _fit(model: LogisticRegression, matrix: sp.csr_matrix, labels: Sequence[object]) -> LogisticRegression:
    return model.fit(matrix, labels)


def _class_weights(level_ids: np.ndarray) -> dict[int, float]:
    counts = np.bincount(level_ids, minlength=len(LEVEL_NAMES))
    weights = {i: len(level_ids) / (len(LEVEL_NAMES) * n) for i, n in enumerate(counts) if n}
    weights[0] *= NONE_WEIGHT
    return weights


class RiskModel:
    """Level probabilities for a batch of texts, plus the likely category when risk is present."""

    def __init__(
        self,
        features: FeatureUnion,
        levels: LogisticRegression,
        categories: LogisticRegression,
        corpus_digest: str,
    ) -> None:
        self.features = features
        self.levels = levels
        self.categories = categories
        self.corpus_digest = corpus_digest
        self.version = f"{MODEL_VERSION}+{corpus_digest}"

    @classmethod
    def train(
        cls, examples: Sequence[Example], corpus_digest: str, progress: Callable[[str], None] | None = None
    ) -> RiskModel:
        say = progress or (lambda stage: None)
        # The two classifiers fit side by side in two processes, where there are two cores and enough rows
        # to pay for starting them. The same fits; a worker limits BLAS to one thread, so coefficients can
        # differ from a one-process fit in the 12th digit (summation order), as they do between machines.
        jobs = min(PARALLEL_JOBS, os.cpu_count() or 1) if len(examples) >= PARALLEL_FROM else 1
        say("  1/3 normalising the corpus")
        texts = [normalize(e.text).text for e in examples]
        features = _features()
        say("  2/3 building word, character and concept features")
        matrix = features.fit_transform(texts)  # in parallel it took 6-7 s, not 2.4 s (copying the texts)
        level_ids = np.array([LEVEL_NAMES.index(e.level) for e in examples])
        levels = LogisticRegression(C=8.0, max_iter=2000, class_weight=_class_weights(level_ids))
        risky = [i for i, e in enumerate(examples) if e.level in ("moderate", "high", "imminent")]
        categories = LogisticRegression(C=8.0, max_iter=2000, class_weight="balanced")
        say(f"  3/3 fitting the level and category classifiers{' side by side' if jobs > 1 else ''}")
        fits = [
            (levels, matrix, level_ids),
            (categories, matrix[risky], [examples[i].category for i in risky]),
        ]
        levels, categories = joblib.Parallel(n_jobs=jobs)(joblib.delayed(_fit)(*fit) for fit in fits)
        return cls(features, levels, categories, corpus_digest)

    def predict(self, normalized_texts: Sequence[str]) -> tuple[np.ndarray, list[str]]:
        """Per text: probabilities over the five levels (in LEVEL_NAMES order) and the likeliest category."""
        if not normalized_texts:
            return np.zeros((0, len(LEVEL_NAMES))), []
        levels, categories = self._featurizer().predict(normalized_texts)
        probabilities = np.zeros((len(normalized_texts), len(LEVEL_NAMES)))
        probabilities[:, self.levels.classes_] = levels
        return probabilities, [str(c) for c in categories]

    def _featurizer(self) -> Featurizer:
        # Built on first use, never pickled (__getstate__): artifacts trained before it load as they are.
        featurizer: Featurizer | None = self.__dict__.get("_fast")
        if featurizer is None:
            featurizer = self.__dict__["_fast"] = Featurizer(self.features, self.levels, self.categories)
        return featurizer

    def __getstate__(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k != "_fast"}

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a worker starting at the same moment never reads half a file.
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            joblib.dump(self, handle)
        os.replace(handle.name, path)


# Per text, the vocabulary indices of its features, repeated as often as each occurs; and how many each has.
Features = tuple[list[np.ndarray], list[int]]
# One vectorizer's weighted features: row, column and value of each, sorted by row then column; its width.
Block = tuple[np.ndarray, np.ndarray, np.ndarray, int]


class Featurizer:
    """The model's features and scores as scikit-learn computes them, bit for bit, at a fraction of the cost.

    - A char_wb vectorizer reads each whitespace-separated word on its own (padded with one space either
      side), so a text's character n-gram counts are the sum of its words' counts. Each distinct word is
      looked up in the vocabulary once and remembered; scikit-learn builds and looks up every n-gram of
      every text in Python (about half of a batch's time in bench/detector.py before this).
    - Word vectorizers count with their own analyzer, as CountVectorizer does.
    - TF-IDF weighting, the union's stacking and the linear models' scores are the same arithmetic as
      scikit-learn's, without its per-call input validation: about 3 ms of every one-text call
      (a conversation's joined turns are scored one at a time).

    Built from a fitted model at load; it checks itself against scikit-learn on probe texts and, if any
    figure differs (another scikit-learn version, another vectorizer setting), leaves everything to
    scikit-learn.
    """

    MAX_WORDS = 200_000  # a bound on the memory a long-running worker spends remembering words
    PROBES = (
        "",
        "ok thanks",
        "I've taken 40 of my sertraline, I don't want to be here anymore",
        "my son said he wants to kill himself. ÉTÉ naïve ﬁne   tabs\tand\nlines",
        "um so yeah i was calling about the bill uh it went up again this month",
    )

    def __init__(
        self, union: FeatureUnion, levels: LogisticRegression, categories: LogisticRegression
    ) -> None:
        self.union, self.levels, self.categories = union, levels, categories
        self.words: dict[int, dict[str, np.ndarray]] = {}
        self.parts: dict[tuple[int, str], Callable[[str], Any]] = {}
        self.exact = all(w is None for _, _, w in union._iter())
        if self.exact:
            try:
                self.exact = self._agrees(list(self.PROBES))
            except Exception:  # any surprise in scikit-learn's internals: use it as it is
                log.warning("model fast path unavailable; scoring through scikit-learn", exc_info=True)
                self.exact = False
        self.words.clear()

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        if not self.exact:
            return self.union.transform(texts)
        # Each block as (row, column, value) sorted by row then column; stacked side by side as
        # FeatureUnion stacks them, built into one CSR matrix (scipy's constructors cost more than the
        # arithmetic for the one-text calls).
        rows, columns, values = [], [], []
        offset = 0
        for _, vectorizer, _ in self.union._iter():
            row, column, value, width = self._block(vectorizer, texts)
            rows.append(row)
            columns.append(column + offset)
            values.append(value)
            offset += width
        row = np.concatenate(rows)
        order = np.argsort(row, kind="stable")  # within a row: block by block, each in column order
        indptr = np.zeros(len(texts) + 1, dtype=np.int64)
        np.cumsum(np.bincount(row, minlength=len(texts)), out=indptr[1:])
        return sp.csr_matrix(
            (np.concatenate(values)[order], np.concatenate(columns)[order], indptr),
            shape=(len(texts), offset),
        )

    def predict(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Level probabilities (in ``levels.classes_`` order) and categories, as the models give them."""
        matrix = self.transform(texts)
        if not self.exact:
            return self.levels.predict_proba(matrix), self.categories.predict(matrix)
        return self._probabilities(self.levels, matrix), self._labels(self.categories, matrix)

    def _agrees(self, probes: list[str]) -> bool:
        ours = self.transform(probes)
        theirs = sp.csr_matrix(self.union.transform(probes))
        theirs.sort_indices()
        same_matrix = (
            np.array_equal(ours.indptr, theirs.indptr)
            and np.array_equal(ours.indices, theirs.indices)
            and np.array_equal(ours.data, theirs.data)
        )
        return (
            same_matrix
            and np.array_equal(self._probabilities(self.levels, ours), self.levels.predict_proba(theirs))
            and np.array_equal(self._labels(self.categories, ours), self.categories.predict(theirs))
        )

    def _block(self, vectorizer: TfidfVectorizer, texts: Sequence[str]) -> Block:
        if not isinstance(vectorizer, TfidfVectorizer) or vectorizer.binary or vectorizer.input != "content":
            matrix = sp.csr_matrix(vectorizer.transform(texts))
            matrix.sort_indices()
            row = np.repeat(np.arange(len(texts)), np.diff(matrix.indptr))
            return row, matrix.indices.astype(np.int64), matrix.data, matrix.shape[1]
        width = len(vectorizer.vocabulary_)
        if vectorizer.analyzer == "char_wb":
            pieces, counts = self._char_features(vectorizer, texts)
        else:
            pieces, counts = self._features(vectorizer, texts)
        # Each feature counted, sorted by row then column, as CountVectorizer's matrix is.
        found = np.concatenate(pieces).astype(np.int64) if pieces else np.zeros(0, np.int64)
        keys, tally = np.unique(np.repeat(np.arange(len(texts)), counts) * width + found, return_counts=True)
        row, column = np.divmod(keys, width)
        value = tally.astype(vectorizer.dtype)
        # TfidfTransformer.transform's arithmetic, in the same order.
        weights = vectorizer._tfidf
        if weights.sublinear_tf:
            np.log(value, value)
            value += 1.0
        if weights.use_idf:
            value *= weights.idf_[column]
        if weights.norm == "l2":
            indptr = np.zeros(len(texts) + 1, dtype=np.int64)
            np.cumsum(np.bincount(row, minlength=len(texts)), out=indptr[1:])
            rows = SimpleNamespace(data=value, shape=(len(texts), width), indices=column, indptr=indptr)
            inplace_csr_row_normalize_l2(rows)  # reads only these four attributes
        elif weights.norm is not None:
            matrix = sp.csr_matrix(normalize_rows(sp.csr_matrix((value, (row, column))), norm=weights.norm))
            value = matrix.data
        return row, column, value, width

    def _char_features(self, vectorizer: TfidfVectorizer, texts: Sequence[str]) -> Features:
        cache = self.words.setdefault(id(vectorizer), {})
        if len(cache) > self.MAX_WORDS:
            cache.clear()
        vocabulary = vectorizer.vocabulary_
        preprocess = self._built(vectorizer, "preprocessor")
        pieces: list[np.ndarray] = []
        rows: list[int] = []
        for text in texts:
            count = 0
            # As scikit-learn: preprocess (lowercase) the whole text, then split on whitespace.
            for word in preprocess(text).split():
                found = cache.get(word)
                if found is None:
                    grams = vectorizer._char_wb_ngrams(word)
                    found = cache[word] = np.array(
                        [vocabulary[g] for g in grams if g in vocabulary], np.int32
                    )
                pieces.append(found)
                count += len(found)
            rows.append(count)
        return pieces, rows

    def _features(self, vectorizer: TfidfVectorizer, texts: Sequence[str]) -> Features:
        vocabulary = vectorizer.vocabulary_
        analyze = self._built(vectorizer, "analyzer")
        pieces: list[np.ndarray] = []
        rows: list[int] = []
        for text in texts:
            found = [vocabulary[g] for g in analyze(text) if g in vocabulary]
            pieces.append(np.array(found, np.int32))
            rows.append(len(found))
        return pieces, rows

    def _built(self, vectorizer: TfidfVectorizer, part: str) -> Callable[[str], Any]:
        """The vectorizer's own preprocessor or analyzer, built once."""
        key = (id(vectorizer), part)
        if key not in self.parts:
            self.parts[key] = getattr(vectorizer, f"build_{part}")()
        return self.parts[key]

    @staticmethod
    def _scores(model: LogisticRegression, matrix: sp.csr_matrix) -> np.ndarray:
        # LinearClassifierMixin.decision_function without validation: X @ coef.T + intercept.
        scores: np.ndarray = matrix @ model.coef_.T + model.intercept_
        return scores

    def _probabilities(self, model: LogisticRegression, matrix: sp.csr_matrix) -> np.ndarray:
        if len(model.classes_) <= 2:
            binary: np.ndarray = model.predict_proba(matrix)  # the binary case: left to scikit-learn
            return binary
        # sklearn.utils.extmath.softmax, as LogisticRegression.predict_proba applies it.
        scores = self._scores(model, matrix)
        scores -= scores.max(axis=1).reshape(-1, 1)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1).reshape(-1, 1)
        return scores

    def _labels(self, model: LogisticRegression, matrix: sp.csr_matrix) -> np.ndarray:
        labels: np.ndarray = (
            model.predict(matrix)
            if len(model.classes_) <= 2
            else model.classes_.take(np.argmax(self._scores(model, matrix), axis=1), axis=0)
        )
        return labels


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
    started = time.monotonic()
    # A newcomer's first `make run` trains before it serves: say so on stderr, stage by stage, rather
    # than sit silent (no customer text is printed, only counts).
    examples = load_corpus(files)
    expected = max(5, round(len(examples) / EXAMPLES_PER_SECOND))
    _progress(f"training the detector model (first use only): {len(examples)} examples, about {expected} s")
    model = RiskModel.train(examples, digest, progress=_progress)
    model.save(artifact_path(model_dir, digest))
    _progress(f"detector model trained in {time.monotonic() - started:.0f} s, saved to {model_dir}")
    return model


def _progress(stage: str) -> None:
    print(f"stayline: {stage}", file=sys.stderr, flush=True)
