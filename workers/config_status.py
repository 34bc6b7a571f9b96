"""Is the configuration usable? One answer for `stayline config check` and the supervisor's screen."""

from __future__ import annotations

import os
import time
from pathlib import Path

from escalation.config_loader import check_config


def configuration_problems(escalation_dir: Path, config_dir: Path | None = None) -> list[str]:
    """Every problem in the escalation configuration and the detector's files; empty means usable."""
    problems = [str(error) for error in check_config(escalation_dir)]
    return problems + _detector_errors(config_dir)


def _detector_errors(config_dir: Path | None) -> list[str]:
    """Build the detector's rules, context and fusion settings from the directory; report what fails."""
    previous = os.environ.get("STAYLINE_CONFIG_DIR")
    if config_dir is not None:
        os.environ["STAYLINE_CONFIG_DIR"] = str(config_dir)
    try:
        return _build_detector_parts()
    finally:
        if previous is None:
            os.environ.pop("STAYLINE_CONFIG_DIR", None)
        else:
            os.environ["STAYLINE_CONFIG_DIR"] = previous


def _build_detector_parts() -> list[str]:
    import spacy

    from detector.context import ContextAnalyzer
    from detector.fusion import fusion_config
    from detector.normalize import tables
    from detector.rules import RuleMatcher

    nlp = spacy.blank("en")
    errors = []
    for name, build in (
        ("patterns", lambda: RuleMatcher(nlp)),
        ("context.yaml", lambda: ContextAnalyzer(nlp)),
        ("detector.yaml", fusion_config.__wrapped__),  # uncached: read this directory, not the last one
        ("normalize.yaml", tables.__wrapped__),
    ):
        try:
            build()
        except Exception as error:  # every broken file is reported, not just the first
            errors.append(f"{name}: {error}")
    return errors


_cache: tuple[float, Path, list[str]] | None = None
CACHE_SECONDS = 60.0


def cached_configuration_problems(escalation_dir: Path) -> list[str]:
    """For screens that refresh often: checked at most once a minute (building the rules takes a moment)."""
    global _cache
    if _cache is None or _cache[1] != escalation_dir or time.monotonic() - _cache[0] > CACHE_SECONDS:
        _cache = (time.monotonic(), escalation_dir, configuration_problems(escalation_dir))
    return list(_cache[2])
