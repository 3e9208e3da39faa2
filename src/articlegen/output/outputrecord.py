"""Which files of an output folder the builds wrote, so that a file someone put there by
hand is told from one a build left: the next build keeps the first (with a warning) and
removes the second (a deleted article's page, a static file taken out).

The record of each output folder is kept in the build cache's folder, not in the output:
everything there is published, and a list of the site's files would name static files no
page links to. Without a record (a first build, or the cache folder deleted by hand) a file
cannot be told to be the builds', and the folder is replaced whole, as the mark allows.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import OutputError
from ..core.layout import CACHE_DIR, OUTPUT_MARKER
from ..core.problems import Diagnostic
from ..incremental.cachefile import OUTPUT_RECORDS

_VERSION = 1


@dataclass(frozen=True, slots=True)
class WrittenFiles:
    """The files a build wrote into an output folder (relative, ``/``-separated), and the
    top folders it made whole (the search index's, whose files Pagefind names)."""

    files: frozenset[str]
    folders: frozenset[str] = frozenset()

    def wrote(self, relative: str) -> bool:
        return relative in self.files or relative.partition("/")[0] in self.folders

    def within(self, other: WrittenFiles) -> bool:
        return self.files <= other.files and self.folders <= other.folders

    def __or__(self, other: WrittenFiles) -> WrittenFiles:
        return WrittenFiles(self.files | other.files, self.folders | other.folders)


def _record_path(root: Path, output: Path) -> Path:
    """One record per output folder (by its resolved path): a build into another folder
    (``--output``) leaves the record of ``public/`` as it was."""
    name = hashlib.blake2b(str(output.resolve()).encode(errors="surrogateescape"), digest_size=8)
    return root.absolute() / CACHE_DIR / OUTPUT_RECORDS / f"{name.hexdigest()}.json"


def load_written(root: Path, output: Path) -> WrittenFiles | None:
    """What the builds of ``root`` wrote into ``output``, or None without a usable record."""
    try:
        data = json.loads(_record_path(root, output).read_text(encoding="utf-8"))
        files, folders = data["files"], data["folders"]
        if data["version"] != _VERSION or not _strings(files) or not _strings(folders):
            return None
    except (OSError, ValueError, TypeError, KeyError):
        return None
    return WrittenFiles(frozenset(files), frozenset(folders))


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def save_written(root: Path, output: Path, written: WrittenFiles) -> None:
    """Keep ``written`` as the record of ``output``, replacing the last one whole (a record
    half-written would misname files). A record that cannot be saved is dropped: with none,
    the next build replaces the folder whole, as before records existed."""
    path = _record_path(root, output)
    data = {"version": _VERSION, "files": sorted(written.files), "folders": sorted(written.folders)}
    staged = path.with_suffix(".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        staged.write_text(json.dumps(data), encoding="utf-8")
        os.replace(staged, path)
    except OSError:
        for leftover in (staged, path):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                continue


def own_files(
    output: Path, written: WrittenFiles | None, building: Collection[str], root: Path
) -> list[str]:
    """The files in ``output`` no build wrote (relative, sorted): someone's own, to keep;
    none without a record. ``OutputError`` for one where this build writes a file (or
    needs a folder): it would be lost."""
    if written is None or not output.is_dir():
        return []
    own = [
        name for name in files_under(output) if name != OUTPUT_MARKER and not written.wrote(name)
    ]
    if own:
        _refuse_displaced(own, building, shown_folder(output, root))
    return own


def _refuse_displaced(own: list[str], building: Collection[str], shown: str) -> None:
    """``OutputError`` at the first of someone's files the build would displace: at a
    file it writes, at a folder it needs (``c`` where ``c/index.html`` goes), or inside
    a file it writes (``a/notes.txt`` where the file ``a`` goes)."""
    folders = {parent: path for path in building for parent in _parents(path)}
    for name in own:
        if name in building:
            where = "at its place"
        elif name in folders:
            where = f"at {shown}/{folders[name]}, where this file's name is a folder"
        elif (inside := next((p for p in _parents(name) if p in building), None)) is not None:
            where = f"at {shown}/{inside}, where this file's folder is"
        else:
            continue
        raise OutputError(
            f"no build of this site wrote this file, and this build writes a file of the site "
            f"{where}: the file would be lost",
            f"{shown}/{name}",
            hint="move the file out of the output folder (into static/, to publish it as it "
            "is), then build again",
        )


def _parents(name: str) -> Iterable[str]:
    """The folders on the way to ``name``, nearest first (``a/b`` for ``a/b/c``, then ``a``)."""
    while (name := posixpath.dirname(name)) != "":
        yield name


def shown_folder(output: Path, root: Path) -> str:
    """The output folder as messages name it: from the site folder when inside it."""
    folder, root = output.absolute(), root.absolute()
    return folder.relative_to(root).as_posix() if folder.is_relative_to(root) else str(folder)


_NAMED = 5
"""How many of someone's files a build names one by one; the rest are counted."""


def kept_warnings(own: list[str], output: Path, root: Path) -> list[Diagnostic]:
    """A warning at each file someone put in ``output`` (the first few; then one that
    counts the rest): it is published with the site, which may not be what was meant."""
    folder = output.absolute()
    shown = (
        folder.relative_to(root.absolute()).as_posix()
        if folder.is_relative_to(root)
        else str(folder)
    )
    hint = "to publish it on purpose, move it into static/ (the build copies it from there)"
    warnings = [
        Diagnostic(
            "no build of this site wrote this file, so it stays in the output folder and is "
            "published with the site",
            f"{shown}/{name}",
            hint=f"{hint}; else delete it",
        )
        for name in own[:_NAMED]
    ]
    if len(own) > _NAMED:
        more = own[_NAMED : _NAMED + 3]
        warnings.append(
            Diagnostic(
                f"{len(own) - _NAMED} more files no build of this site wrote stay in the "
                f"output folder and are published with the site: {', '.join(more)}, …",
                shown,
                hint=f"{hint}; else delete them",
            )
        )
    return warnings


def files_under(folder: Path) -> list[str]:
    """Every entry under ``folder`` that is not a folder (relative, ``/``-separated,
    sorted): files, links and anything else one can put there."""
    found: list[str] = []
    pending = [(str(folder), "")]
    while pending:
        path, relative = pending.pop()
        with os.scandir(path) as listing:
            for entry in listing:
                name = f"{relative}/{entry.name}" if relative else entry.name
                if entry.is_dir(follow_symlinks=False):
                    pending.append((entry.path, name))
                else:
                    found.append(name)
    return sorted(found)
