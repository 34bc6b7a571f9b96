"""A safety lint over the guidance configuration. ``python -m escalation.guidance.lint`` exits 1 on problems.

It fails on: unsafe wording or method detail in anything the agent is offered to say; phrasing that would
trip the engine's own must-not-say or closing checks; unknown placeholders; missing crisis resources
(a playbook without the emergency number, a region without a crisis line); review dates in the past;
a script whose direct question would not tick its own checkpoint.

The word lists live here, not in YAML, on purpose: the gate must not be weakened by editing what it checks.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from escalation.guidance.checks import Location
from escalation.guidance.loading import GuidanceLibrary, read_guidance
from escalation.guidance.models import Checkpoint, Phrasing, PlaybookConfig, ResourceKind
from escalation.guidance.phrases import PhraseSet, find_unless, normalise
from escalation.model import Level
from escalation.yaml_source import ConfigError

# Safe-messaging guidance: no crime or pass/fail framing of suicide.
UNSAFE_WORDING = (
    "committed suicide", "commit suicide", "commits suicide", "committing suicide", "completed suicide",
    "successful attempt", "successful suicide", "unsuccessful attempt", "failed attempt", "failed suicide",
)  # fmt: skip
# Method or location detail. Asking whether something is near them is fine; naming methods is not.
METHOD_WORDS = (
    "lethal", "fatal dose", "how many pills", "how many tablets", "enough pills", "hanging", "hanged",
    "hang yourself", "hang myself", "hang himself", "hang herself", "hang themselves",
    "noose", "ligature", "rope", "gun", "guns", "firearm", "shoot", "bullet", "jump", "jumping", "ledge",
    "bridge", "rooftop", "railway", "slit", "wrist", "wrists", "razor", "blade", "carbon monoxide",
    "exhaust", "poison yourself", "drown",
)  # fmt: skip
REQUIRED_REGIONS = ("US", "CA", "GB", "IE", "AU")
# Categories whose playbooks must offer a crisis line as well as the emergency number.
CRISIS_LINE_CATEGORIES = {"suicide", "self_harm", "third_party"}
PANEL_VALUES = {"responder", "eta"}
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_UNSAFE = PhraseSet.of(UNSAFE_WORDING)
_METHOD = PhraseSet.of(METHOD_WORDS)

Found = tuple[Location, str]


def lint_guidance(
    playbooks_dir: Path | str | None = None,
    resources_dir: Path | str | None = None,
    today: date | None = None,
) -> list[ConfigError]:
    """Load errors if the configuration does not load, else the lint's problems; empty means clean."""
    library, errors = read_guidance(playbooks_dir, resources_dir)
    if library is None:
        return errors
    return lint_library(library, today or date.today())


def lint_library(library: GuidanceLibrary, today: date) -> list[ConfigError]:
    problems: list[ConfigError] = []
    for playbook in library.playbooks.values():
        found = _phrasing_problems(library, playbook) + _structure_problems(library, playbook, today)
        problems.extend(_located(library, f"playbook:{playbook.id}", ["playbook"], found))
    shared = [((*where, "say"), text) for where, text in _nudge_texts(library.phrases.nudges, ("nudges",))]
    shared += [
        (("must_not_say", i, "instead"), item.instead) for i, item in enumerate(library.phrases.must_not_say)
    ]
    found = [(where, message) for where, text in shared for message in _wording(text)]
    if library.phrases.review_due < today:
        found.append((("review_due",), f"review was due on {library.phrases.review_due.isoformat()}"))
    problems.extend(_located(library, "phrases", ["phrases"], found))
    problems.extend(_region_problems(library, today))
    return sorted(problems, key=lambda problem: (problem.file, problem.line or 0, problem.message))


