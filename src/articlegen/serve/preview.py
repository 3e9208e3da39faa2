"""``articlegen serve``: build into memory, serve it, watch the sources, rebuild on change.

This is where the three rooms meet: ``build`` makes pages, ``watch`` says
when sources changed, ``server`` serves the pages and tells open browsers.
Nothing is written to the site's output folder. One build cache lives in memory
for the whole session, so a save re-renders only the pages it changes.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path

from ..build import build_site
from ..content.config import load_config
from ..content.publication import utc_clock
from ..core.console import counted
from ..core.errors import warning_lines
from ..core.layout import CACHE_DIR, CONFIG_FILE, STATIC_DIR, THEME_STATIC
from ..core.model import BuildOptions, BuildResult, FirstPages
from ..incremental.cache import BuildCache
from ..incremental.movedaway import moved_since
from ..output.destination import destination
from .livereload import LiveSite, PreviewSite, stamped
from .server import open_server
from .watch import QUIET_SECONDS, Change, ChangeKind, SiteWatcher

ALARM_SLACK_SECONDS = 0.05
"""How long after an article's publication or expiry moment the preview rebuilds: the
build's own clock must have passed the moment, or it makes the same site again."""
ALARM_LONGEST_SECONDS = 60.0
"""The longest the alarm waits before it looks at the clock again: a timer counts time the
machine is awake, so a laptop asleep over the moment would rebuild that much late."""
CLOCK = Change(ChangeKind.CLOCK, "")
"""The change the alarm hands over."""

DEFAULT_PORT = 8000
"""The port without ``--port``; when it is taken the preview moves to the next free one."""
SWITCH_SECONDS = 0.001
"""How long the thread holding the interpreter runs before handing it to another that waits,
while ``articlegen serve`` runs (Python's default: 0.005 s). A rebuild goes on rendering
the rest of the site after the open pages are served (``LiveSite.publish_early``), and the
requests that reload them wait for their turn at every step of their handling; at 1 ms they
are served about 15 ms sooner on a 1,000-article site (``bench/serve.py``). A thread that
waits for nothing never asks for a turn, so a build alone runs as fast as before."""


