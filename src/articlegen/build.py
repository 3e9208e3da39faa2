"""``build_site``: the stages, in order, and nothing else; ``build_with_saved_cache``: the
same with the cache kept in the site, as the CLI builds."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path

from .content.articles import unreadable_targets
from .content.config import CONFIG_FILE, load_config, with_base_url
from .content.images import place_images, remote_image_warnings
from .content.readiness import unready_settings
from .content.staticfiles import STATIC_DIR, StaticFile, collision_problems, find_static
from .core.console import counted
from .core.errors import (
    ArticlegenError,
    BuildFailed,
    Diagnostic,
    InterruptedAfterWrite,
    LinkError,
    OutputError,
    by_place,
    raise_if_any,
)
from .core.layout import THEME_STATIC
from .core.model import (
    Article,
    BodyHtml,
    BuildOptions,
    BuildResult,
    Credits,
    LinkGraph,
    LinkSource,
    LinkTarget,
    PagePlan,
    Progress,
    RenderedBody,
    RenderedPage,
    ResolvedLink,
    Site,
    SiteConfig,
)
from .core.programs import find_pagefind
from .incremental.cache import BuildCache
from .incremental.cachefile import CACHE_DIR, SPARE_OUTPUT, load_cache, save_cache
from .incremental.freshness import Receipt, Snapshot, output_digest, save_receipt, take_snapshot
from .incremental.replan import plan_site
from .incremental.sources import Sources, load_sources
from .markup.markdown import fill_citations, fill_images, fill_links, markup_settings
from .output.destination import check_location, check_replaceable, destination
from .output.search import MISSING_NOTE, index_site
from .output.write import write_site
from .render.feeds import FEED_TEMPLATE, render_feed, site_files
from .render.fragments import (
    PageIds,
    fragment_problems,
    page_ids,
    resolved_fragments,
    same_page_fragments,
)
from .render.links import build_link_graph
from .render.site import (
    assemble_site,
    body_link_targets,
    comment_problems,
    reserved_slug_problems,
    unlinked_warnings,
)
from .render.templateblocks import block_problems
from .render.templates import render_all, template_fingerprints
from .trust.editorial import requirement_problems, resolve_policy, review_problems
from .trust.people import credit_articles, photo_problems
from .trust.references import Citations, number_citations

TEMPLATES_DIR = "templates"


def build_site(
    root: Path,
    options: BuildOptions | None = None,
    *,
    cache: BuildCache | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Load, validate, link, render and (unless ``options.write`` is off) write the site.

    With a ``cache`` (see ``articlegen.incremental.cache``), unchanged articles and pages are
    reused instead of rendered again, and the cache is updated in place.
    ``progress(stage, done, total)`` hears how far the long stages are (see ``Progress``).
    """
    started = time.perf_counter()
    options = options or BuildOptions()
    root = root.absolute()
    config = load_config(root)
    if options.base_url:
        config = with_base_url(config, options.base_url)
    dest = destination(root, config, options.output)
    check_location(dest, root)
    if options.write or options.check_output:
        check_replaceable(dest, root)
    output = dest.path

    sources = load_sources(
        root,
        markup_settings(config),
        cache if cache is not None else BuildCache(code=""),
        zone=config.zone,
        drafts=options.drafts,
        jobs=options.jobs,
        progress=_stage(progress, "reading articles"),
    )
    everything, raw, problems = sources.articles, sources.bodies, sources.problems
    articles = [a for a in everything if options.drafts or not a.meta.draft]
    static_dirs = [THEME_STATIC, root / STATIC_DIR]
    statics, static_problems = find_static(static_dirs, root)
    raw, image_problems = _with_images(raw, articles, static_dirs, config.base_path)
    graph = _link(sources, articles, raw, drafts=options.drafts)
    trust = check_trust(config, articles, raw, options.today or dt.date.today(), static_dirs)
    problems += [
        *(p for body in raw.values() for p in body.problems),
        *static_problems,
        *image_problems,
        *graph.problems,
        *_fragment_problems(articles, raw, graph, trust.citations, sources.damaged),
        *reserved_slug_problems(articles),
        *comment_problems(config, articles),
        *trust.problems,
        *block_problems(root / TEMPLATES_DIR, root),
    ]
    warnings = by_place(
        [
            *collect_warnings(config, articles, graph, raw),
            *trust.warnings,
            *(unready_settings(config) if not options.preview else ()),
        ]
    )
    if options.strict:
        problems += [warning.as_error() for warning in warnings]
    raise_if_any(problems)

    titles = {a.slug: a.meta.title for a in everything}
    bodies = {
        a.slug: _with_links(
            raw[a.slug], graph.inline[a.slug], titles, config.base_path, trust.citations[a.slug]
        )
        for a in articles
    }
    site = assemble_site(
        config,
        articles,
        bodies,
        graph,
        credits=trust.credits,
        references={slug: c.listed for slug, c in trust.citations.items()},
        policy=trust.policy,
    )
    pagefind = find_pagefind() if config.search else None
    pages, rendered = render_pages(
        site,
        root,
        options,
        cache,
        output if options.write else None,
        search=bool(pagefind),
        progress=_stage(progress, "rendering pages"),
    )
    raise_if_any(collision_problems(pages, statics, root))
    if options.write:
        searched = (pagefind, len(articles)) if pagefind else None
        _write(pages, statics, output, root, cache, searched, progress)
    return BuildResult(
        output=output if options.write else None,
        articles=len(articles),
        pages=tuple(pages),
        diagnostics=tuple(warnings),
        seconds=time.perf_counter() - started,
        site=site,
        notes=(
            *_drafts_note(len(everything) - len(articles)),
            # Only a build that writes would have indexed: 'check' has nothing to say about it.
            *((MISSING_NOTE,) if config.search and not pagefind and options.write else ()),
        ),
        reused_bodies=sources.reused,
        rendered=rendered,
    )


