"""Site search that works on any static host: a Pagefind index of the finished pages.

Pagefind reads the written HTML (only each article's ``data-pagefind-body``) and the
index goes into ``pagefind/`` beside it: a compact index the browser downloads in pieces
while the reader types. It is made in the staged folder before the swap, so a failed
index leaves the previous site in place like any failed build.

Its cost follows what changed. The pages are indexed in shards (``searchpages``: a
stable shard per page, a shard count from the page count), one shard after another by
one Pagefind process, which forgets each shard once it has handed its index over (so it
holds one shard in memory at a time); a build indexes
again only the shards with a page added, removed or changed in what Pagefind reads, and
none at all when no indexed text changed. The shards are merged into one index
(``pagefindindex``), the one a single run over the same pages makes, and kept with the
merged index in the build cache (``searchstate``) for the next build; a kept merged index
whose files are not as it left them is not used. An index this code cannot merge (another
Pagefind layout, filters or sorts in an override template) is made in one run over every
page instead. ``check_index`` reads the published index back: every file non-empty, and
the page count of its entry file equal to the pages expected.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from ..core.errors import OutputError
from .pagefindindex import ShardIndex, UnknownIndex, empty_shard, merge_shards, read_shard
from .pagefindrun import INSTALL_HINT, OFF_HINT, PagefindService, pagefind_service, run_pagefind
from .searchpages import Survey, survey
from .searchstate import Manifest, SearchStore

INDEX_FOLDER = "pagefind"
"""Where the index goes, under the output folder (and under the site's URL)."""
ENTRY_FILE = "pagefind-entry.json"
"""The index's table of contents: per language, the page count and the index files."""
MISSING_NOTE = (
    f"search: Pagefind is not installed, so the site was built without search ({INSTALL_HINT})"
)
_MERGED = ("fragment/", "index/")
"""Folders of an index's files that are its pages' (with the entry and meta files; the
rest is Pagefind's program)."""


def index_site(
    folder: Path,
    pagefind: Path,
    expected_pages: int,
    *,
    live: Path | None = None,
    store: SearchStore | None = None,
    key: str = "",
    progress: Callable[[int, int], None] | None = None,
    html: Sequence[str] | None = None,
) -> None:
    """Write the search index of the site in ``folder`` into ``folder/pagefind/`` and
    check it holds ``expected_pages`` pages; ``OutputError`` otherwise. ``store`` keeps
    the shards between builds (under ``key``: the program and code that made them),
    ``live`` is the published site, to compare changed pages with; ``html`` the site's
    ``.html`` files as ``html_files`` lists them, when the caller knows them (else the
    folder is walked). With none expected (no articles) no page is given: finding no
    ``data-pagefind-body``, Pagefind would index the body of every listing instead."""
    index = folder / INDEX_FOLDER
    html = html_files(folder) if html is None else html
    if not expected_pages:
        _write(index, run_pagefind(pagefind, folder, []))
        check_index(index, expected_pages)
        return
    if store is not None and not store.usable():
        store = None
    manifest = store.manifest(key) if store is not None else Manifest(key)
    found = survey(folder, html, manifest.pages, manifest.count, live, manifest.plain)
    with pagefind_service(pagefind, folder) as service:
        sharded = _Sharded(service, found, manifest, store, progress)
        try:
            sharded.publish(index)
        except UnknownIndex:
            _write(index, service.index([p for p in html if p in found.pages]))
            check_index(index, expected_pages)
            return
    check_index(index, expected_pages)
    if store is not None:
        store.commit(Manifest(
            key, found.count, found.pages, sharded.names, sharded.bundle, sharded.chunks,
            found.plain, sharded.files,
        ))  # fmt: skip


def html_files(folder: Path) -> list[str]:
    """The ``.html`` files under ``folder``, relative, in ``path_order``. Listed
    with ``os.walk`` (file types come with each listing), not ``Path.rglob``, which made a
    path object of every file and folder: 2,900 of them on the 2,000-article corpus, a
    twentieth of a rebuild's indexing."""
    found: list[str] = []
    for parent, _, names in os.walk(folder):
        relative = os.path.relpath(parent, folder).replace(os.sep, "/")
        prefix = "" if relative == "." else f"{relative}/"
        found.extend(prefix + name for name in names if name.endswith(".html"))
    return path_order(found)


def path_order(paths: Iterable[str]) -> list[str]:
    """The ``.html`` ones of ``paths`` (relative, ``/``-separated) in path order, part by
    part: the order the index lists its pages in."""
    return sorted((p for p in paths if p.endswith(".html")), key=lambda path: path.split("/"))


class _Sharded:
    """One build's indexing by shards: the changed ones indexed again, one at a time, by
    one Pagefind ``service``, while this thread reads the others back."""

    def __init__(
        self, service: PagefindService, found: Survey, manifest: Manifest,
        store: SearchStore | None, progress: Callable[[int, int], None] | None,
    ) -> None:  # fmt: skip
        self.service, self.found, self.store = service, found, store
        self.progress = progress
        self.names = {s: n for s, n in manifest.shards.items() if s < found.count}
        self.bundle, self.chunks, self.files = manifest.bundle, manifest.chunks, manifest.files
        self.previous = store.bundle(manifest.bundle) if store is not None else None
        if store is not None and self.previous is not None:
            intact = store.stamps(self.previous) == manifest.files
            self.previous = self.previous if intact else None  # damaged by hand: not reused
        self.runtime: dict[str, bytes] | None = None
        """Pagefind's program files, from the first run of this build."""

    def publish(self, index: Path) -> None:
        """Put the index of every shard into ``index``: the last one as it was when no
        shard changed, else the shards merged again."""
        changed = self.found.changed | (set(range(self.found.count)) - set(self.names))
        if not changed and self.previous is not None:
            _linked(self.previous, index)
            return
        merged = merge_shards(self._shards(changed), self._earlier)
        files, self.chunks = {**merged.files, **self._program()}, merged.chunks
        if self.store is None:
            _write(index, files)
            return
        self.bundle = self.store.put_bundle(files, self.previous)
        bundle = self.store.bundle(self.bundle)
        assert bundle is not None
        self.files = self.store.stamps(bundle)
        _linked(bundle, index)

    def _shards(self, changed: set[int]) -> list[ShardIndex]:
        """Every shard's index: the ``changed`` ones made again by Pagefind (in a thread)
        while the others are read back from the store, each read as soon as it is made
        while Pagefind makes the next; a kept one that cannot be read, made last."""
        pages: dict[int, list[str]] = {}
        for path, page in self.found.pages.items():
            pages.setdefault(page.shard, []).append(path)
        for paths in pages.values():
            paths.sort(key=lambda relative: relative.split("/"))
        again = sorted(changed)
        shards: dict[int, ShardIndex] = {}
        with self.service.indexes([pages[s] for s in again if s in pages]) as indexes:
            kept = {s: self._kept(s) for s in range(self.found.count) if s not in changed}
            made = iter(indexes)
            for number in again:
                shards[number] = self._made(number, next(made) if number in pages else None)
        for number, shard in kept.items():
            lost = shard is None and number in pages
            shards[number] = shard or self._made(
                number, self.service.index(pages[number]) if lost else None
            )
        return [shards[s] for s in range(self.found.count)]

    def _kept(self, number: int) -> ShardIndex | None:
        return self.store.shard(self.names[number]) if self.store is not None else None

    def _made(self, number: int, files: dict[str, bytes] | None) -> ShardIndex:
        """The shard's index read from Pagefind's ``files`` (None: it has no page), and
        kept in the store."""
        if files is not None and self.runtime is None:
            self.runtime = {p: d for p, d in files.items() if not _merged(p)}
        shard = read_shard(files) if files is not None else empty_shard()
        if self.store is not None:
            self.names[number] = self.store.put_shard(shard)
        if self.progress is not None:
            self.progress(number + 1, self.found.count)
        return shard

    def _earlier(self, path: str, digest: str) -> bytes | None:
        """The last index's word chunk at ``path``, if its body had ``digest``."""
        if self.previous is None or self.chunks.get(path) != digest:
            return None
        try:
            return (self.previous / path).read_bytes()
        except OSError:
            return None

    def _program(self) -> dict[str, bytes]:
        """Pagefind's own files (its scripts, its WebAssembly): from a run of this build,
        else the last index's, else from a run over one page (a run over none gives a
        WebAssembly file of other bytes than a run over the site's pages)."""
        if self.runtime is None and self.previous is not None:
            self.runtime = {
                path.relative_to(self.previous).as_posix(): path.read_bytes()
                for path in self.previous.rglob("*")
                if path.is_file() and not _merged(path.relative_to(self.previous).as_posix())
            }
        if not self.runtime:
            first = min(self.found.pages, key=lambda path: path.split("/"), default=None)
            files = self.service.index([first] if first is not None else [])
            self.runtime = {p: d for p, d in files.items() if not _merged(p)}
        return self.runtime


def _merged(relative: str) -> bool:
    return relative.startswith(_MERGED) or relative.endswith(".pf_meta") or relative == ENTRY_FILE


def _write(index: Path, files: Mapping[str, bytes]) -> None:
    """``index`` made to hold ``files`` (path in it → bytes), and nothing else."""
    shutil.rmtree(index, ignore_errors=True)
    for relative, data in files.items():
        target = index / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _linked(source: Path, index: Path) -> None:
    """``index`` made to hold the files of ``source``, linked (copied across disks), and
    nothing else. What it holds already (the index the spare kept, staged with the site:
    ``publish``) is mostly the same files, linked from the last state: a file that is
    already the very file of ``source`` is left, the rest removed or linked anew. Making
    the whole index anew deleted and linked some 2,100 files at 2,000 articles."""
    if not index.is_dir() or index.is_symlink() or os.stat(source).st_dev != os.stat(index).st_dev:
        shutil.rmtree(index, ignore_errors=True)
        with contextlib.suppress(FileNotFoundError):
            index.unlink()  # a file or a link where the folder goes
        shutil.copytree(source, index, copy_function=_link_or_copy)
        return
    _synced(str(source), str(index))


def _synced(source: str, target: str) -> None:
    """The folder ``target`` (on the device of ``source``) made to hold ``source``'s files."""
    there = {entry.name: entry for entry in os.scandir(target)}
    for entry in os.scandir(source):
        old, path = there.pop(entry.name, None), f"{target}/{entry.name}"
        if entry.is_dir(follow_symlinks=False):
            if old is None or not old.is_dir(follow_symlinks=False):
                _remove(old)
                os.mkdir(path)
            _synced(entry.path, path)
        elif not (old is not None and old.is_file(follow_symlinks=False)
                  and old.inode() == entry.inode()):  # fmt: skip
            _remove(old)
            _link_or_copy(entry.path, path)
    for old in there.values():
        _remove(old)


def _remove(entry: os.DirEntry[str] | None) -> None:
    if entry is not None and entry.is_dir(follow_symlinks=False):
        shutil.rmtree(entry.path)
    elif entry is not None:
        os.unlink(entry.path)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def check_index(index: Path, expected_pages: int) -> None:
    """``OutputError`` unless every file of the index in ``index`` has bytes, its entry file
    parses, and the pages it counts (over all languages) are ``expected_pages``."""
    empty = sorted(_empty_files(str(index), ""))
    if empty or not (index / ENTRY_FILE).is_file():
        shown = ", ".join(empty[:3]) + (f" and {len(empty) - 3} more" if len(empty) > 3 else "")
        raise OutputError(
            "the search index is incomplete: "
            + (f"empty files: {shown}" if empty else f"{ENTRY_FILE} is missing"),
            hint="check free disk space and build again, or " + OFF_HINT,
        )
    try:
        entry = json.loads((index / ENTRY_FILE).read_bytes())
        counted = sum(language["page_count"] for language in entry["languages"].values())
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise OutputError(
            f"the search index is unreadable: {INDEX_FOLDER}/{ENTRY_FILE}: {exc}",
            hint="check free disk space and build again, or " + OFF_HINT,
        ) from exc
    if counted != expected_pages:
        raise OutputError(
            f"the search index holds {counted} pages, expected {expected_pages}"
            " (one per article and page)",
            hint="keep data-pagefind-body on the <article> of templates/article.html and "
            "page.html if you override them, or " + OFF_HINT,
        )


def _empty_files(folder: str, prefix: str) -> Iterator[str]:
    """The empty files under ``folder``, relative to it (with ``prefix``). One ``stat`` a
    file, no path object: ``Path.rglob`` and two stats a file took a tenth of an edit's
    indexing."""
    for entry in os.scandir(folder):
        if entry.is_dir(follow_symlinks=False):
            yield from _empty_files(entry.path, f"{prefix}{entry.name}/")
        elif entry.is_file() and entry.stat().st_size == 0:
            yield prefix + entry.name
