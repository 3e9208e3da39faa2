"""The only module that writes the site: stage everything, then swap it in.

A build that fails for any reason (bad input, full disk, Ctrl-C) leaves the
previous output exactly as it was, and never leaves a half-written folder.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import shutil
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from .errors import OutputError
from .model import PUBLISHED_HIDDEN, RenderedPage

_SKIPPED_STATIC = (".", "#", "~")
"""Static names left out: hidden, editor lock and backup files (``.git/``, ``#x#``, ``~x``)."""


def check_output_location(output: Path, root: Path) -> None:
    """Refuse folders whose replacement would destroy the author's work."""
    out, site = output.resolve(), root.resolve()
    home = Path.home().resolve()
    forbidden = {
        site: "the site folder itself",
        site / "content": "the content folder",
        site / "templates": "the templates folder",
        site / "static": "the static folder",
        home: "your home folder",
        Path(out.anchor): "the root of the file system",
    }
    if out in forbidden:
        reason = forbidden[out]
    elif site.is_relative_to(out):
        reason = "a parent of the site folder"
    elif any(out.is_relative_to(site / d) for d in ("content", "templates", "static")):
        reason = "inside a source folder"
    else:
        return
    raise OutputError(
        f"refusing to use {output} as the output folder: it is {reason}",
        hint="choose a dedicated folder such as 'public' (site.yaml 'output' or --output)",
    )


def write_site(
    pages: Sequence[RenderedPage],
    static_dirs: Iterable[Path],
    output: Path,
    before_swap: Callable[[Path], None] | None = None,
    spare: Path | None = None,
) -> None:
    """Write ``pages`` and the static files into ``output``, atomically replacing it.

    ``before_swap(folder)`` may add files made from the written site (a search index):
    it runs on the staged folder, so if it fails the previous output stays.

    A file whose bytes are the same as in the current output (a page the cache
    reused, a page rendered the same again, an unchanged static file) is
    hard-linked from there rather than written again; when the output already
    holds exactly the site, nothing at all is written.

    ``spare`` (a folder on the output's file system, such as one in the build cache)
    keeps the site the swap replaced, and the next build stages into it: its folders
    exist already and most of its files are the current ones, so a rebuild creates and
    deletes a few files instead of a tree of thousands of folders.
    """
    output = _followed(output)
    if output.exists() and not output.is_dir():
        raise OutputError(
            f"output {output} exists and is not a folder", hint="remove it or pick another"
        )
    statics = _static_files(static_dirs)
    generated = {page.out_path for page in pages}
    for source, relative in statics:
        if relative in generated:
            raise OutputError(
                f"{source} has the same name as a generated page ({relative})",
                hint="rename or remove the static file",
            )
    _remove_stale(output)
    if before_swap is None and _already_written(pages, statics, output):
        return
    staging = output.with_name(f".{output.name}.staging-{os.getpid()}")
    spare = spare if spare is not None and _same_device(spare.parent, output.parent) else None
    try:
        folders = _staging_from(spare, staging, generated | {rel for _, rel in statics})
        for source, relative in statics:
            _place_static(source, output / relative, _prepared(staging / relative, folders))
        for page in pages:
            _place_page(page, output / page.out_path, _prepared(staging / page.out_path, folders))
        if before_swap is not None:
            before_swap(staging)
        _swap(staging, output, spare)
    except OSError as exc:
        raise OutputError(
            f"cannot write the site to {output}: {exc.strerror or exc}",
            hint="check free disk space and write permission; the previous site is untouched",
        ) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _already_written(
    pages: Sequence[RenderedPage], statics: list[tuple[Path, str]], output: Path
) -> bool:
    """Whether ``output`` holds these files and nothing else, each unchanged: a page the
    cache reused, a page with the same bytes, a static file with the same size and time.
    (Not used with a search index to add: whether it is current cannot be told.)"""
    expected = {page.out_path for page in pages} | {relative for _, relative in statics}
    try:
        if not output.is_dir() or _files_in(output) != expected:
            return False
        return all(
            page.data is None or _same_bytes(output / page.out_path, page.data) for page in pages
        ) and all(_same_stat(source, output / relative) for source, relative in statics)
    except OSError:
        return False


def _files_in(folder: Path) -> set[str] | None:
    """Every file under ``folder`` (relative, ``/``-separated); None if it holds anything
    else a build does not leave there (an empty folder, a link, a special file)."""
    files: set[str] = set()
    pending = [(str(folder), "")]
    while pending:
        path, relative = pending.pop()
        with os.scandir(path) as listing:
            entries = list(listing)
        if not entries:
            return None
        for entry in entries:
            name = f"{relative}/{entry.name}" if relative else entry.name
            if entry.is_dir(follow_symlinks=False):
                pending.append((entry.path, name))
            elif entry.is_file(follow_symlinks=False):
                files.add(name)
            else:
                return None
    return files


def _staging_from(spare: Path | None, staging: Path, wanted: set[str]) -> set[Path]:
    """Make ``staging``, from ``spare`` when there is one, holding no file but ``wanted``
    ones; the folders it has (for ``_prepared``). A spare that cannot be used (one a build
    run as another user left, say) only costs the time of a fresh folder."""
    if spare is not None and spare.is_dir() and not spare.is_symlink():
        try:
            spare.rename(staging)
        except OSError:
            pass  # not ours to move: start afresh below, and leave it be
        else:
            try:
                return _pruned(staging, wanted, _folder_mode())
            except OSError:
                shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    return {staging}


def _folder_mode() -> int:
    """The permissions a folder made now gets (0o777 less the umask), as a fresh staging
    folder's would be: a folder kept from the spare is given them too."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o777 & ~mask


def _pruned(folder: Path, wanted: set[str], mode: int) -> set[Path]:
    """Delete from ``folder`` everything that is not a regular file in ``wanted`` or a
    folder on the way to one, and give each folder left ``mode``; the folders left."""
    needed = {""} | {posixpath.dirname(w) for w in wanted}
    needed |= {p for n in list(needed) for p in _parents(n)}
    kept: set[Path] = set()
    pending = [(str(folder), "")]
    while pending:
        path, relative = pending.pop()
        kept.add(Path(path))
        found = os.stat(path).st_mode
        if found & 0o777 != mode:
            os.chmod(path, (found & 0o7000) | mode)
        with os.scandir(path) as entries:  # file types come with the listing: no stat each
            for entry in entries:
                name = f"{relative}/{entry.name}" if relative else entry.name
                if entry.is_dir(follow_symlinks=False):
                    if name in needed:
                        pending.append((entry.path, name))
                    else:
                        shutil.rmtree(entry.path)
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


def _prepared(target: Path, folders: set[Path]) -> Path:
    """``target``, its folder created (each folder once per build)."""
    if target.parent not in folders:
        target.parent.mkdir(parents=True, exist_ok=True)
        folders.update(target.parents)
    return target


def _place_page(page: RenderedPage, current: Path, target: Path) -> None:
    if page.data is None:
        if not current.is_file():
            raise OutputError(
                f"{current} disappeared during the build",
                hint="build again (or with --no-cache)",
            )
        _link(current, target)
    elif _same_bytes(current, page.data):
        _link(current, target)
    else:
        _vacate(target)
        target.write_bytes(page.data)


def _place_static(source: Path, current: Path, target: Path) -> None:
    """Copied with its modification time, so an unchanged copy is recognised next time."""
    if _same_stat(source, current):
        _link(current, target)
    else:
        _vacate(target)
        shutil.copy2(source, target)


def _vacate(target: Path) -> None:
    """Remove a staged file before writing its new bytes: one kept from the spare may be a
    hard link to the live site's file, which writing into would change in place."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(target)


def _same_stat(source: Path, current: Path) -> bool:
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


def _same_bytes(current: Path, data: bytes) -> bool:
    try:
        if os.stat(current).st_size != len(data):
            return False
        return current.read_bytes() == data
    except OSError:
        return False


def _link(current: Path, target: Path) -> None:
    """A hard link to the file in the current output (kept if the staged file is that link
    already); a copy where links are not possible."""
    try:
        if os.path.samefile(current, target):
            return
    except OSError:
        pass  # no staged file yet (or no current one: then the link below says so)
    _vacate(target)
    try:
        os.link(current, target)
    except OSError:
        shutil.copy2(current, target)


def _followed(output: Path) -> Path:
    """The output folder itself: where ``output`` is a symbolic link (``public`` → a web
    server's folder), the folder it points to, which the build then replaces, keeping the
    link; otherwise ``output`` as an absolute path."""
    output = output.absolute()
    return output.resolve() if output.is_symlink() else output


def remove_output(output: Path, root: Path) -> bool:
    """Delete the output folder (``articlegen clean``); False if there was none. A link
    to the folder stays (the next build fills the folder it points to again)."""
    check_output_location(output, root)
    output = _followed(output)
    if not output.exists():
        return False
    if not output.is_dir():
        raise OutputError(f"output {output} is not a folder", hint="remove it by hand")
    shutil.rmtree(output)
    return True


def _static_files(static_dirs: Iterable[Path]) -> list[tuple[Path, str]]:
    """``(source, relative path)`` of every static file; later folders override earlier ones."""
    chosen: dict[str, Path] = {}
    for folder in static_dirs:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder)
            if path.is_file() and not any(_skipped(part) for part in relative.parts):
                chosen[relative.as_posix()] = path
    return [(source, relative) for relative, source in sorted(chosen.items())]


def _skipped(name: str) -> bool:
    return name.startswith(_SKIPPED_STATIC) and name not in PUBLISHED_HIDDEN


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
            shutil.rmtree(spare, ignore_errors=True)
            old.rename(spare)
            return
    try:
        shutil.rmtree(old, ignore_errors=True)
    except KeyboardInterrupt:
        shutil.rmtree(old, ignore_errors=True)


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


def _remove_stale(output: Path) -> None:
    """Leftovers of builds that were killed before they could clean up."""
    if not output.parent.is_dir():
        return
    for leftover in output.parent.glob(f".{output.name}.*-*"):
        kind, _, pid = leftover.name.rpartition("-")
        if kind.endswith((".staging", ".old")) and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(leftover, ignore_errors=True)


def _alive(pid: int) -> bool:
    """Whether a process with this id still runs (its staging folder is in use)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