class Preview:
    """A running preview of one site: ``start()``, then ``serve_forever()`` or ``stop()``.
    ``next_free``: whether a ``port`` taken moves to the next free one (``open_server``)."""

    def __init__(
        self,
        root: Path,
        *,
        host: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        next_free: bool = True,
        drafts: bool = True,
        future: bool = True,
        log: Callable[[str], None] = print,
        quiet: float = QUIET_SECONDS,
    ) -> None:
        self.root = root.absolute()
        self._log = log
        if not (self.root / CONFIG_FILE).is_file():
            load_config(self.root)  # raises the usual "no site.yaml" error, with its hint
        self.live = LiveSite(self._build, log)
        self.http = open_server(host, port, self.live, log, next_free=next_free)
        self.url = self.http.url
        self._options = BuildOptions(
            drafts=drafts, future=future, write=False, base_url=self.url, preview=True
        )
        self._cache = BuildCache()
        self._building = threading.Lock()
        self.result: BuildResult | None = None
        """The last successful build: what it rendered, what it reused."""
        self._static = self.root / STATIC_DIR
        self._alarm: threading.Timer | None = None
        self._alarm_at: dt.datetime | None = None
        self._alarm_lock = threading.Lock()
        self._watcher = SiteWatcher(self.root, self._changed, quiet)
        self._thread: threading.Thread | None = None

    def start(self) -> Preview:
        """Build once (a failed build still starts the server, with the error shown) and watch."""
        self.live.refresh()
        self._watcher.start()
        return self

    def serve_forever(self) -> None:
        """Serve on this thread until Ctrl-C (``KeyboardInterrupt``) or ``stop()``."""
        self.http.serve_forever(poll_interval=0.2)

    def serve_in_background(self) -> Preview:
        """Serve on a thread of its own (tests, embedding)."""
        self._thread = threading.Thread(
            target=self.serve_forever, name="articlegen-serve", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop watching and serving; open pages' event streams end. The alarm is taken
        away once a rebuild under way has ended, since the rebuild sets it."""
        self._watcher.stop()
        self._set_alarm(None)
        self.live.close()
        if self._thread is not None:
            self.http.shutdown()
            self._thread.join(timeout=5)
        self.http.server_close()

    def __enter__(self) -> Preview:
        return self.start().serve_in_background()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _build(self) -> PreviewSite:
        first = FirstPages(self.live.open_pages(), self.live.publish_early)
        with self._building:  # the cache is not for two builds at once
            result = build_site(self.root, self._options, cache=self._cache, first=first)
        self.result = result
        self._set_alarm(result.changes_at)
        # a build that writes nothing reuses no file from disk: every page has its bytes
        pages = {page.out_path: page.data for page in result.pages if page.data is not None}
        notes = (*result.notes, *self._moved_away(result))
        return PreviewSite(
            pages=pages,
            static_dirs=(THEME_STATIC, self.root / STATIC_DIR),
            files={name: file for file, name in result.variants},
            summary=(
                f"{counted(result.articles, 'article')}, {counted(len(pages), 'file')}"
                f" ({len(result.rendered):,} rendered)"
            ),
            # notes too: an article outside content/ is missing from the preview as well
            warnings=(*warning_lines(result.diagnostics), *(f"note: {n}" for n in notes)),
        )

    def _moved_away(self, result: BuildResult) -> list[str]:
        """The addresses the last real build published that this one no longer serves
        (``movedaway``): the preview is where a renamed file or a new slug is first seen.
        Compared with the record of the output folder ``build`` writes, as ``site.yaml``
        names it, at the site's own address, not the preview's; the record is left to the
        builds that publish."""
        written = load_config(self.root)
        folder = destination(self.root, written, None).path
        return moved_since(self.root / CACHE_DIR, result, self.root, folder, written.base_url)

    def _set_alarm(self, moment: dt.datetime | None) -> None:
        """Rebuild once ``moment`` (naive UTC) comes, when an article publishes or expires
        or an undated site's feeds take the next day (``publication``): from then on the
        same sources make another site (the banner of a scheduled article goes, an expired
        article's page goes), and no save may come to rebuild it. None:
        no alarm. The last good build's moment holds until another build succeeds."""
        with self._alarm_lock:
            self._arm(moment)

    def _arm(self, moment: dt.datetime | None) -> None:
        """``_set_alarm``, its lock held."""
        if self._alarm is not None:
            self._alarm.cancel()
        self._alarm, self._alarm_at = None, moment
        if moment is not None:
            wait = (moment - utc_clock()).total_seconds() + ALARM_SLACK_SECONDS
            wait = min(max(wait, 0.0), ALARM_LONGEST_SECONDS)
            self._alarm = threading.Timer(wait, self._ring, [moment])
            self._alarm.daemon = True
            self._alarm.start()

    def _ring(self, moment: dt.datetime) -> None:
        """The alarm: rebuild if ``moment`` has come (and is still the one awaited), or wait on."""
        with self._alarm_lock:
            if moment != self._alarm_at:
                return
            if utc_clock() < moment:
                self._arm(moment)
                return
        self._watcher.changed([CLOCK])

    def _changed(self, batch: frozenset[Change]) -> None:
        self._log(stamped(describe(batch)))
        batch = frozenset(c for c in batch if not self._vanished_temp(c))
        if not batch:
            return
        static = [static_key(c.path) for c in batch if c.kind is ChangeKind.STATIC]
        if len(static) < len(batch) or not self._styles_edited(static):
            self.live.refresh()  # pages read static files too: image sizes, people's photos
        if static:
            self.live.static_changed(static)

    def _published(self, key: str) -> bool:
        """Whether the last good build published the static file ``key``, or any file in
        the folder ``key`` ("" for all of ``static/``)."""
        statics = self.result.statics if self.result is not None else frozenset()
        return key in statics or any(name.startswith(f"{key}/" if key else "") for name in statics)

    def _styles_edited(self, keys: list[str]) -> bool:
        """Whether these static files are stylesheets the last build published and still
        there, so that only the browsers' stylesheets change and no page does. A stylesheet
        added or removed changes what a build publishes (an article's link to it holds or
        fails), and after a failed build any save may be its fix: those rebuild."""
        return not self.live.errors and all(
            key.endswith(".css") and self._published(key) and (self._static / key).is_file()
            for key in keys
        )

    def _vanished_temp(self, change: Change) -> bool:
        """A static file that is gone again and that the last good build did not publish:
        the temp file of an editor's atomic save (``style.css.Xk3Fq2``), whose rename is in
        the same batch. A file or folder the build did publish (moved to the trash, out of
        the site) is a removal, which the pages may depend on."""
        return (
            change.kind is ChangeKind.STATIC
            and not (self.root / change.path).exists()
            and not self._published(static_key(change.path))
        )


def static_key(path: str) -> str:
    """A path under ``static/`` (``static/a.css``) as the output path it is published at
    (``a.css``); ``static`` itself, the whole folder, as ""."""
    return "" if path == STATIC_DIR else path.removeprefix(STATIC_DIR + "/")


def describe(batch: frozenset[Change]) -> str:
    """``content/a.md changed`` or ``12 files changed (content/a.md, …)`` for the console."""
    paths = sorted(change.path for change in batch if change.kind is not ChangeKind.CLOCK)
    if not paths:
        return "an article's publication or expiry time came"
    if len(paths) <= 3:
        return f"{', '.join(paths)} changed"
    return f"{len(paths):,} files changed ({', '.join(paths[:3])}, …)"
