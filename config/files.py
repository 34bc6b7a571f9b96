"""Where the shipped configuration lives and how it is read. Overridable with STAYLINE_CONFIG_DIR."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

PACKAGED_CONFIG_DIR = Path(__file__).resolve().parent


def config_dir() -> Path:
    override = os.environ.get("STAYLINE_CONFIG_DIR")
    return Path(override) if override else PACKAGED_CONFIG_DIR


def load_yaml(relative: str) -> Any:
    """Read a YAML file from the configuration directory, falling back to the shipped default."""
    for base in (config_dir(), PACKAGED_CONFIG_DIR):
        path = base / relative
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                return yaml.safe_load(handle)
    raise FileNotFoundError(f"configuration file {relative!r} not found in {config_dir()}")
