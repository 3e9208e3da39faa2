"""Which files of an output folder the build wrote, so that the next build tells a file
someone put there by hand from one a build left: it keeps the first (with a warning) and
removes the second (a deleted article's page, a static file taken out).

The record is a file of the output itself, ``layout.OUTPUT_FILES``, written with the site
and swapped in with it, so it always describes the folder it is in: kept when the build
cache is deleted or the site moved, gone when another program (or an articlegen from before
records) replaced the folder. Everything in the output is published, so it holds a short
digest of each name rather than the name: it says nothing of a file no page links to.
Without a record a file cannot be told to be a build's, and the folder is replaced whole, as
its mark allows.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
from collections.abc import Collection, Iterable
from pathlib import Path

from ..core.errors import ArticlegenError, OutputError, raise_if_any
from ..core.layout import OUTPUT_FILES, OUTPUT_MARKER, is_skipped
from ..core.problems import Diagnostic, one_line
from ..core.records import record

_HEADER = b"articlegen output files 1: a digest of each file's path a build wrote here\n"
_OWN_NAMES = (OUTPUT_MARKER, OUTPUT_FILES)


def record_bytes(names: Iterable[str]) -> bytes:
    """The record of a build that wrote ``names`` (relative, ``/``-separated): the same
    bytes for the same files, whatever their order."""
    return _HEADER + "".join(f"{d}\n" for d in sorted({_digest(n) for n in names})).encode()


def _digest(name: str) -> str:
    return hashlib.blake2b(name.encode(errors="surrogateescape"), digest_size=8).hexdigest()


@record
class WrittenFiles:
    """The digests of the files the last build wrote into an output folder."""

    digests: frozenset[str]

    def wrote(self, name: str) -> bool:
        return name in _OWN_NAMES or _digest(name) in self.digests


def load_written(output: Path) -> WrittenFiles | None:
    """What the last build wrote into ``output``, by its record; None without one (no
    file, a link, or not a record)."""
    path = output / OUTPUT_FILES
    try:
        if path.is_symlink():
            return None
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(_HEADER):
        return None
    digests = data[len(_HEADER) :].decode("ascii", errors="replace").split()
    if not all(len(d) == 16 and d.isalnum() for d in digests):
        return None
    return WrittenFiles(frozenset(digests))


@record
class OwnFiles:
    """What someone put into an output folder: files (links and all), and folders that hold
    no file a build wrote (an empty one kept as it is)."""

    files: tuple[str, ...] = ()
    folders: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.files or self.folders)


NO_OWN_FILES = OwnFiles()


def own_files(
    output: Path, building: Collection[str], index: str | None, root: Path
) -> tuple[OwnFiles, list[ArticlegenError]]:
    """The files and folders in ``output`` its last build did not write (relative,
    sorted), none without a record; and an error at each the build would lose: where it
    writes a file, needs a folder, or makes its search index (the folder ``index``)."""
    written = load_written(output)
    if written is None or not output.is_dir():
        return NO_OWN_FILES, []
    files, folders = files_under(output, root)
    own: list[str] = []
    built: set[str] = set()  # the folders that hold a file a build wrote
    for name in files:
        if not written.wrote(name):
            own.append(name)
            continue
        parent = posixpath.dirname(name)
        while parent and parent not in built:  # a folder's parents are in once it is
            built.add(parent)
            parent = posixpath.dirname(parent)
    own_folders = [name for name in folders if name not in built]
    shown = shown_folder(output, root)
    errors = [
        *_displaced(own, building, index, shown, "file"),
        *_displaced(own_folders, building, index, shown, "folder"),
    ]
    return OwnFiles(tuple(own), tuple(own_folders)), errors


def _displaced(
    own: list[str], building: Collection[str], index: str | None, shown: str, kind: str
) -> list[ArticlegenError]:
    """An error at each of someone's files (or folders, ``kind``) the build would displace:
    at a file it writes, at a folder it needs (a file ``c`` where ``c/index.html`` goes),
    inside a file it writes (``a/notes.txt`` where the file ``a`` goes), or in its search
    index's folder. Names are compared ignoring case, as a disk that ignores case would."""
    if not own:
        return []
    writes = {path.casefold(): path for path in building}
    folders = {parent: path for path in writes for parent in _parents(path)}
    errors: list[ArticlegenError] = []
    for name in own:
        folded = name.casefold()
        inside = next((p for p in _parents(folded) if p in writes), None)
        if folded in writes:
            where = "a file of the site at its place"
        elif folded in folders and kind == "file":
            where = f"a file of the site at {shown}/{folders[folded]}, where this name is a folder"
        elif inside is not None:
            where = f"a file of the site at {shown}/{writes[inside]}, where its folder is"
        elif index is not None and folded.partition("/")[0] == index.casefold():
            where = f"its search index in {shown}/{index}/, whole"
        else:
            continue
        errors.append(_lost(name, kind, where, shown))
    return errors


