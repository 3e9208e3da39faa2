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
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from ..content.articles import find_sources, load_articles, readable_article
from ..content.config import load_config, missing_config
from ..content.frontmatter import split_front_matter
from ..core.characters import check_text, decode_source
from ..core.errors import ArticlegenError, Diagnostic, SourceError, raise_if_any
from ..core.layout import CONFIG_FILE, CONTENT_DIR, STATIC_DIR
from ..core.limits import read_regular_file
from ..core.model import Article, ImportedArticle, SiteConfig
from ..core.slugs import SUGGESTED_SLUG_LENGTH, slugify
from ..core.urls import (
    RESERVED_SLUGS,
    ROOT_FILES,
    AliasError,
    alias_out_path,
    alias_url,
    article_url,
)
from ..core.yamldoc import load_mapping
from .blogformats import HTML_SUFFIXES, detect_format, read_blog
from .blogsource import Blog, Post, tally
from .htmlimport import parse_html
from .imagefetch import fetch_images
from .importmarkdown import ImportPlan, body_warnings, compose_article
from .mdsource import raw_html
from .oldlinks import OldSite, relink
from .scaffold import create_file
from .seealsomatch import Catalogue, link_articles
from .siteauthors import AuthorChoice, choose_author, with_authors
from .textimport import parse_text

_UNMATCHED = "links into the old site that match no imported post"
BLOG_FORMATS = ("wordpress", "jekyll", "hugo")
"""Sources holding many posts, with old addresses to keep."""
MARKDOWN_FORMATS = ("jekyll", "hugo")
"""Blogs written in Markdown, where HTML may have been written by hand."""
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


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


@dataclasses.dataclass(frozen=True, slots=True)
class Imported:
    """One new article file and what its author should look at."""

    source: Path
    """The file or folder that was imported."""
    path: Path
    """The new ``content/<slug>.md``."""
    warnings: tuple[Diagnostic, ...]
    """Problems left for the author, at their line in the new file."""
    origin: str = ""
    """The post within the source (its file, or the export's post); the source for one file."""
    title: str = ""
    old: str | None = None
    """The post's old address (site path), if it had one."""
    replaced: bool = False
    """An existing article was written over (``--overwrite``)."""


@dataclasses.dataclass(frozen=True, slots=True)
class AlreadyThere:
    """A post skipped because an article already has its old address."""

    origin: str
    old: str
    existing: str
    """The article that has it, ``content/…``."""


@dataclasses.dataclass(slots=True)
class ImportReport:
    """Everything one ``import`` did (or, in a dry run, would do)."""

    imported: list[Imported] = dataclasses.field(default_factory=list)
    already: list[AlreadyThere] = dataclasses.field(default_factory=list)
    skipped: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    """``(source, "draft 3, attachment 12")`` for each source that left items out."""
    notes: list[Diagnostic] = dataclasses.field(default_factory=list)
    """Warnings about a whole source (unknown keys, template tags kept as text)."""
    images: list[str] = dataclasses.field(default_factory=list)
    """``static/…`` files copied from the sources (images, and files posts link to)."""
    remote: dict[str, str] = dataclasses.field(default_factory=dict)
    """Image address → ``static/`` path it should be saved as, for the author to fetch."""
    authors: list[str] = dataclasses.field(default_factory=list)
    """Ids added to ``site.yaml`` ``authors:``."""
    written: bool = True
    """False for a dry run."""


