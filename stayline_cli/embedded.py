"""A `stayline serve` child process on loopback, for `stayline demo` and `bench/e2e.py`.

The child's stdout carries the console notifier's page lines (``[page page -> Dana Reyes via voice] ...``);
they are parsed as they arrive and handed to a callback. Its stderr (the JSON logs) goes to a file, whose
tail is shown if the service fails to start.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

CLI_ENTRY = "from stayline_cli.main import cli; cli(prog_name='stayline')"
_PAGE_LINE = re.compile(r"^\[page (?P<kind>\S+) -> (?P<responder>.+?) via (?P<channel>\S+)\] (?P<text>.*)$")
_INCIDENT_CODE = re.compile(r"incident #(?P<code>\d+)")


def stayline_command(*args: str) -> list[str]:
    """``stayline ARGS`` run by this interpreter, whether or not the console script is on PATH."""
    return [sys.executable, "-c", CLI_ENTRY, *args]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def log_tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


@dataclass(frozen=True)
class PageLine:
    """One page the console notifier printed; ``at`` is ``time.monotonic()`` when it was read."""

    at: float
    kind: str
    responder: str
    channel: str
    text: str

    @property
    def code(self) -> str | None:
        match = _INCIDENT_CODE.search(self.text)
        return match["code"] if match else None


def parse_page_line(line: str, at: float) -> PageLine | None:
    match = _PAGE_LINE.match(line.strip())
    if match is None:
        return None
    return PageLine(at, match["kind"], match["responder"], match["channel"], match["text"])


class ServiceProcess:
    """``stayline serve --port PORT`` with ``env``; use as a context manager (stops on exit)."""

    def __init__(
        self,
        env: Mapping[str, str],
        port: int,
        log_path: Path,
        on_page: Callable[[PageLine], None] | None = None,
    ) -> None:
        self.env, self.port, self.log_path = dict(env), port, log_path
        self.on_page = on_page
        self._pages: list[PageLine] = []
        self._lock = threading.Lock()
        self._process: subprocess.Popen[str] | None = None
        self._log: IO[bytes] | None = None
        self._reader: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def pid(self) -> int:
        """The serving process's id (bench/scale.py reads its CPU time)."""
        assert self._process is not None, "not started"
        return self._process.pid

    @property
    def pages(self) -> list[PageLine]:
        with self._lock:
            return list(self._pages)

    def start(self) -> ServiceProcess:
        self._log = self.log_path.open("ab")
        self._process = subprocess.Popen(
            stayline_command("serve", "--host", "127.0.0.1", "--port", str(self.port)),
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
            bufsize=1,
        )
        self._reader = threading.Thread(target=self._read_stdout, name="service-stdout", daemon=True)
        self._reader.start()
        return self

    def _read_stdout(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        for line in self._process.stdout:
            page = parse_page_line(line, time.monotonic())
            if page is None:
                continue
            with self._lock:
                self._pages.append(page)
            if self.on_page is not None:
                self.on_page(page)

    def wait_ready(self, timeout: float) -> None:
        """Until ``/healthz`` answers; RuntimeError (with the log's tail) if the process dies or stalls."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process is None or self._process.poll() is not None:
                raise RuntimeError(f"stayline serve exited early:\n{log_tail(self.log_path)}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=1) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        raise RuntimeError(f"stayline serve not ready after {timeout:.0f} s:\n{log_tail(self.log_path)}")

    def stop(self, timeout: float = 15.0) -> int | None:
        """SIGTERM (uvicorn shuts down gracefully), SIGKILL if that takes too long; the exit code."""
        code: int | None = None
        if self._process is not None:
            self._process.terminate()
            try:
                code = self._process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self._process.kill()
                code = self._process.wait(timeout=5)
        if self._reader is not None:
            self._reader.join(timeout=5)
        if self._log is not None:
            self._log.close()
        return code

    def kill(self) -> None:
        """SIGKILL, as a crash would end it (the chaos harness): no graceful shutdown."""
        if self._process is not None:
            self._process.kill()
            self._process.wait(timeout=10)
        self.stop()

    def __enter__(self) -> ServiceProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class ApiError(RuntimeError):
    pass


class ApiClient:
    """A small JSON client on the standard library (the service's own dependencies carry no HTTP client)."""

    def __init__(self, base_url: str, api_key: str, timeout: float = 30.0) -> None:
        self.base_url, self.api_key, self.timeout = base_url.rstrip("/"), api_key, timeout

    def get(self, path: str) -> Any:
        return self._request("GET", path, None)

    def post(self, path: str, body: Mapping[str, object]) -> Any:
        return self._request("POST", path, json.dumps(body).encode())

    def _request(self, method: str, path: str, data: bytes | None) -> Any:
        headers = {"Authorization": f"Bearer {self.api_key}", "Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(self.base_url + path, data, headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            detail = error.read().decode(errors="replace")[:500]
            raise ApiError(f"{method} {path} -> {error.code}: {detail}") from None
