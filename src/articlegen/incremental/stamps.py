"""A file's stamp: what it looks like from outside (``stat``), which vouches for its bytes
while it stays the same, unless the file changed too recently for the file system's clock
to show the next change ("racily clean", as git calls it)."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

FileStamp = tuple[int, int, int, int, int]
SourceStamp = tuple[int, ...]
"""Inode, size, modification and change time (ns) of a path and of what it leads to."""
RACY_SECONDS = 2.0
"""A file changed this recently may change again without changing its stamp (the file
system's clock is coarse; FAT's has 2 s steps), so its stamp does not vouch for it."""


def source_stamp(
    path: Path, *, now: float | None = None, link: os.stat_result | None = None
) -> SourceStamp | None:
    """What a content file looks like from outside (``lstat`` and ``stat``): while it is
    the same, the file holds the bytes it held when the stamp was taken, so it need not be
    read again. None if it is missing, or changed within ``RACY_SECONDS`` of ``now`` (git
    calls such files "racily clean"): then only its bytes can tell. ``link``: the path's
    ``lstat``, taken by the caller just before (who reads the file after)."""
    try:
        link = os.lstat(path) if link is None else link
        info = os.stat(path) if stat.S_ISLNK(link.st_mode) else link  # the same, unless a link
    except OSError:
        return None
    if is_racy(max(link.st_mtime_ns, link.st_ctime_ns, info.st_mtime_ns, info.st_ctime_ns), now):
        return None
    return (
        *(link.st_dev, link.st_ino, link.st_size, link.st_mtime_ns, link.st_ctime_ns),
        *(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns),
    )


def is_racy(changed_ns: int, now: float | None = None) -> bool:
    """Whether a file last changed at ``changed_ns`` (ns since the epoch) changed too close
    to ``now`` (seconds; default: the current time) for its stamp to vouch for it."""
    return changed_ns >= ((time.time() if now is None else now) - RACY_SECONDS) * 1e9


def file_stamp(path: str | Path) -> FileStamp | None:
    """Device, inode, size, modification and change time of a file; None if it is missing.
    The change time also moves when a file is rewritten and its mtime set back."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
