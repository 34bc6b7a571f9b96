"""No message can stall the detector: every pattern in detector/ and config/ meets long hostile input.

The budgets are generous ceilings that catch super-linear backtracking (a cubic pattern took 46 s on
2,000 letters), not speed measurements: those live in bench/.
"""

from __future__ import annotations

import re
import time

import pytest

from detector import Detector, RiskLevel, dialogue, fusion, normalize

HOSTILE = {
    "one long word": "a" * 20_000,
    "letters and digits": "a1" * 10_000,
    "leet symbols": "k!l|" * 5_000,
    "spaced letters": "k i l l " * 2_500,
    "stutter": "i " * 10_000,
    "one repeated risk word": "kill " * 4_000,
    "no spaces, punctuation": "!?." * 7_000,
    "control characters": "\x00\x01\x1b" * 7_000,
    "emoji only": "\U0001f48a\U0001f52a" * 5_000,
}


def _module_patterns() -> list[re.Pattern[str]]:
    patterns = []
    for module in (normalize, dialogue, fusion):
        patterns += [value for value in vars(module).values() if isinstance(value, re.Pattern)]
    for question in dialogue.questions():
        patterns += list(question.patterns)
    config = fusion.fusion_config()
    patterns += [config.model_evidence, config.imminent_cues, normalize.tables().replaceable]
    return patterns


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_every_pattern_is_linear_on_hostile_input(name: str) -> None:
    text = HOSTILE[name]
    for pattern in _module_patterns():
        started = time.perf_counter()
        list(pattern.finditer(text))
        assert time.perf_counter() - started < 2.0, f"{pattern.pattern[:60]!r} stalls on {name}"


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_messages_get_an_assessment_in_bounded_time(detector: Detector, name: str) -> None:
    started = time.perf_counter()
    assessment = detector.assess(HOSTILE[name])
    assert time.perf_counter() - started < 10.0, name  # 20,000 characters; the bug took hours
    assert assessment.level in RiskLevel


def test_a_megabyte_is_read_whole_not_truncated(detector: Detector) -> None:
    text = "the router keeps dropping out. " * 33_000 + "i have swallowed all of my sleeping tablets"
    assessment = detector.assess(text)
    assert assessment.level >= RiskLevel.HIGH
