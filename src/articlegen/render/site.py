"""Assemble the ``Site``: order, tags, descriptions, and the URL of every page."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Mapping, Sequence

from ..core.dates import instant
from ..core.errors import ArticlegenError, Diagnostic, FrontMatterError
from ..core.model import (
    Article,
    Credits,
    LinkGraph,
    NumberedReference,
    RenderedBody,
    ResolvedLink,
    Site,
    SiteConfig,
    Tag,
)
from ..core.slugs import slugify
from ..core.urls import link_url

_FAR_FUTURE = dt.datetime.max

RESERVED_SLUGS = frozenset(
    {"page", "tags", "see-also", "archive", "authors", "search", "assets", "pagefind"}
)
"""First path segments the generator uses for its own pages."""


def reserved_slug_problems(articles: Iterable[Article]) -> list[ArticlegenError]:
    """Articles whose slug would collide with a generated page."""
    return [
        FrontMatterError(
            f"slug '{a.slug}' is reserved for the site's own pages",
            a.source,
            a.meta.lines.get("slug", 1),
            "choose another 'slug:' (reserved: " + ", ".join(sorted(RESERVED_SLUGS)) + ")",
        )
        for a in articles
        if a.slug in RESERVED_SLUGS
    ]


def comment_problems(config: SiteConfig, articles: Iterable[Article]) -> list[ArticlegenError]:
    """Articles asking for comments on a site with no comment provider."""
    if config.comments.provider is not None:
        return []
    return [
        FrontMatterError(
            "comments: true, but site.yaml sets up no comments provider",
            a.source,
            a.meta.lines.get("comments", 1),
            "add comments.provider (giscus, isso or remark42) to site.yaml, or set comments: false",
        )
        for a in articles
        if a.meta.comments
    ]


def unlinked_warnings(articles: Iterable[Article], graph: LinkGraph) -> list[Diagnostic]:
    """Published articles with no See Also and no Linked from: readers cannot reach them
    from other articles (``warn_unlinked: true`` in site.yaml asks for this)."""
    return [
        Diagnostic(
            f"'{a.meta.title}' is not linked: it has no See Also and no article links to it",
            a.source,
            a.meta.lines.get("title", 1),
            "add 'see_also:' to it, or link to it from a related article",
        )
        for a in articles
        if not a.meta.draft and not graph.see_also.get(a.slug) and not graph.backlinks.get(a.slug)
    ]


def body_link_targets(
    links: Sequence[ResolvedLink | None], titles: Mapping[str, str], base_path: str
) -> tuple[list[str], list[str]]:
    """``(hrefs, texts)`` for the body link placeholders of one article."""
    hrefs, texts = [], []
    for link in links:
        if link is None:
            hrefs.append("#")
            texts.append("")
        elif link.url is not None:
            hrefs.append(link.url)
            texts.append(link.url)
        else:
            hrefs.append(base_path + link_url(link))
            texts.append(titles[link.slug or ""])
    return hrefs, texts


def newest_first(articles: Iterable[Article], zone: zoneinfo.ZoneInfo) -> list[Article]:
    """By date (a day from its midnight in ``zone``), newest first; same moment by slug;
    undated drafts first."""
    by_slug = sorted(articles, key=lambda a: a.slug)
    return sorted(
        by_slug,
        key=lambda a: instant(a.meta.date, zone) if a.meta.date else _FAR_FUTURE,
        reverse=True,
    )


def assemble_site(
    config: SiteConfig,
    articles: Iterable[Article],
    bodies: Mapping[str, RenderedBody],
    graph: LinkGraph,
    *,
    credits: Mapping[str, Credits] | None = None,
    references: Mapping[str, tuple[NumberedReference, ...]] | None = None,
    policy: tuple[str | None, str | None] = (None, None),
) -> Site:
    """The whole site as one value for the page and feed stages."""
    ordered = tuple(newest_first(articles, config.zone))
    descriptions = {a.slug: a.meta.description or bodies[a.slug].summary for a in ordered}
    return Site(
        config=config,
        articles=ordered,
        bodies=bodies,
        graph=graph,
        tags=collect_tags(ordered),
        by_slug={a.slug: a for a in ordered},
        descriptions=descriptions,
        credits=credits or {},
        references=references or {},
        policy_url=policy[0],
        policy_slug=policy[1],
    )


def collect_tags(articles: Sequence[Article]) -> tuple[Tag, ...]:
    """Tags by slug; the first spelling seen names the tag; articles keep their order."""
    names: dict[str, str] = {}
    members: dict[str, dict[str, None]] = {}  # a dict as an ordered set: no list scans
    slugs: dict[str, str] = {}  # the same few tags on every article: slugify each once
    for article in articles:
        for tag in article.meta.tags:
            slug = slugs.get(tag) or slugs.setdefault(tag, slugify(tag))
            names.setdefault(slug, tag)
            members.setdefault(slug, {})[article.slug] = None
    return tuple(Tag(names[s], s, tuple(members[s])) for s in sorted(members))


def paginate(items: Sequence[str], per_page: int) -> list[Sequence[str]]:
    """Split into pages of ``per_page``; an empty list still makes one (empty) page."""
    return [items[i : i + per_page] for i in range(0, len(items), per_page)] or [items[:0]]
