"""Unknown console addresses and the site icon.

A responder who follows an old or mistyped link at 3 a.m. gets a page with a way back, not a JSON error;
the JSON API (``/v1/``, Twilio's webhooks, health and metrics) keeps its own error shape for programs.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.console.web import HERE, render, signed_in
from api.errors import http_error_json

router = APIRouter(include_in_schema=False)
API_PREFIXES = ("/v1/", "/twilio/", "/healthz", "/readyz", "/metrics", "/docs", "/openapi.json", "/redoc")


def is_console_path(path: str) -> bool:
    return not path.startswith(API_PREFIXES)


@router.get("/favicon.ico")
def favicon() -> Response:
    # Browsers ask for it on every first visit; a 404 there fills logs and shows a broken tab icon.
    return FileResponse(
        HERE / "static" / "favicon.ico",
        media_type="image/x-icon",
        headers={"Cache-Control": "public, max-age=86400"},
    )


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 404 and is_console_path(request.url.path):
        values = {"path": request.url.path}
        return render(request, "not_found.html", values, person=signed_in(request), status=404)
    return await http_error_json(request, exc)  # the API's usual shape for everything else
