"""Watch a site's sources and hand over each burst of edits as one batch.

Editors save in many small steps (a swap file, a temp file renamed over the
original, a backup, several writes), and ``git checkout`` touches hundreds of
files at once. ``classify`` decides which paths matter (pure, tested alone);
``Debouncer`` waits for a quiet moment so one burst becomes one rebuild: a short one
while a single file has changed (an editor's save, however many events it makes, is one
path), a longer one once several have (a checkout, a search and replace).
"""

from __future__ import annotations

import contextlib
import enum
import os
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from watchdog import events
from watchdog.observers import Observer

from ..content.misnamed import may_be_misnamed
from ..core.layout import CONFIG_FILE, CONTENT_DIR, SOURCE_FOLDERS, STATIC_DIR, TEMPLATES_DIR

QUIET_SECONDS = 0.1
"""How long the sources must stay still before a rebuild starts, once several files changed."""
SINGLE_QUIET_SECONDS = 0.02
"""How long they must stay still while only one file changed: an editor writes a save in
one go (its temp and swap files are ignored), so waiting longer only delays the page. A
burst whose next file comes later than this is two rebuilds, the second with the rest."""
LONGEST_WAIT_SECONDS = 2.0
"""A rebuild starts after this long even if writes never pause (a huge checkout)."""

_EDITOR_TEMP = re.compile(
    r"""^(?:
        [.#~].*            # hidden files, vim/emacs locks (.#a.md), emacs autosave (#a.md#)
      | \d+                # vim's write test file (4913)
      | (?-i:sed(?=[a-z]*[A-Z0-9])[A-Za-z0-9]{6})  # GNU sed -i's file before its rename
                         # (sedg6H6t7): a capital or a digit, so 'sedentary' is no temp
      | .*~                # backups (a.md~)
      | .*\.(?:sw[a-p]|tmp|temp|bak|orig|part|crdownload|kate-swp)
      | .*___jb_(?:tmp|old)___   # JetBrains safe write
    )$""",
    re.VERBOSE | re.IGNORECASE,
)


class ChangeKind(enum.Enum):
    """What a changed path means for the build."""

    CONFIG = "config"
    """``site.yaml``: everything may change."""
    CONTENT = "content"
    """An article (or a folder of them) was added, edited, renamed or removed."""
    TEMPLATE = "template"
    """A file in the site's ``templates/``."""
    STATIC = "static"
    """A file in the site's ``static/``: served as it is, no page changes."""
    IGNORED = "ignored"
    """Editor temp files, hidden files, anything the build never reads."""
    CLOCK = "clock"
    """No file: an article's publication or expiry moment came (the preview's alarm; never
    a path's kind)."""


_FOLDERS = {
    CONTENT_DIR: ChangeKind.CONTENT,
    TEMPLATES_DIR: ChangeKind.TEMPLATE,
    STATIC_DIR: ChangeKind.STATIC,
}


@dataclass(frozen=True, slots=True)
class Change:
    """One relevant path that changed."""

    kind: ChangeKind
    """What it means for the build."""
    path: str
    """Relative to the site root, ``/``-separated (``content/a.md``)."""


def is_editor_temp(name: str) -> bool:
    """Whether a file name is an editor's swap, lock, backup or temp file (never a source)."""
    return bool(_EDITOR_TEMP.match(name))


def classify(relative: str, is_directory: bool = False) -> ChangeKind:
    """What a change to ``relative`` (a path from the site root) means for the build."""
    parts = PurePosixPath(relative).parts
    if not parts or any(part.startswith(".") for part in parts):
        return ChangeKind.IGNORED
    if not is_directory and is_editor_temp(parts[-1]):
        return ChangeKind.IGNORED
    if parts == (CONFIG_FILE,) and not is_directory:
        return ChangeKind.CONFIG
    kind = _FOLDERS.get(parts[0], ChangeKind.IGNORED)
    if kind is ChangeKind.CONTENT:
        # The build reads only *.md, and skips names starting with "_" (content.find_sources);
        # it reports articles named otherwise (x.markdown, x.md.txt: content.misnamed).
        if any(part.startswith("_") for part in parts[1:]):
            return ChangeKind.IGNORED
        name = parts[-1]
        if not is_directory and not name.endswith(".md") and not may_be_misnamed(name):
            return ChangeKind.IGNORED
    return kind


def changes_of(event: events.FileSystemEvent, root: Path) -> set[Change]:
    """The relevant changes one watchdog event stands for (a move counts at both ends)."""
    if event.is_directory and event.event_type in (
        events.EVENT_TYPE_MODIFIED,
        events.EVENT_TYPE_ATTRIB,
    ):
        return set()  # a folder's own timestamps move whenever anything inside it does
    paths = [event.src_path, getattr(event, "dest_path", "")]
    found = set()
    for path in filter(None, map(os.fsdecode, paths)):
        try:
            relative = Path(path).relative_to(root).as_posix()
        except ValueError:
            continue  # moved out of the site: the source end is what counts
        kind = classify(relative, event.is_directory)
        if kind is not ChangeKind.IGNORED:
            found.add(Change(kind, relative))
    return found