def _drafts_note(skipped: int) -> tuple[str, ...]:
    """A build that left drafts out says so: else a new site's only article, a draft,
    makes "0 articles" with no hint why."""
    if not skipped:
        return ()
    return (f"{counted(skipped, 'draft')} skipped; --drafts to include",)


def _link(
    sources: Sources, articles: list[Article], raw: Mapping[str, RenderedBody], *, drafts: bool
) -> LinkGraph:
    """The cross-link graph of the ``articles`` to build, against every article that can be
    named: a file with a bad date is still a target, so links to it are not reported too."""
    known = [*sources.articles, *sources.damaged]
    return build_link_graph(
        [
            *(LinkSource(a.slug, a.source, a.meta.see_also, raw[a.slug].links) for a in articles),
            *sources.damaged_links,
        ],
        [
            *(LinkTarget(a.slug, a.source, a.meta.title, a.meta.draft) for a in known),
            *unreadable_targets(sources.problems, known),
        ],
        drafts_visible=drafts,
    )


def _write(
    pages: list[RenderedPage],
    statics: list[StaticFile],
    output: Path,
    root: Path,
    cache: BuildCache | None,
    searched: tuple[Path, int] | None,
    progress: Progress | None,
) -> None:
    """Write the site (indexed for search with ``searched``, Pagefind and the number of
    article pages, when Pagefind is there), staging into the cache's spare when there is a
    cache, and stamp the written files in the cache."""
    searching = _stage(progress, "indexing for search")
    indexer = partial(_index, *searched, searching) if searched else None
    _report(_stage(progress, "writing files"), 0, 0)
    spare = root / CACHE_DIR / SPARE_OUTPUT if cache is not None else None
    write_site(pages, statics, output, before_swap=indexer, spare=spare)
    if cache is not None:
        with after_writing(output):
            cache.record_output(output)


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
    planned = plan_site(site, search=search, last=cache.planned if cache is not None else None)
    plans = list(planned.plans)
    templates = root / TEMPLATES_DIR
    compiled = cache.templates if cache is not None else None
    render_html = partial(
        render_all, templates, root, options.jobs, progress=progress, compiled=compiled
    )
    render = partial(_render_plans, render_html)
    if cache is None:
        pages, rendered = render(plans), frozenset(plan.out_path for plan in plans)
    else:
        fingerprints = template_fingerprints(templates)
        pages, rendered = cache.render_pages(plans, render, templates=fingerprints, output=output)
        cache.planned = planned
    listings = site_files(site, pages)  # the sitemap lists every page: made afresh each build
    return [*pages, *listings], rendered | {page.out_path for page in listings}


