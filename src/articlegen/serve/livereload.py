"""What the preview serves and whom it tells: the last good build, its errors, open pages.

``LiveSite`` holds the current ``PreviewSite``, rebuilds on request, works out
which pages changed (by comparing bytes) and tells only the browsers showing
those pages to reload. A failed rebuild keeps the last good pages and shows
the console's error lines in an overlay until a rebuild succeeds.

The pages open in a browser are rendered first and served at once (``publish_early``),
while the rest of the site (the listings, the See Also index, the feeds) is still being
rendered: after a title edit, the open pages showing it reload before the rebuild ends.
The build can still fail after that (a template only the index uses, a static file
colliding with a page); then those pages go back to the last good build's, and reload
again, with the errors.
"""

from __future__ import annotations

import html
import json
import queue
import re
import secrets
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..core.console import counted
from ..core.errors import ArticlegenError, report_lines
from ..core.model import RenderedPage

LIVE_PREFIX = "/__articlegen/"
"""URL prefix of the preview's own endpoints; slugs cannot start with ``_``."""

_BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)
_OVERLAY_STYLE = (
    "#articlegen-error{position:fixed;left:0;right:0;bottom:0;z-index:2147483647;"
    "max-height:60vh;overflow:auto;margin:0;padding:1rem 1.25rem;background:#1f1f1f;"
    "color:#f5f5f5;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace;"
    "border-top:4px solid #e5484d;box-shadow:0 -4px 24px rgba(0,0,0,.35)}"
    "#articlegen-error[hidden]{display:none}"
    "#articlegen-error pre,#articlegen-error strong{color:inherit;background:none;"
    "border:0;border-radius:0;padding:0;box-shadow:none;text-shadow:none}"
    "#articlegen-error pre{white-space:pre-wrap;margin:.5rem 0 0;font:inherit;overflow:visible}"
)
"""The overlay's look, whatever the site's stylesheet says: its own colours on its text and
no background from a theme's ``pre`` rule (the built-in theme's light surface made the
near-white text unreadable in the light scheme)."""


@dataclass(frozen=True, slots=True)
class PreviewSite:
    """One successful build, as the preview serves it."""

    pages: Mapping[str, bytes] = field(default_factory=dict)
    """Output path (``a/index.html``) → the generated file's bytes."""
    static_dirs: tuple[Path, ...] = ()
    """Folders served as they are; a later folder's file wins over an earlier one's."""
    files: Mapping[str, Path] = field(default_factory=dict)
    """Output path → a file the build made outside the site (an image's responsive copy in
    the build cache); one at an original's address wins over the static file."""
    summary: str = ""
    """One line for the console (``12 articles, 40 pages``)."""
    warnings: tuple[str, ...] = ()
    """Warning lines for the console."""


GENERATION_DIGITS = 18
"""The most digits ``data-since`` may have: a preview would need more rebuilds than
seconds since the Big Bang to reach 19."""


def generation(text: str) -> int | None:
    """The build generation a page says it was served at (``data-since``), or None unless
    ``text`` is 1 to ``GENERATION_DIGITS`` ASCII digits: ``str.isdigit`` alone also takes
    "²", which ``int`` refuses, and "٣", which it reads."""
    if 0 < len(text) <= GENERATION_DIGITS and text.isascii() and text.isdigit():
        return int(text)
    return None


def stamped(line: str) -> str:
    """A status line with the time in front, for a console left open all day."""
    return f"{time.strftime('%H:%M:%S')} {line}"


def changed_keys(old: Mapping[str, bytes], new: Mapping[str, bytes]) -> frozenset[str]:
    """Output paths added, removed or with different bytes between two builds."""
    return frozenset(key for key in old.keys() | new.keys() if old.get(key) != new.get(key))


def inject(page: bytes, snippet: bytes) -> bytes:
    """``snippet`` inserted before the last ``</body>`` (appended if there is none)."""
    ends = list(_BODY_END.finditer(page))
    if not ends:
        return page + snippet
    at = ends[-1].start()
    return page[:at] + snippet + page[at:]


