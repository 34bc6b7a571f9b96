"""The web console: server-rendered pages for agents, responders and supervisors, served by the API.

Pages are Jinja2 templates; one small script (``static/console.js``) keeps them live by listening to
``/console/events`` and re-reading the page's live regions. People sign in with a service key and their
name (``session.py``); every form carries an anti-forgery token.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.console import agent, login, not_found, responder, stream, supervisor
from api.console.web import HERE, Refused, SignInRequired, refused_page, sign_in_redirect


async def _sign_in(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, SignInRequired)
    return sign_in_redirect(exc.next_path)


async def _refused(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Refused)
    return refused_page(request, exc)


def install_console(app: FastAPI) -> None:
    for module in (login, agent, responder, supervisor, stream, not_found):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_exception_handler(SignInRequired, _sign_in)
    app.add_exception_handler(Refused, _refused)
    # Replaces the JSON-only handler of api/errors.py: console addresses get an HTML 404.
    app.add_exception_handler(StarletteHTTPException, not_found.http_error)