def suggested_phrasing(playbook: PlaybookConfig) -> list[tuple[Location, str, str]]:
    """Every text the agent may say from this playbook: (location, part of the script, text)."""
    texts: list[tuple[Location, str, str]] = []
    for index, step in enumerate(playbook.steps):
        texts.extend((where, "step", text) for where, text in _phrasing(step.say, ("steps", index, "say")))
    for name in ("while_paging", "acknowledged", "connected"):
        panel = getattr(playbook.hand_off, name)
        if panel.say is not None:
            texts.extend(
                (where, name, text) for where, text in _phrasing(panel.say, ("hand_off", name, "say"))
            )
    texts.extend((where, "nudge", text) for where, text in _nudge_texts(playbook.nudges, ("nudges",)))
    for index, item in enumerate(playbook.must_not_say):
        texts.append((("must_not_say", index, "instead"), "instead", item.instead))
    return texts


def _phrasing_problems(library: GuidanceLibrary, playbook: PlaybookConfig) -> list[Found]:
    found: list[Found] = []
    table = library.phrases.spellings
    closing = library.phrases.closing
    for where, part, text in suggested_phrasing(playbook):
        found.extend((where, message) for message in _wording(text))
        normalised = normalise(text, table)
        for item in (*library.phrases.must_not_say, *playbook.must_not_say):
            hit = find_unless(PhraseSet.of(item.phrases, table), PhraseSet.of(item.unless, table), normalised)
            if hit is not None:
                found.append((where, f"contains the must-not-say phrase {hit!r} ({item.id})"))
        if playbook.stay_on_line and part not in {"connected", "instead"}:
            hit = find_unless(
                PhraseSet.of(closing.phrases, table), PhraseSet.of(closing.unless, table), normalised
            )
            if hit is not None:
                found.append((where, f"contains the closing phrase {hit!r}, which would warn the agent"))
        found.extend((where, message) for message in _placeholder_problems(playbook, part, text))
    return found


def _wording(text: str) -> list[str]:
    normalised = normalise(text)
    messages = []
    if (hit := _UNSAFE.find(normalised)) is not None:
        messages.append(f"unsafe wording {hit!r}: say 'died by suicide' or 'attempt' instead")
    if (hit := _METHOD.find(normalised)) is not None:
        messages.append(f"method detail {hit!r} in suggested phrasing")
    return messages


def _placeholder_problems(playbook: PlaybookConfig, part: str, text: str) -> list[str]:
    messages = []
    kinds = {kind.value for kind in playbook.resources.kinds}
    for name in _PLACEHOLDER.findall(text):
        if name in PANEL_VALUES:
            if part not in {"acknowledged", "connected"}:
                messages.append(f"{{{name}}} is only known after a responder acknowledges")
        elif name in ResourceKind._value2member_map_:
            if name not in kinds:
                messages.append(f"{{{name}}} is used but not listed under resources")
        else:
            messages.append(f"unknown placeholder {{{name}}}")
    return messages


def _structure_problems(library: GuidanceLibrary, playbook: PlaybookConfig, today: date) -> list[Found]:
    found: list[Found] = []
    if playbook.review_due < today:
        found.append((("review_due",), f"review was due on {playbook.review_due.isoformat()}"))
    found.extend(_resource_needs(library, playbook))
    used = {step.checkpoint for step in playbook.steps}
    if playbook.stay_on_line and Checkpoint.RESPONDER_CONNECTED not in used:
        found.append((("steps",), "stays on the line but no step ticks responder_connected"))
    if _suicide_risk_playbook(playbook) and Checkpoint.ASKED_DIRECTLY not in used:
        found.append((("steps",), "a suicide playbook needs a step that asks directly (asked_directly)"))
    found.extend(_script_tick_problems(library, playbook))
    return found


def _suicide_risk_playbook(playbook: PlaybookConfig) -> bool:
    """Triggered by suicide risk at moderate or above without narrowing signals (the low card and the
    overdose playbook, which puts medical safety first, are exempt)."""
    return any(
        "suicide" in trigger.categories and trigger.min_level >= Level.MODERATE and not trigger.signals
        for trigger in playbook.triggers
    )


