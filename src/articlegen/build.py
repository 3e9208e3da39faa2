"""``build_site``: the stages, in order, and nothing else; ``build_with_saved_cache``: the
same with the cache kept in the site, as the CLI builds.

Each stage is a call into the room that does it (see docs/architecture.md): load, validate,
link, render, write. A stage returns records and problems; every problem of every article
is gathered before the first page is rendered, and a build with an error writes nothing.
"""

from __future__ import annotations

import contextlib
import dataclasses
import time
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from .content.config import load_config, with_base_url
from .content.publication import Publication, build_day, build_moment, left_out, publication
from .content.readiness import unready_settings
from .content.staticfiles import StaticFile, find_static, variant_collisions
from .content.strays import stray_notes
from .content.theme import place_logo
from .core.errors import (
    ArticlegenError,
    BuildFailed,
    Diagnostic,
    OutputError,
    by_place,
    failing_with,
    raise_if_any,
)
from .core.layout import (
    CACHE_DIR,
    CONFIG_FILE,
    IMAGE_COPIES,
    STATIC_DIR,
    TEMPLATES_DIR,
    THEME_STATIC,
)
from .core.model import (
    Article,
    BuildOptions,
    BuildResult,
    FirstPages,
    LinkGraph,
    Logo,
    NavLink,
    PlacedImage,
    Progress,
    RenderedBody,
    RenderedPage,
    Site,
    SiteConfig,
)
from .core.programs import find_pagefind
from .core.progress import for_stage
from .core.records import record
from .incremental.cache import BuildCache
from .incremental.cachefile import load_cache, save_cache
from .incremental.damaged import without_damaged
from .incremental.freshness import Snapshot, receipt_of, save_receipt, take_snapshot
from .incremental.movedaway import moved_away
from .incremental.renamedlinks import renamed_links
from .incremental.rendering import planned_headers, render_pages
from .incremental.siteimages import site_images
from .incremental.sources import (
    Sources,
    coming_link_problems,
    link_sources,
    link_targets,
    load_sources,
)
from .incremental.stagememos import StageMemos
from .markup.fastmarkup import MISSING_NOTE as SLOW_MARKUP_NOTE
from .markup.fastmarkup import compiled_available
from .markup.markdown import markup_settings
from .output.destination import check_location, check_replaceable, destination
from .output.publish import after_writing, indexed_pages, publish_site, unpublishable
from .output.search import MISSING_NOTE
from .output.soundimages import ShownAt, sound_reader, waited_at_lines
from .output.variants import VariantsMade, original_digest
from .render.bodies import finished_bodies
from .render.fragments import article_fragment_problems, resolved_fragments
from .render.menu import MENU_KIND, menu_refs, resolve_menu
from .render.pathlinks import path_fragments, path_link_problems, published_addresses
from .render.redirects import alias_origins, alias_problems
from .render.site import assemble_site
from .render.sitechecks import comment_problems, reserved_slug_problems, site_warnings
from .render.tagspelling import tag_spelling_notes
from .render.templateblocks import block_problems, own_template_warnings
from .render.templatelinks import outside_link_problems
from .render.templateurls import template_url_problems
from .trust.checks import Trust, check_trust
from .trust.people import offer_reviewers


