"""Candidate against current, side by side (issue 15): the same detector run with each model over the same
evaluation sets, one figure per row, and which figures got worse beyond a tolerance.

A set is labelled messages (``level`` per row: the dev set, the held-out feedback), labelled conversations
(``turns`` and ``levels``: conversations_dev.jsonl), the behavioural suite, or the public sets with their
EXPECTATIONS.json. Gated figures are the escalation recalls (higher is better) and the false-escalation
figures (lower is better); the rest are shown for information.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from detector.classifier import RiskModel
from detector.evaluation import ESCALATE, FLAG, ExpectationReport, expectation_for
from detector.pipeline import Detector
from detector.signals import ConversationState, RiskLevel

HIGHER, LOWER, INFO = "higher", "lower", "info"  # which way is better; INFO is never gated


@dataclass(frozen=True)
class Measure:
    set: str
    name: str
    value: float | None
    n: int
    better: str


@dataclass(frozen=True)
class Figure:
    set: str
    name: str
    n: int
    current: float | None
    candidate: float | None
    better: str

    @property
    def worse_by(self) -> float:
        """How much worse the candidate is (0 when better, equal, or not comparable)."""
        if self.current is None or self.candidate is None or self.better == INFO:
            return 0.0
        diff = self.candidate - self.current
        return max(0.0, -diff if self.better == HIGHER else diff)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


EvaluationSet = Callable[[Detector], list[Measure]]


def _ratio(hit: int, total: int) -> float | None:
    return hit / total if total else None


def message_set(name: str, rows: Sequence[dict[str, Any]]) -> EvaluationSet:
    """Rows with ``text`` and ``level`` (and ``channel``)."""

    def measure(detector: Detector) -> list[Measure]:
        true = [RiskLevel.parse(str(r["level"])) for r in rows]
        channels = [_channel(r) for r in rows]
        found = [a.level for a in detector.assess_many([str(r["text"]) for r in rows], channel=channels)]
        pairs = list(zip(true, found, strict=True))
        flag = [p for t, p in pairs if t >= FLAG]
        escalate = [p for t, p in pairs if t >= ESCALATE]
        none = [p for t, p in pairs if t == RiskLevel.NONE]
        return [
            Measure(
                name,
                "flag recall (>= moderate)",
                _ratio(sum(p >= FLAG for p in flag), len(flag)),
                len(flag),
                HIGHER,
            ),
            Measure(
                name,
                "escalation recall (>= high)",
                _ratio(sum(p >= ESCALATE for p in escalate), len(escalate)),
                len(escalate),
                HIGHER,
            ),
            Measure(
                name,
                "false escalation on none",
                _ratio(sum(p >= ESCALATE for p in none), len(none)),
                len(none),
                LOWER,
            ),
            Measure(
                name, "flagged on none", _ratio(sum(p >= FLAG for p in none), len(none)), len(none), LOWER
            ),
            Measure(name, "level exact", _ratio(sum(t == p for t, p in pairs), len(pairs)), len(pairs), INFO),
        ]

    return measure


def conversation_set(name: str, rows: Sequence[dict[str, Any]]) -> EvaluationSet:
    """Rows with ``turns`` [{speaker, text}] and ``levels`` (the level after each customer turn)."""

    def measure(detector: Detector) -> list[Measure]:
        counts = dict.fromkeys(
            ("n", "right", "page", "paged", "imm", "imm_hit", "calm", "calm_paged", "calm_flagged"), 0
        )
        for row in rows:
            true_final = RiskLevel.parse(str((row.get("levels") or [row.get("final_level", "none")])[-1]))
            final = _final_level(detector, row)
            counts["n"] += 1
            counts["right"] += final == true_final
            if true_final >= ESCALATE:
                counts["page"] += 1
                counts["paged"] += final >= ESCALATE
            if true_final == RiskLevel.IMMINENT:
                counts["imm"] += 1
                counts["imm_hit"] += final == RiskLevel.IMMINENT
            if true_final <= RiskLevel.LOW:
                counts["calm"] += 1
                counts["calm_paged"] += final >= ESCALATE
                counts["calm_flagged"] += final >= FLAG
        c = counts
        return [
            Measure(name, "should page: paged", _ratio(c["paged"], c["page"]), c["page"], HIGHER),
            Measure(name, "imminent: reached", _ratio(c["imm_hit"], c["imm"]), c["imm"], HIGHER),
            Measure(name, "harmless: paged", _ratio(c["calm_paged"], c["calm"]), c["calm"], LOWER),
            Measure(name, "harmless: flagged", _ratio(c["calm_flagged"], c["calm"]), c["calm"], LOWER),
            Measure(name, "final level right", _ratio(c["right"], c["n"]), c["n"], INFO),
        ]

    return measure


def _final_level(detector: Detector, row: dict[str, Any]) -> RiskLevel:
    state = ConversationState()
    for turn in row.get("turns") or []:
        speaker = "agent" if str(turn.get("speaker", "customer")).lower() == "agent" else "customer"
        _, state = detector.follow(str(turn.get("text", "")), state, channel=_channel(row), speaker=speaker)
    return state.level


def suite_set(path: Path | None = None) -> EvaluationSet:
    """The behavioural suite: pass rate per test type and overall (all gated: higher is better)."""
    from detector import behaviour

    suite = behaviour.load_suite(path)

    def measure(detector: Detector) -> list[Measure]:
        results = behaviour.run(detector, suite.cases)
        per_type = behaviour.rates(results, lambda r: r.case.type)
        overall = behaviour.rates(results, lambda r: "all")["all"]
        measures = [
            Measure(
                "behavioural suite", f"{kind} pass rate", per_type[kind].rate, per_type[kind].total, HIGHER
            )
            for kind in behaviour.TYPES
            if kind in per_type
        ]
        return [*measures, Measure("behavioural suite", "all pass rate", overall.rate, overall.total, HIGHER)]

    return measure


def public_sets(directory: Path, max_rows: int = 0) -> EvaluationSet:
    """``<directory>/<name>/data.jsonl`` rows {text, label, source} scored against EXPECTATIONS.json: a
    flag rate where a label should be flagged (higher is better), an escalation rate where it should not
    page (lower is better). ``max_rows`` > 0 takes the first rows of each set."""
    expectations = json.loads((directory / "EXPECTATIONS.json").read_text(encoding="utf-8"))
    sets = {p.parent.name: p for p in sorted(directory.glob("*/data.jsonl"))}

    def measure(detector: Detector) -> list[Measure]:
        report = ExpectationReport()
        for source, path in sets.items():
            rows = list(read_jsonl(path))[: max_rows or None]
            for start in range(0, len(rows), 256):
                batch = rows[start : start + 256]
                for row, assessment in zip(
                    batch, detector.assess_many([str(r.get("text", "")) for r in batch]), strict=True
                ):
                    label = str(row.get("label"))
                    report.add(source, label, expectation_for(label, source, expectations), assessment.level)
        measures = []
        for (source, label, expected), c in sorted(report.counts.items()):
            rate = c["met"] / c["n"] if c["n"] else None
            if expected == "flag":
                measures.append(Measure(f"public {source}", f"{label}: flagged", rate, c["n"], HIGHER))
            else:
                paged = None if rate is None else 1 - rate
                measures.append(Measure(f"public {source}", f"{label}: paged", paged, c["n"], LOWER))
        return measures

    return measure


def data_set(path: Path) -> EvaluationSet:
    """A labelled JSONL file: conversations when its rows carry ``turns``, else messages."""
    rows = list(read_jsonl(path))
    if rows and "turns" in rows[0]:
        return conversation_set(path.name, rows)
    return message_set(path.name, rows)


def compare(
    detector: Detector, current: RiskModel, candidate: RiskModel, sets: Sequence[EvaluationSet]
) -> list[Figure]:
    """Every set measured with each model in turn; the detector is left serving ``current``."""
    before = [m for s in sets for m in _with(detector, current, s)]
    after = [m for s in sets for m in _with(detector, candidate, s)]
    detector.use_model(current)
    return [
        Figure(b.set, b.name, b.n, b.value, a.value, b.better) for b, a in zip(before, after, strict=True)
    ]


def _with(detector: Detector, model: RiskModel, evaluation: EvaluationSet) -> list[Measure]:
    detector.use_model(model)
    return evaluation(detector)


def regressions(figures: Sequence[Figure], tolerance: float) -> list[Figure]:
    """Gated figures on which the candidate is worse than current by more than ``tolerance``."""
    return [f for f in figures if f.worse_by > tolerance + 1e-12]


def table(figures: Sequence[Figure], tolerance: float) -> list[list[str]]:
    """One row a figure (figures no set could measure, n = 0, are left out)."""
    rows = [["set", "figure", "n", "current", "candidate", "difference", ""]]
    for f in figures:
        if f.current is None and f.candidate is None:
            continue
        diff = None if f.current is None or f.candidate is None else f.candidate - f.current
        verdict = ""
        if f.worse_by > tolerance + 1e-12:
            verdict = "WORSE"
        elif f.better != INFO and diff is not None and abs(diff) >= 0.0005:
            verdict = "better" if f.worse_by == 0 else "within tolerance"
        shown = "-" if diff is None else f"{diff:+.3f}"
        rows.append([f.set, f.name, str(f.n), _fmt(f.current), _fmt(f.candidate), shown, verdict])
    return rows


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _channel(row: dict[str, Any]) -> str:
    channel = str(row.get("channel") or "chat")
    return channel if channel in ("chat", "voice", "sms") else "chat"


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not valid JSON ({error.msg})") from None
            if isinstance(row, dict):
                yield row
