"""`stayline config check`: read every file the service reads, the way the service reads it.

The same report decides whether ``serve`` and ``worker`` may start and feeds the supervisor's screen, so a
file that passes the check cannot stop the service later, and nothing the service reads goes unchecked:
escalation, notifiers (with their secrets looked up), guidance (playbooks, phrases, resources), the
detector's YAML and patterns, and the console's join texts. Each part lists the files it read (shipped, or
the operator's override) with what they hold, so "OK" says what was checked.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from config.channels_file import read_channels
from config.console_file import read_console
from config.files import PACKAGED_CONFIG_DIR, config_dir, config_path, is_override
from escalation.config_loader import (
    DEFAULT_CONFIG_DIR,
    ConfigInvalid,
    EscalationConfig,
    escalation_files,
    load_config,
)
from escalation.guidance.loading import guidance_files, read_guidance_files
from escalation.model import Channel
from escalation.notifiers.config_file import read_notifiers
from escalation.yaml_source import read_yaml

DETECTOR_FILES = ("detector.yaml", "normalize.yaml", "context.yaml", "questions.yaml", "concepts.yaml")


@dataclass(frozen=True)
class CheckedFile:
    path: Path
    holds: str = ""  # what was found in it: "6 responders"


@dataclass
class Part:
    """One area of the configuration. ``stops_service``: with errors here the service cannot page, so
    ``serve`` refuses to start; guidance and console text degrade to fallbacks instead."""

    name: str
    stops_service: bool
    files: list[CheckedFile] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ConfigReport:
    base: Path
    parts: list[Part]

    @property
    def problems(self) -> list[str]:
        return [error for part in self.parts for error in part.errors]

    @property
    def fatal(self) -> list[str]:
        return [error for part in self.parts if part.stops_service for error in part.errors]

    @property
    def file_count(self) -> int:
        return sum(len(part.files) for part in self.parts)


def check_configuration(base: Path | None = None, environ: Mapping[str, str] | None = None) -> ConfigReport:
    """Check the configuration under ``base`` (default ``$STAYLINE_CONFIG_DIR``) over the shipped files;
    notifier secrets are looked up in ``environ`` (default ``os.environ``)."""
    root = base or config_dir()
    escalation, config = _escalation(root)
    notifiers, configured = _notifiers(root, environ)
    parts = [
        escalation,
        notifiers,
        _channel_coverage(notifiers, configured, config),
        _guidance(root),
        _detector(root, base),
        _console(root),
        _channels(root),
    ]
    return ConfigReport(root, parts)


def label(path: Path, base: Path) -> str:
    """``escalation/chains.yaml (yours)`` or ``(shipped)``: the file's name and where it came from."""
    if not is_override(path):
        return f"{path.resolve().relative_to(PACKAGED_CONFIG_DIR)} (shipped)"
    try:
        return f"{path.resolve().relative_to(base.resolve())} (yours)"
    except ValueError:
        return f"{path} (yours)"


def _escalation(base: Path) -> tuple[Part, EscalationConfig | None]:
    part = Part("escalation", stops_service=True)
    paths = escalation_files(base / "escalation", fallback=DEFAULT_CONFIG_DIR)
    try:
        config = load_config(base / "escalation", fallback=DEFAULT_CONFIG_DIR)
    except ConfigInvalid as invalid:
        part.errors = [str(error) for error in invalid.errors]
        part.files = [CheckedFile(path) for path in paths.values()]
        return part, None
    counts = {
        "responders.yaml": f"{len(config.roster.responders)} responders",
        "schedules.yaml": f"{len(config.roster.schedules)} schedules",
        "chains.yaml": f"{len(config.routing.chains)} chains",
        "routing.yaml": f"{len(config.routing.rules)} routing rules",
    }
    part.files = [CheckedFile(path, counts[name]) for name, path in paths.items()]
    return part, config


def _notifiers(base: Path, environ: Mapping[str, str] | None) -> tuple[Part, set[Channel] | None]:
    path = config_path("notifiers.yaml", base)
    configs, errors = read_notifiers(path, environ)
    holds = ", ".join(f"{channel.value}: {config.type}" for channel, config in configs.items())
    part = Part("notifiers", True, [CheckedFile(path, holds)], [str(error) for error in errors])
    return part, None if errors else set(configs)


def _channel_coverage(
    notifiers: Part, configured: set[Channel] | None, config: EscalationConfig | None
) -> Part:
    """A page on a channel with no notifier fails and falls back to the next channel or tier; alarms go
    to the console. Reported, but ``serve`` still starts: the chain goes on without that channel."""
    part = Part("notifier for every channel responders and alarms use", stops_service=False)
    if configured is None or config is None:
        return part  # the files' own errors say why
    users: dict[Channel, list[str]] = {Channel.CONSOLE: ["alarms"]}
    for person in config.roster.responders.values():
        for channel in person.channels:
            users.setdefault(channel, []).append(person.name)
    path = notifiers.files[0].path
    part.errors = [
        f"{path}: no notifier for the {channel.value} channel, used by {', '.join(names)}"
        for channel, names in users.items()
        if channel not in configured
    ]
    return part


