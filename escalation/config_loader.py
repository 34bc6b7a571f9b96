"""Load and check an escalation configuration directory, reporting every error with its file and line.

The directory holds ``responders.yaml``, ``schedules.yaml``, ``chains.yaml`` and ``routing.yaml``. Each
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
    "ConfigError",
    "ConfigInvalid",
    "EscalationConfig",
    "check_config",
    "load_config",
]

DEFAULT_CONFIG_DIR = Path(__file__).resolve().parent.parent / "config" / "escalation"


@dataclass(frozen=True)
class EscalationConfig:
    roster: Roster
    routing: Routing


class ConfigInvalid(Exception):
    def __init__(self, errors: list[ConfigError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


def check_config(directory: Path | str = DEFAULT_CONFIG_DIR) -> list[ConfigError]:
    """Every problem in the configuration directory, sorted by file and line; empty means it is usable."""
    return _read_directory(Path(directory))[1]


def load_config(directory: Path | str = DEFAULT_CONFIG_DIR) -> EscalationConfig:
    """The configuration as core objects; raises ConfigInvalid listing every error."""
    config, errors = _read_directory(Path(directory))
    if config is None:
        raise ConfigInvalid(errors)
    return config


def _read_directory(directory: Path) -> tuple[EscalationConfig | None, list[ConfigError]]:
    responders = read_section(directory / "responders.yaml", "responders", ResponderConfig)
    schedules = read_section(directory / "schedules.yaml", "schedules", ScheduleConfig)
    chains = read_section(directory / "chains.yaml", "chains", ChainConfig)
    rules = read_section(directory / "routing.yaml", "rules", RuleConfig)
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
