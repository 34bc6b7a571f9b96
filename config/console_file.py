"""``console.yaml``: how a responder joins the conversation an incident is about, per channel and team.

Read through one model so a typo (``join: {voise: ...}``) is an error with its line in `config check`
instead of a responder silently shown the generic text.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from escalation.yaml_source import ConfigError, read_yaml

JOIN_KEYS = ("voice", "chat", "sms", "default")


class JoinTexts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    voice: str | None = None
    chat: str | None = None
    sms: str | None = None
    default: str | None = None

    def texts(self) -> dict[str, str]:
        return {key: text for key in JOIN_KEYS if (text := getattr(self, key))}


class TeamConsole(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    join: JoinTexts = JoinTexts()


class ConsoleSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    join: JoinTexts = JoinTexts()
    teams: dict[str, TeamConsole] = Field(default_factory=dict)


def read_console(path: Path) -> tuple[ConsoleSettings | None, list[ConfigError]]:
    """The settings, or None and every problem with its line. An empty file means the defaults."""
    document, errors = read_yaml(path)
    if document is None or errors:
        return None, errors
    try:
        return ConsoleSettings.model_validate(document.data or {}), []
    except ValidationError as exc:
        return None, document.validation_errors([], exc)
