"""Old addresses that keep working (``aliases:``): a redirect page at each, planned with
the other pages, and one ``_redirects`` file listing them all with status 301, the form
Netlify and Cloudflare Pages read, so hosts that can redirect do so without the page.

An alias may take no address the site uses for itself: an article's, a generated page's
(the reserved first segments), a file at the root, or another alias.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from urllib.parse import quote

from ..core.errors import ArticlegenError, FrontMatterError
from ..core.model import Alias, Article, RenderedPage, Site
from ..core.urls import (
    RESERVED_SLUGS,
    ROOT_FILES,
    article_url,
    kept_name_problem,
    page_file,
)

REDIRECTS_FILE = "_redirects"


def aliased(articles: Iterable[Article]) -> Iterator[tuple[Alias, Article]]:
    """Every alias with the article it leads to, in site order."""
    for article in articles:
        for alias in article.meta.aliases:
            yield alias, article


_CASE_ONLY = (
    " but for upper and lower case, which a disk that ignores case (macOS's, Windows's)"
    " holds as one file"
)


def alias_problems(articles: Iterable[Article]) -> list[ArticlegenError]:
    """Aliases that would overwrite a page of the site, or each other, also where the two
    paths differ only in case: the site must build the same on every disk."""
    articles = list(articles)
    pages = {page_file(article_url(a.slug)).casefold(): a for a in articles}
    claimed: dict[str, tuple[Alias, Article]] = {}
    problems: list[ArticlegenError] = []
    for alias, article in aliased(articles):
        clash = _clash(alias, article, pages, claimed)
        if clash is None:
            claimed[page_file(alias.url).casefold()] = (alias, article)
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


def _clash(
    alias: Alias,
    article: Article,
    pages: Mapping[str, Article],
    claimed: Mapping[str, tuple[Alias, Article]],
) -> str | None:
    """Why ``alias`` cannot have its redirect page; ``pages`` and ``claimed`` (the aliases
    before it) are keyed by case-folded output path."""
    out_path = page_file(alias.url)
    key = out_path.casefold()
    first = key.split("/")[0]
    folders = {"/".join(key.split("/")[:n]) for n in range(1, key.count("/") + 1)}
    if (owner := pages.get(key)) is not None:
        own = page_file(article_url(owner.slug)) == out_path
        where = "this article's own address" if owner is article else "the address of the article"
        where += "" if owner is article else f" {owner.source}"
        return f"is {where}" + ("" if own else _CASE_ONLY)
    if kept := kept_name_problem(out_path):
        return kept
    if first in RESERVED_SLUGS or key in ROOT_FILES or first in ROOT_FILES:
        return "is an address the site uses for its own pages"
    if folder := next((f for f in sorted(folders) if f in claimed), None):
        other, owner = claimed[folder]
        return f"needs a folder where {owner.source}:{other.line} has an alias page"
    if inner := next((p for p in claimed if p.startswith(key + "/")), None):
        other, owner = claimed[inner]
        return f"is a file where {owner.source}:{other.line} needs a folder"
    if (earlier := claimed.get(key)) is not None:
        other, owner = earlier
        same = other.url == alias.url
        return f"is already an alias of {owner.source}:{other.line}" + ("" if same else _CASE_ONLY)
    return None


def alias_origins(site: Site) -> dict[str, str]:
    """Each redirect page's output path, with where its alias is written, so a static file
    taking that path is reported at the alias rather than as a clash with a page."""
    return {
        page_file(alias.url): f"{article.source}:{alias.line}"
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