def _resource_needs(library: GuidanceLibrary, playbook: PlaybookConfig) -> list[Found]:
    required = set(playbook.resources.required)
    found: list[Found] = []
    if ResourceKind.EMERGENCY not in required:
        found.append((("resources", "required"), "missing crisis resources: 'emergency' must be required"))
    categories = {category.value for trigger in playbook.triggers for category in trigger.categories}
    if categories & CRISIS_LINE_CATEGORIES and ResourceKind.CRISIS_LINE not in required:
        found.append((("resources", "required"), "missing crisis resources: 'crisis_line' must be required"))
    regions = {code for trigger in playbook.triggers for code in trigger.regions} or set(library.regions)
    for code in sorted(regions):
        region = library.regions.get(code)
        missing = [kind.value for kind in sorted(required) if region is None or not region.of_kind(kind)]
        if missing:
            found.append(
                (("resources", "required"), f"missing crisis resources in {code}: {', '.join(missing)}")
            )
    return found


def _script_tick_problems(library: GuidanceLibrary, playbook: PlaybookConfig) -> list[Found]:
    """A checkpoint marked ``script_ticks`` must tick when the agent reads its step's phrasing aloud."""
    found: list[Found] = []
    for index, step in enumerate(playbook.steps):
        shared = None if step.checkpoint is None else library.phrases.checkpoints.get(step.checkpoint)
        if step.checkpoint is None or shared is None or not shared.script_ticks:
            continue
        phrases = PhraseSet.of(
            [*shared.phrases, *playbook.checkpoint_phrases.get(step.checkpoint, [])],
            library.phrases.spellings,
        )
        for where, text in _phrasing(step.say, ("steps", index, "say")):
            if phrases.find(normalise(text, library.phrases.spellings)) is None:
                found.append((where, f"saying this would not tick {step.checkpoint.value}: add the phrase"))
    return found


def _region_problems(library: GuidanceLibrary, today: date) -> list[ConfigError]:
    problems = [
        ConfigError("config/resources", None, f"missing crisis resources: no file for region {code}")
        for code in REQUIRED_REGIONS
        if code not in library.regions
    ]
    for code, region in library.regions.items():
        found: list[Found] = []
        for kind in (ResourceKind.EMERGENCY, ResourceKind.CRISIS_LINE):
            if not region.of_kind(kind):
                found.append((("resources",), f"missing crisis resources: no {kind.value} entry"))
        for index, entry in enumerate(region.resources):
            if entry.expired(today):
                found.append((("resources", index, "review_due"), f"{entry.id} was due for re-verification"))
        problems.extend(_located(library, f"region:{code}", [], found))
    return problems


def _phrasing(phrasing: Phrasing, where: Location) -> list[tuple[Location, str]]:
    return [((*where, family), text) for family in ("voice", "chat") if (text := phrasing.for_family(family))]


def _nudge_texts(nudges: object, where: Location) -> list[tuple[Location, str]]:
    texts: list[tuple[Location, str]] = []
    for name in ("agent_silent", "customer_silent", "ack_overdue"):
        nudge = getattr(nudges, name)
        if nudge is not None and nudge.say is not None:
            texts.extend(_phrasing(nudge.say, (*where, name, "say")))
    return texts


def _located(
    library: GuidanceLibrary, source: str, base: list[str | int], found: list[Found]
) -> list[ConfigError]:
    document = library.sources.get(source)
    if document is None:
        return [ConfigError(source, None, message) for _, message in found]
    return [document.error([*base, *where], message) for where, message in found]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--playbooks", type=Path, default=None)
    parser.add_argument("--resources", type=Path, default=None)
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="YYYY-MM-DD (default: today)")
    args = parser.parse_args(argv)
    problems = lint_guidance(args.playbooks, args.resources, args.today)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)" if problems else "guidance lint: clean", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
