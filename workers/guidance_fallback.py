"""When the playbooks cannot help: their health for start-up and /readyz, and the fallback card.

Guidance is a side feature: a broken playbook must never stop a scan, an incident or a page. It is
checked when a process starts (a clear error in the log, and the process keeps running), reported by
/readyz, and an agent whose conversation shows risk but no playbook gets safe generic guidance instead.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from config.files import config_dir
from escalation.guidance import default_library
from escalation.guidance.lint import lint_library
from escalation.guidance.loading import guidance_files, read_guidance

log = logging.getLogger(__name__)

CACHE_SECONDS = 60.0  # /readyz is polled often; reading and checking every file takes a moment
RISK_LEVELS = ("moderate", "high", "imminent")


@dataclass(frozen=True)
class GuidanceHealth:
    errors: tuple[str, ...] = ()  # the configuration does not load: no playbook can be shown
    lint: tuple[str, ...] = ()  # it loads, but the safety lint found wording or resources to fix
    files: tuple[str, ...] = ()  # the names of the files that do not load

    @property
    def broken(self) -> bool:
        return bool(self.errors)

    @property
    def status(self) -> str:
        """For /readyz: "ok", or "broken: <file>, ..." naming the files that do not load."""
        if not self.errors:
            return "ok"
        return "broken: " + ", ".join(self.files)


def check_health(today: date | None = None) -> GuidanceHealth:
    """Read the playbooks and resources as the workers will, and lint them. Never raises."""
    try:
        library, errors = read_guidance()
    except Exception as error:  # an unreadable directory is as broken as a bad line
        where = guidance_files("playbooks").where
        return GuidanceHealth(errors=(f"{where}: {type(error).__name__}",), files=(where.name,))
    if library is None:
        files = tuple(sorted({Path(error.file).name for error in errors}))
        return GuidanceHealth(errors=tuple(str(error) for error in errors), files=files)
    return GuidanceHealth(lint=tuple(str(p) for p in lint_library(library, today or date.today())))


_cache: tuple[float, Path, GuidanceHealth] | None = None


def cached_health() -> GuidanceHealth:
    global _cache
    where = config_dir()  # a test or an operator pointing at other configuration gets a fresh check
    if _cache is None or _cache[1] != where or time.monotonic() - _cache[0] > CACHE_SECONDS:
        _cache = (time.monotonic(), where, check_health())
    return _cache[2]


def report_at_start() -> GuidanceHealth:
    """Log what is wrong with the guidance once, loudly, when a process starts; never stop the start."""
    global _cache
    health = check_health()
    _cache = (time.monotonic(), config_dir(), health)
    if health.broken:
        log.error(
            "GUIDANCE BROKEN: agents will see the fallback card; detection and paging continue. "
            "Fix these and restart:\n%s",
            "\n".join(health.errors),
        )
    for problem in health.lint:
        log.warning("guidance lint: %s", problem)
    return health


def fallback_view(
    conversation_id: str, level: str, category: str, oncall: str, region: str | None
) -> dict[str, object]:
    """The card an agent sees when the playbook cannot be shown: the basics that are always right."""
    emergency = _emergency_say(region)
    notes = [
        "Stay on the line and keep the conversation open. Do not end it.",
        "Do not put them on hold or transfer them.",
        f"If they are in immediate danger, call emergency services now ({emergency}).",
        f"For help now, call the on-call supervisor on {oncall}."
        if oncall
        else "For help now, flag this conversation: it pages the on-call responders.",
    ]
    contacts = [["call", oncall]] if oncall else []
    return {
        "conversation_id": conversation_id,
        "mode": "fallback",
        "fallback": True,
        "title": "Safe basics (the playbook could not be shown)",
        "level": level,
        "category": category,
        "panel": {"headline": "Keep them talking until a responder joins.", "say": None, "notes": notes},
        "steps": [],
        "branches": [],
        "checkpoints": [],
        "avoid": [],
        "prompts": [],
        "resources": [
            {"name": "Emergency services", "say": emergency, "contacts": [], "hours": "", "note": None},
            {"name": "On-call supervisor", "say": oncall or "flag the conversation", "contacts": contacts,
             "hours": "", "note": None},
        ],
    }  # fmt: skip


def _emergency_say(region: str | None) -> str:
    try:
        resources = default_library().region(region)
    except Exception:  # the resources may be what is broken
        resources = None
    entry = None if resources is None else resources.emergency
    return entry.say if entry is not None else "your local emergency number"


def needs_fallback(mode: str, level: str, has_incident: bool) -> bool:
    """A conversation that shows risk (or has an incident) but no playbook: guidance failed somewhere."""
    return mode == "idle" and (has_incident or level in RISK_LEVELS)
