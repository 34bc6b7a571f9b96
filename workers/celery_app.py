"""The Celery app: thin tasks over the worker functions. ``stayline worker`` runs it; every worker also runs
the sweep (a thread in its main process, one worker at a time by lease), so ``stayline beat`` is optional."""

from __future__ import annotations

import copy
import logging
from uuid import uuid4

from celery import Celery, bootsteps, signals
from sqlalchemy.exc import OperationalError

from config.logs import configure_logging, request_id_var
from config.settings import get_settings
from store import counters
from store.db import forget_inherited_connections
from store.shared import shared_redis
from workers.delivery import deliver
from workers.dispatch import CeleryDispatcher, PagesInline
from workers.messages import scan_message
from workers.runtime import Runtime
from workers.sweeper import ROTA, SWEEP, Sweeper, jobs_for, run_job

log = logging.getLogger(__name__)

app = Celery("stayline")
_settings = get_settings()
app.conf.update(
    broker_url=_settings.broker_url or "memory://",
    task_ignore_result=True,
    task_acks_late=True,  # a task whose worker dies is redelivered; claims make that harmless
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    task_default_queue="messages",
    task_routes={
        # The sweep beat may trigger has a queue of its own: never behind scans, nor behind pages.
        "escalation.sweep": {"queue": "sweep"},
        "escalation.check_rota": {"queue": "sweep"},
        "escalation.*": {"queue": "pages"},  # pages never wait behind a flood of messages
    },
    # Crisis-looking scans are published to queue "crisis" (CeleryDispatcher). Redis is polled for the
    # queues in the order the worker lists them (-Q crisis,pages,messages,sweep), not round-robin, so a
    # free worker process always takes a crisis scan before bulk work.
    broker_transport_options={"queue_order_strategy": "priority"},
    broker_connection_retry_on_startup=True,
    # Optional now (workers sweep by themselves); a beat still running only offers extra rounds, which
    # the lease turns down when a worker has just swept. They expire rather than pile up unconsumed.
    beat_schedule={
        "sweep": {
            "task": "escalation.sweep",
            "schedule": _settings.sweep_seconds,
            "options": {"expires": 10 * _settings.sweep_seconds},
        },
        "rota": {"task": "escalation.check_rota", "schedule": 300.0, "options": {"expires": 300.0}},
    },
)

_runtime: Runtime | None = None


def runtime() -> Runtime:
    """One runtime per worker process: the detector model is loaded once, not per task."""
    global _runtime
    if _runtime is None:
        _runtime = Runtime(dispatcher=CeleryDispatcher(app)).prepare()
    return _runtime


@signals.setup_logging.connect
def _json_logs(**_: object) -> None:
    configure_logging(_settings.log_level)  # the same JSON lines as the API, with a correlation id


@signals.task_prerun.connect
def _correlate(task: object = None, args: tuple[object, ...] | None = None, **_: object) -> None:
    # The message id or page id the task works on is the correlation id of everything it logs.
    request_id_var.set(f"{getattr(task, 'name', 'task')}:{args[0] if args else '-'}")


@signals.worker_process_init.connect
def _load_once_per_process(**_: object) -> None:
    forget_inherited_connections()  # a pool child re-forked later inherits the sweeper's connections
    runtime()


class SweepStep(bootsteps.StartStopStep):  # type: ignore[misc]
    """The sweeper thread in the worker's main process: it runs while the worker runs, and a scan hogging
    a pool process cannot hold it up. Started after the pool, so the first children fork without it."""

    requires = ("celery.worker.components:Pool",)

    def __init__(self, parent: object, **kwargs: object) -> None:
        super().__init__(parent, **kwargs)
        self.sweeper: Sweeper | None = None

    def start(self, parent: object) -> None:
        # Its own runtime, without the detector: the sweep reads the database and hands work to queues.
        sweeping = Runtime(settings=_settings, dispatcher=CeleryDispatcher(app))
        # Not prepared (no detector), so count what the sweep writes (pages, incidents) here.
        counters.attach(sweeping.url, shared_redis(_settings.broker_url))
        self.sweeper = Sweeper(sweeping, _settings.sweep_seconds)
        self.sweeper.start()

    def stop(self, parent: object) -> None:
        if self.sweeper is not None:
            self.sweeper.stop()


app.steps["worker"].add(SweepStep)


RETRY = {
    "autoretry_for": (OperationalError,),
    "retry_backoff": True,
    "retry_backoff_max": 30,
    "max_retries": 8,
}


_scanning: Runtime | None = None


def scanning_runtime() -> Runtime:
    """The process's runtime, sending the pages a scan records from this process (``PagesInline``)."""
    global _scanning
    if _scanning is None:
        _scanning = copy.copy(runtime())
        _scanning.dispatcher = PagesInline(runtime().dispatcher, runtime())
    return _scanning


@signals.worker_process_shutdown.connect
def _finish_pages(**_: object) -> None:
    # Pages a scan handed to this process's page threads go out before the process exits.
    if _scanning is not None and isinstance(_scanning.dispatcher, PagesInline):
        _scanning.dispatcher.shutdown()


@app.task(name="detector.scan", **RETRY)
def scan(message_id: str, urgent: bool = False) -> None:
    rt = scanning_runtime()
    for page_id in scan_message(rt, message_id, urgent):
        rt.dispatcher.send_page(page_id)


@app.task(name="escalation.send_page", **RETRY)
def send_page(page_id: int) -> None:
    rt = runtime()
    deliver(rt.url, page_id, rt.config, rt.notifiers, rt.policy, rt.clock())


@app.task(name="escalation.sweep", **RETRY)
def sweep_task() -> None:
    _run_by_lease(SWEEP)


@app.task(name="escalation.check_rota", **RETRY)
def check_rota_task() -> None:
    _run_by_lease(ROTA)


def _run_by_lease(name: str) -> None:
    """Beat's trigger takes the same lease as the workers' sweepers, so it never runs a second sweep."""
    rt = runtime()
    job = next(job for job in jobs_for(rt) if job.name == name)
    run_job(rt, job, holder=f"beat-task:{uuid4().hex}")
