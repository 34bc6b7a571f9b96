"""App factory for several API processes (``STAYLINE_API_WORKERS`` > 1, production only): each process
builds its own runtime, talking to the shared broker and database."""

from __future__ import annotations

from fastapi import FastAPI

from api.app import create_app
from config.logs import configure_logging
from config.settings import get_settings
from workers.canary import Watchdog
from workers.celery_app import app as celery_app
from workers.dispatch import CeleryDispatcher
from workers.runtime import Runtime


def production_app() -> FastAPI:
    settings = get_settings()
    configure_logging(settings.log_level)
    runtime = Runtime(settings=settings, dispatcher=CeleryDispatcher(celery_app)).prepare()
    Watchdog(runtime).start()
    return create_app(runtime)
