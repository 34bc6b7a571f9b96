"""Running the service: serve (API, plus in-process worker and sweep when no broker is set), worker (which
also sweeps), and the optional beat."""

from __future__ import annotations

import os

import click

from config.settings import get_settings
from stayline_cli.progress import saying
from workers.queues import WORKER_QUEUES

LOADING = (
    "Loading the detector and configuration (the first start also trains the detector's model from the"
    " built-in corpus: about 20 s; later starts reuse it)"
)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve(host: str, port: int) -> None:
    """The HTTP API. With no STAYLINE_BROKER_URL it also runs the worker and the sweep in this process
    (the embedded default: SQLite, console notifier, nothing else to start)."""
    import uvicorn

    from api.app import create_app
    from api.logs import configure_logging
    from config.logs import redact_url
    from workers.canary import Watchdog
    from workers.dispatch import CeleryDispatcher, InProcessDispatcher
    from workers.runtime import Runtime
    from workers.sweeper import Sweeper

    refuse_bad_configuration()  # before logging turns to JSON: the refusal is for a person to read
    settings = get_settings().serving_on(host, port)
    configure_logging(settings.log_level)
    if settings.broker_url and "public_url" not in get_settings().model_fields_set:
        message = (
            f"STAYLINE_PUBLIC_URL is not set: `stayline worker` pages link to {get_settings().public_url}"
        )
        click.echo(f"warning: {message}, this server listens on {settings.public_url}", err=True)
    if settings.broker_url and settings.api_workers > 1:
        import os

        from store.db import migrate

        # The API processes read their settings afresh; hand them the address this server listens on.
        os.environ.setdefault("STAYLINE_PUBLIC_URL", settings.public_url)

        migrate(settings.database_url)  # once, before the processes start, so they never race to do it
        uvicorn.run(
            "api.factory:production_app",
            factory=True,
            workers=settings.api_workers,
            host=host,
            port=port,
            log_config=None,
            access_log=False,
            timeout_graceful_shutdown=5,
        )
        return
    if settings.broker_url:
        from workers.celery_app import app as celery_app

        with saying(LOADING):
            runtime = Runtime(settings=settings, dispatcher=CeleryDispatcher(celery_app)).prepare()
    else:
        dispatcher = InProcessDispatcher()
        with saying(LOADING):
            runtime = Runtime(settings=settings, dispatcher=dispatcher).prepare()
        dispatcher.bind(runtime)
        Sweeper(runtime, settings.sweep_seconds).start()
        database = redact_url(settings.database_url)
        click.echo(f"stayline: embedded mode, database {database}, pages print to the console")
    Watchdog(runtime).start()
    # uvicorn's own access log would print /r/<token> paths in full; the app logs requests itself.
    uvicorn.run(
        create_app(runtime),
        host=host,
        port=port,
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=5,
    )


@click.command()
@click.option("--concurrency", default=2, show_default=True, type=int)
@click.option("--queues", default=WORKER_QUEUES, show_default=True, help="Polled in this order")
def worker(concurrency: int, queues: str) -> None:
    """A Celery worker for scans and pages (needs STAYLINE_BROKER_URL). Every worker also runs the sweep
    (escalation timers, missed scans), one at a time by a lease in the database: no beat needed."""
    _require_broker()
    refuse_bad_configuration()
    from api.logs import configure_logging
    from workers.celery_app import app
    from workers.supervisor import supervise

    configure_logging(get_settings().log_level)  # the supervisor's own lines: JSON, like the worker's
    # A node name of its own: Celery names every worker "celery@<host>", and two workers on one host under
    # one name answer control and gossip messages as one (Celery warns of it as a duplicate node name).
    node = f"stayline-{os.getpid()}@%h"
    # No gossip, mingle or worker heartbeats: stayline uses none of them (the sweep lease and the canary
    # watch the workers), and on a Redis restart the gossip step's channel close raised
    # AttributeError("'NoneType' object has no attribute 'hostname'") in kombu's Redis transport, an
    # "unrecoverable error" that ended the worker (the chaos run's Redis restart, 2026-12-01; kombu #582).
    # Other paths in that transport still raise it on a restart (see workers/supervisor.py), so the Celery
    # worker runs under a supervisor that starts it again.
    quiet = ["--without-gossip", "--without-mingle", "--without-heartbeat"]
    argv = ["worker", "-Q", queues, "-c", str(concurrency), "-n", node, *quiet, "--loglevel", "INFO"]
    raise SystemExit(supervise(lambda: app.worker_main(argv)))


@click.command()
def beat() -> None:
    """Optional: workers sweep by themselves. Beat offers extra sweep rounds, which the lease turns down
    while a worker's sweep is recent."""
    _require_broker()
    refuse_bad_configuration()
    from workers.celery_app import app

    app.start(["beat", "--loglevel", "INFO"])


def _require_broker() -> None:
    if not get_settings().broker_url:
        raise click.ClickException("set STAYLINE_BROKER_URL (e.g. redis://127.0.0.1:6379/0) to run this")


def refuse_bad_configuration() -> None:
    """Run `config check` before starting: what would stop paging (escalation, notifiers and their
    secrets, the detector's files) refuses the start with the check's own messages, not a traceback;
    guidance and console problems are printed and the service starts (they degrade to fallbacks)."""
    from stayline_cli.config_report import refusal
    from workers.config_check import check_configuration

    report = check_configuration()
    if report.fatal:
        raise click.ClickException(refusal(report))
    for problem in report.problems:
        click.echo(f"configuration warning: {problem}", err=True)
