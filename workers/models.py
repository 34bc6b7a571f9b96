"""Promote and roll back detector models (issue 15): one use case each, audited on the audit trail.

Promotion needs this candidate's evaluation against the model in force now (``stayline model evaluate``
writes it next to the candidate) and refuses a candidate worse than current beyond the tolerance on any
gated figure; ``force`` promotes anyway and the audit row says so, with the figures it overrode. The
``current`` pointer moves only inside the transaction that writes the audit row: if the audit cannot be
written the pointer is put back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from detector.artifacts import CANDIDATE, CURRENT, ArtifactError, ModelStore, write_atomic
from detector.comparison import Figure, regressions
from detector.lifecycle import ensure_builtin
from store import repository
from store.db import session_scope


class PromotionRefused(RuntimeError):
    def __init__(self, reason: str, worse: list[Figure] | None = None) -> None:
        super().__init__(reason)
        self.worse = worse or []


@dataclass(frozen=True)
class Change:
    previous: str | None
    current: str
    forced: bool = False
    overridden: list[Figure] = field(default_factory=list)


def save_evaluation(store: ModelStore, candidate: str, current: str, figures: list[Figure]) -> Path:
    path = store.evaluation_path(candidate)
    body = {
        "candidate": candidate,
        "current": current,
        "at": datetime.now(UTC).isoformat(),
        "figures": [f.to_dict() for f in figures],
    }
    write_atomic(path, json.dumps(body, indent=2) + "\n")
    return path


def current_or_builtin(model_dir: Path, corpus_dirs: list[Path]) -> str:
    """The id in force; the built-in model, saved as an artifact, when nothing was promoted yet."""
    return ModelStore(model_dir).pointer(CURRENT) or ensure_builtin(model_dir, corpus_dirs)


def promote(
    url: str,
    model_dir: Path,
    corpus_dirs: list[Path],
    actor: str,
    *,
    candidate: str | None = None,
    tolerance: float,
    force: bool = False,
) -> Change:
    store = ModelStore(model_dir)
    chosen = candidate or store.pointer(CANDIDATE)
    if chosen is None:
        raise PromotionRefused("no candidate: run `stayline train --with-feedback FILE` first")
    try:
        store.load(chosen)  # a corrupt or foreign artifact is never promoted, forced or not
    except ArtifactError as error:
        raise PromotionRefused(f"candidate refused: {error}") from None
    in_force = current_or_builtin(model_dir, corpus_dirs)
    if chosen == in_force:
        raise PromotionRefused(f"{chosen} is already the current model")
    worse = _gate(store, chosen, in_force, tolerance, force)
    _switch(
        url, store, actor, "model_promoted", in_force, chosen, forced=force, tolerance=tolerance, worse=worse
    )
    return Change(in_force, chosen, force, worse)


def _gate(store: ModelStore, chosen: str, in_force: str, tolerance: float, force: bool) -> list[Figure]:
    path = store.evaluation_path(chosen)
    try:
        evaluation: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        evaluation = {}
    figures = [Figure(**f) for f in evaluation.get("figures", [])]
    if evaluation.get("current") != in_force or not figures:
        if force:
            return []
        raise PromotionRefused(
            f"{chosen} has no evaluation against the current model {in_force}: run `stayline model evaluate`"
        )
    worse = regressions(figures, tolerance)
    if worse and not force:
        listed = "; ".join(f"{f.set} {f.name}: {_pct(f.current)} -> {_pct(f.candidate)}" for f in worse)
        raise PromotionRefused(
            f"{chosen} is worse than {in_force} beyond the tolerance ({tolerance:.3f}) on {listed}", worse
        )
    return worse


def rollback(url: str, model_dir: Path, actor: str) -> Change:
    """Back to the model that was current before the current one was promoted."""
    store = ModelStore(model_dir)
    in_force = store.pointer(CURRENT)
    if in_force is None:
        raise PromotionRefused("nothing to roll back: no model has been promoted")
    previous = _previous(store, in_force)
    if previous is None:
        raise PromotionRefused(f"nothing to roll back to: {in_force} has no earlier model on record")
    try:
        store.load(previous)
    except ArtifactError as error:
        raise PromotionRefused(f"the previous model is refused: {error}") from None
    _switch(url, store, actor, "model_rolled_back", in_force, previous)
    return Change(in_force, previous)


def _previous(store: ModelStore, in_force: str) -> str | None:
    """What was current before ``in_force`` was promoted (the latest promotion to it). A model that became
    current by a rollback goes back as far as its own promotion: rollbacks are never undone this way."""
    for event in reversed(store.history()):
        if event.get("action") == "model_promoted" and event.get("to") == in_force:
            return str(event["from"]) if event.get("from") else None
    return None


def _switch(
    url: str,
    store: ModelStore,
    actor: str,
    action: str,
    previous: str,
    chosen: str,
    *,
    forced: bool = False,
    tolerance: float | None = None,
    worse: list[Figure] | None = None,
) -> None:
    detail: dict[str, Any] = {"from": previous, "to": chosen}
    if action == "model_promoted":
        detail |= {
            "forced": forced,
            "tolerance": tolerance,
            "overridden": [
                f"{f.set} / {f.name}: {_pct(f.current)} -> {_pct(f.candidate)}" for f in worse or []
            ],
        }
    try:
        with session_scope(url) as session:
            repository.audit(session, actor, action, **detail)
            store.set_pointer(CURRENT, chosen)
    except Exception:
        if store.pointer(CURRENT) == chosen:
            store.set_pointer(CURRENT, previous)
        raise
    store.record({"at": datetime.now(UTC).isoformat(), "action": action, "by": actor, **detail})


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"
