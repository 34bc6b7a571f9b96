"""Checks that span files: duplicate names, names that point nowhere, levels that route nowhere.

Names are checked against everything declared, valid or not, so a responder with a bad phone number
is reported once, not again by every schedule that mentions it. A file that could not be read at all
is not used as a reference (its own error already says why).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from escalation.config_models import ChainConfig, ResponderConfig, RuleConfig, ScheduleConfig
from escalation.model import Level
from escalation.yaml_source import ConfigError, Section

# Levels that must always reach somebody, whatever the category, channel, team or hour.
ROUTED_LEVELS = (Level.MODERATE, Level.HIGH, Level.IMMINENT)


def check_references(
    responders: Section[ResponderConfig],
    schedules: Section[ScheduleConfig],
    chains: Section[ChainConfig],
    rules: Section[RuleConfig],
) -> list[ConfigError]:
    errors: list[ConfigError] = []
    for section in (responders, schedules, chains, rules):
        errors.extend(_duplicate_names(section))
    errors.extend(_schedule_references(schedules, responders.declared()))
    errors.extend(_chain_references(chains, responders, schedules.declared()))
    errors.extend(_rule_references(rules, chains.declared()))
    errors.extend(_routing_coverage(rules))
    return errors


def _duplicate_names(section: Section[Any]) -> Iterator[ConfigError]:
    seen: set[str] = set()
    for index, item in section.valid:
        name = str(getattr(item, "name", ""))
        if name in seen:
            yield section.error([index, "name"], f"duplicate name {name!r}")
        seen.add(name)


def _schedule_references(
    schedules: Section[ScheduleConfig], responders: set[str] | None
) -> Iterator[ConfigError]:
    if responders is None:
        return
    for index, schedule in schedules.valid:
        for layer_index, layer in enumerate(schedule.layers):
            for member_index, member in enumerate(layer.members):
                if member not in responders:
                    location: list[str | int] = [index, "layers", layer_index, "members", member_index]
                    yield schedules.error(location, f"unknown responder {member!r}")
        for override_index, override in enumerate(schedule.overrides):
            if override.responder not in responders:
                location = [index, "overrides", override_index, "responder"]
                yield schedules.error(location, f"unknown responder {override.responder!r}")


def _chain_references(
    chains: Section[ChainConfig], responders: Section[ResponderConfig], schedules: set[str] | None
) -> Iterator[ConfigError]:
    known = {"responder": responders.declared(), "schedule": schedules, "team": _declared_teams(responders)}
    for index, chain in chains.valid:
        for tier_index, tier in enumerate(chain.tiers):
            for target_index, target in enumerate(tier.targets):
                kind, name = _target_parts(target)
                names = known[kind]
                if names is not None and name not in names:
                    location: list[str | int] = [index, "tiers", tier_index, "targets", target_index, kind]
                    yield chains.error(location, f"unknown {kind} {name!r}")


def _rule_references(rules: Section[RuleConfig], chains: set[str] | None) -> Iterator[ConfigError]:
    if chains is None:
        return
    for index, rule in rules.valid:
        if rule.chain not in chains:
            yield rules.error([index, "chain"], f"unknown chain {rule.chain!r}")


def _routing_coverage(rules: Section[RuleConfig]) -> Iterator[ConfigError]:
    """Each routed level needs a rule with no other condition, so no conversation falls through."""
    if not rules.list_found or len(rules.valid) != len(rules.raw):
        return  # broken rules are already reported; guessing coverage from the rest would mislead
    for level in ROUTED_LEVELS:
        covered = any(level in rule.levels and rule.to_core().is_catch_all for _, rule in rules.valid)
        if not covered:
            message = f"no rule routes every {level.label!r} signal (one without categories, channels, teams "
            message += "or between); some would page nobody"
            yield rules.error([], message)


def _declared_teams(responders: Section[ResponderConfig]) -> set[str] | None:
    if not responders.list_found:
        return None
    teams: set[str] = set()
    for item in responders.raw:
        if isinstance(item, dict) and isinstance(item.get("teams"), list):
            teams.update(str(team) for team in item["teams"])
    return teams


def _target_parts(target: BaseModel) -> tuple[str, str]:
    for kind in ("responder", "schedule", "team"):
        value = getattr(target, kind)
        if value is not None:
            return kind, str(value)
    raise ValueError("a validated target always names one of responder, schedule or team")
