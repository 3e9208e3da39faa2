"""The only module that writes the site (``staging`` fills the staged folder for it):
stage everything, then swap it in.

A build that fails for any reason (bad input, full disk, Ctrl-C) leaves the
previous output exactly as it was, and never leaves a half-written folder.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import stat
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from pathlib import Path

from ..content.staticfiles import StaticFile
from ..core.errors import OutputError
from ..core.layout import OUTPUT_FILES, OUTPUT_MARKER
from ..core.model import RenderedPage
from ..core.records import record
from ..core.removal import remove_tree
from .destination import MARKER_TEXT, Destination, may_delete
from .outputrecord import (
    NO_OWN_FILES,
    OwnFiles,
    files_under,
    own_files,
    record_bytes,
    shown_folder,
)
from .staging import fill_staging, place_page, same_bytes, same_stat, usable_spare


def write_site(
    paths: Collection[str],
    pages: Iterable[RenderedPage],
    statics: Sequence[StaticFile],
    output: Path,
    before_swap: Callable[[Path], None] | None = None,
    spare: Path | None = None,
    keep: str | None = None,
    own: OwnFiles = NO_OWN_FILES,
) -> None:
    """Write ``pages`` (the files at ``paths``, every one of them), the static files
    (``staticfiles.find_static``, checked not to collide with a page), the
    ``layout.OUTPUT_MARKER`` file and the record of them all (``outputrecord``) into
    ``output``, atomically replacing it (a folder ``destination`` found the build may
    replace).

    The pages are read one at a time, each written (or linked) before the next is read,
    so a caller that renders each page as it is read never holds the whole site.

    ``before_swap(folder)`` may add files made from the written site (a search index) in
    the folder ``keep``, which the spare may hold already for it to update: it runs on the
    staged folder, so if it fails the previous output stays.

    A file whose bytes are the same as in the current output (a page the cache
    reused, a page rendered the same again, an unchanged static file) is
    hard-linked from there rather than written again; when the output already
    holds exactly the site, nothing at all is written.

    ``spare`` (a folder on the output's file system, such as one in the build cache)
    keeps the site the swap replaced, and the next build stages into it: its folders
    exist already and most of its files are the current ones, so a rebuild creates and
    deletes a few files instead of a tree of thousands of folders.

    ``own`` are the files and folders of ``output`` someone put there
    (``outputrecord.own_files``): they stay in the new output as they are.
    """
    output = _followed(output)
    paths = {*paths, OUTPUT_MARKER}
    written = {*paths, *(relative for _, relative in statics), OUTPUT_FILES}
    ending = [RenderedPage("", OUTPUT_MARKER, MARKER_TEXT)]
    if before_swap is None:  # else the record is written once the index is made
        paths.add(OUTPUT_FILES)
        ending.append(RenderedPage("", OUTPUT_FILES, record_bytes(written)))
    unwritten: Iterable[RenderedPage] = itertools.chain(pages, ending)
    _remove_stale(output)
    if before_swap is None:
        changed = _unwritten(paths, unwritten, statics, output, own)
        if changed is None:
            return
        unwritten = changed
    staging = output.with_name(f".{output.name}.staging-{os.getpid()}")
    spare = usable_spare(spare, output)
    try:
        fill_staging(staging, output, paths, unwritten, statics, spare, keep, own)
        if before_swap is not None:
            before_swap(staging)
            _record_with_index(staging, output, written, keep)
        _swap(staging, output, spare)
    except OSError as exc:
        raise OutputError(
            f"cannot write the site to {output}: {exc.strerror or exc}",
            hint="check free disk space and write permission",
        ) from exc
    finally:
        remove_tree(staging, ignore_errors=True)


def _record_with_index(staging: Path, output: Path, written: set[str], index: str | None) -> None:
    """The record of the staged site in it, the files ``before_swap`` made in the folder
    ``index`` among them: the live site's file when the bytes are the same."""
    made = [] if index is None else files_under(staging / index, staging)[0]
    page = RenderedPage("", OUTPUT_FILES, record_bytes(written | {f"{index}/{n}" for n in made}))
    place_page(page, str(output / OUTPUT_FILES), str(staging / OUTPUT_FILES), fresh=False)


def _unwritten(
    paths: set[str],
    pages: Iterable[RenderedPage],
    statics: Sequence[StaticFile],
    output: Path,
    own: OwnFiles,
) -> Iterable[RenderedPage] | None:
    """The pages still to write, or None when ``output`` holds these files and nothing
    else (but someone's ``own`` files), each unchanged: a page the cache reused, a page
    with the same bytes, a static file with the same size and time. Pages are read while
    each is the very file in ``output`` (and kept as a page to link, without its bytes);
    the first that differs is given back with the rest. Only then is the folder listed:
    an edit's rebuild changes a page, and stops there. (Not used with a search index to
    add: whether it is current cannot be told.)"""
    same: list[RenderedPage] = []
    pages = iter(pages)
    for page in pages:
        if page.data is not None and not same_bytes(output / page.out_path, page.data):
            return _then(same, [page], pages)
        same.append(RenderedPage(page.url, page.out_path, None))
    expected = paths | {relative for _, relative in statics} | {*own.files}
    try:
        if not output.is_dir() or _files_in(output, own) != expected:
            return same
        if not all(same_stat(source, output / relative) for source, relative in statics):
            return same
    except OSError:
        return same
    return None


def _then(
    same: list[RenderedPage], held: list[RenderedPage], rest: Iterator[RenderedPage]
) -> Iterator[RenderedPage]:
    """``same``, the page ``held``, then ``rest``: the held page let go once it is read, so
    that its bytes are not kept while the rest are written."""
    yield from same
    yield held.pop()
    yield from rest


def _files_in(folder: Path, own: OwnFiles) -> set[str] | None:
    """Every file under ``folder`` (relative, ``/``-separated); None if it holds anything
    else a build does not leave there (an empty folder, a link, a special file) that is
    not someone's ``own`` (a folder of theirs kept empty, a link of theirs): those stay as
    they are, so they alone make no build write the site again."""
    files: set[str] = set()
    own_files, own_folders = set(own.files), set(own.folders)
    pending = [(str(folder), "")]
    while pending:
        path, relative = pending.pop()
        with os.scandir(path) as listing:
            entries = list(listing)
        if not entries and relative not in own_folders:
            return None
        for entry in entries:
            name = f"{relative}/{entry.name}" if relative else entry.name
            if entry.is_dir(follow_symlinks=False):
                pending.append((entry.path, name))
            elif entry.is_file(follow_symlinks=False) or name in own_files:
                files.add(name)
            else:
                return None
    return files


def _followed(output: Path) -> Path:
    """The output folder itself: where ``output`` is a symbolic link (``public`` → a web
    server's folder), the folder it points to, which the build then replaces, keeping the
    link; otherwise ``output`` as an absolute path."""
    output = output.absolute()
    return output.resolve() if output.is_symlink() else output


@record
class Cleaned:
    """What ``remove_output`` did: whether it removed anything, and what it kept."""

    removed: bool
    kept: OwnFiles


def remove_output(dest: Destination, root: Path) -> Cleaned | None:
    """Delete the output folder (``articlegen clean``), if ``destination`` allows; None if
    there was none. The files and folders in it someone put there (``outputrecord``) stay,
    with the mark and a record of no other file: the next build keeps them as its own. A
    link to the folder stays (the next build fills the folder it points to again)."""
    if not may_delete(dest, root):
        return None
    folder = dest.path.absolute()  # through a link: named as the site names it
    own = own_files(folder, (), None, root)[0]
    if not own:
        remove_tree(_followed(folder))
        return Cleaned(True, own)
    files, folders = files_under(folder, root)
    keep = {*own.files, OUTPUT_MARKER, OUTPUT_FILES}
    gone = [name for name in files if name not in keep]
    try:
        for name in gone:
            _unlink(folder, name)
        for name in reversed(folders):  # each folder after those in it
            if name not in own.folders and not os.listdir(folder / name):
                os.rmdir(folder / name)
        record = folder / f"{OUTPUT_FILES}.tmp"
        record.write_bytes(record_bytes([OUTPUT_MARKER, OUTPUT_FILES]))
        os.replace(record, folder / OUTPUT_FILES)
    except OSError as exc:
        raise OutputError(
            f"cannot remove from {shown_folder(folder, root)}: {exc.strerror or exc}",
            hint="it may belong to another user, e.g. from a build run with sudo: delete it "
            "as that user",
        ) from None
    return Cleaned(bool(gone), own)


def _unlink(folder: Path, name: str) -> None:
    """Remove the file ``name``, giving its folder's owner write permission on it first
    where that was refused (a folder someone made read-only)."""
    try:
        os.unlink(folder / name)
    except PermissionError:
        parent = (folder / name).parent
        os.chmod(parent, os.stat(parent).st_mode | stat.S_IRWXU)
        os.unlink(folder / name)


def _swap(staging: Path, output: Path, spare: Path | None = None) -> None:
    """Two renames: the old site is moved aside, the new one takes its name; then the old
    one is deleted. Ctrl-C waits until all of it is done: half-way, it would leave the site
    moved aside, or be reported as "the previous output is untouched" when the new site
    is already in place (and leave the old one behind)."""
    with _interrupts_held():
        if not output.exists():
            staging.rename(output)
            return
        old = output.with_name(f".{output.name}.old-{os.getpid()}")
        output.rename(old)
        try:
            staging.rename(output)
        except BaseException:  # a KeyboardInterrupt not from a signal too: put the old site back
            old.rename(output)
            raise
        _remove_old(old, spare)


def _remove_old(old: Path, spare: Path | None) -> None:
    """Keep the previous site as the ``spare``, or delete it, once the new one is in place:
    from the second rename on, the build has succeeded, so an interruption here (one not
    held off as a signal) only stops the deletion, which is then finished; a build after a
    kill removes what is left."""
    if spare is not None:
        with contextlib.suppress(OSError):
            remove_tree(spare, ignore_errors=True)
            old.rename(spare)
            return
    try:
        remove_tree(old, ignore_errors=True)
    except KeyboardInterrupt:
        remove_tree(old, ignore_errors=True)


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """SIGINT (Ctrl-C) noted but not acted on inside the block, then the previous handler
    back. Only the main thread can set handlers (and only it receives signals: a build in
    another thread, as the preview runs it, is never interrupted). A Ctrl-C held here is
    dropped: the block either published the new site, which is the build's success, or
    failed with an error of its own that says what happened."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: held.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler if previous is None else previous)


def recover(output: Path) -> None:
    """The output folder as killed builds left it, put right: called before the folder is
    read, so that a site put back is the one looked at."""
    _remove_stale(_followed(output))


def _remove_stale(output: Path) -> None:
    """Leftovers of builds that were killed before they could clean up. A build killed
    between the swap's two renames left no output but the old site moved aside: that is
    put back, since it holds files someone put there, which no build could make again."""
    if not output.parent.is_dir():
        return
    for leftover in sorted(output.parent.glob(f".{output.name}.*-*")):
        kind, _, pid = leftover.name.rpartition("-")
        if not (kind.endswith((".staging", ".old")) and pid.isdigit() and not _alive(int(pid))):
            continue
        if kind.endswith(".old") and not os.path.lexists(output):
            with contextlib.suppress(OSError):  # else left as it is, for its owner
                leftover.rename(output)
            continue
        remove_tree(leftover, ignore_errors=True)


def _alive(pid: int) -> bool:
    """Whether a process with this id still runs (its staging folder is in use)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
