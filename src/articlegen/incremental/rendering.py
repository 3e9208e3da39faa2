"""Every page and feed of a site, rendered afresh or, with a build cache, reused where its
plan and templates did not change; each rendered as it is read, so that a build writing
them to disk never holds the whole site in memory."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path

from ..core.layout import TEMPLATES_DIR
from ..core.model import (
    Article,
    BuildOptions,
    FirstPages,
    PagePlan,
    PlannedSite,
    RenderedPage,
    Site,
)
from ..core.records import record
from ..core.urls import article_url, page_file
from ..render.feeds import FEED_TEMPLATE, EntryTexts, render_feed, site_files
from ..render.templates import render_all, template_fingerprints
from .cache import BuildCache, KeptPageChanged
from .keys import SharedDigests, value_digest
from .recordplanning import plan_with_record
from .replan import plan_site


@record
class SitePages:
    """Every page and feed of a build: what each one is, known before any is rendered, and
    the pages themselves, rendered one by one as they are read."""

    headers: tuple[RenderedPage, ...]
    """Every page's address and output path, in order, without its bytes (``data`` None)."""
    rendered: frozenset[str]
    """Output paths of the pages rendered afresh; the others are reused from the cache."""
    pages: Iterator[RenderedPage]
    """The pages, in the order of ``headers``, to be read once: ``data`` is None for a
    page reused from the output folder. A page is rendered as it is read, and a reader
    that lets each one go holds one at a time."""


def render_pages(
    site: Site,
    root: Path,
    options: BuildOptions,
    cache: BuildCache | None,
    output: Path | None,
    *,
    search: bool,
    progress: Callable[[int, int], None] | None = None,
    first: FirstPages | None = None,
    planned_check: Callable[[tuple[RenderedPage, ...]], None] | None = None,
    before_workers: Callable[[], object] = tuple,
) -> SitePages:
    """Every page and feed: with a ``cache``, a page whose plan and templates did not
    change is reused (from ``output`` if given, else from the cache's memory), and the
    pages ``first`` names are rendered and handed over before the others are keyed.
    ``planned_check`` is called with every page's address and output path (``headers``)
    once all are planned, before any is rendered or handed over: a check that needs the
    whole site's addresses raises there, and no page of a failing build is shown early.
    ``before_workers()`` is called before any worker process renders (``render_all``)."""
    templates = root / TEMPLATES_DIR
    fingerprints = template_fingerprints(templates) if cache is not None else {}
    kept_paths: frozenset[str] = frozenset()
    shared = SharedDigests()  # every digest of this build: each body's HTML digested once
    if cache is not None and not cache.keep_in_memory:
        recorded, kept_paths = plan_with_record(
            site, cache, output, search=search, templates=fingerprints, shared=shared
        )
        planned = PlannedSite(site, search, recorded)
    elif cache is not None:
        planned = plan_site(site, search=search, last=cache.planned, memo=cache.memos.digests)
    else:
        planned = plan_site(site, search=search)
    plans = list(planned.plans)
    compiled = cache.templates if cache is not None else None
    kept = cache is not None and cache.keep_in_memory  # for a next build in this process
    partials = cache.partials if kept and cache is not None else None
    render_html = partial(
        render_all, templates, root, options.jobs, progress=progress, compiled=compiled,
        partials=partials, before_workers=before_workers,
    )  # fmt: skip
    render = partial(_render_plans, render_html)
    # the sitemap lists every page: made afresh each build, its XML kept while the list holds
    listings = site_files(site, plans, cache.memos.sitemap if cache is not None else None)
    every: list[PagePlan | RenderedPage] = [*plans, *listings]
    headers = tuple(RenderedPage(page.url, page.out_path, None) for page in every)
    if planned_check is not None:
        planned_check(headers)
    if cache is None:
        pages, rendered = render(plans), frozenset(plan.out_path for plan in plans)
    else:
        if partials is not None:
            partials.next_build(fingerprints, partial(value_digest, shared=shared))
        keyed = partial(
            cache.render_pages, render=render, templates=fingerprints, output=output,
            first=first, shared=shared,
        )  # fmt: skip
        try:
            pages, rendered = keyed(plans, kept=kept_paths)
        except KeptPageChanged:  # its file changed since it was found reusable: plan them all
            plans = list(plan_site(site, search=search).plans)
            pages, rendered = keyed(plans)
        cache.planned = planned if kept else None
    rendered |= {page.out_path for page in listings}
    return SitePages(headers, rendered, itertools.chain(pages, listings))


def planned_headers(site: Site, damaged: Sequence[Article] = ()) -> tuple[RenderedPage, ...]:
    """Every page's and feed's address and output path, planned afresh without a cache,
    and the pages and redirects (its ``aliases``, as far as they could be read) of each of
    the ``damaged`` files (that failed to load): what a build that fails other checks
    checks its path links against."""
    plans = list(plan_site(site, search=False).plans)
    every: list[PagePlan | RenderedPage] = [*plans, *site_files(site, plans, None)]
    pages = [RenderedPage(page.url, page.out_path, None) for page in every]
    urls = [article_url(a.slug) for a in damaged]
    urls += [alias.url for a in damaged for alias in a.meta.aliases]
    return (*pages, *(RenderedPage(url, page_file(url), None) for url in urls))


def _render_plans(
    render_html: Callable[[list[PagePlan]], Iterator[RenderedPage]], plans: list[PagePlan]
) -> Iterator[RenderedPage]:
    """``plans`` rendered in order, each as it is read: feeds as Atom, the rest with the
    templates."""
    html = render_html([plan for plan in plans if plan.template != FEED_TEMPLATE])
    entries: EntryTexts = {}  # each feed entry's XML, written once for all feeds
    for plan in plans:
        yield render_feed(plan, entries) if plan.template == FEED_TEMPLATE else next(html)
