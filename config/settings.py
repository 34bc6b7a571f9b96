"""Service settings from the environment (prefix STAYLINE_). Defaults run everything embedded."""

from __future__ import annotations

import os
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
    broker_url: str = "memory://"
    log_level: str = "INFO"
    public_url: str = "http://127.0.0.1:8000"
    link_secret: str = Field(default="", description="HMAC secret for acknowledgement links")
    link_ttl_seconds: int = 6 * 3600
    page_max_attempts: int = 3
    page_backoff_seconds: float = 5.0


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
