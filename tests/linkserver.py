"""A local web server that answers as the web's servers do, for the link checker's tests:
never the internet.

Each path is one behaviour (``ROUTES``); the server logs every request (method, path,
User-Agent) and counts the requests in flight at once, so tests can see what was asked,
how politely, and how many at a time.
"""

from __future__ import annotations

import email.utils
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable, Container, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

SLOW_SECONDS = 1.5
"""How long ``/slow`` takes: well past the timeouts the tests set."""
HOLD_SECONDS = 0.15
"""How long ``/hold/…`` takes, so that requests overlap and the limits show."""
MEET_SECONDS = 10.0
"""The longest ``/hold/…`` waits for another server to be asked (``State.waits_for``):
longer than the timeouts of the tests that use it, so that a client asking one server only
after the other times out."""


@dataclass
class Request:
    method: str
    path: str
    user_agent: str


@dataclass
class State:
    """What the server saw; shared by its handler threads."""

    requests: list[Request] = field(default_factory=list)
    in_flight: int = 0
    most_in_flight: int = 0
    answered: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    asked_once: threading.Event = field(default_factory=threading.Event)
    """Set at the first request."""
    let_go: threading.Event = field(default_factory=threading.Event)
    """Set: ``/busy-then-held`` answers the retry it holds."""
    waits_for: State | None = None
    """Another server's: ``/hold/…`` answers only once that server has been asked too, so
    that a client asking both at once is answered, and one asking them one after the other
    is not (whatever the machine's load: no time is measured)."""

    def asked(self, method: str | None = None) -> list[str]:
        """The paths asked for, in order (only those asked with ``method``, if given)."""
        with self.lock:
            return [r.path for r in self.requests if method is None or r.method == method]


class LinkServer:
    """The running server: its address, and what it saw."""

    def __init__(self, server: ThreadingHTTPServer, state: State) -> None:
        self.server, self.state = server, state
        self.port = server.server_address[1]

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"


def _answer(status: int, headers: dict[str, str] | None = None) -> Callable[[Handler], None]:
    def answer(handler: Handler) -> None:
        handler.send_response(status)
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return answer


def _head_refused(status: int) -> Callable[[Handler], None]:
    """``HEAD`` answered by ``status``; ``GET`` by 200, as servers that refuse HEAD do."""

    def answer(handler: Handler) -> None:
        _answer(status if handler.command == "HEAD" else 200)(handler)

    return answer


def _flaky(handler: Handler) -> None:
    """503 for the first two requests, then 200: a server coming back."""
    with handler.state.lock:
        count = handler.state.answered.get(handler.path, 0)
    _answer(503 if count < 2 else 200)(handler)


def _busy_until(seconds: float) -> Callable[[Handler], None]:
    """429 with ``Retry-After`` as an HTTP date ``seconds`` from now (whole seconds, as the
    format has them)."""

    def answer(handler: Handler) -> None:
        when = email.utils.formatdate(time.time() + seconds, usegmt=True)
        _answer(429, {"Retry-After": when})(handler)

    return answer


def _slow(handler: Handler) -> None:
    time.sleep(SLOW_SECONDS)
    _answer(200)(handler)


def _busy_then_held(handler: Handler) -> None:
    """503 at first, then no answer until the test lets it go (``State.let_go``, at most
    ``MEET_SECONDS``): a client's retry, which comes a pause after its first answers, is
    under way for as long as the test needs, however loaded the machine."""
    with handler.state.lock:
        count = handler.state.answered.get(handler.path, 0)
    if count:
        handler.state.let_go.wait(MEET_SECONDS)
    _answer(200 if count else 503)(handler)


def _reset(handler: Handler) -> None:
    """Close the connection with a TCP reset (linger 0) instead of an answer."""
    handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    handler.connection.close()
    handler.close_connection = True


