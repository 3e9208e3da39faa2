"""``articlegen import``: pasted text, saved web pages and whole old blogs (a WordPress
export, a Jekyll site, a Hugo content folder) → new ``content/<slug>.md`` files.

Every source is read, converted and checked before anything is written, and
all of them are written or none: a batch can simply be run again after a fix.
An existing file is never replaced, except with ``--overwrite`` an article a blog
import made before (recognised by its old address in ``aliases:``); without it that
post is skipped, so that running an import again adds only what is new. What the
importer cannot settle itself (an unknown date, a See Also item that matches no
article, an image without alt text, a shortcode kept as text) is written so that the
site still builds, and reported as a warning at its line of the new file.

The steps, each in its module: reading the sources (``importsources``), planning where each
post goes (``importplanning``), relinking (``oldlinks``, here per post), composing each file
(``importmarkdown``), writing it all (``importwrite``); ``importreport`` holds what was done.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from ..content.config import load_config
from ..content.siteroot import missing_config
from ..core.errors import ArticlegenError, Diagnostic, raise_if_any
from ..core.layout import CONFIG_FILE, CONTENT_DIR, STATIC_DIR
from ..core.model import Article, LinkTarget, SiteConfig
from .blogsource import Blog, tally
from .colontext import colons_as_text, colons_warning
from .emptylinks import empty_links_as_text, empty_links_warning
from .imagefetch import fetch_images
from .importbidi import without_bidi_controls
from .importcopies import led_apart
from .importimages import ImageNote, settled_images
from .importmarkdown import ImportPlan, body_warnings, comments_once, compose_article
from .importplanning import existing_aliases, keep_servable_aliases, plan_posts, site_articles
from .importreport import Imported, ImportReport
from .importsources import BLOG_FORMATS, read_sources
from .importwrite import Composed, images_to_copy, write_import
from .mdhtml import html_as_markdown
from .mdhtmlnotes import html_notes
from .mdmath import math_kept
from .namedanchors import (
    HeadingIds,
    anchor_line,
    cross_linked,
    fragment_line,
    moved_anchors,
)
from .oldlinks import OldSite, header_image, relink
from .pagelinks import linked_page
from .seealsomatch import Catalogue
from .siteauthors import AuthorChoice, choose_author
from .sourcelines import source_text
from .unlinked import unlinked_warnings
from .wikitext import Escaped, escaped_warning, wiki_as_text

_UNMATCHED = "links into the old site that match no imported post"

MARKDOWN_FORMATS = ("jekyll", "hugo")
"""Blogs written in Markdown, where HTML may have been written by hand."""


@dataclasses.dataclass(frozen=True, slots=True)
class ImportOptions:
    """How ``articlegen import`` treats its sources (its command-line options)."""

    kind: str | None = None
    """``--from``: the sources' format, instead of telling it from each source."""
    date: dt.date | None = None
    """``--date``: the publication day of sources that state none."""
    dry_run: bool = False
    """``--dry-run``: plan everything, write nothing."""
    overwrite: bool = False
    """``--overwrite``: an article imported before (same old address) is written again."""
    add_authors: bool = False
    """``--add-authors``: authors the site does not know are added to ``site.yaml``."""
    download_images: bool = False
    """``--download-images``: images posts load from the web are fetched into ``static/``."""


def import_articles(
    root: Path, sources: Sequence[Path], *, today: dt.date, date: dt.date | None = None
) -> list[Imported]:
    """Turn ``sources`` into new articles of the site at ``root``; all are written, or none.

    ``date`` is the publication day for sources that state none (default ``today``).
    """
    return import_sources(root, sources, today=today, options=ImportOptions(date=date)).imported