def overlay_html(lines: Iterable[str], *, missing: bool = False) -> str:
    """The error overlay: hidden when there is no error, so the script only toggles it.
    ``missing``: it tops the not-found page, which is no last good version of anything (the
    first build of a preview may have failed, or the page is new in the broken build)."""
    lines = list(lines)
    hidden = "" if lines else " hidden"
    lead = (
        "The last build failed, so this page is not built yet. Fix the file and save; "
        "the page loads by itself once the site builds."
        if missing
        else "The last build failed: this is the last good version of the page. "
        "Fix the file and save; this message goes away by itself."
    )
    return (
        f"<style>{_OVERLAY_STYLE}</style>"
        f'<div id="articlegen-error" role="alert"{hidden}>'
        f"<strong>{lead}</strong>"
        f"<pre>{html.escape(chr(10).join(lines))}</pre></div>"
    )


class Client:
    """One open page listening for events, with its own queue of messages."""

    def __init__(self, page: str) -> None:
        self.page = page
        self._messages: queue.Queue[str | None] = queue.Queue()

    def send(self, event: str, data: object = None) -> None:
        """Queue one Server-Sent Event."""
        self._messages.put(f"event: {event}\ndata: {json.dumps(data)}\n\n")

    def close(self) -> None:
        """End the stream."""
        self._messages.put(None)

    def next(self, timeout: float) -> str | None:
        """The next message; a keep-alive comment after ``timeout``; None when closed."""
        try:
            return self._messages.get(timeout=timeout)
        except queue.Empty:
            return ": keep-alive\n\n"


