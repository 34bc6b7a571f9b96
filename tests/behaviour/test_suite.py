"""The behavioural suite (tests/behaviour/templates.yaml x lexicons.yaml) through the real detector.

Floors guard against regressions. Where the detector meets issue 10's target (0.98) the floor is the
target; where it does not, the floor is the rate measured on the date given, rounded down a little, so the
gap stays visible here and in `stayline evaluate --suite --errors 20`. Raise a floor when the detector
improves; never lower one to let a change through.
"""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest
import yaml

from detector import Detector
from detector import RiskLevel as L
from detector.behaviour import (
    TYPES,
    Case,
    Result,
    Suite,
    by_capability,
    check_split,
    corpus_words,
    expand,
    leet,
    load_suite,
    run,
    speech,
    split_violations,
    typo,
)

TARGET = 0.98

# (type, capability) -> the pass rate the detector must keep.
FLOORS = {
    ("MFT", "imminent_composition"): 0.94,  # target 0.98, measured 0.962 on 2026-12-01 (later) — issue 10
    ("MFT", "explicit_ideation"): TARGET,  # measured 1.000 on 2026-12-01
    # An amount counts without earlier concern only right before a medicine ("forty of my x", not "all my
    # tablets this morning"): stricter, so fewer suite answers count, and no pharmacy routine pages.
    ("MFT", "screening_answers"): 0.95,  # target 0.98, measured 0.968 on 2026-12-01 (later) — issue 10
    ("MFT", "harmless_service"): TARGET,  # measured 1.000 on 2026-12-01
    ("INV", "inv_entities"): TARGET,  # measured 0.990 on 2026-12-01
    ("INV", "inv_typo"): 0.93,  # target 0.98, measured 0.952 on 2026-12-01 (later) — issue 10
    ("INV", "inv_speech"): TARGET,  # measured 0.998 on 2026-12-01
    ("INV", "inv_leet"): TARGET,  # measured 1.000 on 2026-12-01
    ("INV", "inv_channel"): TARGET,  # measured 1.000 on 2026-12-01
    ("DIR", "dir_negation"): TARGET,  # measured 1.000 on 2026-12-01
    ("DIR", "dir_hopelessness"): 0.95,  # target 0.98, measured 0.970 on 2026-12-01 (later) — issue 10
    ("DIR", "dir_third_person"): TARGET,  # measured 1.000 on 2026-12-01
    ("DIR", "dir_historical"): TARGET,  # measured 1.000 on 2026-12-01 (later)
    ("DIR", "dir_figurative"): TARGET,  # measured 0.998 on 2026-12-01
}


@pytest.fixture(scope="module")
def suite() -> Suite:
    return load_suite()


@pytest.fixture(scope="module")
def results(suite: Suite, detector: Detector) -> list[Result]:
    return run(detector, suite.cases)


def test_the_suite_has_at_least_5000_cases_of_every_type(suite: Suite) -> None:
    assert len(suite.cases) >= 5000
    per_type = Counter(case.type for case in suite.cases)
    assert set(per_type) == set(TYPES)
    assert len({case.id for case in suite.cases}) == len(suite.cases)


def test_every_capability_has_a_floor(suite: Suite) -> None:
    assert {(case.type, case.capability) for case in suite.cases} == set(FLOORS)


def test_no_lexicon_filler_word_appears_in_the_training_corpus(suite: Suite) -> None:
    assert check_split(suite) == []
    # And no filler at all (closed-class words aside) is a corpus word: the check is not vacuous.
    corpus = corpus_words()
    assert len(corpus) > 1000
    fillers = {
        w for values in suite.lexicons.values() for v in values for w in re.findall(r"[a-z0-9]+", v.lower())
    }
    assert not (fillers - suite.closed_class) & corpus


def test_the_split_check_catches_a_corpus_word() -> None:
    corpus = {"paracetamol", "tonight", "at"}
    problems = split_violations({"medicine": ["paracetamol", "lorazepam"], "time": ["at"]}, {"at"}, corpus)
    assert problems == [
        "medicine: 'paracetamol': 'paracetamol' appears in the training corpus",
        "time: 'at' has no held-out word",
    ]


def test_expansion_is_deterministic(suite: Suite) -> None:
    templates = yaml.safe_load((suite.path / "templates.yaml").read_text(encoding="utf-8"))
    again = expand(templates, suite.lexicons)
    assert [c.to_dict() for c in again] == [c.to_dict() for c in suite.cases]


def test_perturbations_change_one_thing() -> None:
    text = "I have taken thirteen lorazepam at teatime."
    rng = random.Random(0)
    for _ in range(50):
        changed = typo(text, rng)
        assert abs(len(changed) - len(text)) <= 1 and changed != text
        heard = speech(text, rng)
        assert heard == heard.lower() and "." not in heard
        assert len(heard.split()) in (len(text.split()) + 1, len(text.split()) + 2)
        written = leet(text, rng)
        assert len(written) == len(text) and 1 <= sum(a != b for a, b in zip(text, written, strict=True)) <= 2


def test_relations_and_expectations() -> None:
    cases = expand(
        {
            "tests": [
                {"id": "m", "capability": "c", "type": "MFT", "expect": ">=high", "text": "x {a}"},
                {
                    "id": "d",
                    "capability": "c",
                    "type": "DIR",
                    "relation": "<=",
                    "expect": "<=moderate",
                    "pairs": [{"base": "b {a}", "variant": "v {a}"}],
                },
            ]
        },
        {"a": ["one", "two"]},
    )
    mft: Case = cases[0]
    assert [c.id for c in cases] == ["m-0000", "m-0001", "d-0000", "d-0001"]
    assert mft.passed([L.HIGH]) and mft.passed([L.IMMINENT]) and not mft.passed([L.MODERATE])
    direction = cases[2]
    assert direction.passed([L.HIGH, L.LOW]) and not direction.passed([L.LOW, L.MODERATE])
    assert not direction.passed([L.IMMINENT, L.HIGH])  # lower, but still pages


@pytest.mark.parametrize("key", sorted(FLOORS), ids=lambda k: f"{k[0]}-{k[1]}")
def test_pass_rate_floor(key: tuple[str, str], results: list[Result]) -> None:
    rate = by_capability(results)[key]
    failing = [r for r in results if (r.case.type, r.case.capability) == key and not r.passed][:5]
    examples = "\n".join(
        f"  {r.case.id}: got {[lv.label for lv in r.levels]}, wanted {r.case.wanted()}: "
        + " || ".join(p.describe() for p in r.case.probes)
        for r in failing
    )
    assert rate.rate >= FLOORS[key], f"{key}: {rate.passed}/{rate.total} = {rate.rate:.3f}\n{examples}"