def import_sources(
    root: Path, sources: Sequence[Path], *, today: dt.date, options: ImportOptions
) -> ImportReport:
    """Read every source (single articles or whole blogs), plan every file, then write them
    all or none (nothing with ``dry_run``)."""
    if not (root / CONFIG_FILE).is_file():
        raise missing_config(root)
    config = load_config(root)
    existing = site_articles(root, config)
    old_paths = existing_aliases(root, existing)
    blogs, problems = read_sources(sources, options.kind)
    raise_if_any(problems)
    without_bidi_controls(blogs)
    report = _started_report(blogs, options)
    plans = plan_posts(root, blogs, existing, old_paths, options.overwrite, report, problems)
    raise_if_any(problems)
    paths = {alias: slug for alias, (slug, _) in old_paths.items()}
    paths |= {alias: plan.slug for plan in plans for alias in plan.article.aliases}
    keep_servable_aliases(plans, {a.slug for a in existing})
    files = {plan.post.file.resolve(): plan.slug for plan in plans if plan.post.file}
    catalogue = _catalogue(existing, plans)
    added: dict[str, str] = {}
    _check_authors(config, existing, plans, options)
    with tempfile.TemporaryDirectory(prefix="articlegen-import-") as scratch:
        fetched: dict[str, Path] = {}
        if options.download_images and not options.dry_run:
            remote = _relinked(plans, paths, files, fetched, config.search)[1]
            fetched, failures = fetch_images(remote, Path(scratch))
            report.notes += failures
        bodies, report.remote, copies = _relinked(plans, paths, files, fetched, config.search)
        bodies, copies = led_apart(plans, bodies, copies, root / STATIC_DIR, report.notes)
        made = []
        linked = [
            body if body is not None else linked_page(plan, catalogue)
            for plan, body in zip(plans, bodies, strict=True)
        ]
        targets = _link_targets(existing, plans)
        for plan, anchored in zip(plans, _anchored(plans, linked, config, existing), strict=True):
            if plan.blog.kind in MARKDOWN_FORMATS:
                anchored = math_kept(plan, anchored)
            body, escaped = _wiki_escaped(plan, anchored, config, targets)
            body, colons = _colons_escaped(plan, body, config)
            if plan.blog.kind in MARKDOWN_FORMATS and not config.allow_html:
                body = html_as_markdown(body)
            body, emptied = empty_links_as_text(body)
            _note_html(plan, body, config)
            body, images = settled_images(body, root / STATIC_DIR, set(copies))
            author = (
                choose_author(plan.article.author, config, added, options.add_authors)
                if plan.article.author and not plan.article.page
                else AuthorChoice(None)
            )
            day, given = options.date or today, options.date is not None
            text, warnings = compose_article(plan, body, author, catalogue, config, day, given)
            try:
                found = body_warnings(root, plan.display, text, config, set(copies))
                start = text.count("\n", 0, len(text) - len(body)) + 1
                kept = _kept_as_text(plan.display, start, escaped, colons, emptied)
                found = (*_settled_warnings(body, images, plan.display, start), *kept, *found)
                made.append(Composed(plan, text, warnings + found))
            except ArticlegenError as problem:  # a page the front-matter cannot hold
                problems.append(problem)
        raise_if_any(problems)
        return _finish(root, made, copies, added, report)


def _kept_as_text(
    display: str,
    start: int,
    escaped: list[Escaped],
    colons: list[tuple[int, str]],
    emptied: list[tuple[int, str]],
) -> list[Diagnostic]:
    """A warning for each kind of syntax the body (from line ``start`` of ``display``) keeps
    as text where the build would refuse it: links with no address, ``:::`` lines, ``[[``."""
    return [
        *([empty_links_warning(emptied, display, start)] if emptied else []),
        *([colons_warning(colons, display, start)] if colons else []),
        *([escaped_warning(escaped, display, start)] if escaped else []),
    ]


def _settled_warnings(
    body: str, notes: list[ImageNote], display: str, start: int
) -> list[Diagnostic]:
    """The links of ``body`` kept as text (``unlinked``) and the notes about its images
    (``importimages``) as warnings at their lines of the new file, whose body starts at line
    ``start``."""
    return unlinked_warnings(body, display, start) + [
        Diagnostic(n.message, display, start + n.line - 1, n.hint) for n in notes
    ]


def _link_targets(existing: list[Article], plans: list[ImportPlan]) -> list[LinkTarget]:
    """What a wiki link may name once the import is written: the site's articles and this
    import's posts."""
    return [LinkTarget(a.slug, a.source, a.meta.title, a.meta.draft, a.page) for a in existing] + [
        LinkTarget(p.slug, p.display, p.article.title, p.article.draft, p.article.page)
        for p in plans
    ]


