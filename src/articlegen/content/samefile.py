"""Articles read twice from one file through symbolic links.

A link in ``content/`` to another article (``second.md -> welcome.md``), or two links to one
file elsewhere in the site, gave the same text two addresses, each page naming itself
canonical and both in the home page, the feeds, the sitemap and search: the duplicate a
reader finds twice in every list and a search engine splits the article's rank between.
An old address meant to lead to the article is what ``aliases:`` makes (a redirect), so the
link is refused with that fix rather than published.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..core.errors import ArticlegenError, FrontMatterError
from ..core.model import Article
from ..core.urls import article_url


def same_file_problems(root: Path, articles: Iterable[Article]) -> list[ArticlegenError]:
    """One error for each article that is a symbolic link to a file another article was
    read from already: the one that is no link is kept (it is the file the writer edits),
    else the first by name. Which files are links is read from one listing of each folder,
    not asked of each file, and paths are joined as text: a site has thousands of articles
    and few links."""
    real_root = root.resolve()
    folders: dict[str, tuple[str, frozenset[str] | None]] = {}
    by_file: dict[str, Article] = {}
    linked: list[tuple[Article, Path]] = []
    for article in articles:
        folder, _, name = article.source.rpartition("/")
        real, links = folders.get(folder) or _listed(root, folder, folders)
        is_link = name in links if links is not None else os.path.islink(root / article.source)
        if is_link:
            linked.append((article, (root / article.source).resolve()))
            continue
        by_file.setdefault(os.path.join(real, name), article)
    problems: list[ArticlegenError] = []
    for article, target in linked:
        if not target.is_relative_to(real_root):  # refused as it is read (outside the site)
            continue
        kept = by_file.setdefault(str(target), article)
        if kept is not article:
            shown = target.relative_to(real_root).as_posix()
            problems.append(_twice(root, article, kept, shown))
    return problems


def _listed(
    root: Path, folder: str, folders: dict[str, tuple[str, frozenset[str] | None]]
) -> tuple[str, frozenset[str] | None]:
    """The folder ``folder`` of the site resolved (``content/`` itself may be a link), and
    the names of the symbolic links in it (None if it cannot be listed: then each file is
    asked), kept in ``folders``."""
    path = root / folder
    try:
        with os.scandir(path) as entries:
            links: frozenset[str] | None = frozenset(e.name for e in entries if e.is_symlink())
    except OSError:
        links = None
    found = folders[folder] = (str(path.resolve()), links)
    return found


def _twice(root: Path, article: Article, kept: Article, target: str) -> ArticlegenError:
    """The error for ``article``, a link to the file ``kept`` was read from (``target``, from
    the site's folder), named an article or a page as ``kept`` is (a link to
    ``content/pages/about.md`` repeats a page)."""
    via = f", which {kept.source} links to as well" if os.path.islink(root / kept.source) else ""
    here, there = f"/{article_url(article.slug)}", f"/{article_url(kept.slug)}"
    what = "page" if kept.page else "article"
    if here == there:  # its front-matter's slug: one address claimed twice
        return FrontMatterError(
            f"symbolic link to {target}{via}: the same {what} would be published twice at {here}",
            article.source,
            hint="delete the link",
        )
    return FrontMatterError(
        f"symbolic link to {target}{via}: the same {what} would be published twice, at "
        f"{here} and at {there}",
        article.source,
        hint=f"delete the link; for a second address that leads to the {what}, add "
        f"'aliases: [{here}]' to {kept.source}",
    )
