from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from escalation.links import InvalidLink, sign_link, verify_link

NOW = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)


def test_a_signed_link_verifies_until_it_expires() -> None:
    token = sign_link("s3cret", "inc-1", "Priya Natarajan", NOW, ttl_seconds=600)
    claim = verify_link("s3cret", token, NOW + timedelta(seconds=599))
    assert (claim.incident_id, claim.responder) == ("inc-1", "Priya Natarajan")
    with pytest.raises(InvalidLink, match="expired"):
        verify_link("s3cret", token, NOW + timedelta(seconds=601))


@pytest.mark.parametrize(
    "mangle",
    [lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), lambda t: "x" + t, lambda t: t.replace(".", "", 1)],
)
def test_tampered_links_are_refused(mangle) -> None:  # type: ignore[no-untyped-def]
    token = sign_link("s3cret", "inc-1", "Priya", NOW, ttl_seconds=600)
    with pytest.raises(InvalidLink):
        verify_link("s3cret", mangle(token), NOW)


def test_another_secret_or_no_secret_is_refused() -> None:
    token = sign_link("s3cret", "inc-1", "Priya", NOW, ttl_seconds=600)
    with pytest.raises(InvalidLink):
        verify_link("other", token, NOW)
    with pytest.raises(InvalidLink, match="not configured"):
        verify_link("", token, NOW)
    with pytest.raises(ValueError):
        sign_link("", "inc-1", "Priya", NOW, ttl_seconds=600)
