"""Removing a folder tree that may hold read-only folders: the output keeps folders someone
made with their permissions (``output/outputrecord.py``), and once that site is the spare or
an old one, ``shutil.rmtree`` alone cannot empty a folder without write permission, though
its owner may."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

_OWNER_ALL = stat.S_IRWXU


def remove_tree(path: str | Path, *, ignore_errors: bool = False) -> None:
    """``shutil.rmtree(path)``, after giving its owner every permission on each folder in
    it where a first try was refused; gone already is done. With ``ignore_errors`` as
    rmtree's: what cannot be removed stays."""
    try:
        shutil.rmtree(path)
    except FileNotFoundError:
        return
    except PermissionError:
        _opened(str(path))
        shutil.rmtree(path, ignore_errors=ignore_errors)
    except OSError:
        if not ignore_errors:
            raise


def _opened(folder: str) -> None:
    """Each folder under ``folder`` (itself first) readable, writable and searchable by its
    owner, as far as the owner may set that; links are not followed."""
    pending = [folder]
    while pending:
        path = pending.pop()
        try:
            mode = os.lstat(path).st_mode
            if stat.S_ISDIR(mode) and mode & _OWNER_ALL != _OWNER_ALL:
                os.chmod(path, mode | _OWNER_ALL)
            with os.scandir(path) as entries:
                pending.extend(e.path for e in entries if e.is_dir(follow_symlinks=False))
        except OSError:
            continue  # another user's: rmtree says so
