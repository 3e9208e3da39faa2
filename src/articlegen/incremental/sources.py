"""Every article with its rendered body: from the build cache when the file is unchanged,
otherwise read, parsed and rendered, in worker processes when there are many.

Reading and checking is ``content``'s, rendering is ``markup``'s: this module only
decides what can be reused and where the rest is done, so every check a file
gets applies whether or not the cache is used. Problems are returned, not raised,
so the build can go on to find link errors too and report everything in one go.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import zoneinfo
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from pathlib import Path

from markdown_it import MarkdownIt

from ..content.articles import (
    RealFolders,
    content_problems,
    find_sources,
    read_article,
    read_bytes,
    readable_article,
    relative,
    unreadable_targets,
)
from ..content.publication import coming_changes, withheld_articles
from ..core.dates import instant
from ..core.errors import ArticlegenError, attempt
from ..core.memo import Memo
from ..core.model import Article, LinkGraph, LinkSource, LinkTarget, RenderedBody
from ..core.records import record
from ..core.workers import map_chunks
from ..markup.fastmarkup import render_markdown
from ..markup.markdown import MarkupSettings, make_markdown
from ..render.links import Resolved, build_link_graph
from .cache import BuildCache, SourceEntry
from .keys import body_key, settings_text, source_digest
from .linkrecord import LinkRecords
from .stamps import SourceStamp, source_stamp

MIN_PARALLEL_ARTICLES = 48
"""Fewer articles to render than this are rendered here: a worker would cost more to start."""


@record
class Sources:
    """What ``content/`` holds, read and rendered."""

    articles: list[Article]
    """Every readable article, drafts included, in file order."""
    bodies: dict[str, RenderedBody]
    """Slug → rendered body (links still placeholders), for the articles to be built."""
    problems: list[ArticlegenError]
    """Unreadable files, bad front-matter, duplicate slugs, links to folders outside."""
    reused: int
    """Articles taken from the cache unchanged."""
    damaged: list[Article]
    """Files that failed on their front-matter (a bad field, a YAML error), as far as they
    can be read (see
    ``content.readable_article``): still link targets, so that links to them are not
    reported as broken on top of their own errors."""
    damaged_built: list[Article]
    """Those of them to be built (a draft's only with ``--drafts``): their links and people
    are checked in the same build as their own errors, a draft left out's no more than a
    working draft's."""
    damaged_bodies: dict[str, RenderedBody]
    """File → the rendered body of each of ``damaged_built``: a header that failed hides
    none of its body's problems (see ``damaged_checked``)."""
    keys: dict[str, bytes] = dataclasses.field(default_factory=dict)
    """Slug → ``keys.body_key`` of its body in ``bodies``, where one is known."""

    @property
    def damaged_links(self) -> list[LinkSource]:
        """The links of ``damaged_built``, so they are checked in the same build."""
        return [
            LinkSource(
                a.slug, a.source, a.meta.see_also, self.damaged_bodies[a.source].links, a.page
            )
            for a in self.damaged_built
        ]

    def damaged_checked(self) -> tuple[list[Article], dict[str, RenderedBody]]:
        """The files of ``damaged_built`` whose bodies the body checks read as a built
        article's (their images' files, their links to paths of the site and to ids),
        with those bodies by slug: the ones whose slug no other file has, as the checks
        find a body by its slug (a slug taken twice is an error of its own). What needs the
        header (citations, which its ``references:`` number) is not judged."""
        if not self.damaged_built:  # most builds: no list made, no slug counted
            return [], {}
        taken = Counter(a.slug for a in [*self.articles, *self.damaged])
        checked = [a for a in self.damaged_built if taken[a.slug] == 1]
        return checked, {a.slug: self.damaged_bodies[a.source] for a in checked}

    def body_checked(
        self, articles: list[Article]
    ) -> tuple[list[Article], dict[str, RenderedBody]]:
        """``articles`` (those to build) and the ``damaged_checked`` files, with the bodies
        of all by slug: what a body check that needs no header value reads."""
        damaged, bodies = self.damaged_checked()
        if not damaged:
            return articles, self.bodies
        return [*articles, *damaged], {**self.bodies, **bodies}


def load_sources(
    root: Path,
    settings: MarkupSettings,
    cache: BuildCache,
    *,
    zone: zoneinfo.ZoneInfo,
    drafts: bool,
    jobs: int | None,
    progress: Callable[[int, int], None] | None = None,
) -> Sources:
    """Read ``content/`` (dates in ``zone``, the site's); render the bodies of the articles
    to build (drafts only if ``drafts``); ``cache.sources`` is updated to what the folder
    now holds."""
    paths = find_sources(root)
    names = {path: relative(root, path) for path in paths}  # each file's, once
    folders: RealFolders = {}
    text = settings_text(settings)
    known = {
        path: _cached(cache, root, path, names[path], text, drafts, zone, folders) for path in paths
    }
    todo = [path for path in paths if known[path] is None]
    fresh = map_chunks(
        partial(prepare_chunk, root, cache.code, settings.copy(), drafts, zone),
        todo,
        jobs=jobs,
        min_items=MIN_PARALLEL_ARTICLES,
        progress=progress,
    )
    problems: list[ArticlegenError] = []
    md = None
    damaged: list[Article] = []
    for path, entry in zip(todo, fresh, strict=True):
        if entry is None:  # it failed in a worker: redo it here to report the error in full
            md = md or make_markdown(**settings)
            entry = attempt(problems, prepare, root, path, cache.code, md, settings, drafts, zone)
            if entry is None and (left := readable_article(root, path, zone)) is not None:
                damaged.append(left)
        known[path] = entry
    entries = {names[p]: e for p, e in known.items() if e is not None}
    cache.sources = {name: e for name, e in entries.items() if not (e.body and e.body.problems)}
    articles = [entry.article for entry in entries.values()]
    order = {names[path]: i for i, path in enumerate(paths)}
    every = sorted([*articles, *damaged], key=lambda a: order[a.source])
    built = [article for article in damaged if drafts or not article.meta.draft]
    return Sources(
        articles=articles,
        bodies={
            e.article.slug: e.body
            for e in entries.values()
            if e.body is not None and (drafts or not e.article.meta.draft)
        },
        problems=problems + content_problems(root, every),
        reused=len(paths) - len(todo),
        damaged=damaged,
        damaged_built=built,
        damaged_bodies=_damaged_bodies(built, md, settings),
        keys={e.article.slug: e.body_key for e in entries.values() if e.body and e.body_key},
    )


def _damaged_bodies(
    built: list[Article], md: MarkdownIt | None, settings: MarkupSettings
) -> dict[str, RenderedBody]:
    """File → the body of each damaged article to be ``built``, rendered as any body is
    (with ``md``, if one is made already): its problems are reported with the bodies'
    (``build``), each once. A body past the nesting limits is that one problem."""
    if not built:
        return {}
    md = md or make_markdown(**settings)
    bodies = {}
    for article in built:
        problems: list[ArticlegenError] = []
        render = partial(render_markdown, md, article.body, first_line=article.body_line,
                         path=article.source)  # fmt: skip
        body = attempt(problems, render)
        bodies[article.source] = body or RenderedBody(html="", problems=tuple(problems))
    return bodies


def prepare_chunk(
    root: Path,
    code: str,
    settings: MarkupSettings,
    drafts: bool,
    zone: zoneinfo.ZoneInfo,
    paths: list[Path],
    finished: Callable[[int], None] | None = None,
) -> list[SourceEntry | None]:
    """``prepare`` each path (in a worker); None where it failed. ``finished(1)`` after each.
    Up to ``READ_AHEAD`` articles are read and parsed before their bodies are rendered."""
    md = make_markdown(**settings)
    text = settings_text(settings)
    problems: list[ArticlegenError] = []
    entries: list[SourceEntry | None] = []
    folders: RealFolders = {}
    for start in range(0, len(paths), READ_AHEAD):
        batch = paths[start : start + READ_AHEAD]
        read = [attempt(problems, read_source, root, path, code, zone, folders) for path in batch]
        for source in read:
            rendered = None
            if source is not None:
                rendered = attempt(problems, render_source, source, md, text, drafts, zone)
            entries.append(rendered)
            if finished is not None:
                finished(1)
    return entries


READ_AHEAD = 100
"""Articles read and parsed one after the other, then rendered one after the other: each
stage's code and data stay in the processor's caches. Reading and rendering each article
in turn cost the front-matter 45 % more (0.23 against 0.16 ms an article, 2,000 articles
in one process), and Markdown a little. A worker's chunk is no longer
(``workers.MAX_CHUNK``)."""


@record
class ReadSource:
    """An article read and parsed, its body not yet rendered."""

    stamp: SourceStamp | None
    """Its file's stamp, taken before it was read."""
    digest: bytes
    article: Article


def read_source(
    root: Path,
    path: Path,
    code: str,
    zone: zoneinfo.ZoneInfo,
    folders: RealFolders | None = None,
) -> ReadSource:
    """Read, check and parse one article (``folders``: see ``read_bytes``). Its stamp is
    taken before it is read, so that a change while it is read shows next time, and its
    ``lstat`` serves reading too."""
    try:
        link: os.stat_result | None = os.lstat(path)
    except OSError:
        link = None  # no stamp; reading says why (or reads it, if it is there now)
    stamp = source_stamp(path, link=link) if link is not None else None
    data = read_bytes(root, path, folders, mode=None if link is None else link.st_mode)
    digest = source_digest(code, relative(root, path), data)
    return ReadSource(stamp, digest, read_article(root, path, zone, data))


def render_source(
    source: ReadSource,
    md: MarkdownIt,
    settings: str,
    drafts: bool,
    zone: zoneinfo.ZoneInfo,
) -> SourceEntry:
    """A read article's entry, its body rendered unless it is a draft left out; ``settings``:
    the markup settings' ``keys.settings_text``."""
    article, digest, stamp = source.article, source.digest, source.stamp
    if article.meta.draft and not drafts:
        return SourceEntry(digest, article, stamp=stamp, zone=zone.key)
    body = render_markdown(md, article.body, first_line=article.body_line, path=article.source)
    return SourceEntry(digest, article, body_key(digest, settings), body, stamp, zone.key)


def prepare(
    root: Path,
    path: Path,
    code: str,
    md: MarkdownIt,
    settings: MarkupSettings,
    drafts: bool,
    zone: zoneinfo.ZoneInfo,
) -> SourceEntry:
    """Read, check, parse and (unless it is a draft left out) render one article."""
    text = settings_text(settings)
    return render_source(read_source(root, path, code, zone), md, text, drafts, zone)


def _cached(
    cache: BuildCache,
    root: Path,
    path: Path,
    name: str,
    settings: str,
    drafts: bool,
    zone: zoneinfo.ZoneInfo,
    folders: RealFolders,
) -> SourceEntry | None:
    """The cache's entry for an unchanged file that needs nothing more; else None. A file
    whose stamp is the one recorded is not even read; one whose bytes are unchanged gets
    its new stamp. An article parsed in another time zone is parsed again: its dates
    differ. ``name``: ``path`` relative to ``root``; ``settings``: the markup settings'
    ``keys.settings_text``; ``folders``: see ``read_bytes``."""
    entry = cache.sources.get(name)
    if entry is None or entry.zone != zone.key:
        return None
    needs_body = drafts or not entry.article.meta.draft
    if needs_body and entry.body_key != body_key(entry.digest, settings):
        return None
    stamp = source_stamp(path)
    if stamp is not None and stamp == entry.stamp:
        return entry
    try:
        data = read_bytes(root, path, folders)
    except ArticlegenError:
        return None
    if entry.digest != source_digest(cache.code, name, data):
        return None
    return dataclasses.replace(entry, stamp=stamp) if stamp != entry.stamp else entry


def link_targets(sources: Sources, withheld: Mapping[str, str]) -> list[LinkTarget]:
    """Every article and page that can be named: a file with a bad date is still a target,
    so links to it are not reported on top of its own error. ``withheld``: slug → why an
    article left out (scheduled, expired) may not be linked to."""
    known = [*sources.articles, *sources.damaged]
    return [
        *(
            LinkTarget(a.slug, a.source, a.meta.title, a.meta.draft, a.page, withheld.get(a.slug))
            for a in known
        ),
        *unreadable_targets(sources.problems, known),
    ]


def coming_link_problems(
    sources: Sources,
    raw: Mapping[str, RenderedBody],
    now: dt.datetime,
    zone: zoneinfo.ZoneInfo,
    reported: Iterable[ArticlegenError] = (),
    *,
    drafts: bool = False,
) -> list[ArticlegenError]:
    """Links that will lead nowhere once articles publish or expire as dated, each found
    now rather than on the day the build would fail: at every coming moment, the links of
    the articles public then, against the articles withheld then (a scheduled article
    linking to one scheduled later; an article linking to one that will expire first).
    Problems already ``reported`` (by today's link graph) are not repeated. ``drafts``: drafts
    are shown (``--drafts``, the preview), so a link to one is no error then either."""
    seen = {(p.path, p.line, str(p)) for p in reported}
    found: dict[tuple[str | None, int | None, str], ArticlegenError] = {}
    dated = [a for a in sources.articles if not a.meta.draft]  # drafts are nobody's sources
    today = instant(now, zone)
    for at in coming_changes(dated, now, zone):
        held = withheld_articles(dated, at.replace(tzinfo=dt.UTC), zone)
        public = [a for a in dated if a.slug not in held]
        withheld = {
            slug: w.describe(zone, yet_to_come=instant(w.at, zone) > today)
            for slug, w in held.items()
        }
        graph = link_sources(sources, public, raw, drafts=drafts, withheld=withheld)
        for problem in graph.problems:
            key = (problem.path, problem.line, str(problem))
            if key not in seen:
                found.setdefault(key, problem)
    return list(found.values())


def link_sources(
    sources: Sources,
    articles: list[Article],
    raw: Mapping[str, RenderedBody],
    *,
    drafts: bool,
    withheld: Mapping[str, str],
    memo: Memo[Resolved] | None = None,
    record: LinkRecords | None = None,
) -> LinkGraph:
    """The cross-link graph of the ``articles`` (and pages) to build, against every one that
    can be named (``link_targets``). ``withheld``: slug → why an article left out may not be
    linked to (scheduled, expired). ``memo``: the resolutions of the last build, to reuse;
    ``record``: the last build's graph (``linkrecord``), reused where it is this one."""
    linking = [
        *(
            LinkSource(a.slug, a.source, a.meta.see_also, raw[a.slug].links, a.page)
            for a in articles
        ),
        *sources.damaged_links,
    ]
    targets = link_targets(sources, withheld)
    if record is not None:
        return record.linked(linking, targets, sources.keys, drafts_visible=drafts, memo=memo)
    return build_link_graph(linking, targets, drafts_visible=drafts, memo=memo)