def _render_plans(
    render_html: Callable[[list[PagePlan]], list[RenderedPage]], plans: list[PagePlan]
) -> list[RenderedPage]:
    """``plans`` rendered in order: feeds as Atom, the rest with the templates."""
    html = iter(render_html([plan for plan in plans if plan.template != FEED_TEMPLATE]))
    return [render_feed(plan) if plan.template == FEED_TEMPLATE else next(html) for plan in plans]


def _stage(progress: Progress | None, stage: str) -> Callable[[int, int], None] | None:
    """``progress`` for one stage: ``(done, total)`` reports, or None if nobody listens."""
    return partial(progress, stage) if progress is not None else None


def _report(progress: Callable[[int, int], None] | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def _index(
    pagefind: Path, articles: int, progress: Callable[[int, int], None] | None, folder: Path
) -> None:
    """The search index of the staged site (one page per article), reported as a stage of
    one step."""
    _report(progress, 0, 1)
    index_site(folder, pagefind, expected_pages=articles)
    _report(progress, 1, 1)


def build_with_saved_cache(
    root: Path,
    options: BuildOptions | None = None,
    *,
    progress: Progress | None = None,
    snapshot: Snapshot | None = None,
) -> BuildResult:
    """``build_site`` with the cache saved in the site (``.articlegen-cache/``), as the CLI
    builds: loaded first (an unusable one counts as empty) and saved after, also after
    input errors, since what it learned about the good files stays true. A cache that
    cannot be saved is a note in the result, not an error: the site itself is fine.
    A written build also leaves a receipt, so that ``freshness.fresh_receipt`` can tell
    the next build that it has nothing to do: of ``snapshot``, the inputs' stamps taken
    before anything was read (taken here when the caller has none)."""
    options = options or BuildOptions()
    snapshot = snapshot or take_snapshot(root, options)
    folder = root / CACHE_DIR
    cache = load_cache(folder)
    try:
        result = build_site(root, options, cache=cache, progress=progress)
    except BuildFailed:
        with contextlib.suppress(OutputError):  # the input errors are the news here
            save_cache(cache, folder)
        raise
    with after_writing(result.output):
        try:
            save_cache(cache, folder)
        except OutputError as problem:
            return dataclasses.replace(result, notes=(*result.notes, str(problem)))
        if result.output is not None:
            save_receipt(root, snapshot, receipt_of(result, snapshot))
    return result


@contextlib.contextmanager
def after_writing(output: Path | None) -> Iterator[None]:
    """A Ctrl-C in the block, once ``output`` (if any) holds the new site, is
    ``InterruptedAfterWrite``: the site is published, only the bookkeeping was cut short."""
    try:
        yield
    except KeyboardInterrupt as stop:
        if output is None or isinstance(stop, InterruptedAfterWrite):
            raise
        raise InterruptedAfterWrite(str(output)) from stop


def receipt_of(result: BuildResult, snapshot: Snapshot) -> Receipt:
    """What a successful build leaves for ``freshness.fresh_receipt`` to find next time."""
    assert result.output is not None
    return Receipt(
        inputs=snapshot.digest,
        output=str(result.output),
        files=output_digest(result.output),
        articles=result.articles,
        pages=len(result.pages),
        warnings=tuple(str(warning) for warning in result.diagnostics),
        notes=result.notes,
    )


def collect_warnings(
    config: SiteConfig,
    articles: list[Article],
    graph: LinkGraph,
    bodies: Mapping[str, RenderedBody],
) -> list[Diagnostic]:
    """Everything worth a look that does not stop the build (``--strict`` makes them errors)."""
    warnings = [
        w for a in articles for w in remote_image_warnings(bodies[a.slug].remote_images, a.source)
    ]
    if config.warn_unlinked:
        warnings += unlinked_warnings(articles, graph)
    return warnings


@dataclasses.dataclass(frozen=True, slots=True)
class Trust:
    """What the health-content checks found: people, sources, the policy page, problems."""

    credits: Mapping[str, Credits]
    """Slug → author and reviewer."""
    citations: Mapping[str, Citations]
    """Slug → numbered references and citation marks."""
    policy: tuple[str | None, str | None]
    """URL and (for an article) slug of the editorial policy."""
    problems: list[ArticlegenError]
    """Unknown people and references, unmet ``require:`` rules, reviews in the future."""
    warnings: list[Diagnostic]
    """Uncited references, overdue and missing reviews."""


def check_trust(
    config: SiteConfig,
    articles: list[Article],
    raw: Mapping[str, RenderedBody],
    today: dt.date,
    static_dirs: list[Path],
) -> Trust:
    """Authors, reviewers, references and review dates of every article, against ``today``."""
    credits, problems = credit_articles(config, articles)
    citations = {
        a.slug: number_citations(a.meta.references, raw[a.slug].citations, a.source)
        for a in articles
    }
    policy_url, policy_slug, policy_problems = resolve_policy(config, articles, CONFIG_FILE)
    review_errors, warnings = review_problems(
        articles, credits, today, expect_reviews=bool(config.reviewers), exempt=[policy_slug or ""]
    )
    problems += [
        *(p for c in citations.values() for p in c.problems),
        *requirement_problems(config.requirements, articles, CONFIG_FILE),
        *photo_problems(config, lambda p: any((d / p).is_file() for d in static_dirs), CONFIG_FILE),
        *policy_problems,
        *review_errors,
    ]
    warnings += [w for c in citations.values() for w in c.warnings]
    return Trust(credits, citations, (policy_url, policy_slug), problems, warnings)


def _fragment_problems(
    articles: list[Article],
    raw: Mapping[str, RenderedBody],
    graph: LinkGraph,
    citations: Mapping[str, Citations],
    damaged: list[Article],
) -> list[LinkError]:
    """Links whose ``#id`` their target page lacks (see ``fragments``). Run on every
    build over every article, cached or not, so a change to a target alone is enough
    to report the links it broke; a page's ids are parsed only if a link names one.
    Files sharing a slug (with each other or with a ``damaged`` file, whose links the graph
    holds too) are left out: the graph and the bodies hold one of them, by slug, and the
    shared slug is an error of its own."""
    every = Counter(a.slug for a in [*articles, *damaged])
    shared = {slug for slug, count in every.items() if count > 1}
    sources = {a.slug: a.source for a in articles if a.slug not in shared}

    @functools.cache
    def ids_of(slug: str) -> PageIds | None:
        if slug not in raw or slug not in sources:  # not built (a damaged file), or shared
            return None
        listed = citations[slug]
        extra = [*(m.anchor for m in listed.marks), *(r.anchor for r in listed.listed)]
        return page_ids(sources[slug], raw[slug].html, extra)

    links = [
        link
        for a in articles
        if a.slug not in shared
        for link in (
            *resolved_fragments("see_also", a.source, a.meta.see_also, graph.see_also_each[a.slug]),
            *resolved_fragments("link", a.source, raw[a.slug].links, graph.inline[a.slug]),
            *same_page_fragments(a.source, a.slug, raw[a.slug].same_page_links),
        )
    ]
    return fragment_problems(links, ids_of)


def _with_links(
    body: RenderedBody,
    links: Sequence[ResolvedLink | None],
    titles: Mapping[str, str],
    base_path: str,
    citations: Citations,
) -> RenderedBody:
    hrefs, texts = body_link_targets(links, titles, base_path)
    html = fill_citations(fill_links(body.html, hrefs, texts), citations.marks)
    return dataclasses.replace(body, html=BodyHtml(html))


def _with_images(
    bodies: dict[str, RenderedBody], articles: list[Article], static_dirs: list[Path], base: str
) -> tuple[dict[str, RenderedBody], list[ArticlegenError]]:
    """Bodies with their local images' URLs and sizes filled in, and the unusable images."""
    filled, problems = {}, []
    for article in articles:
        body = bodies[article.slug]
        placed, found = place_images(body.images, static_dirs, base, article.source)
        problems += found
        html = fill_images(body.html, [p.url for p in placed], [p.size for p in placed])
        filled[article.slug] = dataclasses.replace(body, html=html)
    return filled, problems
