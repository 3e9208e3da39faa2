"""Assemble the ``Site``: order, tags, descriptions, and the URL of every page."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

from ..core.dates import instant
from ..core.model import (
    Article,
    Credits,
    LinkGraph,
    Logo,
    NavLink,
    NumberedReference,
    PlacedImage,
    RenderedBody,
    Site,
    SiteConfig,
    Tag,
)
from ..core.slugs import natural_order, slugify
from .bodies import description
from .suggestions import documents, suggest, unlinked

_FAR_FUTURE = dt.datetime.max
T = TypeVar("T")


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
    menu: Iterable[NavLink] = (),
    withheld: Mapping[str, str] | None = None,
    images: Mapping[str, PlacedImage] | None = None,
    share_image: PlacedImage | None = None,
    logo: Logo | None = None,
    built_on: dt.date | None = None,
) -> Site:
    """The whole site as one value for the page and feed stages: ``articles`` holds
    both articles and pages (``Article.page``), which the ``Site`` keeps apart; with, for
    each article the See Also index lists as not yet linked, the best link to add
    (``suggestions``), ranked once here for every page."""
    everything = list(articles)
    ordered = tuple(newest_first([a for a in everything if not a.page], config.zone))
    pages = tuple(sorted((a for a in everything if a.page), key=lambda a: a.slug))
    descriptions = {a.slug: a.meta.description or description(bodies, a.slug) for a in everything}
    linkable = documents(ordered, graph, withheld=withheld or {})
    gaps = unlinked(linkable, graph)
    suggested = suggest(linkable, gaps, limit=1) if gaps else {}
    return Site(
        config=config,
        articles=ordered,
        bodies=bodies,
        graph=graph,
        tags=collect_tags(ordered),
        by_slug={a.slug: a for a in (*ordered, *pages)},
        descriptions=descriptions,
        credits=credits or {},
        references=references or {},
        policy_url=policy[0],
        policy_slug=policy[1],
        pages=pages,
        menu=tuple(menu),
        withheld=withheld or {},
        suggested={slug: best[0] for slug, best in suggested.items() if best},
        images=images or {},
        share_image=share_image,
        logo=logo,
        built_on=built_on,
    )


def collect_tags(articles: Sequence[Article]) -> tuple[Tag, ...]:
    """Tags in the ``natural_order`` of their slugs (unique per tag: a total order); the first
    spelling seen names the tag; articles keep their order."""
    names: dict[str, str] = {}
    members: dict[str, dict[str, None]] = {}  # a dict as an ordered set: no list scans
    slugs: dict[str, str] = {}  # the same few tags on every article: slugify each once
    for article in articles:
        for tag in article.meta.tags:
            slug = slugs.get(tag) or slugs.setdefault(tag, slugify(tag))
            names.setdefault(slug, tag)
            members.setdefault(slug, {})[article.slug] = None
    return tuple(Tag(names[s], s, tuple(members[s])) for s in sorted(members, key=natural_order))


def paginate(items: Sequence[T], per_page: int) -> list[Sequence[T]]:
    """Split into pages of ``per_page``; an empty list still makes one (empty) page."""
    return [items[i : i + per_page] for i in range(0, len(items), per_page)] or [items[:0]]
