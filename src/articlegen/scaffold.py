"""New files for authors: ``articlegen new`` (an article) and ``articlegen init`` (a site)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import frontmatter

from .config import CONFIG_FILE
from .content import CONTENT_DIR
from .errors import ArticlegenError
from .frontmatter import TITLE_MAX
from .slugs import SUGGESTED_SLUG_LENGTH, slugify

_SITE_YAML = """\
title: {title}
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
    title = " ".join(title.split())
    path = root / CONTENT_DIR / f"{slug_for_title(title)}.md"
    post = frontmatter.Post(
        "Write the first paragraph here: it becomes the summary unless you set a description.\n",
        title=title,
        date=today or dt.date.today(),
        tags=[],
        see_also=[],
        draft=True,
    )
    create_file(path, frontmatter.dumps(post, sort_keys=False) + "\n", root)
    return path


def slug_for_title(title: str) -> str:
    """The file name (without ``.md``) for a new article, or an error if the title is unusable."""
    if len(title) > TITLE_MAX:
        raise ArticlegenError(
            f"the title is {len(title):,} characters long (at most {TITLE_MAX})",
            hint="give a shorter title",
        )
    slug = slugify(title, SUGGESTED_SLUG_LENGTH)
    if not slug:
        raise ArticlegenError(
            f"cannot make a file name from the title {title!r}", hint="use letters or digits"
        )
    return slug


def init_site(root: Path, title: str = "My health blog") -> list[Path]:
    """A minimal site: ``site.yaml`` and a first article; refuses to overwrite."""
    config = root / CONFIG_FILE
    create_file(config, _SITE_YAML.format(title=json.dumps(title, ensure_ascii=False)), root)
    return [config, new_article(root, "Welcome")]


def create_file(path: Path, text: str, root: Path) -> None:
    """Write a new file for the author; never overwrites one that exists."""
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise ArticlegenError(
            f"{shown} already exists", shown, hint="choose another title or edit the existing file"
        ) from None
    except OSError as exc:
        raise ArticlegenError(
            f"cannot create {shown}: {exc.strerror or exc}",
            shown,
            hint="check that the folder exists and that you may write to it",
        ) from exc