@dataclasses.dataclass(slots=True)
class _Made:
    plan: ImportPlan
    text: str
    warnings: tuple[Diagnostic, ...]


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
    existing = _site_articles(root, config)
    old_paths = _existing_aliases(root, existing)
    blogs, problems = _read_all(sources, options.kind)
    raise_if_any(problems)
    report = ImportReport(written=not options.dry_run)
    for blog in blogs:
        if blog.skipped:
            report.skipped.append((str(blog.source), tally(blog.skipped)))
        report.notes += [Diagnostic(note, str(blog.source)) for note in blog.notes]
    plans = _plan(root, blogs, existing, old_paths, options, report, problems)
    raise_if_any(problems)
    paths = {alias: slug for alias, (slug, _) in old_paths.items()}
    paths |= {alias: plan.slug for plan in plans for alias in plan.article.aliases}
    _keep_servable_aliases(plans, {a.slug for a in existing})
    files = {plan.post.file.resolve(): plan.slug for plan in plans if plan.post.file}
    catalogue = Catalogue.of(
        [
            (a.slug, a.meta.title, a.meta.draft, a.source.removeprefix(f"{CONTENT_DIR}/"))
            for a in existing
        ]
        + [(p.slug, p.article.title, p.article.draft, _in_content(p.display)) for p in plans]
    )
    added: dict[str, str] = {}
    _check_authors(config, existing, plans, options)
    with tempfile.TemporaryDirectory(prefix="articlegen-import-") as scratch:
        fetched: dict[str, Path] = {}
        if options.download_images and not options.dry_run:
            remote = _relinked(plans, paths, files, fetched)[1]
            fetched, failures = fetch_images(remote, Path(scratch))
            report.notes += failures
        bodies, report.remote, copies = _relinked(plans, paths, files, fetched)
        made = []
        for plan, body in zip(plans, bodies, strict=True):
            body = (
                body
                if body is not None
                else link_articles(plan.article.body, plan.article.address, catalogue)
            )
            _note_html(plan, body, config)
            author = (
                choose_author(plan.article.author, config, added, options.add_authors)
                if plan.article.author and not plan.article.page
                else AuthorChoice(None)
            )
            day = options.date or today
            text, warnings = compose_article(
                plan, body, author, catalogue, config, day, options.date is not None
            )
            try:
                found = body_warnings(root, plan.display, text, config, set(copies))
                made.append(_Made(plan, text, warnings + found))
            except ArticlegenError as problem:  # a page the front-matter cannot hold
                problems.append(problem)
        raise_if_any(problems)
        return _finish(root, made, copies, added, report)


def _finish(
    root: Path,
    made: list[_Made],
    copies: dict[str, Path],
    added: dict[str, str],
    report: ImportReport,
) -> ImportReport:
    """The report completed, and (unless a dry run) everything written."""
    images, image_warnings = _images(root, copies)
    report.notes += image_warnings
    report.images = sorted(f"{STATIC_DIR}/{path}" for path in images)
    report.authors = list(added)
    report.imported = [
        Imported(
            each.plan.blog.source,
            root / each.plan.display,
            each.warnings,
            each.plan.post.origin,
            each.plan.article.title,
            each.plan.old,
            each.plan.replaces is not None,
        )
        for each in made
    ]
    if report.written:
        _write(root, made, images, added)
    return report


def _relinked(
    plans: list[ImportPlan],
    paths: dict[str, str],
    files: dict[Path, str],
    fetched: dict[str, Path],
) -> tuple[list[str | None], dict[str, str], dict[str, Path]]:
    """Each blog post's body with its links into the old site made local (None for a single
    article, linked by title instead), the images left on the web (address → ``static/``
    path) and the files to copy into ``static/``."""
    bodies: list[str | None] = []
    remote: dict[str, str] = {}
    copies: dict[str, Path] = {}
    for plan in plans:
        if plan.blog.kind not in BLOG_FORMATS:
            bodies.append(None)
            continue
        site = OldSite(plan.blog.site_url, paths, files, _finder(plan.blog, fetched))
        address = plan.article.address or (plan.article.aliases or (None,))[0]
        relinked = relink(plan.article.body, address, plan.post.file, site)
        bodies.append(relinked.body)
        copies |= relinked.copies
        remote |= relinked.remote
        if relinked.unmatched and not any(n.startswith(_UNMATCHED) for n in plan.notes):
            shown = list(dict.fromkeys(relinked.unmatched))
            more = f" and {len(shown) - 3} more" if len(shown) > 3 else ""
            plan.notes.append(
                f"{_UNMATCHED} ({', '.join(shown[:3])}{more}): they still point to the old "
                "site; link what moved here instead"
            )
    return bodies, remote, copies


