"""Log hygiene: the severity stays in ``level``, passwords in URLs are masked, Twilio's client is quiet,
and `serve` links to the port it listens on. All URLs and secrets here are invented."""

from __future__ import annotations

import io
import json
import logging
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from click.testing import CliRunner

from config.logs import JsonFormatter, configure_logging, redact_url
from config.settings import Settings, get_settings

PASSWORD = "s3cret-Pw"


def formatted(message: str, *args: object, exc: bool = False, **extra: Any) -> dict[str, Any]:
    record = logging.getLogger("stayline.test").makeRecord(
        "stayline.test",
        logging.INFO,
        __file__,
        1,
        message,
        args,
        sys.exc_info() if exc else None,
        extra=extra,
    )
    return json.loads(JsonFormatter().format(record))  # type: ignore[no-any-return]


def test_the_risk_level_never_hides_the_log_severity() -> None:
    line = formatted("message scanned", level="high", logger="mine", message_id="m-1")

    assert line["level"] == "INFO" and line["risk_level"] == "high"
    assert line["logger"] == "stayline.test" and line["extra_logger"] == "mine"
    assert line["message_id"] == "m-1"


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            f"postgresql://stayline:{PASSWORD}@db.invalid:5432/stayline",
            "postgresql://stayline:***@db.invalid:5432/stayline",
        ),
        (f"redis://:{PASSWORD}@cache.invalid:6379/0", "redis://:***@cache.invalid:6379/0"),
        ("sqlite:///stayline.db", "sqlite:///stayline.db"),
        ("postgresql://stayline@db.invalid/stayline", "postgresql://stayline@db.invalid/stayline"),
    ],
)
def test_a_password_in_a_url_is_masked(url: str, shown: str) -> None:
    assert redact_url(url) == shown
    line = formatted("connecting to %s", url, target=url)
    assert PASSWORD not in json.dumps(line)
    assert line["msg"] == f"connecting to {shown}" and line["target"] == shown


def test_a_password_in_an_exception_is_masked() -> None:
    try:
        raise ConnectionError(f"cannot reach postgresql://stayline:{PASSWORD}@db.invalid/stayline")
    except ConnectionError:
        line = formatted("database unreachable", exc=True)
    assert PASSWORD not in line["exc"] and "stayline:***@db.invalid" in line["exc"]


@pytest.fixture
def restored_logging() -> Iterator[None]:
    root, twilio = logging.getLogger(), logging.getLogger("twilio.http_client")
    saved = (root.handlers[:], root.level, twilio.level)
    yield
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])
    twilio.setLevel(saved[2])


def test_the_twilio_client_logs_only_warnings_by_default(
    restored_logging: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    configure_logging("INFO")
    twilio = logging.getLogger("twilio.http_client")

    twilio.info("-- BEGIN Twilio API Request --")  # what the client writes for every page
    twilio.warning("retrying")
    logging.getLogger("stayline.test").info("page sent")

    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [(line["logger"], line["msg"]) for line in lines] == [
        ("twilio.http_client", "retrying"),
        ("stayline.test", "page sent"),
    ]
    configure_logging("DEBUG")
    assert twilio.isEnabledFor(logging.INFO), "asked for DEBUG, an operator gets the client's lines too"


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """`stayline serve` up to the point it would listen: the runtime it built, nothing started."""
    import uvicorn

    import api.logs
    import stayline_cli.service_commands
    from workers import canary, runtime, sweeper

    built: list[Any] = []

    def prepare(self: runtime.Runtime) -> runtime.Runtime:
        built.append(self)
        return self

    monkeypatch.setattr(runtime.Runtime, "prepare", prepare)
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)
    monkeypatch.setattr(sweeper.Sweeper, "start", lambda self: None)
    monkeypatch.setattr(canary.Watchdog, "start", lambda self: None)
    monkeypatch.setattr(api.logs, "configure_logging", lambda level: None)
    monkeypatch.setattr(stayline_cli.service_commands, "refuse_bad_configuration", lambda: None)
    for name in ("STAYLINE_PUBLIC_URL", "STAYLINE_BROKER_URL", "STAYLINE_CONFIG_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("STAYLINE_DATABASE_URL", f"postgresql://stayline:{PASSWORD}@db.invalid/stayline")
    get_settings.cache_clear()
    yield built
    get_settings.cache_clear()


def supervisor_link(built: list[Any]) -> str:
    (runtime,) = built
    return str(runtime.policy.link_for(None, None, datetime(2026, 11, 27, 3, tzinfo=UTC)))


def test_serve_masks_the_database_password_and_links_to_its_own_port(served: list[Any]) -> None:
    from stayline_cli.main import cli

    result = CliRunner().invoke(cli, ["serve", "--port", "8123"])

    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output and "stayline:***@db.invalid" in result.output
    assert supervisor_link(served) == "http://127.0.0.1:8123/supervisor"


def test_serve_links_to_the_public_url_when_one_is_configured(
    served: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from stayline_cli.main import cli

    monkeypatch.setenv("STAYLINE_PUBLIC_URL", "https://stayline.example.org")
    get_settings.cache_clear()

    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--port", "8123"])

    assert result.exit_code == 0, result.output
    assert supervisor_link(served) == "https://stayline.example.org/supervisor"


def test_a_wildcard_bind_address_is_linked_on_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STAYLINE_PUBLIC_URL", raising=False)
    assert Settings().serving_on("0.0.0.0", 9000).public_url == "http://127.0.0.1:9000"
    assert Settings().serving_on("::1", 9000).public_url == "http://[::1]:9000"
    assert Settings(public_url="https://x.example.org").serving_on("0.0.0.0", 9000).public_url == (
        "https://x.example.org"
    )
