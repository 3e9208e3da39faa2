"""The staged folder of a build, filled: made from the spare (the site the last swap
replaced) or afresh, then each file linked from the live site when it is unchanged and
written when it is new. ``output`` calls it, then swaps the folder in; it writes nothing
but the staged folder.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import shutil
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

from ..core.errors import OutputError
from ..core.model import RenderedPage
from ..core.removal import remove_tree
from .outputrecord import NO_OWN_FILES, OwnFiles


def usable_spare(spare: Path | None, output: Path) -> Path | None:
    """``spare`` if the output's replaced site can be moved there and back by renaming."""
    return spare if spare is not None and _same_device(spare.parent, output.parent) else None


def fill_staging(
    staging: Path,
    output: Path,
    paths: Collection[str],
    pages: Iterable[RenderedPage],
    statics: Sequence[tuple[Path, str]],
    spare: Path | None,
    keep: str | None = None,
    own: OwnFiles = NO_OWN_FILES,
) -> None:
    """Make ``staging`` hold exactly ``pages`` (the files at ``paths``), the static
    files (``(source, relative)``) and the files and folders of ``output`` someone put
    there (``own``), from ``spare`` if there is one; unchanged files are
    links to those in ``output``. Each page is placed before the next is read, so it
    may be let go of at once. ``ValueError`` if ``pages`` are not the files ``paths``
    names: a file of the spare would stay in the site, or one would be missing. The
    spare's top folder ``keep`` is left as it is, for the caller to update. Without an
    ``output`` folder yet (a first build) a page is written without looking for its file
    there: a stat less for each of thousands of pages."""
    wanted = {*paths, *(relative for _, relative in statics), *own.files}
    folders, fresh = _staging_from(spare, staging, wanted, keep)
    live, staged = f"{output}{os.sep}", f"{staging}{os.sep}"
    compare = output.is_dir()
    placed: set[str] = set()
    for page in pages:
        path = page.out_path
        make_folder_of(staged, path, folders)
        if page.data is None or compare:
            place_page(page, live + path, staged + path, fresh)
        else:
            _write_page(staged + path, page.data, fresh)
        placed.add(path)
    if placed != set(paths):
        raise ValueError(f"pages written are not the pages planned: {sorted(placed ^ set(paths))}")
    for source, relative in statics:
        make_folder_of(staged, relative, folders)
        _place_static(source, output / relative, staging / relative)
    for relative in own.folders:  # parents first
        if relative not in folders:
            make_folder_of(staged, relative, folders)
            os.mkdir(staged + relative)
            folders.add(relative)
    for relative in own.files:
        make_folder_of(staged, relative, folders)
        _keep(live + relative, staged + relative)
    _own_modes(own.folders, [*paths, *(relative for _, relative in statics)], live, staged)


def _own_modes(own: Sequence[str], building: Iterable[str], live: str, staged: str) -> None:
    """The modes someone's folders had (``700``, say), once all is in them (a read-only
    one is filled first): of those that hold no file of the build's only, which keep the
    mode every build gives its folders, build after build."""
    if not own:
        return
    built = {parent for path in building for parent in _parents(path)}
    for relative in reversed(own):
        if relative not in built:
            os.chmod(staged + relative, os.stat(live + relative).st_mode & 0o7777)


def _staging_from(
    spare: Path | None, staging: Path, wanted: set[str], keep: str | None
) -> tuple[set[str], bool]:
    """Make ``staging``, from ``spare`` when there is one, holding no file but ``wanted``
    ones (and the top folder ``keep``, as it is); the folders it has, relative to it
    (``""`` itself; for ``make_folder_of``), and whether it was made empty (then no
    file needs removing before one is written). A spare that
    cannot be used (one a build run as another user left, say) only costs the time of a
    fresh folder."""
    if spare is not None and spare.is_dir() and not spare.is_symlink():
        try:
            spare.rename(staging)
        except OSError:
            pass  # not ours to move: start afresh below, and leave it be
        else:
            try:
                return _pruned(staging, wanted, _folder_mode(), keep), False
            except OSError:
                remove_tree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    return {""}, True


