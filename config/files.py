"""Where the configuration lives and how it is read: the shipped files, overridden file by file.

``STAYLINE_CONFIG_DIR`` (or ``--config-dir``) may hold only some files: each one it holds replaces the
shipped file of the same name and every other file stays the shipped one. Directories of files
(``playbooks/``, ``resources/``, ``patterns/``) are overlaid by file name in the same way, so a centre can
replace one playbook or add a region without copying the rest (and without missing the next release's).
Every reader and `stayline config check` resolve paths here, so the check reads what the service reads.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

PACKAGED_CONFIG_DIR = Path(__file__).resolve().parent


def config_dir() -> Path:
    override = os.environ.get("STAYLINE_CONFIG_DIR")
    return Path(override) if override else PACKAGED_CONFIG_DIR


def config_path(relative: str, base: Path | None = None) -> Path:
    """The file read for ``relative``: the override directory's copy when it has one, else the shipped one."""
    own = (base or config_dir()) / relative
    return own if own.exists() else PACKAGED_CONFIG_DIR / relative


def config_files(relative_dir: str, pattern: str = "*.yaml", base: Path | None = None) -> list[Path]:
    """The files of a configuration directory, by name: shipped ones, each replaced by the override
    directory's file of the same name, plus files only the override has."""
    by_name = {path.name: path for path in (PACKAGED_CONFIG_DIR / relative_dir).glob(pattern)}
    own_dir = (base or config_dir()) / relative_dir
    if own_dir.resolve() != (PACKAGED_CONFIG_DIR / relative_dir).resolve():
        by_name.update({path.name: path for path in own_dir.glob(pattern)})
    return [by_name[name] for name in sorted(by_name)]


def is_override(path: Path) -> bool:
    """Whether ``path`` is an operator's file rather than a shipped one (for `config check` to say so)."""
    return not path.resolve().is_relative_to(PACKAGED_CONFIG_DIR)


def load_yaml(relative: str) -> Any:
    """Read a YAML file from the configuration directory, falling back to the shipped default."""
    path = config_path(relative)
    if not path.exists():
        raise FileNotFoundError(f"configuration file {relative!r} not found in {config_dir()}")
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)
