"""Signing in to the console through its real form, for tests that drive it with TestClient."""

from __future__ import annotations

import re
from typing import Any

from tests.api.conftest import TestClient

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
ALERT = re.compile(r'role="alert"[^>]*>([^<]*)<')


def form_token(html: str) -> str:
    found = TOKEN.search(html)
    assert found, "the page has no form token"
    return found.group(1)


def alert_text(html: str) -> str:
    found = ALERT.search(html)
    return found.group(1).strip() if found else ""


def sign_in(client: TestClient, name: str, key: str, next_path: str = "") -> Any:
    page = client.get("/login")
    assert page.status_code == 200
    return client.post(
        "/login",
        data={"csrf_token": form_token(page.text), "name": name, "key": key, "next": next_path},
        follow_redirects=False,
    )


def page_token(client: TestClient, path: str) -> str:
    """The anti-forgery token of the signed-in person, read off a page as a browser would."""
    page = client.get(path)
    assert page.status_code == 200, page.text
    return form_token(page.text)
