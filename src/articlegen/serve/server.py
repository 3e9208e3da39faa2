"""The preview's HTTP side: serve the last good build from memory, push reloads and errors.

It knows nothing of articles. It is given a ``rebuild`` callable that returns a
``PreviewSite`` (generated files as bytes, static folders served as they are) or
raises ``ArticlegenError``. Live reload and the error overlay are a small
script this server adds to HTML responses; built files never contain it.
"""

from __future__ import annotations

import errno
import mimetypes
import os
import shutil
import socket
import sys
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

from ..core.errors import ArticlegenError
from ..core.layout import is_skipped
from ..core.model import PUBLISHED_HIDDEN
from .livereload import GENERATION_DIGITS, LIVE_PREFIX, Client, LiveSite, PreviewSite, generation

__all__ = [
    "PreviewHTTPServer",
    "PreviewSite",
    "event_query",
    "open_server",
    "request_key",
    "resolve_inside",
]

PORT_TRIES = 20
HIGHEST_PORT = 65535
KEEPALIVE_SECONDS = 15.0
_LIVE_SCRIPT = Path(__file__).parent / "livereload.js"
_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".woff2": "font/woff2",
    ".ico": "image/x-icon",
}


def request_key(target: str) -> str | None:
    """The output path a request asks for, or None if it tries to leave the site.

    ``..`` and ``.`` segments (also percent-encoded), empty segments (``//etc``),
    hidden names, backslashes and NUL bytes are refused rather than normalised.
    """
    if not target.startswith("/"):
        target = urlsplit(target).path  # absolute-form: "http://host/path"
    path = target.split("?", 1)[0].split("#", 1)[0]
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return None
    if not decoded.startswith("/") or "\\" in decoded or "\x00" in decoded:
        return None
    parts = decoded[1:].split("/")
    hidden = (part.startswith(".") and part not in PUBLISHED_HIDDEN for part in parts)
    if any(hidden) or "" in parts[:-1]:
        return None
    key = "/".join(parts)
    return key + "index.html" if key == "" or key.endswith("/") else key


def resolve_inside(root: Path, key: str) -> Path | None:
    """The file ``key`` names under ``root``, or None if it is missing, (via a link) outside,
    or a path the file system cannot even look up (a name past 255 bytes: ENAMETOOLONG)."""
    base = root.resolve()
    try:
        found = (base / key).resolve()
        inside = found.is_relative_to(base) and found.is_file()
    except (OSError, RuntimeError):
        return None
    return found if inside else None


def event_query(query: str) -> tuple[str, str, str] | str:
    """The page, generation and server instance an event stream asks about (as
    ``LiveSite.connect`` takes them), or what is wrong with ``query``."""
    try:
        fields = parse_qs(query, max_num_fields=3, errors="strict")
    except (ValueError, UnicodeDecodeError):
        return "expected at most the parameters page, since and server, in UTF-8"
    page, since, server = (fields.get(name, [""])[0] for name in ("page", "since", "server"))
    key = request_key(unquote(page or "/"))
    if key is None:
        return "'page' must be a path inside the site"
    if since and generation(since) is None:
        return f"'since' must be 1 to {GENERATION_DIGITS} ASCII digits"
    if len(server) > 64 or not server.isascii():
        return "'server' must be the id the page was served with"
    return key, since, server


def find(snapshot: PreviewSite, key: str) -> bytes | Path | None:
    """A generated file's bytes, a made or static file's path (never outside its folder),
    or None. A static file the build leaves out by name (an editor's ``#lock#`` or ``~x``
    backup, or one in such a folder) is not served either: it is not on the site, and
    nor is one under a folder of ``static/`` that is a symbolic link, as the static copy
    does not go into linked folders (another static folder's file there is served)."""
    if key in snapshot.pages:
        return snapshot.pages[key]
    if key in snapshot.files:
        return snapshot.files[key]
    if any(map(is_skipped, key.split("/"))):
        return None
    for folder in reversed(snapshot.static_dirs):
        if _in_linked_folder(folder, key):
            continue
        if (found := resolve_inside(folder, key)) is not None:
            return found
    return None


def _in_linked_folder(folder: Path, key: str) -> bool:
    """Whether a folder on the way from ``folder`` to the file ``key`` is a symbolic link
    (``static/pics -> images``): the preview served ``/pics/a.png``, a build publishes
    nothing there. A linked file is published, and served."""
    path = str(folder)
    for part in key.split("/")[:-1]:
        path = os.path.join(path, part)
        if os.path.islink(path):  # False where the system cannot look: then nothing is found
            return True
    return False


def content_type(key: str) -> str:
    """The ``Content-Type`` for an output path."""
    suffix = Path(key).suffix.lower()
    if suffix in _TYPES:
        return _TYPES[suffix]
    guessed, _ = mimetypes.guess_type(key)
    return guessed or "application/octet-stream"