def _wiki_escaped(
    plan: ImportPlan, body: str, config: SiteConfig, targets: list[LinkTarget]
) -> tuple[str, list[Escaped]]:
    """A blog post's body with the double brackets that name no article escaped
    (``wikitext``), and those."""
    if plan.blog.kind not in BLOG_FORMATS or "[[" not in body:
        return body, []
    return wiki_as_text(body, plan.display, targets, allow_html=config.allow_html)


def _colons_escaped(
    plan: ImportPlan, body: str, config: SiteConfig
) -> tuple[str, list[tuple[int, str]]]:
    """A Jekyll or Hugo post's body with its ``:::`` lines that open no video block escaped
    (``colontext``), and those."""
    if plan.blog.kind not in MARKDOWN_FORMATS or ":::" not in body:
        return body, []
    return colons_as_text(body, allow_html=config.allow_html)


def _started_report(blogs: list[Blog], options: ImportOptions) -> ImportReport:
    """The report as reading the sources left it: what each source left out, and its notes."""
    report = ImportReport(written=not options.dry_run)
    for blog in blogs:
        if blog.skipped:
            report.skipped.append((str(blog.source), tally(blog.skipped)))
        report.notes += [Diagnostic(note, str(blog.source)) for note in blog.notes]
    return report


def _catalogue(existing: list[Article], plans: list[ImportPlan]) -> Catalogue:
    """The articles an imported "See Also" may name: the site's, and this import's."""
    return Catalogue.of(
        [
            (a.slug, a.meta.title, a.meta.draft, a.source.removeprefix(f"{CONTENT_DIR}/"))
            for a in existing
        ]
        + [(p.slug, p.article.title, p.article.draft, _in_content(p.display)) for p in plans]
    )


def _finish(
    root: Path,
    made: list[Composed],
    copies: dict[str, Path],
    added: dict[str, str],
    report: ImportReport,
) -> ImportReport:
    """The report completed, and (unless a dry run) everything written."""
    images, image_warnings = images_to_copy(root, copies)
    warnings, comments_note = comments_once([each.warnings for each in made])
    report.notes += [*image_warnings, *([comments_note] if comments_note else [])]
    report.images = sorted(f"{STATIC_DIR}/{path}" for path in images)
    report.authors = list(added)
    report.imported = [
        Imported(
            each.plan.blog.source,
            root / each.plan.display,
            each_warnings,
            each.plan.post.origin,
            each.plan.article.title,
            each.plan.old,
            each.plan.replaces is not None,
        )
        for each, each_warnings in zip(made, warnings, strict=True)
    ]
    if report.written:
        write_import(root, made, images, added)
    return report


def _relinked(
    plans: list[ImportPlan],
    paths: dict[str, str],
    files: dict[Path, str],
    fetched: dict[str, Path],
    search: bool,
) -> tuple[list[str | None], dict[str, str], dict[str, Path]]:
    """Each blog post's body with its links into the old site made local (None for a single
    article, linked by title instead; links to its search page to this site's, where
    ``search``), the images left on the web (address → ``static/``
    path) and the files to copy into ``static/``."""
    bodies: list[str | None] = []
    remote: dict[str, str] = {}
    copies: dict[str, Path] = {}
    for plan in plans:
        if plan.blog.kind not in BLOG_FORMATS:
            bodies.append(None)
            continue
        finder = _finder(plan.blog, fetched)
        site = OldSite(plan.blog.site_url, paths, files, finder, search, plan.blog.base_path)
        address = plan.article.address or (plan.article.aliases or (None,))[0]
        relinked = relink(plan.article.body, address, plan.post.file, site, plan.slug)
        if plan.article.image:
            plan.hero = header_image(plan.article.image, site, relinked)
        bodies.append(relinked.body)
        copies |= relinked.copies
        remote |= relinked.remote
        if (
            plan.blog.site_url  # else each is a warning at its line (unlinked_warnings)
            and relinked.unmatched
            and not any(n.startswith(_UNMATCHED) for n in plan.notes)
        ):
            shown = list(dict.fromkeys(relinked.unmatched))
            more = f" and {len(shown) - 3} more" if len(shown) > 3 else ""
            plan.notes.append(
                f"{_UNMATCHED} ({', '.join(shown[:3])}{more}): they now point to the old"
                " site by its full address; link what moved here instead"
            )
    return bodies, remote, copies


