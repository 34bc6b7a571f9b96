"""The model lifecycle (issue 15): which model serves, a candidate trained with feedback, and picking up a
promoted model without a restart. Files only, like the rest of the detector (promotion's audit trail is in
``workers/models.py``).

- ``serving_model``: the artifact ``current`` names; the built-in model (shipped corpus plus
  STAYLINE_CORPUS_DIRS, trained on first use) when nothing has been promoted or the current artifact is
  refused, which is logged with its path.
- ``train_candidate``: the built-in corpus plus labelled feedback, minus a held-out slice of the feedback
  that ``stayline model evaluate`` measures both models on. Written as an artifact and named ``candidate``;
  never promoted here.
- ``ModelWatcher``: at most every N seconds, reads the ``current`` pointer; when it names another model,
  loads it and swaps it into the running detector. A refused artifact leaves the running model in place.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from detector.artifacts import (
    CANDIDATE,
    CURRENT,
    ArtifactError,
    Manifest,
    ModelStore,
    describe_files,
    file_sha256,
)
from detector.classifier import (
    MODEL_VERSION,
    Example,
    RiskModel,
    corpus_files,
    corpus_hash,
    load_corpus,
    load_or_train,
)

if TYPE_CHECKING:
    from detector.pipeline import Detector

log = logging.getLogger(__name__)


class NotEnoughFeedback(ValueError):
    def __init__(self, path: Path, have: int, need: int) -> None:
        super().__init__(
            f"{path}: {have} labelled example(s); a retrain needs at least {need} "
            f"({need - have} more; STAYLINE_FEEDBACK_MIN_EXAMPLES)"
        )
        self.have, self.need = have, need


def serving_model(model_dir: Path, extra_corpora: Iterable[Path] = ()) -> RiskModel:
    """The promoted model, else the built-in one. A refused current artifact is logged, not fatal."""
    store = ModelStore(model_dir)
    current = store.pointer(CURRENT)
    if current is not None:
        try:
            return store.load(current)[0]
        except ArtifactError as error:
            log.error("current model refused, serving the built-in model instead: %s", error)
    return load_or_train(model_dir, extra_corpora)


def ensure_builtin(model_dir: Path, extra_corpora: Sequence[Path] = ()) -> str:
    """The built-in model as a versioned artifact (so a rollback can return to it); its id."""
    store = ModelStore(model_dir)
    model = load_or_train(model_dir, extra_corpora)
    if model.version not in store.ids():
        files = corpus_files(extra_corpora)
        store.save(model, Manifest(id=model.version, kind="built-in", corpus=describe_files(files)))
    return model.version


# --- candidates -----------------------------------------------------------------------------------------
def split_feedback(examples: Sequence[Example], fraction: float) -> tuple[list[Example], list[Example]]:
    """(train, held out): the same rows are held out on every run, whatever the file's order, and every
    copy of a text falls on the same side (a held-out text is never also trained on)."""
    if not examples or fraction <= 0:
        return list(examples), []
    wanted = max(1, math.floor(len(examples) * fraction))
    texts = sorted({e.text for e in examples}, key=lambda t: hashlib.sha256(t.encode()).hexdigest())
    held: set[str] = set()
    for text in texts:
        if sum(e.text in held for e in examples) >= wanted:
            break
        held.add(text)
    return [e for e in examples if e.text not in held], [e for e in examples if e.text in held]


def _candidate_digest(base: str, train: Sequence[Example]) -> str:
    digest = hashlib.sha256(base.encode())
    for example in train:
        digest.update(json.dumps(asdict(example), sort_keys=True).encode())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Candidate:
    id: str
    path: Path
    manifest: Manifest


def train_candidate(
    model_dir: Path,
    feedback: Path,
    *,
    extra_corpora: Sequence[Path] = (),
    min_examples: int = 10,
    holdout_fraction: float = 0.2,
    progress: Callable[[str], None] | None = None,
) -> Candidate:
    """Train on the corpus plus ``feedback`` (corpus rows, as `stayline feedback export` writes them) less
    its held-out slice; save the artifact and point ``candidate`` at it."""
    say = progress or (lambda stage: None)
    examples = load_corpus([feedback])
    if len(examples) < min_examples:
        raise NotEnoughFeedback(feedback, len(examples), min_examples)
    train, held_out = split_feedback(examples, holdout_fraction)
    files = corpus_files(extra_corpora)
    corpus = load_corpus(files)
    digest = _candidate_digest(corpus_hash(files), train)
    say(f"training a candidate: {len(corpus)} corpus rows + {len(train)} feedback ({len(held_out)} held out)")
    started = time.monotonic()
    model = RiskModel.train([*corpus, *train], digest, progress=say)
    manifest = Manifest(
        id=model.version,
        kind="candidate",
        corpus=describe_files(files),
        feedback={
            "file": str(feedback),
            "sha256": file_sha256(feedback),
            "rows": len(examples),
            "trained_on": len(train),
            "held_out": len(held_out),
        },
    )
    heldout_text = "".join(json.dumps(asdict(e), ensure_ascii=False) + "\n" for e in held_out)
    store = ModelStore(model_dir)
    path = store.save(model, manifest, {"heldout.jsonl": heldout_text})
    store.set_pointer(CANDIDATE, model.version)
    say(f"candidate {model.version} trained in {time.monotonic() - started:.0f} s ({MODEL_VERSION})")
    return Candidate(model.version, path, manifest)


# --- picking up a promoted model ------------------------------------------------------------------------
class ModelWatcher:
    """Keeps a running detector on the model ``current`` names; reads one small file at most every
    ``every_seconds``. Called before a scan, in the scanning thread."""

    def __init__(
        self, model_dir: Path, every_seconds: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.store = ModelStore(model_dir)
        self.every = every_seconds
        self.clock = clock
        self._next_check = 0.0
        self._refused: tuple[str, tuple[int, int] | None] | None = None

    def refresh(self, detector: Detector) -> bool:
        """Swap in the current model if it changed; True when it did."""
        now = self.clock()
        if now < self._next_check:
            return False
        self._next_check = now + self.every
        wanted = self.store.pointer(CURRENT)
        if wanted is None or wanted == detector.model.version:
            return False
        seen = (wanted, self.store.pointer_stamp(CURRENT))
        if seen == self._refused:
            return False  # refused already: said once, not every few seconds
        try:
            model, _ = self.store.load(wanted)
        except ArtifactError as error:
            self._refused = seen
            log.error(
                "promoted model refused; the running model %s keeps serving: %s",
                detector.model.version,
                error,
            )
            return False
        previous = detector.model.version
        detector.use_model(model)
        log.info("detector model changed from %s to %s", previous, model.version)
        return True
