"""Page plans for a build, made again only where the site changed since the last one.

A preview rebuild after an author saves an article is mostly a body edit: the
article's text changed and nothing any other page shows of it (its title, its
description, its reading time, its links, the See Also index's suggested links, which
its words help rank). Then the last build's plans stand, but
for that article's page and the feeds that list it; planning (and keying, see
``cache``) every page again was most of such a rebuild. Next most common is an edit of
what an article's card shows (its title, date, tags' order, reading time): then the
pages showing that card are planned again (``_showing``, ``pages.plan_other_pages``),
as long as the link graph, the articles and their order, their aliases and every
digested part of the site stay the same. Any other change plans every page afresh.

What a page shows of the site is all in ``Site``, and of an article's rendered body
only its HTML, table of contents and video count (article page, feeds) and the reading
time its word count gives (on every card): ``body_only_changes`` compares the rest,
as strictly as a page key where ``==`` is not (dates, mappings).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import partial

from ..core.memo import Memo, Same
from ..core.model import Article, PagePlan, PlannedSite, RenderedBody, Site
from ..core.records import record
from ..render.feeds import plan_feeds, unlisted_tags
from ..render.pages import plan_article_pages, plan_other_pages, plan_pages, reading_minutes
from .keys import SharedDigests, value_digest

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
        "path_links",
        "title_lines",
        "html_as_text",
    }
)
"""What of a rendered body pages do not show: its links and citations are in the link
graph and the references, its summary in the descriptions, its images, same-page, web and
path links in its HTML, and its problems, remote images, level-1 headings and tags shown
as text in errors and warnings."""
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
SITE_FIELDS_UNCOMPARED = frozenset({"built_on"})
"""Parts of ``Site`` left uncompared: the build's day, which only a feed with no entries
shows (``feeds.feed_updated``), and ``plan_feeds`` plans such a feed in every build."""


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
    changes = _changes(last.site, site) if fingerprint == before is not None else None
    plans = replanned(site, last.plans, changes, search) if changes is not None else None
    return PlannedSite(site, search, plans or _every_plan(site, search), fingerprint)


def _every_plan(site: Site, search: bool) -> tuple[PagePlan, ...]:
    return (*plan_pages(site, search=search), *plan_feeds(site))


def replanned(
    site: Site, last: Sequence[PagePlan], changes: Changes, search: bool
) -> tuple[PagePlan, ...] | None:
    """The ``last`` plans with those ``changes`` touch made again; None when they would not
    be the pages planning all of ``site`` gives (a page came or went)."""
    listed = changes.bodies | changes.cards
    fresh = [
        *plan_article_pages(site, changes.bodies | _showing(site, changes.cards), search=search),
        *plan_feeds(site, listed),
        *(plan_other_pages(site, search=search, showing=changes.cards) if changes.cards else ()),
    ]
    by_path = {plan.out_path: plan for plan in fresh}
    if not by_path.keys() <= {plan.out_path for plan in last}:
        return None
    return tuple(by_path.get(p.out_path, p) for p in last)


def _showing(site: Site, slugs: frozenset[str]) -> set[str]:
    """The articles whose pages show the card of one of ``slugs``: their own, those whose
    See Also names one, those one links to ("Linked from"), and the newer and older
    article beside one."""
    if not slugs:
        return set()
    graph, articles = site.graph, site.articles
    shown = set(slugs)
    for position, article in enumerate(articles):
        near = articles[max(0, position - 1) : position + 2]
        if (
            any(other.slug in slugs for other in near)
            or any(link.slug in slugs for link in graph.see_also.get(article.slug, ()))
            or any(linker in slugs for linker in graph.backlinks.get(article.slug, ()))
        ):
            shown.add(article.slug)
    return shown


def shown_digest(
    site: Site, memo: Memo[bytes | None] | None = None, shared: SharedDigests | None = None
) -> bytes | None:
    """A digest of ``SITE_FIELDS_DIGESTED`` of ``site``, as strict as a page key
    (``keys.value_digest``): values ``==`` finds equal but pages show differently (a date
    in another time zone, people listed in another order) count as changes. It holds
    which tags only unlisted articles have (``feeds.unlisted_tags``) too: a draft toggled
    under ``--drafts`` is a card change, which re-plans the pages showing its card, but
    when it makes a tag one of those or not, all the tag's pages change (``noindex``),
    not only those showing the card (a partial re-plan keeps the plans it does not make,
    so the tag's later pages kept the old one). With a
    ``memo``, a mapping is digested entry by entry, each value's digest kept in it while it
    is the very same object (an unchanged article's numbered references, build after
    build); ``shared``: see ``keys.SharedDigests``."""
    shared = shared if shared is not None else SharedDigests()
    parts = [
        _digest(name, getattr(site, name), memo, shared) for name in sorted(SITE_FIELDS_DIGESTED)
    ]
    parts.append(value_digest(unlisted_tags(site), shared))
    return None if None in parts else value_digest(parts, shared)


def _digest(
    name: str, value: object, memo: Memo[bytes | None] | None, shared: SharedDigests
) -> bytes | None:
    """The digest of one part of the site; a mapping's entry by entry when a ``memo``
    keeps them for the next build (without one, in one go: a digest of each entry would
    cost more than it spares)."""
    if memo is None or not isinstance(value, dict):
        return value_digest(value, shared)
    entries = [
        (key, memo((name, key), (Same(item),), partial(value_digest, item, shared)))
        for key, item in value.items()
    ]
    return None if any(digest is None for _, digest in entries) else value_digest(entries, shared)


def body_only_changes(before: Site, after: Site) -> frozenset[str] | None:
    """The slugs of the articles (and pages) whose body changed in what only their own page
    and the feeds show, when that is all that changed from ``before`` to ``after``; else
    None."""
    same = shown_digest(before) == shown_digest(after) is not None
    changes = _changes(before, after) if same else None
    return changes.bodies if changes is not None and not changes.cards else None


@record
class Changes:
    """What changed between two sites whose ``shown_digest`` and link graph are the same."""

    bodies: frozenset[str]
    """Articles (and pages) whose body changed in what their own page and the feeds show."""
    cards: frozenset[str]
    """Articles (and pages) whose card changed: what listings and other articles' pages
    show of them (a title, a date, a reading time)."""


def _changes(before: Site, after: Site) -> Changes | None:
    """What changed from ``before`` to ``after`` (same ``shown_digest``), or None when more
    than bodies and cards did: the link graph, or which articles there are, or their order."""
    if any(getattr(before, name) != getattr(after, name) for name in SITE_FIELDS_EQUAL):
        return None
    cards = set()
    for kept, now in ((before.articles, after.articles), (before.pages, after.pages)):
        if len(kept) != len(now):
            return None
        for old_article, article in zip(kept, now, strict=True):
            if old_article is article:
                continue
            if (old_article.slug, old_article.source) != (article.slug, article.source):
                return None
            if not _same_but_text(old_article, article):
                if old_article.meta.aliases != article.meta.aliases:
                    return None  # redirect pages come or go
                cards.add(article.slug)
    if before.bodies.keys() != after.bodies.keys():
        return None
    changed = set()
    for slug, body in after.bodies.items():
        old = before.bodies[slug]
        if body is old:
            continue
        if reading_minutes(body.words) != reading_minutes(old.words):
            cards.add(slug)
        if body_fields(body, PAGE_BODY_FIELDS) != body_fields(old, PAGE_BODY_FIELDS):
            changed.add(slug)
    return Changes(frozenset(changed), frozenset(cards))


def body_fields(body: RenderedBody, names: Collection[str]) -> tuple[object, ...]:
    return tuple(getattr(body, name) for name in sorted(names))


def _same_but_text(before: Article, after: Article) -> bool:
    """The same but for the Markdown text, which pages show only rendered (the bodies): an
    unchanged file's article is the very same object; any other is compared by digest."""
    return before is after or value_digest(shown_parts(before)) == value_digest(shown_parts(after))


def shown_parts(article: Article) -> tuple[str, str, object]:
    return article.source, article.slug, article.meta
