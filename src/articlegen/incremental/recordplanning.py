"""What a build run from the command line leaves for the next one to plan only what changed.

The preview keeps the last build's site and plans in memory (``replan``): after a body
edit it plans that article's page and the feeds again and keeps every other plan. A build
run as a command starts a new process, with no site before it to compare with, so it
planned and keyed all pages again: on a large site most of the time a body edit took.

So the build cache also saves a ``PlanRecord``: digests of what ``replan`` compares (the
digested parts of the site, its link graph, each article's card-shaping fields and each
body's page-shaping fields and reading time) and the address and template of every page,
in order. The next build computes the same digests of its own site; when the comparison
says only some bodies and cards changed, it plans the pages those show (``replan``'s own
rules) and keeps the others unplanned: each is reused from the output by the key the
cache recorded for it, provided its file there is the one the cache recorded. Anything
else (a template, ``search``, an article added, a changed link graph, an output file that
changed) plans every page, as before.

The digests are as strict as page keys (``keys.value_digest``). An article's card
digest is taken again only when its file is not the one the record was made from (its
source digest) or was read in another time zone, since an article is a function of its
file's bytes, the code and the time zone alone (the source digest holds the first two).

A build that writes nothing (``check``) leaves the record of the last build that did: the
pages the record keeps are the files that build left in the output.
"""

from __future__ import annotations

import pickle
from collections.abc import Mapping
from pathlib import Path

from ..core.model import Article, LinkGraph, PagePlan, RenderedBody, Site
from ..render.bodies import FinishedBodies, unfinished
from ..render.pages import reading_minutes
from .cache import BuildCache, SourceEntry
from .cacherecords import pack_record
from .keys import SharedDigests, digest_of, value_digest
from .linkrecord import LinkRecords
from .planrecord import KEPT_CONTEXT, ArticleRecord, BodyRecord, PlanRecord, SiteDigests
from .replan import (
    PAGE_BODY_FIELDS,
    Changes,
    body_fields,
    plan_site,
    replanned,
    shown_digest,
    shown_parts,
)


def site_digests(
    site: Site,
    sources: Mapping[str, SourceEntry],
    record: PlanRecord | None,
    shared: SharedDigests,
    links: LinkRecords,
) -> SiteDigests | None:
    """The digests of ``site``; those of the articles whose file is the one ``record``
    was made from are taken from it, and the link graph's from ``links`` when it is the
    graph recorded there (kept there once taken). None when some part cannot be digested.
    ``shared``: the build's, which its page keys use too (each body's HTML is digested once)."""
    graph = links.digest(site.graph) or graph_digest(site.graph)
    fingerprint = shown_digest(site, shared=shared)
    if fingerprint is None or graph is None:
        return None
    known = {a.source: a for a in (*record.site.articles, *record.site.pages)} if record else {}
    articles = [_article(a, sources, known, shared) for a in site.articles]
    pages = [_article(a, sources, known, shared) for a in site.pages]
    keys = _body_keys(site, sources)
    bodies = []
    for slug in site.bodies:
        page = _body_digest(site.bodies, slug, keys.get(slug), shared)
        if page is None:
            return None
        words = unfinished(site.bodies, slug).words
        bodies.append(BodyRecord(slug, page, reading_minutes(words)))
    if None in articles or None in pages:
        return None
    links.digested(site.graph, graph)
    return SiteDigests(
        fingerprint, graph, tuple(filter(None, articles)), tuple(filter(None, pages)), tuple(bodies)
    )


def graph_digest(graph: LinkGraph) -> bytes | None:
    """A digest of ``graph`` as the cache file saves it (``cacherecords.pack_record``,
    pickled with a memo): 3 ms for the bench corpus's graph, where a key's pickle, without
    one, wrote its 37,000 links out one by one (about 20 ms). As strict as a key: the
    pickle is the value, types and order included. Equal graphs give equal bytes, since
    their objects are shared alike: a graph holds one ``ResolvedLink`` per place linked to
    (``links._made``), each article's slug as one string, and nothing of the links as
    written; and a graph loaded from the cache pickles back to the bytes it was saved as.
    None when it cannot be pickled."""
    try:
        return digest_of(pack_record(graph))
    except (pickle.PicklingError, AttributeError, TypeError, ValueError):
        return None


def _article(
    article: Article,
    sources: Mapping[str, SourceEntry],
    known: Mapping[str, ArticleRecord],
    shared: SharedDigests,
) -> ArticleRecord | None:
    entry = sources.get(article.source)
    if entry is None or entry.article is not article:
        return None  # not read from a file the cache holds: nothing to compare it by
    kept = known.get(article.source)
    if kept is not None and (kept.digest, kept.zone, kept.slug) == (
        entry.digest,
        entry.zone,
        article.slug,
    ):
        return kept
    card = value_digest(shown_parts(article), shared)
    if card is None:
        return None
    return ArticleRecord(
        article.slug, article.source, entry.digest, entry.zone, card, article.meta.aliases
    )


