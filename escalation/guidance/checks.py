"""Structural checks on one validated file, as (location, message) pairs relative to the file's model.

These are the rules pydantic cannot see field by field: step references, channel coverage, review dates
in order. Safety wording and resource coverage across files are the lint's business (``lint.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from escalation.guidance.models import Checkpoint, Nudges, PhrasesConfig, Phrasing, PlaybookConfig, Step
from escalation.guidance.resources import RegionResources
from escalation.model import Category

Location = tuple[str | int, ...]
Problem = tuple[Location, str]


def next_step_id(playbook: PlaybookConfig, step: Step) -> str | None:
    """Where working down from ``step`` goes: its ``then``, else the next step of the same kind.

    Main steps never fall into branch-only steps, and a branch section runs on in file order until a
    step's ``then`` leads back to the main path (or the section ends).
    """
    if step.then is not None:
        return step.then
    position = playbook.steps.index(step)
    later = playbook.steps[position + 1 :]
    return next((other.id for other in later if other.branch_only == step.branch_only), None)


def walk(playbook: PlaybookConfig, start: str | None) -> list[Step]:
    """The steps from ``start`` (default: the first step) onwards; stops at a repeat so a loop cannot hang."""
    path: list[Step] = []
    step = playbook.steps[0] if start is None else playbook.step(start)
    while step is not None and step not in path:
        path.append(step)
        following = next_step_id(playbook, step)
        step = None if following is None else playbook.step(following)
    return path


def playbook_problems(playbook: PlaybookConfig) -> list[Problem]:
    problems: list[Problem] = []
    if playbook.review_due <= playbook.reviewed:
        problems.append((("review_due",), "must be after the reviewed date"))
    if playbook.steps[0].branch_only:
        problems.append((("steps", 0, "branch_only"), "the first step cannot be branch-only"))
    problems.extend(_reference_problems(playbook))
    problems.extend(_loop_problems(playbook))
    problems.extend(_coverage_problems(playbook))
    problems.extend(
        _duplicates([(("must_not_say", i, "id"), m.id) for i, m in enumerate(playbook.must_not_say)])
    )
    if Category.NONE in {category for trigger in playbook.triggers for category in trigger.categories}:
        problems.append((("triggers",), "category 'none' carries no risk and cannot trigger a playbook"))
    return problems


def _reference_problems(playbook: PlaybookConfig) -> list[Problem]:
    step_ids = [step.id for step in playbook.steps]
    problems = _duplicates([(("steps", index, "id"), step.id) for index, step in enumerate(playbook.steps)])
    branch_ids = [
        (("steps", index, "branches", position, "id"), branch.id)
        for index, step in enumerate(playbook.steps)
        for position, branch in enumerate(step.branches)
    ]
    problems.extend(_duplicates(branch_ids))
    reached = {branch.goto for step in playbook.steps for branch in step.branches}
    reached |= {step.then for step in playbook.steps if step.then is not None}
    for index, step in enumerate(playbook.steps):
        for position, branch in enumerate(step.branches):
            if branch.goto not in step_ids:
                where = ("steps", index, "branches", position, "goto")
                problems.append((where, f"no step {branch.goto!r} in this playbook"))
        if step.then is not None and step.then not in step_ids:
            problems.append((("steps", index, "then"), f"no step {step.then!r} in this playbook"))
        if step.branch_only and step.id not in reached and not _follows_branch_step(playbook, index):
            problems.append((("steps", index, "id"), "branch-only step that no branch or 'then' reaches"))
    return problems


def _follows_branch_step(playbook: PlaybookConfig, index: int) -> bool:
    """True when an earlier branch-only step runs on into this one in file order."""
    previous = playbook.steps[index - 1] if index else None
    return previous is not None and previous.branch_only and previous.then is None


def _loop_problems(playbook: PlaybookConfig) -> list[Problem]:
    problems: list[Problem] = []
    for index, step in enumerate(playbook.steps):
        seen = {step.id}
        following = next_step_id(playbook, step)
        while following is not None and following not in seen:
            seen.add(following)
            target = playbook.step(following)
            following = None if target is None else next_step_id(playbook, target)
        if following is not None:
            problems.append((("steps", index, "then"), f"steps loop back to {following!r}"))
    return problems


def _coverage_problems(playbook: PlaybookConfig) -> list[Problem]:
    """Every channel the triggers allow needs phrasing and timers for it."""
    problems: list[Problem] = []
    families = sorted(playbook.families)
    for index, step in enumerate(playbook.steps):
        problems.extend(_phrasing_gaps(step.say, families, ("steps", index, "say")))
    for name in ("while_paging", "acknowledged", "connected"):
        panel = getattr(playbook.hand_off, name)
        if panel.say is not None:
            problems.extend(_phrasing_gaps(panel.say, families, ("hand_off", name, "say")))
    problems.extend(_nudge_gaps(playbook.nudges, families, ("nudges",)))
    for timer in ("agent_silent", "customer_silent"):
        seconds = getattr(playbook.timers, timer)
        for family in families:
            if seconds.for_family(family) is None:
                problems.append((("timers", timer), f"needs a {family} time in seconds"))
    return problems


def _phrasing_gaps(phrasing: Phrasing, families: Sequence[str], where: Location) -> list[Problem]:
    return [
        (where, f"needs {family} phrasing (the triggers include {family} channels)")
        for family in families
        if phrasing.for_family(family) is None
    ]


def _nudge_gaps(nudges: Nudges, families: Sequence[str], where: Location) -> list[Problem]:
    problems: list[Problem] = []
    for name in ("agent_silent", "customer_silent", "ack_overdue"):
        nudge = getattr(nudges, name)
        if nudge is not None and nudge.say is not None:
            problems.extend(_phrasing_gaps(nudge.say, families, (*where, name, "say")))
    return problems


def phrases_problems(phrases: PhrasesConfig) -> list[Problem]:
    problems: list[Problem] = []
    if phrases.review_due <= phrases.reviewed:
        problems.append((("review_due",), "must be after the reviewed date"))
    for checkpoint in Checkpoint:
        if checkpoint not in phrases.checkpoints:
            problems.append((("checkpoints",), f"missing checkpoint {checkpoint.value!r}"))
    for name in ("agent_silent", "customer_silent", "ack_overdue"):
        nudge = getattr(phrases.nudges, name)
        if nudge is None:
            problems.append((("nudges",), f"missing the default {name!r} nudge"))
        elif nudge.say is not None:
            problems.extend(_phrasing_gaps(nudge.say, ("voice", "chat"), ("nudges", name, "say")))
    problems.extend(
        _duplicates([(("must_not_say", i, "id"), m.id) for i, m in enumerate(phrases.must_not_say)])
    )
    return problems


def region_problems(region: RegionResources) -> list[Problem]:
    problems = _duplicates([(("resources", i, "id"), entry.id) for i, entry in enumerate(region.resources)])
    emergencies = [index for index, entry in enumerate(region.resources) if entry.kind.value == "emergency"]
    if len(emergencies) != 1:
        problems.append((("resources",), f"needs exactly one emergency entry, found {len(emergencies)}"))
    for index, entry in enumerate(region.resources):
        if entry.review_due <= entry.last_verified:
            problems.append((("resources", index, "review_due"), "must be after last_verified"))
    return problems


def _duplicates(items: Sequence[tuple[Location, str]]) -> list[Problem]:
    seen: set[str] = set()
    problems: list[Problem] = []
    for where, value in items:
        if value in seen:
            problems.append((where, f"duplicate id {value!r}"))
        seen.add(value)
    return problems
