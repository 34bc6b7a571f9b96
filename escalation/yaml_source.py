"""Reading YAML while remembering where every value came from, so errors can name a file and a line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

Location = Sequence[str | int]


@dataclass(frozen=True)
class ConfigError:
    """One problem in a configuration file; ``line`` is 1-based, None when the file itself is at fault."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


@dataclass
class YamlDocument:
    path: Path
    data: Any
    lines: dict[tuple[str, ...], int] = field(default_factory=dict)

    def line_at(self, location: Location) -> int | None:
        """The line of the deepest part of ``location`` present in the file (a missing key: its parent)."""
        parts = tuple(str(part) for part in location)
        for length in range(len(parts), -1, -1):
            line = self.lines.get(parts[:length])
            if line is not None:
                return line
        return None

    def error(self, location: Location, message: str) -> ConfigError:
        where = describe(location)
        return ConfigError(
            str(self.path), self.line_at(location), f"{where}: {message}" if where else message
        )

    def validation_errors(self, base: Location, exc: ValidationError) -> list[ConfigError]:
        errors = []
        for detail in exc.errors():
            location = [*base, *detail["loc"]]
            message = str(detail["msg"]).removeprefix("Value error, ")
            given = detail.get("input")
            # Echo short scalar inputs back: "got 'pager'" finds the typo faster than the rule does.
            if isinstance(given, str | int | float) and len(repr(given)) <= 60 and repr(given) not in message:
                message += f" (got {given!r})"
            errors.append(self.error(location, message))
        return errors


def read_yaml(path: Path) -> tuple[YamlDocument | None, list[ConfigError]]:
    """The parsed file with its line index, or None and the reason it could not be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [ConfigError(str(path), None, "file is missing")]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [ConfigError(str(path), None, f"cannot read file: {exc}")]
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = None if mark is None else mark.line + 1
        return None, [ConfigError(str(path), line, f"invalid YAML: {exc.problem or exc.context}")]
    except yaml.YAMLError as exc:
        return None, [ConfigError(str(path), None, f"invalid YAML: {exc}")]
    document = YamlDocument(path, data)
    duplicates: list[ConfigError] = []
    if root is not None:
        _index(root, (), document, duplicates)
    return document, duplicates


ItemModel = TypeVar("ItemModel", bound=BaseModel)


@dataclass
class Section(Generic[ItemModel]):
    """One file's list under ``key``: the raw items, the valid ones (with their index) and the errors."""

    key: str
    document: YamlDocument | None
    raw: list[Any] = field(default_factory=list)
    valid: list[tuple[int, ItemModel]] = field(default_factory=list)
    errors: list[ConfigError] = field(default_factory=list)
    list_found: bool = False

    def declared(self, attribute: str = "name") -> set[str] | None:
        """Names declared in the file, valid or not; None if its list could not be read at all."""
        if not self.list_found:
            return None
        return {str(item[attribute]) for item in self.raw if isinstance(item, dict) and attribute in item}

    def error(self, location: list[str | int], message: str) -> ConfigError:
        if self.document is None:
            raise ValueError(f"no {self.key} file was read to report {message!r} against")
        return self.document.error([self.key, *location], message)


def read_section(path: Path, key: str, model: type[ItemModel]) -> Section[ItemModel]:
    """Validate each item of the list under ``key`` separately, collecting all their errors."""
    document, errors = read_yaml(path)
    section: Section[ItemModel] = Section(key, document, errors=list(errors))
    if document is None:
        return section
    data = document.data
    if not isinstance(data, dict) or set(data) != {key} or not isinstance(data[key], list):
        section.errors.append(document.error([], f"expected a single top-level key {key!r} holding a list"))
        return section
    section.raw = data[key]
    section.list_found = True
    for index, item in enumerate(section.raw):
        try:
            section.valid.append((index, model.model_validate(item)))
        except ValidationError as exc:
            section.errors.extend(document.validation_errors([key, index], exc))
    return section


def describe(location: Location) -> str:
    """``schedules[0].layers[1].members`` from ``("schedules", 0, "layers", 1, "members")``."""
    text = ""
    for part in location:
        # Line-index paths hold list positions as digit strings; show them as indexes too.
        is_index = isinstance(part, int) or part.isdigit()
        text += f"[{part}]" if is_index else (f".{part}" if text else f"{part}")
    return text


def _index(node: yaml.Node, path: tuple[str, ...], document: YamlDocument, errors: list[ConfigError]) -> None:
    document.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                # safe_load keeps the last duplicate without a word; a rota edited twice is a real risk.
                message = f"{describe([*path, key])}: duplicate key; only the last one would count"
                errors.append(ConfigError(str(document.path), key_node.start_mark.line + 1, message))
            seen.add(key)
            document.lines[(*path, key)] = key_node.start_mark.line + 1
            _index(value_node, (*path, key), document, errors)
    elif isinstance(node, yaml.SequenceNode):
        for position, child in enumerate(node.value):
            _index(child, (*path, str(position)), document, errors)
