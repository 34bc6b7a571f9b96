"""One process's live parts, built once: settings, database, detector, escalation config, notifiers, and
the dispatcher that hands work to the queue (Celery) or to in-process threads (the embedded default)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import Protocol

from config.channels_file import ChannelsSettings, load_channels
from config.settings import Settings, get_settings
from detector import Detector
from detector.lifecycle import ModelWatcher
from escalation.config_loader import DEFAULT_CONFIG_DIR, EscalationConfig, load_config
from escalation.model import Channel
from escalation.notifiers.base import Notifier
from store import counters
from store.db import migrate
from store.shared import shared_redis
from workers.delivery import DeliveryPolicy
from workers.wiring import delivery_policy, load_notifiers

log = logging.getLogger(__name__)


class Dispatcher(Protocol):
    """Hands work to whoever runs it. Called only after the transaction that recorded the work committed;
    if handing over fails, the work is still in the database and the sweep picks it up."""

    def scan(self, message_id: str, urgent: bool = False) -> None:
        """``urgent``: the pre-screen saw crisis words; the scan must not wait behind bulk work."""

    def send_page(self, page_id: int) -> None: ...


class NoDispatch:
    """For tools and tests that run the sweep themselves."""

    def scan(self, message_id: str, urgent: bool = False) -> None:
        return None

    def send_page(self, page_id: int) -> None:
        return None


def utcnow() -> datetime:
    return datetime.now(UTC)


def clock_for(settings: Settings) -> Callable[[], datetime]:
    """Real time, or the same accelerated time in every process that shares the settings."""
    epoch, speed = settings.clock_epoch, settings.clock_speedup
    if speed == 1.0 or epoch is None:
        return utcnow
    return lambda: epoch + (utcnow() - epoch) * speed


# Invented: words that reach every lazily loaded table (slang, a medicine, a misheard one, a number).
WARM_UP_TEXT = "ngl i took 20 of my sleeping pills and some zopiclon, im done"


@dataclass
class Runtime:
    settings: Settings = field(default_factory=get_settings)
    dispatcher: Dispatcher = field(default_factory=NoDispatch)
    clock: Callable[[], datetime] = utcnow
    _detector: Detector | None = None

    def __post_init__(self) -> None:
        if self.clock is utcnow:
            self.clock = clock_for(self.settings)

    @property
    def url(self) -> str:
        return self.settings.database_url

    @cached_property
    def config(self) -> EscalationConfig:
        # An override directory holding only some escalation files keeps the shipped rest.
        return load_config(self.settings.escalation_dir, fallback=DEFAULT_CONFIG_DIR)

    @cached_property
    def channels(self) -> ChannelsSettings:
        from config.files import config_path

        return load_channels(config_path("channels.yaml"))

    @cached_property
    def notifiers(self) -> dict[Channel, Notifier]:
        return load_notifiers()

    @cached_property
    def policy(self) -> DeliveryPolicy:
        return delivery_policy(self.settings)

    @cached_property
    def model_watcher(self) -> ModelWatcher:
        return ModelWatcher(self.settings.model_dir, self.settings.model_reload_seconds)

    @property
    def detector(self) -> Detector:
        # Loaded on first use, once per process (a worker process, never per task). A model promoted
        # since is swapped in here, before a scan (one small file read at most every few seconds).
        if self._detector is None:
            self._detector = Detector(model_dir=self.settings.model_dir)
        self.model_watcher.refresh(self._detector)
        return self._detector

    def prepare(self) -> Runtime:
        """Migrate the database and load everything a worker needs before the first task. Broken guidance
        is logged loudly and the process starts anyway: detection and paging never depend on it."""
        from escalation.guidance import default_library
        from workers.guidance_fallback import report_at_start

        migrate(self.url)
        # Metric counters go to the broker's Redis when there is one (store.counters), else /metrics
        # counts the tables.
        counters.attach(self.url, shared_redis(self.settings.broker_url))
        _ = self.config, self.channels, self.notifiers, self.detector
        self.warm_detector()
        if not report_at_start().broken:
            # Read the playbooks now, not on the first turn of a conversation at risk (under a second
            # of YAML parsing that a crisis scan otherwise paid between its pages and its guidance).
            try:
                default_library()
            except Exception as error:  # guidance degrades to its fallback card; never stop a worker
                log.error("guidance library not loaded at start (%s)", type(error).__name__)
        return self

    def warm_detector(self) -> None:
        """Fill the detector's lazily read tables (normalisation, concepts, medicine sounds) here, once.
        Scans run in a child forked per batch (``workers/deadline.py``): whatever the child reads for
        itself is read again by the next one, which was about a tenth of a worker's time under load."""
        for channel in ("chat", "voice"):
            self.detector.assess_many([WARM_UP_TEXT], channel=channel)
