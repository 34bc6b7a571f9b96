"""/r/{token}: the signed acknowledgement link a page carries."""

from __future__ import annotations

from collections.abc import Callable

from escalation.links import sign_link
from tests.api.conftest import T0, Harness


def link_for(api: Harness, incident_id: str, responder: str = "Dana Reyes", ttl: int = 600) -> str:
    return "/r/" + sign_link("test", incident_id, responder, T0, ttl)


def test_opening_the_link_shows_a_button_and_changes_nothing(api: Harness) -> None:
    incident = api.flag(level="high").json()
    path = link_for(api, incident["id"])

    page = api.client.get(path)

    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert f'<form method="post" action="{path}">' in page.text
    assert "Acknowledge</button>" in page.text
    assert incident["code"] in page.text
    assert page.headers["Cache-Control"] == "no-store"
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    assert api.incident(incident["id"]).state == "paging"


def test_posting_the_link_acknowledges_as_the_paged_responder(api: Harness) -> None:
    incident = api.flag(level="high").json()

    done = api.client.post(link_for(api, incident["id"]))

    assert done.status_code == 200
    assert "Acknowledged by Dana Reyes" in done.text
    row = api.incident(incident["id"])
    assert (row.state, row.acknowledged_by, row.acknowledged_via) == (
        "acknowledged",
        "Dana Reyes",
        "web_link",
    )
    # Somebody else's link later says who has it, and changes nothing.
    late = api.client.post(link_for(api, incident["id"], responder="Sam Okafor"))
    assert "Already acknowledged" in late.text
    assert api.incident(incident["id"]).acknowledged_by == "Dana Reyes"


def test_an_expired_link_is_refused(api: Harness) -> None:
    incident = api.flag(level="high").json()
    path = link_for(api, incident["id"], ttl=60)
    api.clock.advance(61)

    shown, posted = api.client.get(path), api.client.post(path)

    assert (shown.status_code, posted.status_code) == (403, 403)
    assert "link expired" in posted.text
    assert api.incident(incident["id"]).state == "paging"


def test_a_tampered_or_foreign_link_is_refused(api: Harness) -> None:
    incident = api.flag(level="high").json()
    good = link_for(api, incident["id"])
    tampered = good[:-2] + ("AA" if not good.endswith("AA") else "BB")
    foreign = "/r/" + sign_link("another-secret", incident["id"], "Dana Reyes", T0, 600)

    for path in (tampered, foreign, "/r/not-a-token"):
        response = api.client.post(path)
        assert response.status_code == 403, path
    assert api.incident(incident["id"]).state == "paging"


def test_a_link_posted_from_another_site_acknowledges_nothing(api: Harness) -> None:
    incident = api.flag(level="high").json()
    path = link_for(api, incident["id"])

    forged = api.client.post(path, headers={"Origin": "https://evil.example"})
    assert forged.status_code == 403
    assert "sent from another site" in forged.text
    assert api.incident(incident["id"]).state == "paging"

    # The link page is sent with no-referrer, so a browser posts its own form with "Origin: null".
    own = api.client.post(path, headers={"Origin": "null"})
    assert "Acknowledged by Dana Reyes" in own.text


def test_a_refused_link_gives_the_configured_on_call_number(make_api: Callable[..., Harness]) -> None:
    api = make_api(oncall_number="+1 202 555 0199")  # invented
    incident = api.flag(level="high").json()
    api.clock.advance(700)
    expired = api.client.get(link_for(api, incident["id"], ttl=60))
    assert expired.status_code == 403
    assert "call the on-call line on" in expired.text
    assert '<a href="tel:+12025550199">+1 202 555 0199</a>' in expired.text


def test_a_refused_link_without_an_on_call_number_never_promises_one(api: Harness) -> None:
    refused = api.client.get("/r/not-a-token")
    assert refused.status_code == 403
    assert "on-call line" not in refused.text
    assert "Reply to the page by SMS" in refused.text
