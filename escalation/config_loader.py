"""Load and check an escalation configuration directory, reporting every error with its file and line.

The directory holds ``responders.yaml``, ``schedules.yaml``, ``chains.yaml`` and ``routing.yaml``; with a
``fallback`` directory, a file the directory lacks is read from there (an operator's directory that
overrides only some files keeps the shipped rest). Each
item is validated on its own, so one bad responder does not hide the next one's mistakes, and
cross-file names are checked against everything declared, valid or not, so one error does not cascade.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from escalation.config_checks import check_references
from escalation.config_models import ChainConfig, ResponderConfig, RuleConfig, ScheduleConfig
from escalation.routing import Routing
from escalation.targets import Roster
from escalation.yaml_source import ConfigError, read_section

__all__ = [
    "DEFAULT_CONFIG_DIR",
    "FILES",
    "ConfigError",
    "ConfigInvalid",
    "EscalationConfig",
    "check_config",
    "escalation_files",
    "load_config",
]

DEFAULT_CONFIG_DIR = Path(__file__).resolve().parent.parent / "config" / "escalation"
FILES = ("responders.yaml", "schedules.yaml", "chains.yaml", "routing.yaml")


@dataclass(frozen=True)
class EscalationConfig:
    roster: Roster
    routing: Routing


class ConfigInvalid(Exception):
    def __init__(self, errors: list[ConfigError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


def check_config(
    directory: Path | str = DEFAULT_CONFIG_DIR, *, fallback: Path | None = None
) -> list[ConfigError]:
    """Every problem in the configuration directory, sorted by file and line; empty means it is usable."""
    return _read_files(escalation_files(directory, fallback))[1]


def load_config(
    directory: Path | str = DEFAULT_CONFIG_DIR, *, fallback: Path | None = None
) -> EscalationConfig:
    """The configuration as core objects; raises ConfigInvalid listing every error."""
    config, errors = _read_files(escalation_files(directory, fallback))
    if config is None:
        raise ConfigInvalid(errors)
    return config


def escalation_files(directory: Path | str, fallback: Path | None = None) -> dict[str, Path]:
    """File name -> the path read for it: ``directory``'s copy, else ``fallback``'s when one is given."""
    paths = {}
    for name in FILES:
        own = Path(directory) / name
        paths[name] = own if fallback is None or own.exists() else fallback / name
    return paths


def _read_files(paths: dict[str, Path]) -> tuple[EscalationConfig | None, list[ConfigError]]:
    responders = read_section(paths["responders.yaml"], "responders", ResponderConfig)
    schedules = read_section(paths["schedules.yaml"], "schedules", ScheduleConfig)
    chains = read_section(paths["chains.yaml"], "chains", ChainConfig)
    rules = read_section(paths["routing.yaml"], "rules", RuleConfig)
    errors = [error for section in (responders, schedules, chains, rules) for error in section.errors]
    errors.extend(check_references(responders, schedules, chains, rules))
    if errors:
        return None, sorted(errors, key=lambda error: (error.file, error.line or 0, error.message))
    roster = Roster(
        responders={item.name: item.to_core() for _, item in responders.valid},
        schedules={item.name: item.to_core() for _, item in schedules.valid},
    )
    routing = Routing(
        rules=tuple(item.to_core() for _, item in rules.valid),
        chains={item.name: item.to_core() for _, item in chains.valid},
    )
    return EscalationConfig(roster, routing), []