def _guidance(base: Path) -> Part:
    playbooks = guidance_files("playbooks", base=base)
    resources = guidance_files("resources", base=base)
    library, errors = read_guidance_files(playbooks, resources)
    part = Part("guidance", stops_service=False, errors=[str(error) for error in errors])
    held: dict[Path, str] = {}
    if library is not None:
        for key, document in library.sources.items():
            kind, _, name = key.partition(":")
            held[document.path] = {"playbook": "playbook", "phrases": "shared phrases"}.get(kind, "region")
            held[document.path] += f" {name}" if name else ""
    part.files = [CheckedFile(path, held.get(path, "")) for path in (*playbooks.files, *resources.files)]
    return part


def _detector(base: Path, explicit: Path | None) -> Part:
    from detector.rules import PATTERN_FILES

    part = Part("detector", stops_service=True)
    names = [*DETECTOR_FILES, *(f"patterns/{name}" for name in ("lexicon.yaml", *PATTERN_FILES))]
    syntax_ok = True
    for name in names:
        path = config_path(name, base)
        document, errors = read_yaml(path)
        part.errors.extend(str(error) for error in errors)
        syntax_ok = syntax_ok and document is not None
        part.files.append(
            CheckedFile(path, _detector_holds(name, None if document is None else document.data))
        )
    if syntax_ok:  # a file that does not parse is already reported with its line; building would repeat it
        with _reading_from(explicit):
            part.errors.extend(_build_detector_parts(base))
    return part


def _detector_holds(name: str, data: Any) -> str:
    if not isinstance(data, dict):
        return ""
    if name == "questions.yaml" and isinstance(data.get("questions"), list):
        return f"{len(data['questions'])} screening questions"
    if name == "concepts.yaml":
        return f"{len(data)} word classes"
    if name == "patterns/lexicon.yaml":
        return f"{len(data)} word sets"
    if name.startswith("patterns/") and isinstance(data.get("patterns"), list):
        return f"{len(data['patterns'])} patterns"
    return ""


def _build_detector_parts(base: Path) -> list[str]:
    """Build the detector's parts from these files, as a worker would; report what fails, naming the file."""
    import spacy

    from detector.concepts import classes
    from detector.context import ContextAnalyzer
    from detector.dialogue import questions
    from detector.fusion import fusion_config
    from detector.normalize import tables
    from detector.rules import RuleMatcher

    nlp = spacy.blank("en")
    # Uncached (``__wrapped__``): read this directory now, not whatever the process read last.
    builds: tuple[tuple[str, Callable[[], object]], ...] = (
        ("patterns", lambda: RuleMatcher(nlp)),
        ("context.yaml", lambda: ContextAnalyzer(nlp)),
        ("detector.yaml", fusion_config.__wrapped__),
        ("normalize.yaml", tables.__wrapped__),
        ("questions.yaml", questions.__wrapped__),
        ("concepts.yaml", classes.__wrapped__),
    )
    errors = []
    for name, build in builds:
        try:
            build()
        except Exception as error:  # every broken file is reported, not just the first
            where = config_path(name, base)  # for "patterns": the directory holding the override, if any
            errors.append(f"{where}: {type(error).__name__}: {error}")
    return errors


@contextmanager
def _reading_from(explicit: Path | None) -> Iterator[None]:
    """The detector reads through ``config.files``, which follows STAYLINE_CONFIG_DIR; point it at an
    explicit ``--config-dir`` for the duration of the build (the command line is one thread)."""
    previous = os.environ.get("STAYLINE_CONFIG_DIR")
    if explicit is not None:
        os.environ["STAYLINE_CONFIG_DIR"] = str(explicit)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("STAYLINE_CONFIG_DIR", None)
        else:
            os.environ["STAYLINE_CONFIG_DIR"] = previous


def _console(base: Path) -> Part:
    path = config_path("console.yaml", base)
    settings, errors = read_console(path)
    holds = ""
    if settings is not None:
        holds = f"{len(settings.join.texts())} join texts, {len(settings.teams)} team overrides"
    return Part("console", False, [CheckedFile(path, holds)], [str(error) for error in errors])


def _channels(base: Path) -> Part:
    """Intake connectors: a broken file would refuse or misread a channel's messages, so it stops start-up."""
    path = config_path("channels.yaml", base)
    settings, errors = read_channels(path)
    holds = ""
    if settings is not None:
        on = [name for name in settings.connectors() if settings.live(name)]
        watched = [name for name, c in settings.connectors().items() if c.expect is not None]
        holds = f"on: {', '.join(on)}; watched for silence: {', '.join(watched) or 'none'}"
    return Part("channels", True, [CheckedFile(path, holds)], [str(error) for error in errors])
