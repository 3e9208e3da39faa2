"""Articles written where the build does not look: a Markdown file with an article's header
at the site's root or in a folder beside ``content/`` (``posts/``, Jekyll's ``_posts/``,
``static/``). The build reads ``content/`` only, so such a file silently went missing, or,
in ``static/``, was published as a raw file; a new user cannot tell why."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..core.layout import CACHE_DIR, CONTENT_DIR, STATIC_DIR, TEMPLATES_DIR

_NOT_LOOKED_IN = frozenset((CONTENT_DIR, TEMPLATES_DIR, CACHE_DIR, "node_modules"))
"""Folders whose Markdown is no stray article: ``content/`` is read, the rest is not text."""
_TITLE = re.compile(rb"^title[ \t]*:", re.MULTILINE)
_HEAD_BYTES = 4096
"""Enough of a file to find its header's ``title:``: a header is a few lines."""
SHOWN = 3
"""How many files of one folder a note names before counting the rest."""


def stray_notes(root: Path, output: Path) -> list[str]:
    """One note per folder (the root, or a folder beside ``content/``, not ``output``) that
    holds Markdown files starting with a YAML header that has a ``title:``."""
    try:
        folders = sorted(
            p
            for p in root.iterdir()
            if p.is_dir() and p.name not in _NOT_LOOKED_IN and not p.name.startswith(".")
        )
    except OSError:  # the build reports an unreadable site folder on its own
        return []
    notes = []
    for folder in (root, *(f for f in folders if f.resolve() != output.resolve())):
        strays = [f.relative_to(root).as_posix() for f in _articles_in(folder)]
        if strays:
            note = _note(strays, folder == root / STATIC_DIR)
            if folder.name.startswith("_"):  # _posts/, _pages/: a Jekyll site's, Liquid and all
                note += " ('articlegen import .' converts a Jekyll site's posts and pages)"
            notes.append(note)
    return notes


def _articles_in(folder: Path) -> list[Path]:
    """The files of ``folder`` (not below) named ``*.md`` that start as an article does."""
    try:
        files = sorted(f for f in folder.glob("*.md") if f.is_file())
    except OSError:
        return []
    return [f for f in files if has_article_header(f)]


def has_article_header(file: Path) -> bool:
    """Whether ``file`` starts as an article does: a ``---`` line (after a byte order mark,
    which Windows editors write), then a ``title:`` within its first lines. Also how
    ``misnamed`` tells an article saved as ``.txt`` from a note."""
    try:
        with file.open("rb") as opened:
            head = opened.read(_HEAD_BYTES).removeprefix(codecs.BOM_UTF8)
    except OSError:
        return False
    return head.startswith(b"---") and _TITLE.search(head) is not None


def _note(strays: list[str], static: bool) -> str:
    """``posts/a.md, posts/b.md: …``, naming ``SHOWN`` files and counting the rest."""
    named = ", ".join(strays[:SHOWN])
    if len(strays) > SHOWN:
        named += f" and {len(strays) - SHOWN:,} more"
    one = len(strays) == 1
    fate = "not built"
    if static:
        fate = "published as a raw file, not built" if one else "published as raw files, not built"
    return (
        f"{named}: {'an article' if one else 'articles'} outside {CONTENT_DIR}/, so "
        f"{'it is' if one else 'they are'} {fate} — move {'it' if one else 'them'} into "
        f"{CONTENT_DIR}/"
    )