class PreviewHTTPServer(ThreadingHTTPServer):
    """One thread per connection; event streams never keep the process from exiting."""

    daemon_threads = True
    request_queue_size = socket.SOMAXCONN
    """Connections the kernel holds until they are accepted. A page load opens dozens at
    once (and a test hundreds): with socketserver's default of 5, the 200th concurrent
    request waited 15 s for the kernel's retry."""
    live: LiveSite

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that goes away mid-response (a reload, a closed tab) is normal, not a
        traceback on the console; anything else is a bug, reported as socketserver does."""
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]

    @property
    def url(self) -> str:
        """The address to open in a browser."""
        host, port = self.server_address[:2]
        # server_bind stored getsockname(): a str host, never the bytes typeshed allows as input
        assert isinstance(host, str)
        if host in ("0.0.0.0", "::", ""):
            host = "localhost"
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"


def open_server(
    host: str,
    port: int,
    live: LiveSite,
    log: Callable[[str], object] = print,
    *,
    next_free: bool = True,
) -> PreviewHTTPServer:
    """Bind ``host:port``; if the port is taken, say so and take the next free one, unless
    not ``next_free``: a port the user asked for (``--port``) is the one their browser,
    curl or tunnel will use, and another server may answer there, so that is an error."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    tries = 1 if port == 0 or not next_free else min(PORT_TRIES, HIGHEST_PORT + 1 - port)
    for candidate in range(port, port + tries):
        server_class: type[PreviewHTTPServer] = type(
            "_Server", (PreviewHTTPServer,), {"address_family": family}
        )
        try:
            server = server_class((host, candidate), _Handler)
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise ArticlegenError(
                    f"cannot listen on {host}:{candidate}: {exc.strerror or exc}",
                    hint="check --host (e.g. 127.0.0.1)",
                ) from exc
            if not next_free:
                raise ArticlegenError(
                    f"port {port} is in use",
                    hint="choose another with --port, or stop what uses it",
                ) from None  # "Address already in use" says it again
            log(f"port {candidate} is in use; trying {candidate + 1}")
            continue
        server.live = live
        return server
    raise ArticlegenError(
        f"ports {port}–{port + tries - 1} are all in use", hint="pass another --port"
    )


class _Handler(BaseHTTPRequestHandler):
    server: PreviewHTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "articlegen-serve"
    _site: PreviewSite
    """The pages this request is answered from (``LiveSite.view``), however many rebuilds
    end meanwhile; ``_since``, their generation."""
    _since: int

    def do_GET(self) -> None:
        self._respond(body=True)

    def do_HEAD(self) -> None:
        self._respond(body=False)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the console is for build results and errors."""

    def _respond(self, body: bool) -> None:
        self._site, self._since = self.server.live.view()
        if self.path.startswith(LIVE_PREFIX):
            self._live(body)
            return
        key = request_key(self.path)
        if key is None:
            self._not_found("", body)
        elif (found := self._find(key)) is not None:
            try:
                self._send(HTTPStatus.OK, key, found, body)
            except FileNotFoundError:  # removed since the build, before anything was sent
                self._not_found(key, body)
        elif not key.endswith("index.html") and self._find(key + "/index.html") is not None:
            query = urlsplit(self.path).query
            self._redirect(quote("/" + key + "/") + (f"?{query}" if query else ""))
        else:
            self._not_found(key, body)

    def _find(self, key: str) -> bytes | Path | None:
        return find(self._site, key)

    def _send(
        self, status: HTTPStatus, key: str, found: bytes | Path, body: bool, page: str = ""
    ) -> None:
        """Send a file; HTML gets the live-reload script, listening for ``page`` (or ``key``).
        A file on disk is opened before anything is sent: one gone since the build (a static
        file just deleted, image copies that ``articlegen clean`` removed from the cache)
        raises ``FileNotFoundError`` while the request can still be answered otherwise."""
        kind = content_type(key)
        if isinstance(found, Path):
            with found.open("rb") as source:
                if not kind.startswith("text/html"):
                    self._headers(status, kind, os.fstat(source.fileno()).st_size)
                    if body:
                        shutil.copyfileobj(source, self.wfile)
                    return
                found = source.read()
        if kind.startswith("text/html"):
            missing = status == HTTPStatus.NOT_FOUND
            found = self.server.live.decorate(found, page or key, self._since, missing=missing)
        self._headers(status, kind, len(found))
        if body:
            self.wfile.write(found)

    def _headers(self, status: HTTPStatus, kind: str, size: int) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(size))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()

    def _not_found(self, key: str, body: bool) -> None:
        """The site's 404 page; it reloads by itself once ``key`` exists."""
        page = self._find("404.html")
        if page is None:
            page = b"<!DOCTYPE html><title>Not found</title><h1>Not found</h1>\n"
        self._send(HTTPStatus.NOT_FOUND, "404.html", page, body, page=key or "404.html")

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _live(self, body: bool) -> None:
        parts = urlsplit(self.path)
        name = parts.path[len(LIVE_PREFIX) :]
        if name == "livereload.js":
            self._send(HTTPStatus.OK, name, _LIVE_SCRIPT.read_bytes(), body)
        elif name == "events":
            self._events(parts.query, body)
        else:
            self._not_found(name, body)

    def _events(self, query: str, body: bool) -> None:
        """A Server-Sent Events stream: reload, failed, clear and css messages for one page.
        Parameters the preview's script never sends are refused with 400, not guessed at."""
        asked = event_query(query)
        if isinstance(asked, str):
            self.send_error(HTTPStatus.BAD_REQUEST, asked)
            return
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        if not body:
            return
        client = self.server.live.connect(*asked)
        try:
            self._stream(client)
        except OSError:
            pass  # the browser went away
        finally:
            self.server.live.disconnect(client)

    def _stream(self, client: Client) -> None:
        self.wfile.write(b"retry: 1000\n\n")
        self.wfile.flush()
        while (message := client.next(KEEPALIVE_SECONDS)) is not None:
            self.wfile.write(message.encode("utf-8"))
            self.wfile.flush()
