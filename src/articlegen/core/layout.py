"""Where things are: the package's own theme and code, and the folder and file names of a site.

One module holds them so that a name is spelled once and every room agrees on it.
"""

from __future__ import annotations

from pathlib import Path

from .model import PUBLISHED_HIDDEN

PACKAGE = Path(__file__).parents[1]
"""The installed ``articlegen`` package folder: its code is the build cache's fingerprint."""

THEME = PACKAGE / "theme"
"""The built-in theme a site's own ``templates/`` and ``static/`` override file by file."""
THEME_TEMPLATES = THEME / "templates"
THEME_STATIC = THEME / "static"

CONFIG_FILE = "site.yaml"
"""The site's settings, at the site's root."""
CONTENT_DIR = "content"
"""The articles: every ``*.md`` file under it, at any depth."""
PAGES_DIR = f"{CONTENT_DIR}/pages/"
"""Files under this folder of ``content/`` are pages (``Article.page``), not articles."""
TEMPLATES_DIR = "templates"
"""The site's own Jinja templates, each overriding the theme's of the same name."""
STATIC_DIR = "static"
"""Files published as they are (images, downloads), overriding the theme's."""
SOURCE_FOLDERS = (CONTENT_DIR, TEMPLATES_DIR, STATIC_DIR)
"""The site's folders a build reads."""
CACHE_DIR = ".articlegen-cache"
"""The build cache and the last build's receipt, git-ignored."""
IMAGE_COPIES = "images"
"""The folder in ``CACHE_DIR`` of images' responsive copies (``output/variants.py``)."""
DEFAULT_OUTPUT = "public"
"""Where a build writes when ``site.yaml`` names no ``output:``."""
OUTPUT_MARKER = ".articlegen-output"
"""The file that marks a folder as an output articlegen made (hidden: never served by the
preview, skipped by hosts that skip dot-files; published by the others, and harmless)."""

OUTPUT_FILES = ".articlegen-files"
"""The record of the files the build wrote into its output (``output/outputrecord.py``), so
that the next one keeps the files someone put there; beside the mark, and hidden as it is."""

SKIPPED_STATIC = (".", "#", "~")
"""Static names left out: hidden, editor lock and backup files (``.git/``, ``#x#``, ``~x``)."""


def is_skipped(name: str) -> bool:
    """Whether a file or folder of ``static/`` of this name is left out of the site."""
    return name.startswith(SKIPPED_STATIC) and name not in PUBLISHED_HIDDEN
