"""``create_app(runtime)``: the FastAPI application, its middleware, error shape and routes.

Starting a server is the caller's job (``stayline serve``): for example
``configure_logging(settings.log_level)`` then
``uvicorn.run(create_app(runtime), log_config=None, access_log=False, timeout_graceful_shutdown=5)``:
the app writes its own access line (uvicorn's would log the token in ``/r/<token>`` paths).
"""

from __future__ import annotations

from fastapi import FastAPI

from api.auth import KeyRing, warn_about_keys
from api.auth_limits import failure_limiter
from api.console import install_console
from api.console.session import session_secret
from api.deps import ApiContext, api_runtime
from api.errors import install_error_handlers
from api.limits import BodyLimitMiddleware, rate_limiter
from api.live import EventHub
from api.logs import RequestContextMiddleware
from api.routes import (
    batch,
    conversations,
    events,
    incidents,
    links,
    messages,
    ops,
    twilio,
    twilio_conversations,
    twilio_messages,
    twilio_transcriptions,
)
from workers.runtime import Runtime

DESCRIPTION = """Crisis-signal detection and escalation for contact centres.

Authenticate with `Authorization: Bearer <key>` or `X-API-Key: <key>`. Roles: `ingest` (post messages),
`agent` (flag, read evidence, events), `responder` (acknowledge, resolve), `admin` (everything).
Errors are `{"error": "<code>", "detail": ...}`. The Twilio webhooks check `X-Twilio-Signature`;
`/r/{token}` is the signed acknowledgement link a page carries.
"""


def create_app(runtime: Runtime) -> FastAPI:
    """The HTTP service over ``runtime`` (migrate the database first: ``runtime.prepare()``).

    Refuses to start with a malformed ``STAYLINE_API_KEYS`` (an unknown role). With no keys at all, only
    loopback clients are served, as admin (see ``api.auth``).
    """
    settings = runtime.settings
    app = FastAPI(title="stayline", version="0.1.0", description=DESCRIPTION)
    app.state.context = ApiContext(
        runtime=api_runtime(runtime),
        keys=KeyRing(settings.api_keys),
        # Shared through the broker's Redis when there is one (every process and host, one limit).
        limiter=rate_limiter(settings, runtime.clock),
        auth_failures=failure_limiter(settings, runtime.clock),
        events=EventHub(runtime.url),
        console_secret=session_secret(settings),
    )
    warn_about_keys(app.state.context.keys, runtime)
    install_error_handlers(app)
    for module in (
        batch,
        messages,
        conversations,
        incidents,
        events,
        links,
        twilio,
        twilio_messages,
        twilio_transcriptions,
        twilio_conversations,
        ops,
    ):
        app.include_router(module.router)
    install_console(app)
    # Added last runs first: every response, a 413 included, carries the request id.
    app.add_middleware(
        BodyLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        per_path={batch.BATCH_PATH: settings.batch_max_body_bytes},
    )
    app.add_middleware(RequestContextMiddleware)
    return app
