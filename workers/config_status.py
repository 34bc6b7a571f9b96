"""Is the configuration usable? One answer for `config check`, start-up and the supervisor's screen."""

from __future__ import annotations

import time
from pathlib import Path

from config.files import config_dir
from workers.config_check import check_configuration


def configuration_problems(base: Path | None = None) -> list[str]:
    """Every problem in every configuration file the service reads (see ``workers.config_check``)."""
    return check_configuration(base).problems


_cache: tuple[float, Path, list[str]] | None = None
CACHE_SECONDS = 60.0


def cached_configuration_problems() -> list[str]:
    """For screens that refresh often: checked at most once a minute (building the rules takes a moment)."""
    global _cache
    base = config_dir()
    if _cache is None or _cache[1] != base or time.monotonic() - _cache[0] > CACHE_SECONDS:
        _cache = (time.monotonic(), base, configuration_problems())
    return list(_cache[2])
