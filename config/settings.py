"""Service settings from the environment (prefix STAYLINE_). Defaults run everything embedded."""

from __future__ import annotations

import os
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "stayline"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="STAYLINE_", extra="ignore")

    config_dir: Path | None = Field(default=None, description="Directory of YAML overrides")
    model_dir: Path = Field(default_factory=_default_cache_dir, description="Where trained models are kept")
    corpus_dirs: list[Path] = Field(default_factory=list, description="Extra labelled corpora to train on")
    database_url: str = "sqlite:///stayline.db"
    broker_url: str = Field(default="", description="Celery broker (redis://...); empty runs work in-process")
    log_level: str = "INFO"
    public_url: str = "http://127.0.0.1:8000"
    link_secret: str = Field(default="", description="HMAC secret for acknowledgement links")
    link_ttl_seconds: int = 6 * 3600
    session_secret: str = Field(
        default="", description="HMAC secret for console sign-in cookies; empty keeps one in model_dir"
    )
    page_max_attempts: int = 3
    page_backoff_seconds: float = 5.0
    sweep_seconds: float = 2.0
    sweep_late_seconds: float = Field(
        default=30.0, description="No sweep completed for this long: /readyz fails and the console is alarmed"
    )
    canary_seconds: float = 180.0
    api_workers: int = Field(default=1, ge=1, description="API processes (needs STAYLINE_BROKER_URL)")
    region: str | None = Field(default=None, description="Crisis resources for agents: us, ca, gb, ie, au")
    # Drills and tests: run every process's clock this many times faster from clock_epoch, so a chain of
    # 30-second waits plays out in seconds on a real worker. Leave at 1 in production.
    clock_speedup: float = 1.0
    clock_epoch: datetime | None = None
    max_body_bytes: int = 64 * 1024
    max_text_chars: int = 20_000
    rate_per_minute: int = 6000
    api_keys: dict[str, str] = Field(default_factory=dict, description="JSON object: API key -> role")

    @property
    def escalation_dir(self) -> Path:
        from config.files import config_dir

        own = config_dir() / "escalation"
        return own if own.exists() else Path(__file__).resolve().parent / "escalation"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
