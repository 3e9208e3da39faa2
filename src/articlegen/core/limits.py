"""The largest inputs articlegen accepts, and reading a file only when it is one to read.

Each limit is far beyond anything a real article or site needs (docs/writing.md lists
them), and each stops an input that would otherwise take minutes and gigabytes, or
drop text without a word: past them the build stops with an error at the place.
"""

from __future__ import annotations

import functools
import os
import stat
from collections.abc import Callable
from pathlib import Path

from .errors import ArticlegenError

MAX_FILE_BYTES = 10 * 1024 * 1024
"""An article, ``site.yaml`` or a file given to ``import``: 10 MiB (a long article is
under 200 KB; twice the longest novels)."""
MAX_HEADER_BYTES = 1024 * 1024
"""A front-matter header, or all of ``site.yaml``'s settings: 1 MiB (a header with 500
references is under 200 KB)."""
MAX_YAML_VALUES = 50_000
"""Values (keys, items, scalars) in one YAML document, counting each use of an alias
again: it keeps an "alias bomb" of a few hundred bytes from expanding to billions."""
MAX_YAML_DEPTH = 50
"""Lists and mappings nested in each other in one YAML document."""
MAX_NESTING = 100
"""Markdown blocks nested in each other (a list level counts two: list and item; a quote
one). markdown-it stops reading at its limit and drops the rest of the article."""
MAX_TABLE_COLUMNS = 200
"""Columns of one Markdown table."""
MAX_IMAGE_PIXELS = 100_000_000
"""Width × height of one image (100 megapixels), raster or SVG."""
MAX_IMPORT_DEPTH = 200
"""Elements nested in each other in a web page given to ``import``."""
MAX_TITLE_CHARACTERS = 200
"""Longest title: a longer one is almost always a paragraph pasted into the wrong place."""


def read_regular_file(
    path: Path,
    display: str,
    error: type[ArticlegenError],
    limit: int = MAX_FILE_BYTES,
    *,
    mode: int | None = None,
) -> bytes:
    """The bytes of the regular file ``path`` (``display`` in messages), at most ``limit``.

    A named pipe, device or socket is refused by its type before it is opened (reading a
    pipe waits for a writer forever), and checked again on the open file, which is opened
    without waiting: it may have been swapped since. A file larger than ``limit`` is
    refused before it is read. ``mode``: the file's, from a ``stat`` (or an ``lstat`` of a
    path that is no link) the caller took just before, which spares taking another.
    """
    try:
        kind = _special_kind(os.stat(path).st_mode if mode is None else mode)
        if kind is None:
            flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
            fd = os.open(path, flags)
            try:  # the descriptor read at once: a buffered file object costs more than a read
                info = os.fstat(fd)
                kind = _special_kind(info.st_mode)
                if kind is None:
                    size_problem(info.st_size, limit, display, error)
                    data = _read_upto(functools.partial(os.read, fd), info.st_size, limit)
                    size_problem(len(data), limit, display, error)  # it grew since
                    return data
            finally:
                os.close(fd)
    except OSError as exc:
        raise error(f"cannot read the file: {exc.strerror or exc}", display) from exc
    raise _not_regular(kind, display, error)


def _read_upto(read: Callable[[int], bytes], size: int, limit: int) -> bytes:
    """What ``read`` gives, up to ``limit + 1`` bytes (one more than allowed shows a file
    that grew past the limit), for a file ``size`` bytes long when it was opened. Asked for
    ``limit + 1`` bytes at once, Python sets aside that much memory (10 MiB) for every
    article, which took longer than reading it: the file's own size is asked for first, and
    the rest only where it has grown (or, like a file of ``/proc``, gives no size)."""
    data = _read_all(read, min(size, limit) + 1)
    if len(data) > size:
        data += _read_all(read, limit + 1 - len(data))
    return data


def _read_all(read: Callable[[int], bytes], count: int) -> bytes:
    """``count`` bytes, fewer only where the file ends: one read may give fewer."""
    parts = []
    while count > 0 and (part := read(count)):
        parts.append(part)
        count -= len(part)
    return b"".join(parts)


def special_file_problem(
    path: Path, display: str, error: type[ArticlegenError]
) -> ArticlegenError | None:
    """Why ``path`` cannot be published as a file (a named pipe, device or socket: copying
    one would hang or fail), judged by its type without opening it; None for a regular
    file."""
    try:
        kind = _special_kind(os.stat(path).st_mode)
    except OSError as exc:  # removed since it was listed
        return error(f"cannot read the file: {exc.strerror or exc}", display)
    return None if kind is None else _not_regular(kind, display, error)


def _not_regular(kind: str, display: str, error: type[ArticlegenError]) -> ArticlegenError:
    return error(
        f"not a regular file but {kind}",
        display,
        hint="only ordinary files can be read: remove it, or move it out of the site",
    )


def size_problem(size: int, limit: int, display: str, error: type[ArticlegenError]) -> None:
    """Raise ``error`` if a file of ``size`` bytes is over ``limit``."""
    if size > limit:
        raise error(
            f"the file is {_over(size, limit)}",
            display,
            hint="split it into several files",
        )


def header_problem(header: str, display: str, line: int, error: type[ArticlegenError]) -> None:
    """Raise ``error`` at ``line`` if the YAML text ``header`` is over ``MAX_HEADER_BYTES``
    in UTF-8, before it is parsed."""
    size = len(header.encode("utf-8", "surrogatepass"))
    if size > MAX_HEADER_BYTES:
        raise error(
            f"the header is {_over(size, MAX_HEADER_BYTES)}",
            display,
            line,
            "move long text into the body of the article",
        )


def _over(size: int, limit: int) -> str:
    """``3 KiB, more than the limit of 2 KiB``; in bytes when the two would read the same."""
    if _megabytes(size) == _megabytes(limit):
        return f"{size:,} bytes, more than the limit of {limit:,} bytes"
    return f"{_megabytes(size)}, more than the limit of {_megabytes(limit)}"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KiB"


def _special_kind(mode: int) -> str | None:
    """What a file that is not a regular one is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    kinds = {
        stat.S_ISFIFO: "a named pipe (FIFO)",
        stat.S_ISCHR: "a character device",
        stat.S_ISBLK: "a block device",
        stat.S_ISSOCK: "a socket",
        stat.S_ISDIR: "a folder",
    }
    return next((name for test, name in kinds.items() if test(mode)), "a special file")