def _note_html(plan: ImportPlan, body: str, config: SiteConfig) -> None:
    """A note for HTML written by hand in a Markdown post, which the site shows as text."""
    tags = raw_html(body) if plan.blog.kind in MARKDOWN_FORMATS else []
    if tags and not config.allow_html:
        names = ", ".join(f"<{tag}>" for tag in tags[:5])
        plan.notes.append(
            f"its HTML ({names}) is shown as text: write it as Markdown, or let HTML "
            "through with 'markdown: {allow_html: true}' in site.yaml"
        )


def _read_all(
    sources: Sequence[Path], kind: str | None
) -> tuple[list[Blog], list[ArticlegenError]]:
    """Each source read by the reader its kind needs; errors gathered, not raised."""
    blogs: list[Blog] = []
    problems: list[ArticlegenError] = []
    for source in sources:
        try:
            found = kind or detect_format(source)
            if found in BLOG_FORMATS:
                blogs.append(read_blog(source, found))
            else:
                article = read_source(source, html=found == "html" if kind else None)
                blogs.append(Blog(found, source, posts=[Post(str(source), article)]))
        except ArticlegenError as problem:
            problems.append(problem)
    return blogs, problems


def _site_articles(root: Path, config: SiteConfig) -> list[Article]:
    """The site's articles, with what can be read of those that do not load (their problems
    are the build's to report): an article imported before is one, while the build does not
    know its 'aliases:'."""
    loaded, _ = load_articles(root, config.zone)
    known = {(root / article.source).resolve() for article in loaded}
    rest = [
        found
        for path in find_sources(root)
        if path.resolve() not in known and (found := readable_article(root, path, config.zone))
    ]
    return loaded + rest


def _existing_aliases(root: Path, existing: list[Article]) -> dict[str, tuple[str, str]]:
    """Old address → ``(slug, file)`` of each article (or page) that already has it: in
    ``aliases:``, read from the file itself, so that an import is recognised whether or not
    the build reads the key, or as its own address ``/<slug>/`` (a post whose old address is
    the new one, as WordPress's ``/%postname%/`` permalinks make, needs no alias)."""
    found: dict[str, tuple[str, str]] = {}
    for article in existing:
        found.setdefault(f"/{article.slug}/", (article.slug, article.source))
        try:
            text = (root / article.source).read_text(encoding="utf-8")
            header, first, _, _ = split_front_matter(text, article.source)
            entries, _ = load_mapping(header, article.source, SourceError, first_line=first)
        except (ArticlegenError, OSError, UnicodeDecodeError):
            continue
        aliases = entries.get("aliases")
        for alias in aliases.value if aliases and isinstance(aliases.value, list) else []:
            if isinstance(alias, str):
                found.setdefault(alias, (article.slug, article.source))
    return found


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
    post, else under one of the folders that were the site's root."""

    def find(path: str) -> Path | None:
        if path.lstrip("/") in fetched:
            return fetched[path.lstrip("/")]
        if path in blog.files:
            return blog.files[path]
        relative = path.lstrip("/")
        for root in blog.static_roots:
            candidate = root / relative
            if (
                relative
                and candidate.is_file()
                and candidate.resolve().is_relative_to(root.resolve())
            ):
                return candidate
        return None

    return find


def _images(root: Path, copies: dict[str, Path]) -> tuple[dict[str, Path], list[Diagnostic]]:
    """The images to copy into ``static/``: those not there yet; one there already with
    other content is kept, with a warning."""
    todo: dict[str, Path] = {}
    warnings = []
    for path, source in sorted(copies.items()):
        target = root / STATIC_DIR / path
        if not target.exists():
            todo[path] = source
        elif not target.is_file() or target.read_bytes() != source.read_bytes():
            warnings.append(
                Diagnostic(
                    f"not copied over the existing {STATIC_DIR}/{path}, which differs",
                    str(source),
                    hint=f"compare the two and keep the right one at {STATIC_DIR}/{path}",
                )
            )
    return todo, warnings


