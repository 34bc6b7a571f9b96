"""Where a browser says a POST comes from (the Origin header), for the forms the service serves."""

from __future__ import annotations

from urllib.parse import urlsplit

from fastapi import Request

from api.deps import context


def _own_origins(request: Request) -> set[str]:
    public = urlsplit(context(request).runtime.settings.public_url)
    return {f"{request.url.scheme}://{request.url.netloc}", f"{public.scheme}://{public.netloc}"}


def same_origin(request: Request) -> bool:
    """Browsers send Origin on every POST; one from another site is refused even with a valid token."""
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return origin is None
    return origin in _own_origins(request)


def foreign_origin(request: Request) -> bool:
    """An Origin naming another site. "null" is not foreign here: pages sent with no-referrer (the
    acknowledgement link's) make Chromium post their own forms with "Origin: null"."""
    origin = request.headers.get("origin")
    return origin not in (None, "null") and origin not in _own_origins(request)