def _body_keys(site: Site, sources: Mapping[str, SourceEntry]) -> dict[str, bytes]:
    """Slug → the key of its body as Markdown left it (``keys.body_key``), for each body
    that is the one the cache holds for its article's file."""
    rendered = site.bodies.rendered if isinstance(site.bodies, FinishedBodies) else {}
    keys = {}
    for article in (*site.articles, *site.pages):
        entry = sources.get(article.source)
        body = rendered.get(article.slug)
        if entry is not None and body is not None and entry.body is body and entry.body_key:
            keys[article.slug] = entry.body_key
    return keys


def _body_digest(
    bodies: Mapping[str, RenderedBody], slug: str, key: bytes | None, shared: SharedDigests
) -> bytes | None:
    """A digest of what of a body its page shows (``PAGE_BODY_FIELDS``). A body filled when
    asked for (``FinishedBodies``) whose key is known is digested by what makes it, that
    key and what fills it, without filling it: a rebuild fills only the bodies of the pages
    it renders. The key stands for every field Markdown gave the body (the body is the one
    the cache holds under it), so they are not digested again. Any other is digested as
    filled."""
    if key is None or not isinstance(bodies, FinishedBodies):
        return value_digest(body_fields(bodies[slug], PAGE_BODY_FIELDS), shared)
    return value_digest(("filled", key, bodies.fills[slug]), shared)


def plan_with_record(
    site: Site, cache: BuildCache, output: Path | None, *, search: bool,
    templates: Mapping[str, str], shared: SharedDigests,
) -> tuple[tuple[PagePlan, ...], frozenset[str]]:  # fmt: skip
    """Every page of ``site``, planned only where ``cache.plan_record`` shows a change, and
    the output paths of the pages kept unplanned (each reusable from ``output``); this
    build's record is left in ``cache.next_record`` (a build that writes nothing, ``output``
    None, plans every page and leaves the last record). ``templates``: template name → digest;
    ``shared``: see ``site_digests``."""
    record, fingerprints = cache.plan_record, templates_of(templates)
    if output is None:  # ``check``: it writes no page, so the next build compares with the
        cache.next_record = record  # last that did, whose pages the output holds
        return plan_site(site, search=search).plans, frozenset()
    digests = site_digests(site, cache.sources, record, shared, cache.memos.graph)
    plans = None
    if record is not None and digests is not None:
        plans = plans_from_record(site, digests, record, search=search, templates=fingerprints)
    kept = frozenset(plan.out_path for plan in plans or () if plan.context is KEPT_CONTEXT)
    if plans is None or not cache.reusable(kept, output):
        plans, kept = plan_site(site, search=search).plans, frozenset()
    listed = tuple((plan.url, plan.out_path, plan.template) for plan in plans)
    cache.next_record = PlanRecord(search, fingerprints, digests, listed) if digests else None
    return plans, kept


def plans_from_record(
    site: Site,
    digests: SiteDigests,
    record: PlanRecord,
    *,
    search: bool,
    templates: tuple[tuple[str, str], ...],
) -> tuple[PagePlan, ...] | None:
    """Every page of ``site``: planned where ``record`` shows a change that reaches it, kept
    (``KEPT_CONTEXT``) elsewhere; None when more changed than bodies and cards.
    ``templates``: as ``PlanRecord.templates`` holds them."""
    if record.search != search or record.templates != templates:
        return None
    changes = _changes(record.site, digests)
    if changes is None:
        return None
    last = tuple(PagePlan(url, out, name, KEPT_CONTEXT) for url, out, name in record.plans)
    return replanned(site, last, changes, search)


def templates_of(fingerprints: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """Template fingerprints as a record holds them."""
    return tuple(sorted(fingerprints.items()))


def _changes(before: SiteDigests, after: SiteDigests) -> Changes | None:
    """``replan._changes``, of digests."""
    if (before.fingerprint, before.graph) != (after.fingerprint, after.graph):
        return None
    cards = set()
    for kept, now in ((before.articles, after.articles), (before.pages, after.pages)):
        if len(kept) != len(now):
            return None
        for old, new in zip(kept, now, strict=True):
            if (old.slug, old.source) != (new.slug, new.source):
                return None
            if old.card != new.card:
                if old.aliases != new.aliases:
                    return None  # redirect pages come or go
                cards.add(new.slug)
    if {b.slug for b in before.bodies} != {b.slug for b in after.bodies}:
        return None
    old_bodies = {b.slug: b for b in before.bodies}
    changed = set()
    for body in after.bodies:
        was = old_bodies[body.slug]
        if body.minutes != was.minutes:
            cards.add(body.slug)
        if body.page != was.page:
            changed.add(body.slug)
    return Changes(frozenset(changed), frozenset(cards))
