"""Behavioural tests in the manner of CheckList (Ribeiro et al., 2020): templates x lexicons -> cases.

The suite lives as data in ``tests/behaviour/`` (``templates.yaml`` and ``lexicons.yaml``); this module
expands it deterministically (a fixed seed per test), checks that its lexicons are held out from the
training corpus, runs the cases through a detector in batches and summarises pass rates per capability
and test type (MFT: minimum functionality, INV: invariance, DIR: directional). ``stayline evaluate
--suite`` and ``tests/behaviour/test_suite.py`` both use it.
"""

from __future__ import annotations

import json
import math
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from detector.signals import ConversationState, RiskLevel

if TYPE_CHECKING:
    from detector.pipeline import Detector

SUITE_DIR = Path(__file__).resolve().parents[1] / "tests" / "behaviour"
CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
TYPES = ("MFT", "INV", "DIR")
CHANNELS = ("chat", "sms", "voice")
BATCH = 512

_SLOT = re.compile(r"\{([a-z_]+)\}")
_WORD = re.compile(r"[a-z0-9]+")  # how a corpus text and a filler are cut into words for the split check


class SuiteError(ValueError):
    """The suite's data is malformed (an unknown slot, a bad expectation, a broken lexicon split)."""


# --- cases ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Probe:
    """One input to the detector: a message, or a conversation of (speaker, text) turns."""

    turns: tuple[tuple[str, str], ...]
    channel: str = "chat"

    @property
    def is_message(self) -> bool:
        return len(self.turns) == 1 and self.turns[0][0] == "customer"

    def describe(self) -> str:
        if self.is_message:
            text = self.turns[0][1]
        else:
            text = " / ".join(f"{speaker}: {said}" for speaker, said in self.turns)
        return text if self.channel == "chat" else f"[{self.channel}] {text}"


@dataclass(frozen=True)
class Expectation:
    """An inclusive range of levels: ``imminent``, ``>=high``, ``<=low`` or ``moderate..high``."""

    lowest: RiskLevel
    highest: RiskLevel

    @classmethod
    def parse(cls, text: str) -> Expectation:
        text = str(text).strip()
        try:
            if text.startswith(">="):
                return cls(RiskLevel.parse(text[2:]), RiskLevel.IMMINENT)
            if text.startswith("<="):
                return cls(RiskLevel.NONE, RiskLevel.parse(text[2:]))
            if ".." in text:
                low, high = text.split("..", 1)
                return cls(RiskLevel.parse(low), RiskLevel.parse(high))
            level = RiskLevel.parse(text)
        except ValueError as error:
            raise SuiteError(f"expectation {text!r}: {error}") from None
        return cls(level, level)

    def holds(self, level: RiskLevel) -> bool:
        return self.lowest <= level <= self.highest

    def __str__(self) -> str:
        if self.lowest == self.highest:
            return self.lowest.label
        if self.highest == RiskLevel.IMMINENT:
            return f">={self.lowest.label}"
        if self.lowest == RiskLevel.NONE:
            return f"<={self.highest.label}"
        return f"{self.lowest.label}..{self.highest.label}"


@dataclass(frozen=True)
class Case:
    """One behavioural test case. MFT: one probe and an expectation. INV: a base and a perturbed probe that
    must get the same level. DIR: a base and a variant, compared by ``relation`` and/or ``expect`` (on the
    variant alone)."""

    id: str
    test: str
    capability: str
    type: str
    template: str  # the template(s) the case came from: failures are grouped by it
    probes: tuple[Probe, ...]
    expect: Expectation | None = None
    relation: str | None = None  # "==" (INV), "<=" or ">=" (DIR: the variant against the base)

    def passed(self, levels: Sequence[RiskLevel]) -> bool:
        checked = levels[-1]
        if self.expect is not None and not self.expect.holds(checked):
            return False
        if self.relation == "==":
            return levels[1] == levels[0]
        if self.relation == "<=":
            return levels[1] <= levels[0]
        if self.relation == ">=":
            return levels[1] >= levels[0]
        return True

    def wanted(self) -> str:
        parts = []
        if self.relation:
            parts.append({"==": "same as base", "<=": "<= base", ">=": ">= base"}[self.relation])
        if self.expect is not None:
            parts.append(str(self.expect))
        return " and ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "test": self.test,
            "capability": self.capability,
            "type": self.type,
            "probes": [{"channel": p.channel, "turns": [list(t) for t in p.turns]} for p in self.probes],
            "expect": None if self.expect is None else str(self.expect),
            "relation": self.relation,
        }


