"""Metrics for labelled data: the figures the detector is held to."""

from __future__ import annotations

import fnmatch
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from detector.signals import LEVEL_NAMES, RiskLevel

ESCALATE = RiskLevel.HIGH  # high and imminent page the escalation chain
FLAG = RiskLevel.MODERATE  # moderate and above reach a responder


@dataclass
class LevelReport:
    total: int = 0
    confusion: dict[tuple[str, str], int] = field(default_factory=Counter)  # (true, predicted) -> count
    by_group: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def add(self, true: RiskLevel, predicted: RiskLevel, groups: Sequence[str]) -> None:
        self.total += 1
        self.confusion[(true.label, predicted.label)] += 1
        for group in ("all", *groups):
            counts = self.by_group[group]
            counts["n"] += 1
            counts["within_one"] += abs(int(true) - int(predicted)) <= 1
            counts["exact"] += true == predicted
            if true >= ESCALATE:
                counts["escalate_true"] += 1
                counts["escalate_found"] += predicted >= ESCALATE
            if true == RiskLevel.NONE:
                counts["none_true"] += 1
                counts["none_escalated"] += predicted >= ESCALATE
                counts["none_flagged"] += predicted >= FLAG

    def figures(self, group: str = "all") -> dict[str, float | None]:
        c = self.by_group[group]

        def ratio(a: str, b: str) -> float | None:
            return c[a] / c[b] if c[b] else None

        return {
            "n": float(c["n"]),
            "escalation_recall": ratio("escalate_found", "escalate_true"),
            "false_escalation_on_none": ratio("none_escalated", "none_true"),
            "flagged_on_none": ratio("none_flagged", "none_true"),
            "level_within_one": ratio("within_one", "n"),
            "level_exact": ratio("exact", "n"),
        }

    def confusion_rows(self) -> list[list[str]]:
        header = ["true \\ predicted", *LEVEL_NAMES]
        rows = [header]
        for true in LEVEL_NAMES:
            rows.append([true, *(str(self.confusion.get((true, p), 0)) for p in LEVEL_NAMES)])
        return rows


def expectation_for(label: str, source: str, expectations: dict[str, dict[str, str]]) -> str:
    """What a data set's own label asks of us: flag, escalate, no_escalation or ignore."""
    mapping = expectations.get(source, {})
    if label in mapping:
        return mapping[label]
    for pattern, expected in mapping.items():
        if fnmatch.fnmatch(label, pattern):
            return expected
    return "ignore"


def meets(expected: str, level: RiskLevel) -> bool:
    if expected == "flag":
        return level >= FLAG
    if expected == "escalate":
        return level >= ESCALATE
    if expected == "no_escalation":
        return level < ESCALATE
    raise ValueError(f"unknown expectation {expected!r}")


@dataclass
class ExpectationReport:
    counts: dict[tuple[str, str, str], Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def add(self, source: str, label: str, expected: str, level: RiskLevel) -> None:
        if expected == "ignore":
            return
        counts = self.counts[(source, label, expected)]
        counts["n"] += 1
        counts["met"] += meets(expected, level)

    def rows(self) -> list[list[str]]:
        rows = [["source", "label", "expects", "n", "met", "rate"]]
        for (source, label, expected), c in sorted(self.counts.items()):
            rate = c["met"] / c["n"] if c["n"] else 0.0
            shown = f"{rate:.4f}" if expected == "flag" else f"{1 - rate:.4f} escalated"
            rows.append([source, label, expected, str(c["n"]), str(c["met"]), shown])
        return rows


@dataclass
class ConversationReport:
    """Conversation-level figures: labelled levels after each customer turn against the detector's."""

    counts: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    delays: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    wrong: list[tuple[str, str, str]] = field(default_factory=list)  # (id, true final, predicted final)

    def add(
        self,
        conversation_id: str,
        true: Sequence[RiskLevel],
        predicted: Sequence[RiskLevel],
        groups: Sequence[str],
    ) -> None:
        true_final = true[-1] if true else RiskLevel.NONE
        predicted_final = predicted[-1] if predicted else RiskLevel.NONE
        if true_final != predicted_final:
            self.wrong.append((conversation_id, true_final.label, predicted_final.label))
        first_true = _first_at_least(true, ESCALATE)
        first_predicted = _first_at_least(predicted, ESCALATE)
        for group in ("all", *groups):
            c = self.counts[group]
            c["n"] += 1
            c["right"] += true_final == predicted_final
            c["within_one"] += abs(int(true_final) - int(predicted_final)) <= 1
            if true_final >= ESCALATE:
                c["should_page"] += 1
                c["paged"] += predicted_final >= ESCALATE
            if true_final == RiskLevel.IMMINENT:
                c["imminent"] += 1
                c["imminent_reached"] += predicted_final == RiskLevel.IMMINENT
            if true_final <= RiskLevel.LOW:
                c["harmless"] += 1
                c["harmless_paged"] += predicted_final >= ESCALATE
                c["harmless_flagged"] += predicted_final >= FLAG
            if first_true is not None and first_predicted is not None:
                self.delays[group].append(first_predicted - first_true)
                c["late_by_more_than_one"] += first_predicted - first_true > 1

    def rows(self) -> list[list[str]]:
        header = [
            "group",
            "n",
            "right",
            "should page: paged",
            "imminent: reached",
            "harmless: paged",
            "harmless: flagged",
            "mean delay (turns)",
            "late > 1 turn",
        ]
        rows = [header]
        for group in sorted(self.counts, key=lambda g: (g != "all", g)):
            c = self.counts[group]
            delays = self.delays[group]
            mean = f"{sum(delays) / len(delays):+.2f}" if delays else "-"
            rows.append(
                [
                    group,
                    str(c["n"]),
                    f"{c['right']}/{c['n']}",
                    f"{c['paged']}/{c['should_page']}",
                    f"{c['imminent_reached']}/{c['imminent']}",
                    f"{c['harmless_paged']}/{c['harmless']}",
                    f"{c['harmless_flagged']}/{c['harmless']}",
                    mean,
                    str(c["late_by_more_than_one"]),
                ]
            )
        return rows


def _first_at_least(levels: Sequence[RiskLevel], threshold: RiskLevel) -> int | None:
    return next((i for i, level in enumerate(levels) if level >= threshold), None)
