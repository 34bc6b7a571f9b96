"""Load and check the guidance configuration, reporting every error with its file and line.

``config/playbooks/*.yaml`` holds one playbook per file (top-level key ``playbook``) plus exactly one file
of shared phrase lists (top-level key ``phrases``). ``config/resources/*.yaml`` holds one region per file.
With no directory given, the configured files are read: the shipped ones, overridden file by file from
``$STAYLINE_CONFIG_DIR`` (``config.files.config_files``). A directory given explicitly is read on its own.
Each file is validated on its own, so one broken playbook does not hide the next one's mistakes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from config.files import PACKAGED_CONFIG_DIR, config_dir, config_files
from escalation.guidance.checks import Problem, phrases_problems, playbook_problems, region_problems
from escalation.guidance.models import ConversationChannel, PhrasesConfig, PlaybookConfig, Trigger, region_key
from escalation.guidance.resources import RegionResources, ResourceAlarm, expired_in
from escalation.guidance.reviews import ReviewAlarm, overdue_reviews
from escalation.model import Category, Level
from escalation.yaml_source import ConfigError, YamlDocument, read_yaml

__all__ = [
    "ConfigError",
    "GuidanceConfigInvalid",
    "GuidanceFiles",
    "GuidanceLibrary",
    "Selection",
    "check_guidance",
    "default_library",
    "expired_resources",
    "guidance_files",
    "load_guidance",
    "read_guidance",
    "read_guidance_files",
]


@dataclass(frozen=True)
class GuidanceFiles:
    """The files one kind of guidance is read from; ``where`` names them in errors about the whole set."""

    where: Path
    files: tuple[Path, ...]
    # Saved as .yml: reported, since they would otherwise be silently left out and their crisis unguided.
    strays: tuple[Path, ...] = ()


def guidance_files(name: str, directory: Path | str | None = None, base: Path | None = None) -> GuidanceFiles:
    """``directory``'s files when given, else the configured ones (shipped, overridden file by file)."""
    if directory is not None:
        own = Path(directory)
        return GuidanceFiles(own, tuple(sorted(own.glob("*.yaml"))), tuple(sorted(own.glob("*.yml"))))
    override = (base or config_dir()) / name
    where = override if override.is_dir() else PACKAGED_CONFIG_DIR / name
    files = tuple(config_files(name, base=base))
    return GuidanceFiles(where, files, tuple(config_files(name, "*.yml", base=base)))


@dataclass(frozen=True)
class Selection:
    playbook: PlaybookConfig
    trigger: Trigger
    rank: tuple[int, int, int]


@dataclass(frozen=True)
class GuidanceLibrary:
    playbooks: Mapping[str, PlaybookConfig]
    phrases: PhrasesConfig
    regions: Mapping[str, RegionResources]
    # Where each item was read from ("playbook:<id>", "phrases", "region:<code>"), for the lint's lines.
    sources: Mapping[str, YamlDocument] = field(default_factory=dict, compare=False, repr=False)

    def region(self, code: str | None) -> RegionResources | None:
        return None if code is None else self.regions.get(region_key(code))

    def select(
        self,
        level: Level,
        category: Category,
        channel: ConversationChannel,
        region: str | None,
        signals: frozenset[str] = frozenset(),
    ) -> Selection | None:
        """The strongest playbook for this risk, or None (level ``none``, or nothing matches)."""
        code = None if region is None else region_key(region)
        best: Selection | None = None
        for playbook in sorted(self.playbooks.values(), key=lambda item: item.id):
            for trigger in playbook.triggers:
                if not trigger.matches(level, category, channel, code, signals):
                    continue
                rank = playbook.rank(level, trigger)
                if best is None or rank > best.rank:
                    best = Selection(playbook, trigger, rank)
        return best

    def expired_resources(self, today: date) -> list[ResourceAlarm]:
        return expired_in(self.regions.values(), today)

    def overdue_reviews(self, today: date) -> list[ReviewAlarm]:
        return overdue_reviews(list(self.playbooks.values()), self.phrases, today)


