"""``articlegen import``: pasted text or saved web pages → new ``content/<slug>.md`` files.

Every source is read, converted and checked before anything is written, and
all of them are written or none: a batch can simply be run again after a fix.
An existing file is never replaced. What the importer cannot settle itself (an
unknown date, a See Also item that matches no article, an image without alt
text) is written so that the site still builds, and reported as a warning at
its line of the new file.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import json
import re
from collections.abc import Sequence
from pathlib import Path

from ..content.articles import load_articles, parse_article
from ..content.config import load_config, missing_config
from ..content.images import place_images
from ..core.characters import check_text, decode_source
from ..core.errors import ArticlegenError, Diagnostic, SourceError, raise_if_any
from ..core.layout import CONFIG_FILE, CONTENT_DIR
from ..core.limits import read_regular_file
from ..core.model import Article, ImportedArticle, SiteConfig
from ..core.slugs import SUGGESTED_SLUG_LENGTH, slugify
from ..core.urls import RESERVED_SLUGS
from ..markup.markdown import make_markdown, render_body
from .htmlimport import parse_html
from .scaffold import create_file
from .seealsomatch import Catalogue, Resolved, link_articles, resolve_see_also
from .textimport import parse_text

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


@dataclasses.dataclass(frozen=True, slots=True)
class Imported:
    """One new article file and what its author should look at."""

    source: Path
    """The file that was imported."""
    path: Path
    """The new ``content/<slug>.md``."""
    warnings: tuple[Diagnostic, ...]
    """Problems left for the author, at their line in the new file."""


@dataclasses.dataclass(frozen=True, slots=True)
class _Plan:
    source: Path
    article: ImportedArticle
    slug: str

    @property
    def display(self) -> str:
        return f"{CONTENT_DIR}/{self.slug}.md"


def import_articles(
    root: Path, sources: Sequence[Path], *, today: dt.date, date: dt.date | None = None
) -> list[Imported]:
    """Turn ``sources`` into new articles of the site at ``root``; all are written, or none.

    ``date`` is the publication day for sources that state none (default ``today``).
    """
    if not (root / CONFIG_FILE).is_file():
        raise missing_config(root)
    config = load_config(root)
    existing, _ = load_articles(root, config.zone)  # their problems are the build's to report
    articles, problems = [], []
    for source in sources:
        try:
            articles.append((source, read_source(source)))
        except ArticlegenError as problem:
            problems.append(problem)
    raise_if_any(problems)
    plans = _plan(root, articles, existing, problems)
    raise_if_any(problems)
    catalogue = Catalogue.of(
        [
            (a.slug, a.meta.title, a.meta.draft, a.source.removeprefix(f"{CONTENT_DIR}/"))
            for a in existing
        ]
        + [(p.slug, p.article.title, False, f"{p.slug}.md") for p in plans]
    )
    made = []
    for plan in plans:
        text, warnings = _compose(plan, catalogue, config, date or today, date is not None)
        try:
            found = _body_warnings(root, plan.display, text, config)
            made.append((plan, text, warnings + found))
        except ArticlegenError as problem:  # a page the front-matter cannot hold
            problems.append(problem)
    raise_if_any(problems)
    return _write(root, made)


def _write(root: Path, made: list[tuple[_Plan, str, tuple[Diagnostic, ...]]]) -> list[Imported]:
    """Create every file, or (if one cannot be created) remove those already created."""
    written: list[Imported] = []
    try:
        for plan, text, warnings in made:
            path = root / plan.display
            create_file(path, text, root)
            written.append(Imported(plan.source, path, warnings))
    except BaseException:
        for done in written:
            done.path.unlink(missing_ok=True)
        raise
    return written


def read_source(source: Path) -> ImportedArticle:
    """Read one file given to ``import``: a saved web page, or plain text."""
    display = str(source)
    if source.suffix.lower() in (".md", ".markdown"):
        raise SourceError(
            "this is already Markdown",
            display,
            hint="add a front-matter and copy it into content/; import takes .txt or .html files",
        )
    data = read_regular_file(source, display, SourceError)
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
    articles: list[tuple[Path, ImportedArticle]],
    existing: list[Article],
    problems: list[ArticlegenError],
) -> list[_Plan]:
    """A slug for each article; problems for slugs and titles that are taken."""
    slugs = {a.slug: a.source for a in existing}
    titles = {a.meta.title.casefold(): a.source for a in existing}
    plans = []
    for source, article in articles:
        plan = _Plan(source, article, _slug(source, article))
        if problem := _taken(root, plan, slugs, titles):
            problems.append(problem)
            continue
        slugs[plan.slug] = titles[article.title.casefold()] = f"{source} (in this import)"
        plans.append(plan)
    return plans


def _slug(source: Path, article: ImportedArticle) -> str:
    """From the page's own address, else the file name, else the title."""
    stem = source.parent.name if source.stem.lower() == "index" else source.stem
    for name in (article.slug, stem, article.title):
        if slug := slugify(name or "", SUGGESTED_SLUG_LENGTH):
            return slug
    return "article"


