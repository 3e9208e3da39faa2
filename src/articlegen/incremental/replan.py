"""Page plans for a build, made again only where the site changed since the last one.

A preview rebuild after an author saves an article is mostly a body edit: the
article's text changed and nothing any other page shows of it (its title, its
description, its reading time, its links, the See Also index's suggested links, which
its words help rank). Then the last build's plans stand, but
for that article's page and the feeds that list it; planning (and keying, see
``cache``) every page again was most of such a rebuild. Any other change plans every
page afresh.

What a page shows of the site is all in ``Site``, and of an article's rendered body
only its HTML, table of contents and video count (article page, feeds) and the reading
time its word count gives (on every card): ``body_only_changes`` compares the rest,
as strictly as a page key where ``==`` is not (dates, mappings).
"""

from __future__ import annotations

from collections.abc import Collection
from functools import partial

from ..core.memo import Memo, Same
from ..core.model import Article, PagePlan, PlannedSite, RenderedBody, Site
from ..render.feeds import plan_feeds
from ..render.pages import plan_article_pages, plan_pages, reading_minutes
from .cache import value_digest

PAGE_BODY_FIELDS = frozenset({"html", "toc", "videos"})
"""What of an article's rendered body only its own page and the feeds show."""
LISTED_BODY_FIELDS = frozenset({"words"})
"""What of an article's rendered body every page listing it shows: the reading time
(``pages.reading_minutes``) of its word count."""
UNSHOWN_BODY_FIELDS = frozenset(
    {
        "links",
        "summary",
        "images",
        "problems",
        "citations",
        "remote_images",
        "same_page_links",
        "web_links",
    }
)
"""What of a rendered body pages do not show: its links and citations are in the link
graph and the references, its summary in the descriptions, its images, same-page and web
links in its HTML, and its problems and remote images in errors and warnings."""
SITE_FIELDS_DIGESTED = frozenset(
    {
        "config",
        "tags",
        "descriptions",
        "credits",
        "references",
        "policy_url",
        "policy_slug",
        "menu",
        "withheld",
        "suggested",
        "images",
        "share_image",
        "logo",
    }
)
"""Parts of ``Site`` compared by digest (``shown_digest``): they hold dates and mappings,
which ``==`` can find equal where pages show them differently."""
SITE_FIELDS_EQUAL = frozenset({"graph"})
"""Parts of ``Site`` compared with ``==``: the link graph holds slugs, URLs and fragments
alone, text for which ``==`` is as strict as a digest, and it is the largest part."""


def plan_site(
    site: Site,
    *,
    search: bool,
    last: PlannedSite | None = None,
    memo: Memo[bytes | None] | None = None,
) -> PlannedSite:
    """Every page and feed of ``site``: the plans of ``last`` (the previous build's) where
    they still hold, new ones where they do not (see the module's docstring). ``memo``
    keeps the digests of the parts of the site compared (``shown_digest``)."""
    if last is None or last.search != search:
        return PlannedSite(site, search, _every_plan(site, search))
    fingerprint = shown_digest(site, memo)
    before = last.fingerprint or shown_digest(last.site, memo)
    changed = _bodies_changed(last.site, site) if fingerprint == before is not None else None
    if changed is None:
        return PlannedSite(site, search, _every_plan(site, search), fingerprint)
    fresh = {
        plan.out_path: plan
        for plan in (*plan_article_pages(site, changed, search=search), *plan_feeds(site, changed))
    }
    plans = tuple(fresh.get(p.out_path, p) for p in last.plans)
    return PlannedSite(site, search, plans, fingerprint)


def _every_plan(site: Site, search: bool) -> tuple[PagePlan, ...]:
    return (*plan_pages(site, search=search), *plan_feeds(site))


def shown_digest(site: Site, memo: Memo[bytes | None] | None = None) -> bytes | None:
    """A digest of ``SITE_FIELDS_DIGESTED`` of ``site``, as strict as a page key
    (``cache.value_digest``): values ``==`` finds equal but pages show differently (a date
    in another time zone, people listed in another order) count as changes. A mapping is
    digested entry by entry, each value's digest kept in ``memo`` while it is the very
    same object (an unchanged article's numbered references, build after build)."""
    memo = memo or Memo()
    parts = [_digest(name, getattr(site, name), memo) for name in sorted(SITE_FIELDS_DIGESTED)]
    return None if None in parts else value_digest(parts)


def _digest(name: str, value: object, memo: Memo[bytes | None]) -> bytes | None:
    if not isinstance(value, dict):
        return value_digest(value)
    entries = [
        (key, memo((name, key), (Same(item),), partial(value_digest, item)))
        for key, item in value.items()
    ]
    return None if any(digest is None for _, digest in entries) else value_digest(entries)


def body_only_changes(before: Site, after: Site) -> frozenset[str] | None:
    """The slugs of the articles (and pages) whose body changed in what only their own page
    and the feeds show, when that is all that changed from ``before`` to ``after``; else
    None."""
    same = shown_digest(before) == shown_digest(after) is not None
    return _bodies_changed(before, after) if same else None


def _bodies_changed(before: Site, after: Site) -> frozenset[str] | None:
    """``body_only_changes`` of two sites whose ``shown_digest`` is the same."""
    if any(getattr(before, name) != getattr(after, name) for name in SITE_FIELDS_EQUAL):
        return None
    for kept, now in ((before.articles, after.articles), (before.pages, after.pages)):
        if len(kept) != len(now) or not all(
            _same_but_text(a, b) for a, b in zip(kept, now, strict=True)
        ):
            return None
    if before.bodies.keys() != after.bodies.keys():
        return None
    changed = set()
    for slug, body in after.bodies.items():
        old = before.bodies[slug]
        if body is old:
            continue
        if reading_minutes(body.words) != reading_minutes(old.words):
            return None
        if _fields(body, PAGE_BODY_FIELDS) != _fields(old, PAGE_BODY_FIELDS):
            changed.add(slug)
    return frozenset(changed)


def _fields(body: RenderedBody, names: Collection[str]) -> tuple[object, ...]:
    return tuple(getattr(body, name) for name in sorted(names))


def _same_but_text(before: Article, after: Article) -> bool:
    """The same but for the Markdown text, which pages show only rendered (the bodies): an
    unchanged file's article is the very same object; any other is compared by digest."""
    return before is after or value_digest(_shown(before)) == value_digest(_shown(after))


def _shown(article: Article) -> tuple[str, str, object]:
    return article.source, article.slug, article.meta