class GuidanceConfigInvalid(Exception):
    def __init__(self, errors: list[ConfigError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


def check_guidance(
    playbooks_dir: Path | str | None = None, resources_dir: Path | str | None = None
) -> list[ConfigError]:
    """Every problem in the two directories, sorted by file and line; empty means they load."""
    return read_guidance(playbooks_dir, resources_dir)[1]


def load_guidance(
    playbooks_dir: Path | str | None = None, resources_dir: Path | str | None = None
) -> GuidanceLibrary:
    """The guidance library; raises GuidanceConfigInvalid listing every error."""
    library, errors = read_guidance(playbooks_dir, resources_dir)
    if library is None:
        raise GuidanceConfigInvalid(errors)
    return library


def read_guidance(
    playbooks_dir: Path | str | None = None, resources_dir: Path | str | None = None
) -> tuple[GuidanceLibrary | None, list[ConfigError]]:
    """The library and no errors, or None and every error: one read for callers that want both."""
    return read_guidance_files(
        guidance_files("playbooks", playbooks_dir), guidance_files("resources", resources_dir)
    )


@lru_cache(maxsize=1)
def default_library() -> GuidanceLibrary:
    """The configured library, read once per process (as workers load their models once)."""
    return load_guidance()


def expired_resources(today: date, library: GuidanceLibrary | None = None) -> list[ResourceAlarm]:
    """Resource entries past their review date, for the owner's alarm (default: the configured library)."""
    return (library or default_library()).expired_resources(today)


def read_guidance_files(
    playbook_files: GuidanceFiles, resource_files: GuidanceFiles
) -> tuple[GuidanceLibrary | None, list[ConfigError]]:
    """The library read from exactly these files, or None and every error."""
    errors: list[ConfigError] = []
    playbooks: dict[str, PlaybookConfig] = {}
    phrases: list[PhrasesConfig] = []
    regions: dict[str, RegionResources] = {}
    sources: dict[str, YamlDocument] = {}
    for path in _yaml_files(playbook_files, errors):
        document, key, item = _read_item(path, errors, {"playbook": PlaybookConfig, "phrases": PhrasesConfig})
        if isinstance(item, PlaybookConfig) and document is not None:
            _add(playbooks, item.id, item, document, [key, "id"], errors)
            sources[f"playbook:{item.id}"] = document
        elif isinstance(item, PhrasesConfig) and document is not None:
            phrases.append(item)
            sources.setdefault("phrases", document)
    for path in _yaml_files(resource_files, errors):
        document, _, item = _read_item(path, errors, {"": RegionResources})
        if isinstance(item, RegionResources) and document is not None:
            _add(regions, item.region, item, document, ["region"], errors)
            sources[f"region:{item.region}"] = document
    if len(phrases) != 1:
        found = f"found {len(phrases)}" if phrases else "found none"
        errors.append(
            ConfigError(str(playbook_files.where), None, f"needs exactly one 'phrases' file, {found}")
        )
    if errors:
        return None, sorted(set(errors), key=lambda error: (error.file, error.line or 0, error.message))
    return GuidanceLibrary(playbooks, phrases[0], regions, sources), []


def _yaml_files(found: GuidanceFiles, errors: list[ConfigError]) -> tuple[Path, ...]:
    errors.extend(ConfigError(str(path), None, "rename to .yaml to be loaded") for path in found.strays)
    if not found.files:
        errors.append(ConfigError(str(found.where), None, "no *.yaml files found"))
    return found.files


def _read_item(
    path: Path, errors: list[ConfigError], models: Mapping[str, type[BaseModel]]
) -> tuple[YamlDocument | None, str, BaseModel | None]:
    """Validate one file. ``models`` maps the top-level key to its model; key "" means the whole file."""
    document, read_errors = read_yaml(path)
    errors.extend(read_errors)
    if document is None:
        return None, "", None
    key, data = _top_level(document, models, errors)
    if key is None:
        return document, "", None
    base: list[str | int] = [key] if key else []
    try:
        item = models[key].model_validate(data)
    except ValidationError as exc:
        errors.extend(document.validation_errors(base, exc))
        return document, key, None
    errors.extend(document.error([*base, *where], message) for where, message in _problems(item))
    return document, key, item


def _top_level(
    document: YamlDocument, models: Mapping[str, type[BaseModel]], errors: list[ConfigError]
) -> tuple[str | None, Any]:
    data = document.data
    if "" in models:
        if isinstance(data, dict):
            return "", data
        errors.append(document.error([], "expected a mapping of region fields"))
        return None, None
    if isinstance(data, dict) and len(data) == 1 and next(iter(data)) in models:
        key = str(next(iter(data)))
        return key, data[key]
    expected = " or ".join(repr(name) for name in models)
    errors.append(document.error([], f"expected a single top-level key {expected}"))
    return None, None


def _problems(item: BaseModel) -> list[Problem]:
    if isinstance(item, PlaybookConfig):
        return playbook_problems(item)
    if isinstance(item, PhrasesConfig):
        return phrases_problems(item)
    if isinstance(item, RegionResources):
        return region_problems(item)
    return []


def _add(
    into: dict[str, Any],
    name: str,
    item: BaseModel,
    document: YamlDocument,
    where: list[str | int],
    errors: list[ConfigError],
) -> None:
    if name in into:
        errors.append(document.error(where, f"{name!r} is already defined in another file"))
        return
    into[name] = item