def _taken(
    root: Path, plan: _Plan, slugs: dict[str, str], titles: dict[str, str]
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
        str(plan.source),
        hint="import never overwrites: rename the source file to import it under another slug,"
        " or remove the existing article first",
    )


def _compose(
    plan: _Plan, catalogue: Catalogue, config: SiteConfig, day: dt.date, dated: bool
) -> tuple[str, tuple[Diagnostic, ...]]:
    """The new file's text, and warnings about what it could not settle."""
    article = plan.article
    lines = ["---", f"title: {_quoted(article.title)}"]
    warnings: list[Diagnostic] = []
    if article.date or dated:
        lines.append(f"date: {(article.date or day).isoformat()}")
    else:
        lines.append(f"date: {day.isoformat()}  # the day of the import: the source gives none")
        warnings.append(
            Diagnostic(
                f"the source gives no date, so 'date' is the day of the import ({day})",
                plan.display,
                len(lines),
                "change it to the day the article first appeared, or import with --date",
            )
        )
    if article.description:
        lines.append(f"description: {_quoted(article.description)}")
    tags = [tag for tag in article.tags if slugify(tag)]
    if tags:
        lines.append("tags: [" + ", ".join(_quoted(tag) for tag in tags) + "]")
    links = resolve_see_also(article.see_also, catalogue, plan.slug)
    lines += _see_also_lines(links, plan.display, len(lines), warnings)
    if article.comments:
        lines.append(_comments_line(config, plan.display, len(lines) + 1, warnings))
    lines.append("---")
    body = link_articles(article.body, article.address, catalogue)
    return "\n".join(lines) + "\n\n" + body, tuple(warnings)


def _see_also_lines(
    links: list[Resolved], display: str, before: int, warnings: list[Diagnostic]
) -> list[str]:
    """``see_also:`` with the items that resolved, then the others commented out under it, so
    that removing the ``# `` of one (once its article exists) leaves valid YAML; a key with
    every item commented out is an empty list to the build."""
    if not links:
        return []
    lines = ["see_also:"]
    lines += [f"  - {_quoted(link.target)}  # {link.text}" for link in links if link.target]
    missing = [link for link in links if not link.target]
    if missing:
        lines.append("  # No article matches these yet: remove the '# ' once it exists.")
    for link in missing:
        lines.append(f"  # - {_quoted(link.text)}")
        warnings.append(
            Diagnostic(
                f"See Also '{link.text}' {link.reason}, so it is left as a comment",
                display,
                before + len(lines),
                "write or import that article, then remove the '# ' before its line under "
                "'see_also:'",
            )
        )
    return lines


def _comments_line(config: SiteConfig, display: str, line: int, warnings: list[Diagnostic]) -> str:
    """``comments: true``, or a comment saying so when the site has no comment system."""
    if config.comments.provider is not None:
        return "comments: true"
    warnings.append(
        Diagnostic(
            "the page had comments, but site.yaml sets up no comments provider",
            display,
            line,
            "set up 'comments:' in site.yaml, then remove the '# ' before 'comments: true'",
        )
    )
    return "# comments: true  # the page had comments"


def _body_warnings(
    root: Path, display: str, text: str, config: SiteConfig
) -> tuple[Diagnostic, ...]:
    """What the build would refuse in the new body (images without alt text or file)."""
    article = parse_article(text, display, config.zone)
    body = render_body(make_markdown(), article.body, first_line=article.body_line, path=display)
    _, missing = place_images(body.images, [root / "static"], "/", display)
    return tuple(
        Diagnostic(p.message, p.path, p.line, p.hint)
        for p in [*body.problems, *missing]
        if isinstance(p, ArticlegenError)
    )


def _quoted(text: str) -> str:
    """A YAML double-quoted string (JSON's syntax is a subset of it)."""
    return json.dumps(text, ensure_ascii=False)