def _write(root: Path, made: list[_Made], images: dict[str, Path], added: dict[str, str]) -> None:
    """Create every file, or (if one cannot be created) undo what was done."""
    created: list[Path] = []
    replaced: dict[Path, str] = {}
    site_yaml = root / CONFIG_FILE
    original = site_yaml.read_text(encoding="utf-8") if added else None
    try:
        for each in made:
            path = root / each.plan.display
            if each.plan.replaces is not None:
                replaced[path] = path.read_text(encoding="utf-8")
                path.write_text(each.text, encoding="utf-8")
            else:
                create_file(path, each.text, root)
                created.append(path)
        for relative, source in images.items():
            target = root / STATIC_DIR / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            created.append(target)
        if original is not None:
            site_yaml.write_text(with_authors(original, added), encoding="utf-8")
    except BaseException:
        for path in created:
            path.unlink(missing_ok=True)
        for path, text in replaced.items():
            path.write_text(text, encoding="utf-8")
        if original is not None:
            site_yaml.write_text(original, encoding="utf-8")
        raise


def read_source(source: Path, *, html: bool | None = None) -> ImportedArticle:
    """Read one file given to ``import``: a saved web page, or plain text (``html`` says
    which, else the file's name and first bytes)."""
    display = str(source)
    if source.suffix.lower() in (".md", ".markdown"):
        raise SourceError(
            "this is already Markdown",
            display,
            hint="add a front-matter and copy it into content/; import takes .txt or .html "
            "files, or a whole Jekyll or Hugo folder",
        )
    data = read_regular_file(source, display, SourceError)
    if html is None:
        html = source.suffix.lower() in HTML_SUFFIXES or data.lstrip()[:15].lower().startswith(
            (b"<!doctype html", b"<html")
        )
    text = _decode(data, display, html)
    return parse_html(text, display) if html else parse_text(text, display)


def _decode(data: bytes, display: str, html: bool) -> str:
    """UTF-8 (or UTF-16 with its mark, or a web page's declared ``charset``) as text, with
    no character ``characters`` refuses; a binary file (a PDF, a Word document) is refused
    before anything else, as "not UTF-8" would send its author to the wrong fix."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return check_text(data.decode("utf-16").replace("\r\n", "\n"), display, SourceError)
        except UnicodeDecodeError as exc:
            raise SourceError(
                f"not UTF-16 text although it starts with a UTF-16 mark: {exc.reason}",
                display,
                hint="save the file as UTF-8 in your editor",
            ) from exc
    if (nul := data.find(b"\0")) >= 0 or data.startswith(b"%PDF-"):
        found = f"a NUL byte at offset {nul}" if nul >= 0 else "a PDF"
        raise SourceError(
            f"not a text file: binary data ({found})",
            display,
            hint="import takes pasted text (.txt) or a saved web page (.html): save a Word "
            "document or PDF as one of these first",
        )
    declared = _CHARSET.search(data[:2048]) if html else None
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        try:
            text = data.decode(declared.group(1).decode("ascii")).replace("\r\n", "\n")
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: try UTF-8, which says where it fails
        else:
            return check_text(text, display, SourceError)
    return decode_source(data, display, SourceError)


def _plan(
    root: Path,
    blogs: list[Blog],
    existing: list[Article],
    old_paths: dict[str, tuple[str, str]],
    options: ImportOptions,
    report: ImportReport,
    problems: list[ArticlegenError],
) -> list[ImportPlan]:
    """A slug for each post; posts imported before (an article has their old address)
    skipped, or planned over that article with ``overwrite``; problems for single articles
    whose slug or title is taken."""
    slugs = {a.slug: a.source for a in existing}
    titles = {a.meta.title.casefold(): a.source for a in existing}
    claimed: dict[str, str] = {}
    plans = []
    for blog in blogs:
        for post in blog.posts:
            before = next((old_paths[a] for a in post.article.aliases if a in old_paths), None)
            if before is not None and not options.overwrite:
                old = next(a for a in post.article.aliases if a in old_paths)
                report.already.append(AlreadyThere(post.origin, old, before[1]))
                continue
            if before is not None:
                plan = ImportPlan(blog, post, before[0], replaces=before[1])
            elif blog.kind in BLOG_FORMATS:
                plan = _free_slug(root, blog, post, slugs)
            else:
                plan = ImportPlan(blog, post, _slug(blog.source, post.article))
                if problem := _taken(root, plan, slugs, titles):
                    problems.append(problem)
                    continue
            _claim_aliases(plan, claimed)
            slugs[plan.slug] = f"{post.origin} (in this import)"
            titles[post.article.title.casefold()] = f"{post.origin} (in this import)"
            plans.append(plan)
    return plans


def _claim_aliases(plan: ImportPlan, claimed: dict[str, str]) -> None:
    """Keep the post's old addresses that no earlier post of this import has taken: one
    address can redirect to one article only."""
    kept = []
    for alias in plan.article.aliases:
        if alias in claimed:
            plan.notes.append(f"its old address {alias} is also {claimed[alias]}'s: left out here")
        else:
            claimed[alias] = plan.post.origin
            kept.append(alias)
    if len(kept) < len(plan.article.aliases):
        plan.post = dataclasses.replace(
            plan.post, article=dataclasses.replace(plan.article, aliases=tuple(kept))
        )


def _keep_servable_aliases(plans: list[ImportPlan], slugs: set[str]) -> None:
    """Keep the old addresses the build can redirect: not one a static host cannot serve a
    page at (a query, a ``.php`` file), an address the site uses for its own pages, or an
    article's (``slugs``: the site's and this import's), where the article itself answers."""
    taken = {alias_out_path(article_url(slug)) for slug in slugs | {p.slug for p in plans}}
    for plan in plans:
        own = alias_out_path(article_url(plan.slug))
        kept = []
        for alias in plan.article.aliases:
            try:
                out_path = alias_out_path(alias_url(alias))
            except AliasError as problem:
                plan.notes.append(f"its old address {alias} {problem}: it gets no redirect")
                continue
            if out_path == own:
                continue  # the post answers at its old address itself
            if out_path.split("/")[0] in RESERVED_SLUGS or out_path in ROOT_FILES:
                why = "is an address the site uses for its own pages"
            elif out_path in taken:
                why = "is the address of another article"
            else:
                kept.append(alias)
                continue
            plan.notes.append(f"its old address {alias} {why}: it gets no redirect")
        if len(kept) < len(plan.article.aliases):
            plan.post = dataclasses.replace(
                plan.post, article=dataclasses.replace(plan.article, aliases=tuple(kept))
            )


