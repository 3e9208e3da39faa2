"""Articles written where the build does not look: a Markdown file with an article's header
at the site's root or in a folder beside ``content/`` (``posts/``, Jekyll's ``_posts/``,
``static/``). The build reads ``content/`` only, so such a file silently went missing, or,
in ``static/``, was published as a raw file; a new user cannot tell why."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..core.errors import ArticlegenError, FrontMatterError
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
    notes = []
    for folder, strays in _strays(root, output):
        note = _note(strays, folder == root / STATIC_DIR)
        if folder.name.startswith("_"):  # _posts/, _pages/: a Jekyll site's, Liquid and all
            note += " ('articlegen import .' converts a Jekyll site's posts and pages)"
        notes.append(note)
    return notes


def no_content_problems(root: Path) -> list[ArticlegenError]:
    """With no ``content/`` folder at all, an error for each folder beside it (or the root)
    that holds articles: the site was built with no article, exit code 0, its articles'
    pages taken out of the output folder, and only a note said why (``Content/`` renamed,
    which names a folder of its own where names are case-sensitive; ``posts/``). Not
    ``static/``'s, which are published as files, as a Markdown file to download is meant."""
    if (root / CONTENT_DIR).exists():  # as always but in a site's first minutes
        return []
    problems: list[ArticlegenError] = []
    for folder, strays in _strays(root, None):
        if folder == root / STATIC_DIR:  # published as files, as meant: a note says so
            continue
        named = ", ".join(strays[:SHOWN]) + (", …" if len(strays) > SHOWN else "")
        where = folder.relative_to(root).as_posix() if folder != root else "."
        fix = f"move the articles into {CONTENT_DIR}/"
        if folder.name.casefold() == CONTENT_DIR:
            fix = f"rename {where}/ to {CONTENT_DIR}/ (folder names are case-sensitive)"
        problems.append(
            FrontMatterError(
                f"the site has no {CONTENT_DIR}/ folder, where the build reads articles, so it"
                f" would build none, though this folder holds {len(strays):,}"
                f" article{'s' if len(strays) > 1 else ''} ({named})",
                where,
                hint=fix,
            )
        )
    return problems


def _strays(root: Path, output: Path | None) -> list[tuple[Path, list[str]]]:
    """The root and each folder beside ``content/`` (not ``output``) that holds articles,
    with those articles' paths from the root."""
    try:
        folders = sorted(
            p
            for p in root.iterdir()
            if p.is_dir() and p.name not in _NOT_LOOKED_IN and not p.name.startswith(".")
        )
    except OSError:  # the build reports an unreadable site folder on its own
        return []
    found = []
    for folder in (root, *folders):
        if output is not None and folder.resolve() == output.resolve():
            continue
        strays = [f.relative_to(root).as_posix() for f in _articles_in(folder)]
        if strays:
            found.append((folder, strays))
    return found


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
