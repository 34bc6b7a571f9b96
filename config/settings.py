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
    # Where responders reach the service (page links, Twilio signatures). Left unset, `serve` uses the
    # address it listens on (``serving_on``); set it whenever a worker or a proxy is involved.
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
    # A scan that runs longer is abandoned and the message assessed by a keyword fallback (degraded).
    scan_deadline_seconds: float = Field(default=2.0, gt=0)
    # A message whose scan fails (or dies with its worker) this many times is quarantined and alarmed.
    scan_max_attempts: int = Field(default=3, ge=1)
    # Shown on the agent's fallback card when the playbook cannot be shown: who to call for help now.
    oncall_number: str = Field(default="", description="The on-call supervisor line for agents")
    api_workers: int = Field(default=1, ge=1, description="API processes (needs STAYLINE_BROKER_URL)")
    region: str | None = Field(default=None, description="Crisis resources for agents: us, ca, gb, ie, au")
    # Drills and tests: run every process's clock this many times faster from clock_epoch, so a chain of
    # 30-second waits plays out in seconds on a real worker. Leave at 1 in production.
    clock_speedup: float = 1.0
    clock_epoch: datetime | None = None
    max_body_bytes: int = 64 * 1024
    max_text_chars: int = 20_000
    # The batch door (POST /v1/messages/batch): messages per request, and its own body limit.
    batch_max_items: int = Field(default=500, ge=1)
    batch_max_body_bytes: int = Field(default=4 * 1024 * 1024, ge=1024)
    rate_per_minute: int = Field(
        default=6000, description="Requests a minute per API key (0: off); shared through a Redis broker"
    )
    # Either {"<key>": "<role>"} (a key with no person: a service key) or
    # {"<key>": {"role": "responder", "person": "Dana Reyes"}} (a person's key); both shapes may be mixed.
    api_keys: dict[str, str | dict[str, str | None]] = Field(
        default_factory=dict, description="JSON object: API key -> role, or -> {role, person}"
    )
    # Console sessions end after this long without a request from the browser (and after 12 hours anyway).
    session_idle_minutes: float = Field(default=30.0, gt=0)
    # Failed authentication (API keys, console sign-in): this many failures from one address, or naming
    # one person, within the window, and further attempts are refused with 429 until the window moves on.
    auth_failures_per_address: int = Field(default=20, ge=0, description="0 turns the limit off")
    auth_failures_per_name: int = Field(default=10, ge=0, description="0 turns the limit off")
    auth_failure_window_seconds: int = Field(default=300, gt=0)
    # Message text and evidence words older than this are removed (levels, categories, offsets and the
    # audit trail stay); conversations under an open incident are kept until it is resolved.
    retention_days: int = Field(default=30, ge=1, description="Days message text is kept")
    # Labelled examples (issue 15) keep their turn's words past retention only if the centre opts in;
    # otherwise retention leaves them their features alone (signal names, levels, hashed n-grams).
    keep_labelled_text: bool = Field(
        default=False, description="Keep labelled examples' text when retention purges message text"
    )
    # Pruning deletes rows, not only words (workers/pruning.py): whole calendar months older than these
    # horizons, in batches of ``prune_batch_size`` rows per short transaction. Off (None) by default:
    # deletion cannot be undone, incident reviews and exports need the assessments and the trail, and how
    # long a centre must keep its records is its own legal decision (docs/security.md).
    prune_messages_after_days: int | None = Field(
        default=None, ge=31, description="Delete messages and assessments of months older than this"
    )
    prune_audit_after_days: int | None = Field(
        default=None, ge=31, description="Delete audit rows of months older than this (an anchor is kept)"
    )
    prune_batch_size: int = Field(default=1000, ge=1, description="Rows deleted per transaction")
    # Phone numbers, email addresses and card numbers are replaced before text is stored (and scanned).
    redact_text: bool = Field(default=True, description="Redact personal data before storing text")
    # The model lifecycle (docs/models.md): how often a worker looks for a newly promoted model; how many
    # labelled examples a retrain needs and the slice of them held out to evaluate on; how much worse a
    # candidate may be on any escalation recall or false-escalation figure before promotion is refused.
    model_reload_seconds: float = Field(default=10.0, gt=0)
    feedback_min_examples: int = Field(default=10, ge=1)
    feedback_holdout_fraction: float = Field(default=0.2, ge=0, lt=1)
    promote_tolerance: float = Field(default=0.01, ge=0, le=1)

    def serving_on(self, host: str, port: int) -> Settings:
        """These settings for a server listening on ``host:port``: links carry that address unless
        STAYLINE_PUBLIC_URL says where the service is reached (``serve --port 8100`` must not page
        links to :8000)."""
        if "public_url" in self.model_fields_set:
            return self
        return self.model_copy(update={"public_url": local_url(host, port)})

    @property
    def escalation_dir(self) -> Path:
        from config.files import config_dir

        own = config_dir() / "escalation"
        return own if own.exists() else Path(__file__).resolve().parent / "escalation"


def local_url(host: str, port: int) -> str:
    """``http://host:port`` for a bind address; a wildcard address (0.0.0.0, ::) is reached on loopback."""
    shown = "127.0.0.1" if host in ("", "0.0.0.0", "::") else host
    return f"http://[{shown}]:{port}" if ":" in shown else f"http://{shown}:{port}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
