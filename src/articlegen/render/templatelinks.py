"""Symbolic links in the site's ``templates/`` that lead out of the site folder.

Jinja reads a template through any link, so ``templates/notes.html -> ~/.ssh/id_rsa``
(or a linked folder, ``templates/etc -> /etc``, then ``{% include "etc/passwd" %}``)
published a file from anywhere on the disk in the pages, as ``static/`` and ``content/``
refuse to. Links within the site (a template shared between two sites' folders kept
together) are left alone.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..content.articles import outside_site
from ..core.errors import ArticlegenError, TemplateError
from ..core.layout import TEMPLATES_DIR


def outside_link_problems(root: Path) -> list[ArticlegenError]:
    """An error for each link under ``templates/`` (to a file or a folder) whose target is
    outside ``root``; links are not followed into folders, so each is judged once."""
    top = root / TEMPLATES_DIR
    if not top.is_dir():
        return []
    site = os.path.realpath(root)
    if not _inside(top, site):  # templates/ itself a link out of the site
        return [outside_site(root, top, "folder", TEMPLATES_DIR, TemplateError)]
    problems: list[ArticlegenError] = []
    for folder, subfolders, files in os.walk(top):
        for name in sorted([*subfolders, *files]):
            path = Path(folder, name)
            if path.is_symlink() and not _inside(path, site):
                kind = "folder" if path.is_dir() else "file"
                problems.append(outside_site(root, path, kind, TEMPLATES_DIR, TemplateError))
    return problems


def _inside(path: Path, site: str) -> bool:
    """Whether ``path``, its links followed (a loop as far as it goes), is in ``site``."""
    return Path(os.path.realpath(path)).is_relative_to(site)