def _anchored(
    plans: list[ImportPlan], bodies: list[str], config: SiteConfig, existing: list[Article]
) -> list[str]:
    """The bodies with the HTML anchors of blog posts (raw HTML here, shown as text unless
    the site allows it: in a Markdown post as written, in an HTML one as ``htmlimport`` keeps
    them) made heading ids, and every post's links to them, its own and the other posts',
    led there, and their links to other places no post has here, or that an article already
    on the site (an earlier import's) has no heading for, led to the bare article, and to
    ``#top`` within its own page (``namedanchors``)."""
    if config.allow_html:
        return bodies
    moved: dict[str, dict[str, tuple[str, bool]]] = {}
    headed = {article.slug: article.body for article in existing}
    for index, plan in enumerate(plans):
        if plan.blog.kind in BLOG_FORMATS:
            anchored = moved_anchors(bodies[index])
            bodies[index] = anchored.body
            plan.notes += anchored.notes
            _place_notes(plan, anchored.subjects, anchor_line)
            moved[plan.slug] = anchored.targets
            headed[plan.slug] = anchored.body
    ids = HeadingIds(headed)
    led = []
    for plan, body in zip(plans, bodies, strict=True):
        subjects: dict[str, str] = {}
        body, notes = cross_linked(body, moved, ids, subjects, plan.slug)
        plan.notes += notes
        _place_notes(plan, subjects, fragment_line)
        led.append(body)
    return led


def _place_notes(
    plan: ImportPlan, subjects: dict[str, str], find: Callable[[str | None, str], int | None]
) -> None:
    """The line of the post's own file each note of ``subjects`` (note → the anchor or
    fragment it is about) is about, where ``find`` finds it there."""
    text = source_text(plan.post.file) if subjects else None
    for note, name in subjects.items():
        if line := find(text, name):
            plan.note_lines.setdefault(note, line)


def _note_html(plan: ImportPlan, body: str, config: SiteConfig) -> None:
    """The notes for HTML written by hand in a Markdown post, which the site shows as text,
    and for its words in angle brackets (``mdhtmlnotes``), each at its first line in the
    post's own file."""
    if plan.blog.kind not in MARKDOWN_FORMATS or config.allow_html:
        return
    for note, line in html_notes(body, plan.post.file):
        plan.notes.append(note)
        if line:
            plan.note_lines.setdefault(note, line)


def _in_content(display: str) -> str:
    """A file's path relative to ``content/``, as links name it."""
    return display.removeprefix(f"{CONTENT_DIR}/")


def _check_authors(
    config: SiteConfig, existing: list[Article], plans: list[ImportPlan], options: ImportOptions
) -> None:
    """Refuse ``--add-authors`` where starting an ``authors:`` registry would break the
    site: once it exists, every ``author:`` must be an id, and these are names."""
    if not options.add_authors or config.authors or not any(p.article.author for p in plans):
        return
    names = [f"site.yaml 'author: {config.author}'"] if config.author else []
    names += [f"{a.source} 'author: {a.meta.author}'" for a in existing if a.meta.author]
    if names:
        raise ArticlegenError(
            "--add-authors would start 'authors:' in site.yaml, after which every 'author:' "
            "must be an id, but these are names: " + ", ".join(names[:5]),
            CONFIG_FILE,
            hint="add 'authors:' with an id for each of them first (see docs/trust.md), or "
            "import without --add-authors to keep authors as text",
        )


def _finder(blog: Blog, fetched: dict[str, Path]) -> Callable[[str], Path | None]:
    """Where the old site's file for a path is: fetched from the web, in the source beside a
    post, else under one of the folders that were the site's root (the path read also
    without the old site's ``base_path``) if the site served it as it is."""

    def find(path: str) -> Path | None:
        if path.lstrip("/") in fetched:
            return fetched[path.lstrip("/")]
        if path in blog.files:
            return blog.files[path]
        under = [path.removeprefix(blog.base_path)] if path.startswith(blog.base_path) else []
        for relative in dict.fromkeys([path.lstrip("/"), *under]):
            for root in blog.static_roots:
                candidate = root / relative
                if (
                    relative
                    and candidate.is_file()
                    and candidate.resolve().is_relative_to(root.resolve())
                    and (blog.served_as_is is None or blog.served_as_is(candidate))
                ):
                    return candidate
        return None

    return find
