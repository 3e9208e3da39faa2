"""New files for authors: ``articlegen new`` (an article) and ``articlegen init`` (a site)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import frontmatter

from .config import CONFIG_FILE
from .content import CONTENT_DIR
from .errors import ArticlegenError
from .slugs import slugify

_SITE_YAML = """\
title: "{title}"
base_url: "https://example.org/"
language: en
description: ""
author: ""
output: public
per_page: 10
comments:
  default: false
"""


def new_article(root: Path, title: str, *, today: dt.date | None = None) -> Path:
    """Create ``content/<slug>.md`` with its front-matter filled in; never overwrites."""
    title = title.strip()
    slug = slugify(title)
    if not slug:
        raise ArticlegenError(
            f"cannot make a file name from the title {title!r}", hint="use letters or digits"
        )
    path = root / CONTENT_DIR / f"{slug}.md"
    post = frontmatter.Post(
        "Write the first paragraph here: it becomes the summary unless you set a description.\n",
        title=title,
        date=today or dt.date.today(),
        tags=[],
        see_also=[],
        draft=True,
    )
    _create(path, frontmatter.dumps(post, sort_keys=False) + "\n", root)
    return path


def init_site(root: Path, title: str = "My health blog") -> list[Path]:
    """A minimal site: ``site.yaml`` and a first article; refuses to overwrite."""
    config = root / CONFIG_FILE
    _create(config, _SITE_YAML.format(title=title.replace('"', "'")), root)
    return [config, new_article(root, "Welcome")]


def _create(path: Path, text: str, root: Path) -> None:
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise ArticlegenError(
            f"{shown} already exists", shown, hint="choose another title or edit the existing file"
        ) from None
