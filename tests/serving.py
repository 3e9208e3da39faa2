"""Helpers for tests of ``articlegen serve``: raw HTTP requests, event streams, waiting."""

from __future__ import annotations

import http.client
import json
import queue
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser

TIMEOUT = 30.0
"""Generous: a shared, loaded CI machine can take seconds per rebuild; passing tests never wait it out."""


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    def html(self) -> HTMLParser:
        return HTMLParser(self.body.decode("utf-8"))


def fetch(base_url: str, path: str, method: str = "GET") -> Response:
    """One request with ``path`` sent exactly as given (no client-side normalisation)."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=TIMEOUT)
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        return Response(response.status, dict(response.getheaders()), response.read())
    finally:
        connection.close()


def serve_and_stop(
    command: list[str], path: str = "/", stop: int = signal.SIGINT, **popen: object
) -> tuple[int, str, str]:
    """Run an ``articlegen serve`` ``command`` until it says it is serving, fetch ``path`` from
    it (it must answer 200), stop it with Ctrl-C as a user does (or the signal ``stop``):
    (exit code, stdout, stderr)."""
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen
    )
    try:
        lines: list[str] = []
        while not any(line.startswith("serving ") for line in lines):
            line = process.stdout.readline()
            assert line, "".join(lines) + process.stderr.read()
            lines.append(line)
        url = lines[-1].split()[1]
        assert fetch(url, path).status == 200
        process.send_signal(stop)
        out, err = process.communicate(timeout=TIMEOUT)
    finally:
        process.kill()
    return process.returncode, "".join(lines) + out, err


def wait_until(condition: Callable[[], object], timeout: float = TIMEOUT) -> object:
    """Poll until ``condition()`` is truthy; fail the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {condition}")
        time.sleep(0.02)


class EventStream:
    """Listens to the preview's Server-Sent Events as the page ``page`` would."""

    def __init__(self, base_url: str, response: Response) -> None:
        script = response.html().css_first("script[data-page]")
        assert script is not None, "no live-reload script in the page"
        attributes = script.attributes
        query = urlencode({k: attributes[f"data-{k}"] for k in ("page", "since", "server")})
        parts = urlsplit(base_url)
        self._connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=TIMEOUT)
        self._connection.request("GET", f"/__articlegen/events?{query}")
        self._response = self._connection.getresponse()
        assert self._response.status == 200
        self.events: queue.Queue[tuple[str, object]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        event = None
        try:
            for raw in self._response:
                line = raw.decode("utf-8").rstrip("\n")
                if line.startswith("event: "):
                    event = line.removeprefix("event: ")
                elif line.startswith("data: ") and event:
                    self.events.put((event, json.loads(line.removeprefix("data: "))))
                    event = None
        except (OSError, ValueError):
            pass

    def next(self, timeout: float = TIMEOUT) -> tuple[str, object]:
        """The next event; fails the test if none comes in time."""
        try:
            return self.events.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no event within {timeout} s") from None

    def wait_for(self, *names: str, timeout: float = TIMEOUT) -> object:
        """Data of the next event called one of ``names`` (others are skipped)."""
        deadline = time.monotonic() + timeout
        while True:
            event, data = self.next(max(0.01, deadline - time.monotonic()))
            if event in names:
                return data

    def quiet_for(self, seconds: float) -> list[tuple[str, object]]:
        """Every event received within ``seconds``."""
        received = []
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                received.append(self.events.get(timeout=left))
            except queue.Empty:
                break
        return received

    def close(self) -> None:
        self._connection.close()