ROUTES: dict[str, Callable[[Handler], None]] = {
    "/ok": _answer(200),
    "/moved": _answer(301, {"Location": "/ok"}),
    "/moved-308": _answer(308, {"Location": "/ok"}),
    "/moved-then-temporary": _answer(301, {"Location": "/temporary"}),
    "/temporary": _answer(302, {"Location": "/ok"}),
    "/moved-to-gone": _answer(301, {"Location": "/gone"}),
    "/missing": _answer(404),
    "/gone": _answer(410),
    "/busy": _answer(429),
    "/busy-for-a-second": _answer(429, {"Retry-After": "1"}),
    "/busy-for-an-hour": _answer(429, {"Retry-After": "3600"}),
    "/busy-until-soon": _busy_until(2),
    "/busy-until-the-past": _busy_until(-60),
    "/broken": _answer(500),
    "/flaky": _flaky,
    "/forbidden": _answer(403),
    "/loop": _answer(302, {"Location": "/loop"}),
    "/slow": _slow,
    "/busy-then-held": _busy_then_held,
    "/reset": _reset,
    "/no-head-405": _head_refused(405),
    "/no-head-403": _head_refused(403),
    "/no-head-501": _head_refused(501),
    "/no-head-404": _head_refused(404),
}
"""Path → how it is answered; ``/hold/<anything>`` answers 200 after ``HOLD_SECONDS`` (once
the server ``State.waits_for`` names was asked, if one is named)."""


class Handler(BaseHTTPRequestHandler):
    state: State
    protocol_version = "HTTP/1.1"

    def do_HEAD(self) -> None:
        self._serve()

    def do_GET(self) -> None:
        self._serve()

    def _serve(self) -> None:
        state = self.state
        with state.lock:
            state.requests.append(Request(self.command, self.path, self.headers["User-Agent"]))
            state.in_flight += 1
            state.most_in_flight = max(state.most_in_flight, state.in_flight)
        state.asked_once.set()
        held = self.path.startswith("/hold/")
        try:
            if held:
                if state.waits_for is not None:
                    state.waits_for.asked_once.wait(MEET_SECONDS)
                time.sleep(HOLD_SECONDS)
            else:
                ROUTES.get(self.path, _answer(404))(self)
        finally:
            with state.lock:
                state.in_flight -= 1
                state.answered[self.path] = state.answered.get(self.path, 0) + 1
        if held:  # answered once no longer counted: the client may ask again at once, and
            _answer(200)(self)  # its next request must not meet this one still counted

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests read ``State`` instead."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: object, client_address: object) -> None:
        """Quiet about a client that hung up (a check stopped by Ctrl-C, a timeout)."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def running_server(state: State | None = None) -> Iterator[LinkServer]:
    """A server on 127.0.0.1 at a free port, in threads, for the ``with`` block; servers
    given one ``state`` count their requests together."""
    state = state or State()
    handler = type("BoundHandler", (Handler,), {"state": state})
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield LinkServer(server, state)
    finally:
        server.shutdown()
        server.server_close()


def fail_dns(monkeypatch: pytest.MonkeyPatch, names: dict[str, int]) -> None:
    """Make looking up each host of ``names`` fail with its ``getaddrinfo`` error code
    (``socket.EAI_NONAME``: no such name), as a resolver would, without asking one."""

    def failed(name: str) -> str:
        raise socket.gaierror(names[name], f"lookup of {name} failed")

    _look_up(monkeypatch, names, failed)


def name_the_servers(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """Make each of ``names`` look up as 127.0.0.1, the servers' address: a link to such a
    name is one to a site on the web, where one to 127.0.0.1 is to the writer's own
    computer, which the build warns of (and ``--strict`` stops at)."""
    _look_up(monkeypatch, names, lambda name: "127.0.0.1")


def _look_up(
    monkeypatch: pytest.MonkeyPatch, names: Container[str], instead: Callable[[str], str]
) -> None:
    """``getaddrinfo`` of each host of ``names`` made that of ``instead(host)``."""
    real = socket.getaddrinfo

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        name = host.decode() if isinstance(host, bytes) else host
        if isinstance(name, str) and name in names:
            host = instead(name)
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
