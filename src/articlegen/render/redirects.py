"""Old addresses that keep working (``aliases:``): a redirect page at each, planned with
the other pages, and one ``_redirects`` file listing them all with status 301, the form
Netlify and Cloudflare Pages read, so hosts that can redirect do so without the page.

An alias may take no address the site uses for itself: an article's, a generated page's
(the reserved first segments), a file at the root, or another alias.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from urllib.parse import quote

from ..core.errors import ArticlegenError, FrontMatterError
from ..core.model import Alias, Article, RenderedPage, Site
from ..core.urls import RESERVED_SLUGS, ROOT_FILES, alias_out_path, article_url

REDIRECTS_FILE = "_redirects"


def aliased(articles: Iterable[Article]) -> Iterator[tuple[Alias, Article]]:
    """Every alias with the article it leads to, in site order."""
    for article in articles:
        for alias in article.meta.aliases:
            yield alias, article


def alias_problems(articles: Iterable[Article]) -> list[ArticlegenError]:
    """Aliases that would overwrite a page of the site, or each other."""
    articles = list(articles)
    pages = {alias_out_path(article_url(a.slug)): a for a in articles}
    claimed: dict[str, tuple[Alias, Article]] = {}
    problems: list[ArticlegenError] = []
    for alias, article in aliased(articles):
        out_path = alias_out_path(alias.url)
        first = alias.url.split("/")[0]
        folders = {"/".join(out_path.split("/")[:n]) for n in range(1, out_path.count("/") + 1)}
        clash = None
        if (owner := pages.get(out_path)) is not None:
            clash = (
                "is this article's own address"
                if owner is article
                else f"is the address of the article {owner.source}"
            )
        elif first in RESERVED_SLUGS or out_path in ROOT_FILES or first in ROOT_FILES:
            clash = "is an address the site uses for its own pages"
        elif folder := next((f for f in sorted(folders) if f in claimed), None):
            other, owner = claimed[folder]
            clash = f"needs a folder where {owner.source}:{other.line} has an alias page"
        elif inner := next((p for p in claimed if p.startswith(out_path + "/")), None):
            other, owner = claimed[inner]
            clash = f"is a file where {owner.source}:{other.line} needs a folder"
        elif (earlier := claimed.get(out_path)) is not None:
            other, owner = earlier
            clash = f"is already an alias of {owner.source}:{other.line}"
        if clash is None:
            claimed[out_path] = (alias, article)
            continue
        problems.append(
            FrontMatterError(
                f"alias '/{alias.url}' {clash}",
                article.source,
                alias.line,
                "remove the alias, or give the old path exactly as it was",
            )
        )
    return problems


def alias_origins(site: Site) -> dict[str, str]:
    """Each redirect page's output path, with where its alias is written, so a static file
    taking that path is reported at the alias rather than as a clash with a page."""
    return {
        alias_out_path(alias.url): f"{article.source}:{alias.line}"
        for alias, article in aliased((*site.articles, *site.pages))
    }


def alias_urls(site: Site) -> frozenset[str]:
    """The site-relative URLs of every redirect page (the sitemap leaves them out)."""
    return frozenset(alias.url for alias, _ in aliased((*site.articles, *site.pages)))


def redirects_file(site: Site) -> RenderedPage | None:
    """``_redirects``: one ``old new 301`` line per alias, paths under the site's base
    path, percent-encoded; None when no article has an alias."""
    base = site.config.base_path
    lines = [
        f"{quote(base + alias.url)} {quote(base + article_url(article.slug))} 301\n"
        for alias, article in aliased((*site.articles, *site.pages))
    ]
    if not lines:
        return None
    data = "".join(lines).encode("utf-8")
    return RenderedPage(REDIRECTS_FILE, REDIRECTS_FILE, data)