def build_site(
    root: Path,
    options: BuildOptions | None = None,
    *,
    cache: BuildCache | None = None,
    progress: Progress | None = None,
    first: FirstPages | None = None,
) -> BuildResult:
    """Load, validate, link, render and (unless ``options.write`` is off) write the site.
    With a ``cache`` (``incremental/cache.py``), unchanged articles and pages are reused, and
    the cache is updated in place; the pages ``first`` names are rendered before the others
    and handed to ``first.publish`` (the preview's open pages), which the build may still fail
    after. ``progress(stage, done, total)`` hears how far the long stages are (``Progress``)."""
    started = time.perf_counter()
    options, root = options or BuildOptions(), root.absolute()
    config, unready = _settings(root, options)
    output = destination(root, config, options.output).path
    sources = load_sources(
        root, markup_settings(config), cache if cache is not None else BuildCache(code=""),
        zone=config.zone, drafts=options.drafts, jobs=options.jobs,
        progress=for_stage(progress, "reading articles"),
    )  # fmt: skip
    public = publication(sources.articles, options, config.zone)
    articles = public.to_build(sources.articles, drafts=options.drafts)
    memos = cache.memos if cache is not None else StageMemos()
    memos.next_build()
    checked, problems = _validate(root, config, options, sources, articles, public, memos, unready)
    strict, options = options.strict_errors(checked.warnings)  # if any: a check, failing
    if problems:  # and the path links, checked after planning otherwise: all in one report
        anyway = _path_problems_anyway(config, sources, articles, checked, public, root, options)
        raise_if_any([*problems, *strict, *anyway])
    shown = checked.shown_images if options.write or options.preview else ()  # check: names
    with failing_with(strict), VariantsMade(  # encoded beside the stages below, waited for
        shown, root / CACHE_DIR / IMAGE_COPIES, root, options.jobs, prune=options.write,
        digest_of=partial(memos.files.remembered, "digest", original_digest),
    ) as copies:  # fmt: skip
        waited = partial(waited_at_lines, copies, checked.shown_at, root)
        kept = cache is not None and cache.keep_in_memory
        site = _assemble(config, sources, articles, checked, public, memos, finish_all=kept)
        pagefind = find_pagefind() if config.search else None
        written = output if options.write else None
        site_pages = render_pages(
            site, root, options, cache, written, search=bool(pagefind),
            progress=for_stage(progress, "rendering pages"), first=first,
            planned_check=lambda pages: raise_if_any(
                _path_problems(config, sources, articles, checked, pages, root, options)
            ),
            before_workers=waited,  # workers forked from a process with no threads
        )  # fmt: skip
        statics = copies.published(checked.statics, () if shown else checked.shown_images)
        index = indexed_pages(site, pagefind, len(articles))
        raise_if_any(unpublishable(site_pages.headers, statics, root, alias_origins(site), index))
        own, replaced = publish_site(  # each page written as rendered: the result keeps no bytes
            site_pages, statics, output, root, cache, index, progress, waited, options
        ) if options.write or options.check_output else ([], [])  # fmt: skip
        pages = site_pages.headers if options.write else tuple(site_pages.pages)
        variants = waited().files
    return BuildResult(
        output=written, articles=len(site.articles), pages=pages,
        diagnostics=(*checked.warnings, *own), seconds=time.perf_counter() - started, site=site,
        notes=(*_notes(site, options, sources, public, pagefind), *stray_notes(root, output)),
        said_once=tuple(replaced),
        changes_at=public.changes_at, reused_bodies=sources.reused, rendered=site_pages.rendered,
        variants=variants, statics=frozenset(name for _, name in checked.statics),
    )  # fmt: skip


def _settings(root: Path, options: BuildOptions) -> tuple[SiteConfig, list[Diagnostic]]:
    """``site.yaml`` as this build sees it, once its output folder is known to be one a
    build may use (and, for a build that writes, replace); and the settings a published site
    still lacks (``readiness``): judged with ``--base-url``, which publishes in place of
    site.yaml's address, but not with the preview's own, which publishes nothing."""
    written = load_config(root)
    config = with_base_url(written, options.base_url) if options.base_url else written
    dest = destination(root, config, options.output)
    check_location(dest, root)
    if options.write or options.check_output:
        check_replaceable(dest, root)
    return config, unready_settings(written if options.preview else config)


@record
class _Checked:
    """What validation learned that the later stages use."""

    graph: LinkGraph
    trust: Trust
    images: dict[str, list[PlacedImage]]
    """Slug → where each local image of the body is served from, and its size."""
    statics: list[StaticFile]
    warnings: list[Diagnostic]
    menu: tuple[NavLink, ...]
    """``site.yaml``'s ``menu:``, resolved."""
    heroes: dict[str, PlacedImage]
    """Slug → its front-matter ``image:``, placed."""
    share_image: PlacedImage | None
    """``site.yaml`` ``image:``, placed."""
    shown_images: list[PlacedImage]
    """Every local image pages show (in bodies, heroes, the share image, the logo) and the
    articles left out would show, for its copies."""
    logo: Logo | None
    """``site.yaml``'s ``logo:``, found and measured."""
    shown_at: ShownAt
    """Each image file → the article lines that show it, where a failed copy is said."""