def _free_slug(root: Path, blog: Blog, post: Post, slugs: dict[str, str]) -> ImportPlan:
    """A blog post's plan under its own slug, or (when an article or reserved name has it)
    the first free ``slug-2``, ``slug-3``…, with a note: its old address still redirects."""
    article = post.article
    names = (article.slug or "", article.title)
    base = next((s for n in names if (s := slugify(n, SUGGESTED_SLUG_LENGTH))), "article")
    slug, number = base, 2
    while slug in slugs or slug in RESERVED_SLUGS or (root / CONTENT_DIR / f"{slug}.md").exists():
        slug, number = f"{base}-{number}", number + 1
    plan = ImportPlan(blog, post, slug)
    if slug != base:
        taken = slugs.get(base, "the site's own pages" if base in RESERVED_SLUGS else "a file")
        plan.notes.append(f"its slug '{base}' is taken by {taken}, so it is '{slug}'")
    return plan


def _slug(source: Path, article: ImportedArticle) -> str:
    """From the page's own address, else the file name, else the title."""
    stem = source.parent.name if source.stem.lower() == "index" else source.stem
    for name in (article.slug, stem, article.title):
        if slug := slugify(name or "", SUGGESTED_SLUG_LENGTH):
            return slug
    return "article"


def _taken(
    root: Path, plan: ImportPlan, slugs: dict[str, str], titles: dict[str, str]
) -> SourceError | None:
    """The error if the new file, its slug or its title is already there."""
    title = plan.article.title
    if (root / plan.display).exists() or (root / plan.display).is_symlink():
        what = f"{plan.display} already exists"
    elif plan.slug in slugs:
        what = f"{slugs[plan.slug]} already has the slug '{plan.slug}'"
    elif title.casefold() in titles:
        what = f"{titles[title.casefold()]} already has the title '{title}'"
    elif plan.slug in RESERVED_SLUGS:
        what = f"the slug '{plan.slug}' is reserved for the site's own pages"
    else:
        return None
    return SourceError(
        f"not imported: {what}",
        str(plan.blog.source),
        hint="import never overwrites: rename the source file to import it under another slug,"
        " or remove the existing article first",
    )
