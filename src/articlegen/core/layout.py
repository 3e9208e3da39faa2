"""Where things are: the package's own theme and code, and the folder and file names of a site.

One module holds them so that a name is spelled once and every room agrees on it.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).parents[1]
"""The installed ``articlegen`` package folder: its code is the build cache's fingerprint."""

THEME = PACKAGE / "theme"
"""The built-in theme a site's own ``templates/`` and ``static/`` override file by file."""
THEME_TEMPLATES = THEME / "templates"
THEME_STATIC = THEME / "static"
