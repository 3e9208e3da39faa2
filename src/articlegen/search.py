"""Site search that works on any static host: a Pagefind index of the finished pages.

Pagefind reads the written HTML (only each article's ``data-pagefind-body``)
and writes ``pagefind/`` beside it: a compact index the browser downloads in
pieces while the reader types. It runs on the staged folder before the swap,
so a failed index leaves the previous site in place like any failed build.
"""

from __future__ import annotations

import importlib
import shutil
import subprocess
from pathlib import Path

from .errors import OutputError

INDEX_FOLDER = "pagefind"
"""Where the index goes, under the output folder (and under the site's URL)."""
INSTALL_HINT = "pip install 'articlegen[search]'"
MISSING_NOTE = (
    f"search: Pagefind is not installed, so the site was built without search ({INSTALL_HINT})"
)
_WHEELS = ("pagefind_bin_extended", "pagefind_bin")
_COMMANDS = ("pagefind_extended", "pagefind")
_TIMEOUT_SECONDS = 300


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


def index_site(folder: Path, pagefind: Path) -> None:
    """Write the search index of the site in ``folder`` into ``folder/pagefind/``."""
    command = [str(pagefind), "--site", str(folder), "--output-subdir", INDEX_FOLDER, "--silent"]
    try:
        run = subprocess.run(
            command, capture_output=True, text=True, timeout=_TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise OutputError(
            f"cannot build the search index: {exc}", hint=f"reinstall Pagefind ({INSTALL_HINT})"
        ) from exc
    if run.returncode != 0:
        detail = (run.stderr or run.stdout).strip().splitlines()
        raise OutputError(
            f"the search index failed (Pagefind exit code {run.returncode})"
            + (f": {detail[-1]}" if detail else ""),
            hint="set 'search: false' in site.yaml to build without search",
        )
