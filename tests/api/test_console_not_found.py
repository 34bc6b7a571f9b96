"""Unknown console addresses get an HTML page with a way back; the JSON API keeps its error shape; the
site icon exists; the link in a TEST page leads somewhere."""

from __future__ import annotations

import re

from click.testing import CliRunner

from stayline_cli.main import cli
from tests.api.conftest import Harness, TestClient
from tests.api.console_helpers import sign_in


def test_an_unknown_console_address_is_an_html_page_with_a_way_back(api: Harness) -> None:
    anonymous = TestClient(api.client.app).get("/responder")
    assert anonymous.status_code == 404
    assert anonymous.headers["content-type"].startswith("text/html")
    assert "<h1>Page not found</h1>" in anonymous.text
    assert 'href="/login"' in anonymous.text

    responder = TestClient(api.client.app)
    sign_in(responder, "Dana Reyes", "responder-key")
    page = responder.get("/incidents-old/123")
    assert page.status_code == 404 and 'href="/supervisor"' in page.text
    assert "Dana Reyes" in page.text  # still signed in: the header shows who


def test_unknown_api_addresses_keep_the_json_error_shape(api: Harness) -> None:
    for path in ("/v1/nothing-here", "/twilio/nothing-here"):
        response = api.client.get(path)
        assert response.status_code == 404
        assert response.json()["error"] == "not_found"


def test_the_site_icon_exists(api: Harness) -> None:
    icon = api.client.get("/favicon.ico")
    assert icon.status_code == 200
    assert icon.headers["content-type"] == "image/x-icon"
    assert icon.content[:4] == b"\x00\x00\x01\x00"  # an ICO header


def test_a_test_page_links_to_a_console_page_that_exists(api: Harness) -> None:
    result = CliRunner().invoke(cli, ["page", "test", "Dana Reyes"])
    links = set(re.findall(r"https?://\S+", result.output))
    assert links, result.output
    for link in links:
        path = "/" + link.split("/", 3)[3]
        assert TestClient(api.client.app).get(path, follow_redirects=True).status_code == 200, link
