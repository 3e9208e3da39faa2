"""New files for authors: ``articlegen new`` (an article) and ``articlegen init`` (a site)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import frontmatter

from .config import CONFIG_FILE, missing_config
from .content import CONTENT_DIR, find_sources, readable_article
from .errors import ArticlegenError
from .frontmatter import TITLE_MAX
from .lookalike import fold
from .site import RESERVED_SLUGS
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
    """Create ``content/<slug>.md`` with its front-matter filled in; never overwrites, and
    refuses a slug or title another article has, which the build would reject or find ambiguous."""
    if not (root / CONFIG_FILE).is_file():
        raise missing_config(root)
    title = " ".join(title.split())
    slug = slug_for_title(title)
    check_unreserved(slug, title)
    path = root / CONTENT_DIR / f"{slug}.md"
    if not path.exists():  # if it does, create_file says so
        check_untaken(root, slug, title)
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


def check_unreserved(slug: str, title: str) -> None:
    """Refuse a title whose slug a page of the site's own has (``/tags/``, ``/page/2/``…):
    the build would reject the article, so say so now, with a title that works."""
    if slug not in RESERVED_SLUGS:
        return
    other = f"About {title}"
    raise ArticlegenError(
        f"the title '{title}' makes the slug '{slug}', reserved for the site's own pages"
        f" under /{slug}/",
        hint=f"give a longer title, e.g. articlegen new {json.dumps(other, ensure_ascii=False)}"
        f" (reserved slugs: {', '.join(sorted(RESERVED_SLUGS))})",
    )


def check_untaken(root: Path, slug: str, title: str) -> None:
    """Refuse a slug another article already has, and a title another has in any case or
    spacing (a link to either by title ignoring case would then match both, ``links``).
    Articles are read as far as they can be, without validating them: their own errors are
    for the build to report."""
    for source in find_sources(root):
        other = readable_article(root, source)
        if other is None:
            continue
        where = f"{other.source}:{other.meta.lines['slug']}" if other.meta.slug else other.source
        if other.slug == slug:
            what = f"the slug '{slug}' is taken: {where} has it"
        elif fold(other.meta.title) == fold(title):
            where = f"{other.source}:{other.meta.lines['title']}"
            what = f"the title '{title}' is taken: {where} has '{other.meta.title}'"
        else:
            continue
        raise ArticlegenError(what, hint="choose another title, or edit the existing article")


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