def _folder_mode() -> int:
    """The permissions a folder made now gets (0o777 less the umask), as a fresh staging
    folder's would be: a folder kept from the spare is given them too."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o777 & ~mask


def _pruned(folder: Path, wanted: set[str], mode: int, keep: str | None = None) -> set[str]:
    """Delete from ``folder`` everything that is not a regular file in ``wanted``, a
    folder on the way to one or the top folder ``keep``, and give each folder on the way
    ``mode``; the folders on the way, relative to ``folder`` (``""`` for itself)."""
    needed = {""} | {posixpath.dirname(w) for w in wanted}
    needed |= {p for n in list(needed) for p in _parents(n)}
    kept: set[str] = set()
    pending = [(str(folder), "")]
    while pending:
        path, relative = pending.pop()
        kept.add(relative)
        found = os.stat(path).st_mode
        if found & 0o777 != mode:
            os.chmod(path, (found & 0o7000) | mode)
        with os.scandir(path) as entries:  # file types come with the listing: no stat each
            for entry in entries:
                name = f"{relative}/{entry.name}" if relative else entry.name
                if entry.is_dir(follow_symlinks=False):
                    if name in needed:
                        pending.append((entry.path, name))
                    elif name != keep:
                        remove_tree(entry.path)
                elif not (entry.is_file(follow_symlinks=False) and name in wanted):
                    os.unlink(entry.path)  # an unwanted file, a link, anything else
    return kept


def _parents(relative: str) -> list[str]:
    parts = relative.split("/") if relative else []
    return ["/".join(parts[:i]) for i in range(1, len(parts))]


def _same_device(first: Path, second: Path) -> bool:
    """Whether a folder can be renamed from beside ``first`` to beside ``second``."""
    try:
        first.mkdir(parents=True, exist_ok=True)
        return os.stat(first).st_dev == os.stat(second).st_dev
    except OSError:
        return False


def make_folder_of(staged: str, relative: str, folders: set[str]) -> None:
    """Create the folder of the file ``relative`` in the folder ``staged`` (with a trailing
    separator), unless ``folders`` (relative to it) says it was made: each folder once per
    build. Plain strings, not ``Path``s: a build places thousands of files, and a path
    object costs more than the folder check. A folder whose parent is made is made with
    one call, without ``makedirs`` first looking its parent up (a page's own folder)."""
    folder = posixpath.dirname(relative)
    if folder not in folders:
        try:
            if posixpath.dirname(folder) not in folders:
                raise FileNotFoundError
            os.mkdir(staged + folder)
        except (FileNotFoundError, FileExistsError):
            os.makedirs(staged + folder, exist_ok=True)  # a folder on the way, or one there
        folders.add(folder)
        folders.update(_parents(folder))


def place_page(page: RenderedPage, current: str, target: str, fresh: bool) -> None:
    """``page`` at ``target``: a link to ``current`` when that holds its bytes, else
    written (after removing a file kept from the spare, unless the folder is ``fresh``)."""
    if page.data is None:
        if _same_file(current, target):
            return  # the spare's file is the live one already: most pages of a rebuild
        if not os.path.isfile(current):
            raise OutputError(
                f"{current} disappeared during the build",
                hint="build again (or with --no-cache)",
            )
        _link(current, target)
    elif same_bytes(current, page.data):
        _link(current, target)
    else:
        _write_page(target, page.data, fresh)


def _write_page(target: str, data: bytes, fresh: bool) -> None:
    """``data`` written at ``target``, after removing a file kept from the spare there,
    unless the folder is ``fresh``."""
    if not fresh:
        _vacate(target)
    _write_new(target, data)


def _write_new(target: str, data: bytes) -> None:
    """``data`` into a new file ``target`` with a new file's permissions (0o666 less the
    umask), without the buffered file object ``open`` would make for one write."""
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
    finally:
        os.close(descriptor)


def _place_static(source: Path, current: Path, target: Path) -> None:
    """Copied with its modification time, so an unchanged copy is recognised next time."""
    if same_stat(source, current):
        _link(current, target)
    else:
        _vacate(target)
        shutil.copy2(source, target)


def _keep(current: str, target: str) -> None:
    """Someone's own file of the output, kept as it is: the very file (a symbolic link
    as the link), or a copy where links are not possible."""
    with contextlib.suppress(OSError):
        before, staged = os.lstat(current), os.lstat(target)
        if (before.st_dev, before.st_ino) == (staged.st_dev, staged.st_ino):
            return
    _vacate(target)
    try:
        os.link(current, target, follow_symlinks=False)
    except OSError:
        shutil.copy2(current, target, follow_symlinks=False)


def _vacate(target: str | Path) -> None:
    """Remove a staged file before writing its new bytes: one kept from the spare may be a
    hard link to the live site's file, which writing into would change in place."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(target)


def same_stat(source: Path, current: Path) -> bool:
    """Whether ``current`` is the copy of ``source`` a build made: same size and time, and
    made after the source last changed (its change time, which no tool can set back: a
    file restored with its old size and time by ``cp -p`` or ``rsync -t`` is copied anew)."""
    try:
        before, now = os.stat(current), os.stat(source)
    except OSError:
        return False
    return (before.st_size, before.st_mtime_ns) == (now.st_size, now.st_mtime_ns) and (
        before.st_ctime_ns >= now.st_ctime_ns
    )


def same_bytes(current: str | Path, data: bytes) -> bool:
    try:
        if os.stat(current).st_size != len(data):
            return False
        with open(current, "rb") as file:
            return file.read() == data
    except OSError:
        return False


def _same_file(current: str | Path, target: str | Path) -> bool:
    """Whether the staged file is a link to the file in the current output already."""
    try:
        return os.path.samefile(current, target)
    except OSError:
        return False  # no staged file yet (or no current one: then a link says so)


def _link(current: str | Path, target: str | Path) -> None:
    """A hard link to the file in the current output (kept if the staged file is that link
    already); a copy where links are not possible."""
    if _same_file(current, target):
        return
    _vacate(target)
    try:
        os.link(current, target)
    except OSError:
        shutil.copy2(current, target)
