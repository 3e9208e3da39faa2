"""Every page and feed of a site, rendered afresh or, with a build cache, reused where its
plan and templates did not change."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from ..core.layout import TEMPLATES_DIR
from ..core.model import BuildOptions, PagePlan, RenderedPage, Site
from ..render.feeds import FEED_TEMPLATE, render_feed, site_files
from ..render.templates import render_all, template_fingerprints
from .cache import BuildCache, value_digest
from .replan import plan_site


def render_pages(
    site: Site,
    root: Path,
    options: BuildOptions,
    cache: BuildCache | None,
    output: Path | None,
    *,
    search: bool,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[RenderedPage], frozenset[str]]:
    """Every page and feed, and the output paths of those rendered: with a ``cache``, a
    page whose plan and templates did not change is reused (from ``output`` if given)."""
    planned = (
        plan_site(site, search=search, last=cache.planned, memo=cache.memos.digests)
        if cache is not None
        else plan_site(site, search=search)
    )
    plans = list(planned.plans)
    templates = root / TEMPLATES_DIR
    compiled = cache.templates if cache is not None else None
    partials = cache.partials if cache is not None else None
    render_html = partial(
        render_all, templates, root, options.jobs, progress=progress, compiled=compiled,
        partials=partials,
    )  # fmt: skip
    render = partial(_render_plans, render_html)
    if cache is None:
        pages, rendered = render(plans), frozenset(plan.out_path for plan in plans)
    else:
        fingerprints = template_fingerprints(templates)
        cache.partials.next_build(fingerprints, partial(value_digest, shared={}))
        pages, rendered = cache.render_pages(plans, render, templates=fingerprints, output=output)
        cache.planned = planned
    # the sitemap lists every page: made afresh each build, its XML kept while the list holds
    listings = site_files(site, pages, cache.memos.sitemap if cache is not None else None)
    return [*pages, *listings], rendered | {page.out_path for page in listings}


def _render_plans(
    render_html: Callable[[list[PagePlan]], list[RenderedPage]], plans: list[PagePlan]
) -> list[RenderedPage]:
    """``plans`` rendered in order: feeds as Atom, the rest with the templates."""
    html = iter(render_html([plan for plan in plans if plan.template != FEED_TEMPLATE]))
    return [render_feed(plan) if plan.template == FEED_TEMPLATE else next(html) for plan in plans]