class LiveSite:
    """The preview's state, shared by the HTTP threads and the rebuild thread."""

    def __init__(
        self, rebuild: Callable[[], PreviewSite], log: Callable[[str], None] = print
    ) -> None:
        self._rebuild = rebuild
        self._log = log
        self._lock = threading.Lock()
        self._snapshot = PreviewSite()
        self._errors: tuple[str, ...] = ()
        self._generation = 0
        self._changed_at: dict[str, int] = {}
        self._clients: set[Client] = set()
        self._good: PreviewSite | None = None
        """The last good build while pages of the running one are served early."""
        self._early: frozenset[str] = frozenset()
        """The pages the running build served early."""
        self.instance = secrets.token_hex(6)
        """Changes when the server restarts, so open pages know to reload."""
        self.rebuilds = 0
        """Successful or not, how many rebuilds ran."""

    @property
    def errors(self) -> tuple[str, ...]:
        """The error lines of the last build, empty when it succeeded."""
        return self._errors

    def refresh(self) -> bool:
        """Rebuild; publish what changed, or keep the last good pages and show why not."""
        started = time.perf_counter()
        self.rebuilds += 1
        try:
            snapshot = self._rebuild()
        except ArticlegenError as error:
            self._fail(report_lines(error))
            return False
        except Exception as exc:  # a bug must not take down a server left running all day
            self._log(traceback.format_exc().rstrip())
            self._fail([f"error: internal error while building: {type(exc).__name__}: {exc}"])
            return False
        with self._lock:
            changed = changed_keys(self._snapshot.pages, snapshot.pages)
            self._snapshot = snapshot
            self._generation += 1
            self._changed_at.update(dict.fromkeys(changed, self._generation))
            recovered, self._errors = bool(self._errors), ()
            clients = list(self._clients)
            early, self._good, self._early = self._early, None, frozenset()
        for client in clients:
            if client.page in changed:
                client.send("reload")
            elif recovered:
                client.send("clear")
        for line in snapshot.warnings:
            self._log(line)
        seconds = time.perf_counter() - started
        changes = f"{counted(len(changed | early), 'file')} changed"
        self._log(stamped(f"built {snapshot.summary} in {seconds:.2f} s; {changes}"))
        return True

    def open_pages(self) -> frozenset[str]:
        """The pages browsers show now (their event streams' pages)."""
        with self._lock:
            return frozenset(client.page for client in self._clients)

    def publish_early(self, pages: Iterable[RenderedPage]) -> None:
        """Serve these pages of the running build now, and reload the browsers showing any
        that changed; the rest of the site stays the last build's until the build ends
        (``refresh``), or these go back to it if the build fails. The build has found no
        error in the sources to get this far, so the last one's errors are cleared."""
        with self._lock:
            served = self._snapshot.pages
            early = {p.out_path: p.data for p in pages if p.data is not None}
            changed = frozenset(key for key, data in early.items() if served.get(key) != data)
            if not changed:
                return
            self._good = self._good or self._snapshot
            self._early |= changed
            self._snapshot = replace(self._snapshot, pages={**served, **early})
            self._generation += 1
            self._changed_at.update(dict.fromkeys(changed, self._generation))
            recovered, self._errors = bool(self._errors), ()
            clients = list(self._clients)
        for client in clients:
            if client.page in changed:
                client.send("reload")
            elif recovered:
                client.send("clear")

    def static_changed(self, keys: Iterable[str]) -> None:
        """Static files changed: swap stylesheets in place, reload for anything else."""
        keys = sorted(keys)
        with self._lock:
            clients = list(self._clients)
        only_css = bool(keys) and all(key.endswith(".css") for key in keys)
        for client in clients:
            client.send("css", keys) if only_css else client.send("reload")
        self._log(stamped(f"static files changed: {', '.join(keys)}"))

    def view(self) -> tuple[PreviewSite, int]:
        """The pages served now and the generation they are of, read together: a request
        finds its page in the one and gives ``decorate`` the other."""
        with self._lock:
            return self._snapshot, self._generation

    def decorate(self, page: bytes, key: str, since: int, *, missing: bool = False) -> bytes:
        """An HTML response with the live-reload script and the error overlay added
        (``missing``: the not-found page, see ``overlay_html``). ``since``: the generation
        ``page`` was found in (``view``), not the one at this moment: a page of one build
        stamped with the next one's, as a rebuild ended between the two, made its browser
        connect as up to date, and it was never told to reload."""
        with self._lock:
            errors = self._errors
        script = (
            f'<script src="{LIVE_PREFIX}livereload.js" data-page="/{html.escape(key)}" '
            f'data-since="{since}" data-server="{self.instance}"></script>'
        )
        overlay = overlay_html(errors, missing=missing)
        return inject(page, (overlay + script).encode("utf-8"))

    def connect(self, page: str, since: str, instance: str) -> Client:
        """A new listener; told at once if its page is already stale (or says nothing usable
        of when it was served) or the build is broken."""
        client = Client(page)
        served = generation(since)
        with self._lock:
            stale = (
                instance != self.instance
                or served is None
                or self._changed_at.get(page, 0) > served
            )
            errors = self._errors
            self._clients.add(client)
        if stale:
            client.send("reload")
        elif errors:
            client.send("failed", list(errors))
        return client

    def disconnect(self, client: Client) -> None:
        """Forget a listener whose browser went away."""
        with self._lock:
            self._clients.discard(client)

    def close(self) -> None:
        """End every event stream (on shutdown)."""
        with self._lock:
            clients, self._clients = list(self._clients), set()
        for client in clients:
            client.close()

    def _fail(self, lines: list[str]) -> None:
        """Show the errors; pages of this build served early go back to the last good ones
        (their browsers reload, and are told the errors as they reconnect)."""
        with self._lock:
            self._errors = tuple(lines)
            undone = self._early
            if self._good is not None:
                self._snapshot, self._good, self._early = self._good, None, frozenset()
                self._generation += 1
                self._changed_at.update(dict.fromkeys(undone, self._generation))
            clients = list(self._clients)
            built = bool(self._snapshot.pages)
        self._log(
            stamped(
                "build failed; the last good pages are still served"
                if built
                else "build failed; nothing to serve until the site builds"
            )
        )
        for line in lines:
            self._log(line)
        for client in clients:
            if client.page in undone:
                client.send("reload")
            else:
                client.send("failed", lines)
