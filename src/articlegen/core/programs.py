"""The programs articlegen runs that are not Python: where each is installed, if anywhere.

Both the search step and the up-to-date check need Pagefind's path (a new Pagefind can
index differently, so it is one of a build's inputs), hence this room of its own below both.
"""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

_WHEELS = ("pagefind_bin_extended", "pagefind_bin")
_COMMANDS = ("pagefind_extended", "pagefind")


def find_pagefind() -> Path | None:
    """The Pagefind program from its PyPI wheel, else from PATH; None when it is not installed."""
    for name in _WHEELS:
        try:
            return Path(importlib.import_module(name).get_executable())
        except (ImportError, FileNotFoundError, AttributeError):
            continue
    for command in _COMMANDS:
        if found := shutil.which(command):
            return Path(found)
    return None
