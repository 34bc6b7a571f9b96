"""Fusion: rule evidence (precise, explainable) and model probabilities (paraphrase recall) -> a level.

Imminent needs evidence: the model alone can propose at most ``model_ceiling``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from config.files import load_yaml
from detector.context import SELF_RISK_KINDS
from detector.signals import Category, Modifier, RiskLevel, Signal, SignalKind

# When two pieces of evidence reach the same level, the category of the first in this list wins.
CATEGORY_PRIORITY = [
    Category.SUICIDE,
    Category.THIRD_PARTY,
    Category.ABUSE,
    Category.HARM_TO_OTHERS,
    Category.SELF_HARM,
    Category.MEDICAL,
]

KIND_CATEGORY = {
    SignalKind.SELF_HARM: Category.SELF_HARM,
    SignalKind.THIRD_PARTY: Category.THIRD_PARTY,
    SignalKind.HARM_TO_OTHERS: Category.HARM_TO_OTHERS,
    SignalKind.ABUSE: Category.ABUSE,
    SignalKind.MEDICAL: Category.MEDICAL,
}


@dataclass(frozen=True)
class Combination:
    kinds: frozenset[SignalKind]
    level: RiskLevel


@dataclass(frozen=True)
class FusionConfig:
    version: str
    modifier_levels: dict[Modifier, RiskLevel]
    combinations: tuple[Combination, ...]
    conversation_window: int
    context_turns: int
    supporting_only: frozenset[SignalKind]
    model_thresholds: dict[RiskLevel, float]
    model_ceiling: RiskLevel
    sentence_threshold: float
    discount_sentences: int
    model_evidence: re.Pattern[str]
    discounted_ceilings: dict[Modifier, RiskLevel]
    rule_confidence: dict[RiskLevel, float]
    window_chars: int
    window_overlap: int
    imminent_evidence: frozenset[SignalKind]
    imminent_cues: re.Pattern[str]
    imminent_cue_min_words: int
    rule_support: float
    rule_support_exempt: frozenset[str]  # rule ids
    model_sure_imminent: float  # above 1: never
    model_overrules: frozenset[Modifier]  # discounts a model all but certain of high may overrule
    model_flags_through: frozenset[Modifier]  # ... and those that cap it at moderate when it is sure of that
    model_overrules_at: float  # above 1: never
    model_page_needs_confirming_below: float  # 0: a page from the model alone never waits
    # Ablations drop some: "conversation" is the answers to the agent's questions, "window" the model's
    # reading of the last few customer turns together.
    components: frozenset[str] = frozenset({"rules", "model", "conversation", "window"})


@lru_cache(maxsize=1)
def fusion_config() -> FusionConfig:
    data: dict[str, Any] = load_yaml("detector.yaml")
    return FusionConfig(
        version=str(data["version"]),
        modifier_levels={Modifier(k): RiskLevel.parse(v) for k, v in data["modifier_levels"].items()},
        combinations=tuple(
            Combination(frozenset(SignalKind(k) for k in c["kinds"]), RiskLevel.parse(c["level"]))
            for c in data["combinations"]
        ),
        conversation_window=int(data["conversation_window"]),
        context_turns=max(1, int(data.get("context_turns", 1))),
        supporting_only=frozenset(SignalKind(k) for k in data["supporting_only"]),
        model_thresholds={RiskLevel.parse(k): float(v) for k, v in data["model_thresholds"].items()},
        model_ceiling=RiskLevel.parse(data["model_ceiling"]),
        sentence_threshold=float(data["sentence_moderate_threshold"]),
        discount_sentences=int(data["discounted_ceiling_max_sentences"]),
        model_evidence=_any_word(data["model_evidence_words"]),
        discounted_ceilings={Modifier(k): RiskLevel.parse(v) for k, v in data["discounted_ceilings"].items()},
        rule_confidence={RiskLevel.parse(k): float(v) for k, v in data["rule_confidence"].items()},
        window_chars=int(data["window_chars"]),
        window_overlap=int(data["window_overlap"]),
        imminent_evidence=frozenset(SignalKind(k) for k in data.get("imminent_evidence", [])),
        imminent_cues=_any_word(data.get("imminent_cue_words", [])),
        imminent_cue_min_words=int(data.get("imminent_cue_min_words", 1)),
        rule_support=float(data.get("rule_support", 0.0)),
        rule_support_exempt=frozenset(str(rule) for rule in data.get("rule_support_exempt", [])),
        model_sure_imminent=float(data.get("model_sure_imminent", 2.0)),
        model_overrules=frozenset(Modifier(m) for m in data.get("model_overrules", [])),
        model_flags_through=frozenset(Modifier(m) for m in data.get("model_flags_through", [])),
        model_overrules_at=float(data.get("model_overrules_at", 2.0)),
        model_page_needs_confirming_below=float(data.get("model_page_needs_confirming_below", 0.0)),
    )


@dataclass(frozen=True)
class Evidence:
    """A signal with the level and category it supports on its own."""

    signal: Signal
    level: RiskLevel
    category: Category


def signal_category(signal: Signal, pattern_category: Category | None) -> Category:
    if signal.about_other and signal.kind in SELF_RISK_KINDS:
        return Category.THIRD_PARTY
    if pattern_category is not None:
        return pattern_category
    return KIND_CATEGORY.get(signal.kind, Category.SUICIDE)


def evidence_level(signal: Signal, rule_level: RiskLevel, config: FusionConfig) -> RiskLevel:
    if signal.kind in config.supporting_only:
        return RiskLevel.NONE
    level = rule_level
    for modifier in signal.modifiers:
        level = min(level, config.modifier_levels.get(modifier, level))
    return level


def combination_level(kinds: Iterable[SignalKind], config: FusionConfig) -> RiskLevel:
    present = set(kinds)
    best = RiskLevel.NONE
    for combination in config.combinations:
        if combination.kinds <= present:
            best = max(best, combination.level)
    return best


def strongest(evidence: Iterable[Evidence]) -> tuple[RiskLevel, Category]:
    best_level, best_category = RiskLevel.NONE, Category.NONE
    for item in evidence:
        better_category = best_category == Category.NONE or CATEGORY_PRIORITY.index(
            item.category
        ) < CATEGORY_PRIORITY.index(best_category)
        if item.level > best_level or (item.level == best_level and item.level > 0 and better_category):
            best_level, best_category = item.level, item.category
    return best_level, best_category


def _any_word(words: list[str]) -> re.Pattern[str]:
    # Word beginnings: "overdos" matches overdose and overdosing, "bleed" matches bleeding.
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")")


def model_level(
    cumulative: dict[RiskLevel, float], config: FusionConfig, imminent_evidence: bool
) -> RiskLevel:
    """The highest level whose threshold P(level >= X) the model reaches; imminent only beside evidence."""
    proposed = RiskLevel.NONE
    for level, threshold in sorted(config.model_thresholds.items()):
        if cumulative[level] >= threshold:
            proposed = level
    ceiling = RiskLevel.IMMINENT if imminent_evidence else config.model_ceiling
    return min(proposed, ceiling)


def discounted_ceiling(discounted: Iterable[Signal], config: FusionConfig) -> RiskLevel:
    """How far the model may go when all the rule evidence was discounted by its context."""
    ceiling = RiskLevel.IMMINENT
    for signal in discounted:
        for modifier in signal.modifiers:
            ceiling = min(ceiling, config.discounted_ceilings.get(modifier, ceiling))
    return ceiling


# The speaker in danger: their own risk, or someone else's danger to them (abuse: "danger happening now").
SPEAKER_IN_DANGER = frozenset(
    {Category.SUICIDE.value, Category.SELF_HARM.value, Category.MEDICAL.value, Category.ABUSE.value}
)


def model_sure_of_danger(cumulative: dict[RiskLevel, float], category: str, config: FusionConfig) -> bool:
    """The model all but certain (config model_sure_imminent) that the speaker is in danger now: an attempt,
    a plan or an abuser's act in words neither the rules nor the cue words know (speech-to-text, slang).
    Someone else's risk still needs evidence."""
    sure = cumulative[RiskLevel.IMMINENT] >= config.model_sure_imminent
    return sure and category in SPEAKER_IN_DANGER


def fused_score(model_risk: float, rule_level: RiskLevel, config: FusionConfig) -> float:
    """P(level >= moderate): the model's probability, raised by independent rule evidence."""
    rule_risk = config.rule_confidence.get(rule_level, 0.0)
    return 1.0 - (1.0 - model_risk) * (1.0 - rule_risk)
