"""Versioned model artifacts (issue 15): a directory per trained model, each with a manifest saying what it
was trained on, and pointers naming the model in force (``current``) and the newest candidate.

Layout under ``STAYLINE_MODEL_DIR/models/``::

    <id>/model.joblib      the RiskModel (id == RiskModel.version, the string every assessment records)
    <id>/manifest.json     format, MODEL_VERSION, created_at, sklearn version, corpus and feedback digests,
                           row counts, the artifact's own SHA-256
    <id>/heldout.jsonl     the slice of feedback held out of training (evaluated, never trained on)
    <id>/evaluation.json   the last `stayline model evaluate` of this candidate against the current model
    current, candidate     one id each, written atomically (temp file, then rename)
    history.jsonl          every promotion and rollback, in order

Pure: files only (no database, queue or network). A model that cannot be proven to be ours and intact is
refused with its path (``ArtifactError``): a foreign format, another MODEL_VERSION, a checksum mismatch, or a
file that does not unpickle to a RiskModel of the version its manifest names.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import joblib
import sklearn

from detector.classifier import MODEL_VERSION, RiskModel

FORMAT = "stayline-model/1"
CURRENT, CANDIDATE, HISTORY = "current", "candidate", "history.jsonl"


class ArtifactError(RuntimeError):
    """A model artifact refused at load; ``path`` names the file at fault."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class SourceFile:
    name: str
    sha256: str
    rows: int


@dataclass
class Manifest:
    id: str
    kind: str  # "built-in" (the shipped corpus alone) or "candidate" (trained with feedback)
    model_version: str = MODEL_VERSION
    created_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())
    sklearn_version: str = sklearn.__version__
    corpus: list[SourceFile] = field(default_factory=list)
    feedback: dict[str, Any] | None = None  # file, sha256, rows, trained_on, held_out
    artifact_sha256: str = ""
    format: str = FORMAT

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Manifest:
        corpus = [SourceFile(**f) for f in data.get("corpus", [])]
        return cls(**{**data, "corpus": corpus})


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def count_rows(path: Path) -> int:
    with path.open(encoding="utf-8") as handle:
        return sum(1 for line in handle if line.strip())


def describe_files(files: list[Path]) -> list[SourceFile]:
    return [SourceFile(str(p), file_sha256(p), count_rows(p)) for p in files]


def write_atomic(path: Path, text: str) -> None:
    """Write then rename, so a reader sees the old content or the new, never half of either."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(handle.name, path)


class ModelStore:
    """The versioned artifacts under one model directory."""

    def __init__(self, model_dir: Path) -> None:
        self.root = Path(model_dir) / "models"

    # --- writing ---------------------------------------------------------------------------------------
    def save(self, model: RiskModel, manifest: Manifest, extra: dict[str, str] | None = None) -> Path:
        """Write ``model`` with its manifest (and ``extra`` files) as one directory, renamed into place."""
        self.root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=self.root, prefix=".staging-"))
        try:
            joblib.dump(model, staging / "model.joblib")
            manifest.artifact_sha256 = file_sha256(staging / "model.joblib")
            for name, text in (extra or {}).items():
                (staging / name).write_text(text, encoding="utf-8")
            (staging / "manifest.json").write_text(json.dumps(manifest.to_dict(), indent=2) + "\n")
            target = self.root / manifest.id
            if target.exists():  # the same inputs give the same model: the newer copy replaces it
                shutil.rmtree(target)
            os.replace(staging, target)
            return target
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)

    def set_pointer(self, name: str, model_id: str) -> None:
        if not (self.root / model_id / "manifest.json").exists():
            raise ArtifactError(self.root / model_id, "no such model artifact")
        write_atomic(self.root / name, model_id + "\n")

    def record(self, event: dict[str, Any]) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / HISTORY).open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(event, sort_keys=True) + "\n")

    # --- reading ---------------------------------------------------------------------------------------
    def pointer(self, name: str) -> str | None:
        try:
            text = (self.root / name).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return text or None

    def pointer_stamp(self, name: str = CURRENT) -> tuple[int, int] | None:
        """(mtime_ns, size) of a pointer file, or None: a cheap test of whether it changed."""
        try:
            stat = (self.root / name).stat()
        except FileNotFoundError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def history(self) -> list[dict[str, Any]]:
        path = self.root / HISTORY
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def ids(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if (p / "manifest.json").is_file())

    def manifest(self, model_id: str) -> Manifest:
        path = self.root / model_id / "manifest.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ArtifactError(path, "no manifest: not a model artifact") from None
        except (OSError, ValueError) as error:
            raise ArtifactError(path, f"unreadable manifest ({error.__class__.__name__})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ArtifactError(path, f"foreign artifact: format is not {FORMAT!r}")
        try:
            return Manifest.from_dict(data)
        except TypeError as error:
            raise ArtifactError(path, f"malformed manifest ({error})") from None

    def load(self, model_id: str) -> tuple[RiskModel, Manifest]:
        """The model and its manifest, or ArtifactError naming the file at fault."""
        manifest = self.manifest(model_id)
        path = self.root / model_id / "model.joblib"
        if manifest.model_version != MODEL_VERSION:
            raise ArtifactError(
                path,
                f"trained for {manifest.model_version}, this code reads {MODEL_VERSION}: retrain it",
            )
        if not path.is_file():
            raise ArtifactError(path, "missing")
        if file_sha256(path) != manifest.artifact_sha256:
            raise ArtifactError(path, "checksum differs from its manifest: corrupt or replaced")
        try:
            model = joblib.load(path)
        except Exception as error:
            raise ArtifactError(path, f"does not load ({error.__class__.__name__})") from None
        if not isinstance(model, RiskModel) or model.version != manifest.id:
            raise ArtifactError(path, "not the RiskModel its manifest names")
        return model, manifest

    def heldout_path(self, model_id: str) -> Path:
        return self.root / model_id / "heldout.jsonl"

    def evaluation_path(self, model_id: str) -> Path:
        return self.root / model_id / "evaluation.json"