def _validate(
    root: Path,
    config: SiteConfig,
    options: BuildOptions,
    sources: Sources,
    articles: list[Article],
    public: Publication,
    memos: StageMemos,
    unready: list[Diagnostic],
) -> tuple[_Checked, list[ArticlegenError]]:
    """Every check, its problems raised together; ``unready``: settings a published site
    lacks. ``--strict`` fails on the warnings later, after the checks that follow planning."""
    raw: dict[str, RenderedBody] = sources.bodies
    held = [w.article for w in public.hidden.values() if not w.article.meta.draft]
    static_dirs = [THEME_STATIC, root / STATIC_DIR]
    statics, static_problems = find_static(static_dirs, root)
    copies = root / CACHE_DIR / IMAGE_COPIES
    reader = sound_reader(memos, config.image_widths, copies, original_digest)
    placed = site_images(config, sources, articles, public.hidden, static_dirs, reader, statics)
    images, heroes, share = placed.bodies, placed.heroes, placed.share
    logo, logo_problems = place_logo(config, static_dirs)
    shown = placed.shown(logo.image if logo else None)
    withheld = {slug: w.describe(config.zone) for slug, w in public.hidden.items()}
    graph = link_sources(sources, articles, raw, drafts=options.drafts, withheld=withheld,
                         memo=memos.links, record=memos.graph)  # fmt: skip
    known = link_targets(sources, withheld)
    menu, menu_links, menu_errors = resolve_menu(config, CONFIG_FILE, known, drafts=options.drafts)
    coming = coming_link_problems(sources, raw, build_moment(options, config.zone), config.zone,
                                  graph.problems, drafts=options.drafts)  # fmt: skip
    not_yet = {slug: w.describe(config.zone) for slug, w in public.shown.items()}  # scheduled
    trust = check_trust(config, articles, raw, build_day(options, config.zone), static_dirs,
                        memos.citations, not_yet, sources.damaged_built, held,
                        options.as_of)  # fmt: skip
    menu_fragments = resolved_fragments(MENU_KIND, CONFIG_FILE, menu_refs(config), menu_links)
    fragments = article_fragment_problems(
        articles, raw, graph, trust.citations, sources.damaged,
        [*menu_fragments, *path_fragments(*sources.body_checked(articles), config.base_path)],
        sources.damaged_checked()[1],
    )  # fmt: skip
    linked = renamed_links([*graph.problems, *coming, *menu_errors], sources.articles, root,
                           lambda: destination(root, config, options.output).path)  # fmt: skip
    problems: list[ArticlegenError] = [
        *offer_reviewers(config, sources.problems),
        *(p for body in [*raw.values(), *sources.damaged_bodies.values()] for p in body.problems),
        *static_problems,
        *placed.problems,
        *variant_collisions(shown, statics, root),
        *logo_problems,
        *linked,
        *fragments,
        *reserved_slug_problems(articles),
        *alias_problems(public.to_build(sources.articles, drafts=options.drafts) + held),
        *comment_problems(config, articles),
        *trust.problems,
        *outside_link_problems(root),
        *block_problems(root / TEMPLATES_DIR, root),
    ]
    warnings = _warnings(
        config, options, articles, graph, raw, trust, root, [*placed.warnings, *unready], public
    )
    checked = _Checked(
        graph, trust, images, statics, warnings, menu, heroes, share, shown, logo, placed.shown_at
    )
    return checked, problems


def _path_problems_anyway(
    config: SiteConfig, sources: Sources, articles: list[Article], checked: _Checked,
    public: Publication, root: Path, options: BuildOptions,
) -> list[ArticlegenError]:  # fmt: skip
    """The path links' problems of a build failing other checks, against its pages planned
    as far as the site loaded (``planned_headers``), from a graph without the damaged files
    (``damaged``: no page can show one). A site too broken to plan leaves them to the next
    build, as before."""
    try:
        linked = dataclasses.replace(checked, graph=without_damaged(checked.graph, sources))
        site = _assemble(config, sources, articles, linked, public, StageMemos(), finish_all=False)
        headers = planned_headers(site, sources.damaged)
    except Exception:  # whatever planning a failing site meets: its errors are raised already
        return []
    return _path_problems(config, sources, articles, checked, headers, root, options)


def _path_problems(
    config: SiteConfig, sources: Sources, articles: list[Article], checked: _Checked,
    pages: Sequence[RenderedPage], root: Path, options: BuildOptions,
) -> list[ArticlegenError]:  # fmt: skip
    """Every body link to a path of the site, and each address the site's own templates
    write whole, checked against the addresses of ``pages`` and the files the build
    publishes; links into the folders a damaged file's tags and author add pages to are
    not judged. The preview's address is no address to link to: its errors offer none."""
    addresses = published_addresses(
        pages, (name for _, name in checked.statics), checked.shown_images, search=config.search
    )
    return template_url_problems(root, addresses, config.base_path) + path_link_problems(
        *sources.body_checked(articles), addresses, "" if options.preview else config.base_url,
        config.base_path, unsure=("tags/", "authors/", "page/") if sources.problems else (),
    )  # fmt: skip


