"""The default notifier: prints the page it would send, so the embedded service works with no provider."""

from __future__ import annotations

import sys
import threading
from typing import Literal, TextIO

from escalation.config_models import StrictModel
from escalation.model import Channel
from escalation.notifiers.base import Delivery, DeliveryStatus, PageMessage
from escalation.notifiers.content import render_text

PROVIDER = "console"


class ConsoleConfig(StrictModel):
    type: Literal["console"] = "console"
    stream: Literal["stdout", "stderr"] = "stdout"


class ConsoleNotifier:
    channel = Channel.CONSOLE

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream
        # Workers may share one notifier across threads; keep each page on its own lines.
        self._lock = threading.Lock()

    @classmethod
    def from_config(cls, config: ConsoleConfig) -> ConsoleNotifier:
        return cls(sys.stderr if config.stream == "stderr" else None)

    def send(self, message: PageMessage) -> Delivery:
        stream = self._stream or sys.stdout  # looked up late so pytest's capture sees it
        line = f"[page {message.kind} -> {message.responder} via {message.channel}] {render_text(message)}"
        with self._lock:
            print(line, file=stream, flush=True)
        # Printed is as delivered as a console gets; only a human acknowledgement stops the chain.
        return Delivery(DeliveryStatus.DELIVERED, PROVIDER, provider_id=f"console:{message.idempotency_key}")