@dataclass(frozen=True)
class Suite:
    path: Path
    cases: tuple[Case, ...]
    lexicons: Mapping[str, tuple[str, ...]]
    closed_class: frozenset[str]


# --- loading and expanding -----------------------------------------------------------------------------
def load_suite(path: Path | None = None) -> Suite:
    """The suite in a directory holding ``templates.yaml`` and ``lexicons.yaml`` (or either file's path)."""
    directory = path or SUITE_DIR
    if directory.is_file():
        directory = directory.parent
    templates_path, lexicons_path = directory / "templates.yaml", directory / "lexicons.yaml"
    for needed in (templates_path, lexicons_path):
        if not needed.exists():
            raise SuiteError(
                f"{needed}: not found (a suite is a directory with templates.yaml and lexicons.yaml)"
            )
    templates = _yaml(templates_path)
    lexicon_data = _yaml(lexicons_path)
    lexicons = {str(k): tuple(str(v) for v in values) for k, values in lexicon_data["lexicons"].items()}
    closed = frozenset(str(w).lower() for w in lexicon_data.get("closed_class") or [])
    return Suite(directory, tuple(expand(templates, lexicons)), lexicons, closed)


def _yaml(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise SuiteError(f"{path}: expected a mapping")
    return data


def expand(templates: Mapping[str, Any], lexicons: Mapping[str, Sequence[str]]) -> list[Case]:
    """Every test in ``templates`` expanded into cases; the same data always gives the same cases."""
    phrases = {
        str(k): tuple(str(v) for v in values) for k, values in (templates.get("phrases") or {}).items()
    }
    shared = set(phrases) & set(lexicons)
    if shared:
        raise SuiteError(f"slot names used both as phrases and lexicons: {sorted(shared)}")
    fillers: dict[str, tuple[str, ...]] = {**phrases, **{k: tuple(v) for k, v in lexicons.items()}}
    pools = {str(k): [str(t) for t in v] for k, v in (templates.get("pools") or {}).items()}
    seed = str(templates.get("seed", "behaviour"))
    cases: list[Case] = []
    seen_ids: set[str] = set()
    for test in templates["tests"]:
        test_id = str(test["id"])
        if test_id in seen_ids:
            raise SuiteError(f"test id {test_id!r} used twice")
        seen_ids.add(test_id)
        kind = str(test["type"])
        if kind not in TYPES:
            raise SuiteError(f"{test_id}: type {kind!r}; expected one of {TYPES}")
        rng = random.Random(f"{seed}:{test_id}")
        if kind == "MFT":
            drafts = _mft(test, fillers, rng)
        elif kind == "INV":
            drafts = _inv(test, fillers, pools, rng)
        else:
            drafts = _dir(test, fillers, rng)
        expect = Expectation.parse(test["expect"]) if "expect" in test else None
        relation = "==" if kind == "INV" else test.get("relation")
        if relation not in (None, "==", "<=", ">="):
            raise SuiteError(f"{test_id}: relation {relation!r}; expected <= or >=")
        if kind == "MFT" and expect is None:
            raise SuiteError(f"{test_id}: an MFT needs `expect`")
        if kind == "DIR" and expect is None and relation is None:
            raise SuiteError(f"{test_id}: a DIR needs `relation` or `expect`")
        for number, (template, probes) in enumerate(drafts):
            cases.append(
                Case(
                    id=f"{test_id}-{number:04d}",
                    test=test_id,
                    capability=str(test["capability"]),
                    type=kind,
                    template=template,
                    probes=probes,
                    expect=expect,
                    relation=relation,
                )
            )
    return cases


_Draft = tuple[str, tuple[Probe, ...]]


def _slots(*texts: str) -> list[str]:
    return sorted({m.group(1) for text in texts for m in _SLOT.finditer(text)})


def _combinations(
    slots: Sequence[str],
    fillers: Mapping[str, Sequence[str]],
    limit: int | None,
    rng: random.Random,
    where: str,
) -> list[dict[str, str]]:
    """Slot fillings: all of them, or ``limit`` drawn without replacement (in a fixed order)."""
    for slot in slots:
        if slot not in fillers:
            raise SuiteError(f"{where}: unknown slot {{{slot}}}")
    sizes = [len(fillers[s]) for s in slots]
    total = math.prod(sizes)
    indices = range(total) if limit is None or total <= limit else sorted(rng.sample(range(total), limit))
    out = []
    for index in indices:
        values = {}
        for slot, size in zip(reversed(slots), reversed(sizes), strict=True):
            index, position = divmod(index, size)
            values[slot] = fillers[slot][position]
        out.append(values)
    return out


def _fill(template: str, values: Mapping[str, str]) -> str:
    return _SLOT.sub(lambda m: values[m.group(1)], template)


def _turns(test: Mapping[str, Any]) -> list[tuple[str, str]]:
    if "turns" in test:
        turns = []
        for turn in test["turns"]:
            ((speaker, text),) = dict(turn).items()
            if speaker not in ("agent", "customer"):
                raise SuiteError(f"{test['id']}: a turn's speaker is agent or customer, not {speaker!r}")
            turns.append((str(speaker), str(text)))
        return turns
    return [("customer", str(test["text"]))]


def _mft(test: Mapping[str, Any], fillers: Mapping[str, Sequence[str]], rng: random.Random) -> list[_Draft]:
    turns = _turns(test)
    channel = str(test.get("channel", "chat"))
    template = " / ".join(text if speaker == "customer" else f"agent: {text}" for speaker, text in turns)
    combos = _combinations(_slots(*(t for _, t in turns)), fillers, test.get("max"), rng, str(test["id"]))
    return [
        (template, (Probe(tuple((s, _fill(t, values)) for s, t in turns), channel),)) for values in combos
    ]


def _dir(test: Mapping[str, Any], fillers: Mapping[str, Sequence[str]], rng: random.Random) -> list[_Draft]:
    drafts: list[_Draft] = []
    for pair in test["pairs"]:
        base, variant = str(pair["base"]), str(pair["variant"])
        where = f"{test['id']}: {variant!r}"
        for values in _combinations(_slots(base, variant), fillers, test.get("max"), rng, where):
            probes = (
                Probe((("customer", _fill(base, values)),)),
                Probe((("customer", _fill(variant, values)),)),
            )
            drafts.append((f"{base} => {variant}", probes))
    return drafts


def _inv(
    test: Mapping[str, Any],
    fillers: Mapping[str, Sequence[str]],
    pools: Mapping[str, Sequence[str]],
    rng: random.Random,
) -> list[_Draft]:
    perturb = str(test["perturb"])
    swapped = perturb.split(":", 1)[1] if perturb.startswith("swap:") else None
    if swapped is None and perturb not in PERTURBATIONS and perturb != "channel":
        raise SuiteError(f"{test['id']}: unknown perturbation {perturb!r}")
    if test.get("pool") not in pools:
        raise SuiteError(f"{test['id']}: unknown pool {test.get('pool')!r}")
    limit = int(test.get("max", 50))
    drafts: list[_Draft] = []
    for template in pools[str(test["pool"])]:
        slots = _slots(template)
        if swapped is not None and swapped not in slots:
            continue
        combos = _combinations(slots, fillers, limit, rng, f"{test['id']}: {template!r}")
        seen: set[tuple[Probe, Probe]] = set()
        for attempt in range(limit * 3):  # a short template has few distinct perturbations
            if len(seen) >= limit:
                break
            values = combos[attempt % len(combos)]
            text = _fill(template, values)
            base = Probe((("customer", text),))
            if swapped is not None:
                others = [v for v in fillers[swapped] if v != values[swapped]]
                variant = Probe((("customer", _fill(template, {**values, swapped: rng.choice(others)})),))
            elif perturb == "channel":
                variant = Probe(base.turns, CHANNELS[1 + attempt % 2])
            else:
                variant = Probe((("customer", PERTURBATIONS[perturb](text, rng)),))
            if variant == base or (base, variant) in seen:
                continue
            seen.add((base, variant))
            drafts.append((f"{template} [{perturb}]", (base, variant)))
    return drafts


# --- perturbations -------------------------------------------------------------------------------------
_KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def _neighbours(letter: str) -> str:
    for row_number, row in enumerate(_KEYBOARD):
        column = row.find(letter)
        if column < 0:
            continue
        near = row[max(column - 1, 0) : column] + row[column + 1 : column + 2]
        for other in (row_number - 1, row_number + 1):
            if 0 <= other < len(_KEYBOARD):
                near += _KEYBOARD[other][column : column + 1]
        return near
    return letter


def typo(text: str, rng: random.Random) -> str:
    """One character of one word (four letters or more) deleted, doubled or replaced by a neighbouring key."""
    words = list(re.finditer(r"[A-Za-z]{4,}", text))
    if not words:
        return text
    word = rng.choice(words)
    at = rng.randrange(word.start() + 1, word.end())  # keep the first letter, as most typos do
    letter = text[at]
    operation = rng.choice(("delete", "double", "neighbour"))
    if operation == "delete":
        return text[:at] + text[at + 1 :]
    if operation == "double":
        return text[:at] + letter + text[at:]
    replacement = rng.choice(_neighbours(letter.lower()))
    return text[:at] + (replacement.upper() if letter.isupper() else replacement) + text[at + 1 :]


SPEECH_FILLERS = ("um", "uh", "erm")


def speech(text: str, rng: random.Random) -> str:
    """As a speech-to-text transcript: lower case, no punctuation, a filler word and/or a stuttered word."""
    words = re.sub(r"[^\w\s']", " ", text.lower()).split()
    if not words:
        return text
    mode = rng.choice(("filler", "stutter", "both"))
    if mode in ("stutter", "both"):
        at = rng.randrange(min(len(words), 4))  # stutters come early in a sentence
        words.insert(at, words[at])
    if mode in ("filler", "both"):
        words.insert(rng.randrange(len(words) + 1), rng.choice(SPEECH_FILLERS))
    return " ".join(words)


_LEET = {"a": "4", "e": "3", "i": "1", "o": "0"}


def leet(text: str, rng: random.Random) -> str:
    """Light leetspeak: in one or two words, one letter written as a digit (a->4, e->3, i->1, o->0)."""
    words = [m for m in re.finditer(r"[A-Za-z]{4,}", text) if any(c in _LEET for c in m.group().lower())]
    if not words:
        return text
    chosen = rng.sample(words, min(len(words), rng.choice((1, 2))))
    out = list(text)
    for word in chosen:
        spots = [i for i in range(word.start(), word.end()) if text[i].lower() in _LEET]
        at = rng.choice(spots)
        out[at] = _LEET[text[at].lower()]
    return "".join(out)


PERTURBATIONS: dict[str, Callable[[str, random.Random], str]] = {"typo": typo, "speech": speech, "leet": leet}


# --- the lexicon split ---------------------------------------------------------------------------------
def corpus_words(directory: Path = CORPUS_DIR) -> set[str]:
    """Every word of every text in the training corpus (lower case, letters and digits)."""
    words: set[str] = set()
    for path in sorted(directory.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    words.update(_WORD.findall(str(json.loads(line).get("text", "")).lower()))
    return words


def split_violations(
    lexicons: Mapping[str, Iterable[str]], closed_class: Iterable[str], corpus: set[str]
) -> list[str]:
    """Fillers that break the split: a word the training corpus uses (other than closed-class grammar), or
    no held-out word at all. An empty list means the suite measures generalisation."""
    closed = {w.lower() for w in closed_class}
    problems = []
    for lexicon, values in lexicons.items():
        for value in values:
            words = _WORD.findall(value.lower())
            problems += [
                f"{lexicon}: {value!r}: {word!r} appears in the training corpus"
                for word in words
                if word in corpus and word not in closed
            ]
            if all(word in closed for word in words):
                problems.append(f"{lexicon}: {value!r} has no held-out word")
    return problems


def check_split(suite: Suite, corpus: set[str] | None = None) -> list[str]:
    return split_violations(suite.lexicons, suite.closed_class, corpus_words() if corpus is None else corpus)


# --- running -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Result:
    case: Case
    levels: tuple[RiskLevel, ...]  # one per probe
    passed: bool


def run(detector: Detector, cases: Sequence[Case], batch: int = BATCH) -> list[Result]:
    """Every case through the detector; each distinct probe is scored once, messages in batches."""
    probes = list(dict.fromkeys(p for case in cases for p in case.probes))
    levels = score(detector, probes, batch)
    results = []
    for case in cases:
        found = tuple(levels[p] for p in case.probes)
        results.append(Result(case, found, case.passed(found)))
    return results


def score(detector: Detector, probes: Sequence[Probe], batch: int = BATCH) -> dict[Probe, RiskLevel]:
    """The level of each probe: a message's own level, or the conversation's after its last customer turn.
    Conversations advance in step, so each turn position is one batched call."""
    states = [ConversationState() for _ in probes]
    levels = {p: RiskLevel.NONE for p in probes}
    for position in range(max((len(p.turns) for p in probes), default=0)):
        waiting: list[int] = []
        for index, probe in enumerate(probes):
            if position >= len(probe.turns):
                continue
            speaker, text = probe.turns[position]
            if speaker == "agent":
                states[index] = detector.hear_agent(states[index], text)
            else:
                waiting.append(index)
        for start in range(0, len(waiting), batch):
            chunk = waiting[start : start + batch]
            texts = [probes[i].turns[position][1] for i in chunk]
            assessments = detector.assess_many(texts, channel=[probes[i].channel for i in chunk])
            for index, text, assessment in zip(chunk, texts, assessments, strict=True):
                probe = probes[index]
                if probe.is_message:
                    levels[probe] = assessment.level
                    continue
                folded, states[index] = detector.fold(states[index], assessment, text)
                levels[probe] = folded.level
    return levels


# --- summaries -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Rate:
    passed: int
    total: int

    @property
    def rate(self) -> float:
        return self.passed / self.total if self.total else 1.0


def rates(results: Iterable[Result], key: Callable[[Result], Any]) -> dict[Any, Rate]:
    counts: dict[Any, list[int]] = defaultdict(lambda: [0, 0])
    for result in results:
        entry = counts[key(result)]
        entry[0] += result.passed
        entry[1] += 1
    return {k: Rate(p, n) for k, (p, n) in counts.items()}


def by_capability(results: Iterable[Result]) -> dict[tuple[str, str], Rate]:
    """Pass rates keyed by (test type, capability), in the order the suite declares them."""
    return rates(results, lambda r: (r.case.type, r.case.capability))


def failure_patterns(results: Iterable[Result]) -> list[tuple[str, str, int, int, Result]]:
    """(test, template, failures, cases, an example failure), most failures first."""
    totals: Counter[tuple[str, str]] = Counter()
    failures: Counter[tuple[str, str]] = Counter()
    example: dict[tuple[str, str], Result] = {}
    for result in results:
        key = (result.case.test, result.case.template)
        totals[key] += 1
        if not result.passed:
            failures[key] += 1
            example.setdefault(key, result)
    return [(t, tpl, n, totals[(t, tpl)], example[(t, tpl)]) for (t, tpl), n in failures.most_common()]


__all__ = [
    "SUITE_DIR",
    "TYPES",
    "Case",
    "Expectation",
    "Probe",
    "Rate",
    "Result",
    "Suite",
    "SuiteError",
    "by_capability",
    "check_split",
    "corpus_words",
    "expand",
    "failure_patterns",
    "leet",
    "load_suite",
    "rates",
    "run",
    "score",
    "speech",
    "split_violations",
    "typo",
]