def _warnings(
    config: SiteConfig,
    options: BuildOptions,
    articles: list[Article],
    graph: LinkGraph,
    raw: dict[str, RenderedBody],
    trust: Trust,
    root: Path,
    found: list[Diagnostic],
    public: Publication,
) -> list[Diagnostic]:
    """The site's warnings (with those ``found`` before: placing images, the settings a
    published site lacks), in file and line order; a preview warns of links to what it
    shows that the published site leaves out (``public``)."""
    return by_place(
        [
            *site_warnings(
                config, articles, graph, raw, shown=public.shown if options.preview else None
            ),
            *trust.warnings,
            *found,
            *own_template_warnings(root, sum(not article.page for article in articles)),
        ]
    )


def _assemble(
    config: SiteConfig,
    sources: Sources,
    articles: list[Article],
    checked: _Checked,
    public: Publication,
    memos: StageMemos,
    *,
    finish_all: bool,
) -> Site:
    """The one ``Site`` every page is planned from, its bodies finished as they are asked
    for, or all at once if ``finish_all`` (a cache that keeps the site for the next build
    in this process: ``FinishedBodies.finish_all``)."""
    titles = {a.slug: a.meta.title for a in sources.articles}
    citations = checked.trust.citations
    bodies = finished_bodies(
        articles, sources.bodies, checked.graph, titles, checked.images, citations,
        config.base_path, memos.bodies,
    )  # fmt: skip
    if finish_all:
        bodies.finish_all()
    return assemble_site(
        config, articles, bodies, checked.graph, credits=checked.trust.credits,
        references={slug: c.listed for slug, c in citations.items()},
        policy=checked.trust.policy, menu=checked.menu, logo=checked.logo,
        withheld={slug: w.describe(config.zone) for slug, w in public.shown.items()},
        images=checked.heroes, share_image=checked.share_image, built_on=public.day,
    )  # fmt: skip


def _notes(
    site: Site, options: BuildOptions, sources: Sources, public: Publication, pagefind: Path | None
) -> tuple[str, ...]:
    """What a build says besides warnings: the articles it left out (``left_out``). Only a
    build that writes would have indexed for search: 'check' has nothing to say about
    Pagefind. One that rendered bodies without the compiled Markdown engine says so once.
    Tags that look like one tag spelt two ways are said after those (``tagspelling``)."""
    config = site.config
    slow_markup = sources.reused < len(sources.articles) and not compiled_available()
    missing = config.search and not pagefind and options.write
    return (
        *left_out(sources.articles, public, options.drafts, config.zone),
        *((MISSING_NOTE,) if missing else ()),
        *((SLOW_MARKUP_NOTE,) if slow_markup else ()),
        *tag_spelling_notes(site),
    )


def build_with_saved_cache(
    root: Path,
    options: BuildOptions | None = None,
    *,
    progress: Progress | None = None,
    snapshot: Snapshot | None = None,
    heard: bool = True,
) -> BuildResult:
    """``build_site`` with the cache saved in the site (``.articlegen-cache/``), as the CLI
    builds: loaded first (an unusable one counts as empty) and saved after, also after input
    errors, since what it learned about the good files stays true. A cache that cannot be
    saved is a note, not an error: the site itself is fine. A written build leaves a receipt,
    so that ``freshness.fresh_receipt`` can tell the next one it has nothing to do: of
    ``snapshot``, the inputs' stamps taken before anything was read (here, if not given).
    An address the last build into the folder this one writes (a check: would) published and
    this one has no page at is a note (``movedaway``), not in the receipt: said once, or
    kept for the next build when not ``heard`` (``--quiet`` prints no notes)."""
    options = options or BuildOptions()
    snapshot = snapshot or take_snapshot(root, options)
    folder = root / CACHE_DIR
    cache = load_cache(folder, snapshot.code)
    cache.keep_in_memory = False  # saved for the next process, not built from again here
    try:
        result = build_site(root, options, cache=cache, progress=progress)
    except BuildFailed:
        with contextlib.suppress(OutputError):  # the input errors are the news here: not
            save_cache(cache, folder, wait=False)  # held back while another build saves
        raise
    assert result.site is not None  # build_site assembles one
    would = destination(root, result.site.config, options.output).path  # check: the build's
    said = moved_away(folder, result, root, would, heard=heard)  # not in the receipt
    with after_writing(result.output):
        try:
            save_cache(cache, folder, progress)
        except OutputError as problem:
            return dataclasses.replace(said, notes=(*said.notes, str(problem)))
        if result.output is not None:
            save_receipt(root, snapshot, receipt_of(result, snapshot))
    return said