def _lost(name: str, kind: str, where: str, shown: str) -> OutputError:
    in_index = where.startswith("its search index")
    return OutputError(
        f"no build of this site {'wrote' if kind == 'file' else 'made'} this {kind}, and this "
        f"build writes {where}: the {kind} would be lost",
        one_line(f"{shown}/{name}"),
        hint=f"move the {kind} out of "
        + (
            "the search index's folder"
            if in_index
            else "the output folder (into static/, to publish it as it is)"
        )
        + ", then build again",
    )


def _parents(name: str) -> Iterable[str]:
    """The folders on the way to ``name``, nearest first (``a/b`` for ``a/b/c``, then ``a``)."""
    while (name := posixpath.dirname(name)) != "":
        yield name


def shown_folder(output: Path, root: Path) -> str:
    """The output folder as messages name it: from the site folder when inside it."""
    folder, root = output.absolute(), root.absolute()
    return folder.relative_to(root).as_posix() if folder.is_relative_to(root) else str(folder)


def own_in_output(
    output: Path,
    paths: Iterable[str],
    statics: Iterable[tuple[Path, str]],
    index: str | None,
    root: Path,
    strict: bool,
) -> tuple[OwnFiles, list[Diagnostic]]:
    """Someone's own files and folders in ``output``, which a build writing the pages at
    ``paths``, the static files and its search index in the folder ``index`` keeps, and
    its warnings at each; with ``strict`` those are errors."""
    building = {*paths, OUTPUT_MARKER, OUTPUT_FILES, *(relative for _, relative in statics)}
    own, errors = own_files(output, building, index, root)
    displaced = {error.path for error in errors}
    kept = [w for w in kept_warnings(own, output, root) if w.path not in displaced]
    raise_if_any([*errors, *(warning.as_error() for warning in kept if strict)])
    return own, kept


def kept_warnings(own: OwnFiles, output: Path, root: Path) -> list[Diagnostic]:
    """A warning at each file someone put in ``output`` (the console groups them): it is
    published with the site, which may not be what was meant."""
    shown = shown_folder(output, root)
    return [
        Diagnostic(
            "no build of this site wrote this file: builds keep it in the output folder, "
            "which publishes it with the site",
            one_line(f"{shown}/{name}"),
            hint=_kept_hint(name),
        )
        for name in own.files
    ]


def _kept_hint(name: str) -> str:
    """Where the file belongs: ``static/``, unless that leaves such a name out (a hidden
    file, ``.htaccess``, is not published from there)."""
    if any(is_skipped(part) for part in name.split("/")):
        return (
            "static/ leaves out hidden, lock and backup files, so the build cannot publish it "
            "for you: delete it if it is not needed"
        )
    return (
        "to publish it on purpose, move it into static/ (the build copies it from there); "
        "else delete it"
    )


def files_under(folder: Path, root: Path) -> tuple[list[str], list[str]]:
    """Every entry under ``folder`` that is not a folder (files, links, anything one can
    put there), and every folder (relative, ``/``-separated, sorted); ``OutputError``
    naming a folder that cannot be listed."""
    files: list[str] = []
    folders: list[str] = []
    pending = [(str(folder), "")]
    while pending:
        path, relative = pending.pop()
        try:
            with os.scandir(path) as listing:
                entries = list(listing)
        except OSError as exc:
            shown = shown_folder(Path(path), root)
            raise OutputError(
                f"cannot list {one_line(shown)} in the output folder: {exc.strerror or exc}",
                hint="give yourself permission to read it, or move it out of the output folder",
            ) from None
        for entry in entries:
            name = f"{relative}/{entry.name}" if relative else entry.name
            if entry.is_dir(follow_symlinks=False):
                folders.append(name)
                pending.append((entry.path, name))
            else:
                files.append(name)
    return sorted(files), sorted(folders)