class Debouncer:
    """Collects changes and hands them over in one batch once they stop coming for a moment."""

    def __init__(
        self,
        on_batch: Callable[[frozenset[Change]], None],
        quiet: float = QUIET_SECONDS,
        longest: float = LONGEST_WAIT_SECONDS,
        single: float = SINGLE_QUIET_SECONDS,
    ) -> None:
        self._on_batch = on_batch
        self._quiet = quiet
        self._single = min(single, quiet)
        self._longest = longest
        self._pending: set[Change] = set()
        self._first = self._last = 0.0
        self._stopped = False
        self._wake = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="articlegen-debounce", daemon=True)

    def start(self) -> None:
        """Start handing over batches (on a thread of its own, one batch at a time)."""
        self._thread.start()

    def add(self, changes: Iterable[Change]) -> None:
        """Note changes; the quiet period starts again."""
        changes = set(changes)
        if not changes:
            return
        with self._wake:
            now = time.monotonic()
            if not self._pending:
                self._first = now
            self._pending |= changes
            self._last = now
            self._wake.notify()

    def stop(self) -> None:
        """Hand over nothing more; waits for a batch in progress to finish."""
        with self._wake:
            self._stopped = True
            self._wake.notify()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)

    def _run(self) -> None:
        while (batch := self._next_batch()) is not None:
            self._on_batch(batch)

    def _next_batch(self) -> frozenset[Change] | None:
        with self._wake:
            while True:
                if self._stopped:
                    return None
                if not self._pending:
                    self._wake.wait()
                    continue
                quiet = self._single if len(self._pending) == 1 else self._quiet
                due = min(self._last + quiet, self._first + self._longest)
                delay = due - time.monotonic()
                if delay > 0:
                    self._wake.wait(delay)
                    continue
                batch = frozenset(self._pending)
                self._pending.clear()
                return batch


class SiteWatcher:
    """Watches ``site.yaml``, ``content/``, ``templates/`` and ``static/`` of one site."""

    def __init__(
        self,
        root: Path,
        on_batch: Callable[[frozenset[Change]], None],
        quiet: float = QUIET_SECONDS,
    ) -> None:
        self.root = root.absolute()
        self._debouncer = Debouncer(on_batch, quiet)
        self._observer = Observer()
        self._handler = _Handler(self)
        self._watches: dict[str, object] = {}

    def start(self) -> SiteWatcher:
        """Begin watching (folders created later are picked up when they appear)."""
        self._observer.schedule(
            self._handler, str(self.root), recursive=False, event_filter=_EVENTS
        )
        for folder in SOURCE_FOLDERS:
            self.watch_folder(folder)
        self._observer.start()
        self._debouncer.start()
        return self

    def stop(self) -> None:
        """Stop watching; no batch is handed over after this returns."""
        self._observer.stop()
        self._debouncer.stop()
        if self._observer.is_alive():
            self._observer.join(timeout=5)

    def watch_folder(self, name: str) -> None:
        """(Re)watch a source folder, e.g. after it was deleted and created again."""
        path = self.root / name
        if not path.is_dir():
            return
        old = self._watches.pop(name, None)
        if old is not None:
            with contextlib.suppress(KeyError):
                self._observer.unschedule(old)  # type: ignore[arg-type]
        self._watches[name] = self._observer.schedule(
            self._handler, str(path), recursive=True, event_filter=_EVENTS
        )

    def changed(self, changes: Iterable[Change]) -> None:
        """Hand changes over as if they had been seen on the disk (the preview's clock)."""
        self._debouncer.add(changes)

    def noticed(self, event: events.FileSystemEvent) -> None:
        """Feed one watchdog event in."""
        changes = changes_of(event, self.root)
        if event.is_directory and event.event_type in _APPEARED:
            for change in changes:
                if change.path in SOURCE_FOLDERS:
                    self.watch_folder(change.path)
        self._debouncer.add(changes)

    def __enter__(self) -> SiteWatcher:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


_EVENTS: list[type[events.FileSystemEvent]] = [
    events.FileCreatedEvent,
    events.FileModifiedEvent,
    events.FileAttribEvent,
    events.FileClosedEvent,
    events.FileMovedEvent,
    events.FileDeletedEvent,
    events.DirCreatedEvent,
    events.DirMovedEvent,
    events.DirDeletedEvent,
]
_APPEARED = (events.EVENT_TYPE_CREATED, events.EVENT_TYPE_MOVED)


class _Handler(events.FileSystemEventHandler):
    def __init__(self, watcher: SiteWatcher) -> None:
        self._watcher = watcher

    def on_any_event(self, event: events.FileSystemEvent) -> None:
        self._watcher.noticed(event)
