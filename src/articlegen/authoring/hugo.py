"""A Hugo content folder → a ``Blog``: its pages, their old addresses, shortcodes.

SOURCE is a Hugo site (its folder holds ``hugo.toml`` or ``config.toml`` and
``content/``) or a content folder itself; the site's configuration, when found beside
it, gives ``baseURL`` and ``[permalinks]``. A page's old address is its ``url``, else its
section's permalink pattern (``:year``, ``:month``, ``:day``, ``:slug``, ``:title``,
``:filename``, ``:section``…), else Hugo's default ``/<section>/<slug or file name>/``.
``aliases`` add addresses. Section lists (``_index.md``) are skipped. A page of
``type`` or ``layout`` ``page``, or, where there are sections, one outside them (``about.md``,
``about/index.md``) without tags or categories, becomes a page here (``content/pages/``),
every other one an article (see ``is_own_page``); the theme's listing pages are skipped.
Shortcodes that stand for something Markdown has (``ref``, ``relref``, ``figure``,
``youtube``, ``vimeo``, ``highlight``) are converted; any other is kept as text.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..core.errors import ArticlegenError, attempt, raise_if_any
from ..core.model import Date, ImportedArticle
from ..core.slugs import slugify
from .blogsource import Blog, Post, clean_path, serve_loose_files
from .htmlimport import html_markdown
from .hugoconfig import (
    CONFIG_NAMES,
    HugoConfig,
    bundle_resource,
    content_language,
    language_notes,
    read_config,
)
from .hugoshortcodes import ShortcodePage, page_name, shortcodes
from .mdheadings import attributes_removed, headings_from_level_two
from .mdhtmlimages import html_images
from .mdsource import (
    MARKDOWN_SUFFIXES,
    SHARED_KEYS,
    count_unknown,
    date_value,
    footnotes_as_notes,
    kept_note,
    lowercase_keys,
    outside_code,
    read_markdown_source,
    shared_fields,
    tagged,
    text_list,
    theme_listing,
    tidy,
    unknown_notes,
)
from .mdtext import FOOTNOTES_NOTE

KNOWN_KEYS = SHARED_KEYS | {"url", "slug", "aliases", "draft", "publishdate", "pubdate"}
_PLACEHOLDER = re.compile(
    r":(year|month|monthname|day|weekday|weekdayname|yearday|section|sections|title|slug"
    r"|filename|slugorfilename|contentbasename|slugorcontentbasename)\b"
)


@dataclass(slots=True)
class _Found:
    file: Path
    display: str
    relative: str
    """The file's path inside the content folder, as ``ref`` names it."""
    fields: dict[str, Any]
    body: str
    path: str
    date: Date | None


def is_hugo_site(folder: Path) -> bool:
    """A Hugo site folder (configuration and ``content/``)."""
    return (folder / "content").is_dir() and (
        any((folder / name).is_file() for name in CONFIG_NAMES) or (folder / "config").is_dir()
    )


def read_hugo(folder: Path) -> Blog:
    """Every page of the site (or content folder) ``folder``."""
    content, root = (folder / "content", folder) if is_hugo_site(folder) else (folder, None)
    config = read_config(root if root is not None else folder.parent)
    roots = [
        r / "static" for r in (root, folder.parent) if r is not None and (r / "static").is_dir()
    ]
    blog = Blog("hugo", folder, site_url=config.site_url, static_roots=roots[:1])
    blog.notes += config.notes
    found = []
    unreadable: list[ArticlegenError] = []  # every page's, not the first one's alone
    loose: list[Path] = []  # other files in content/: served under their own path
    for file in sorted(content.rglob("*")):
        if not file.is_file():
            continue
        if file.suffix.lower() not in (*MARKDOWN_SUFFIXES, ".html"):
            loose.append(file)
            continue
        other, relative = content_language(file.relative_to(content).as_posix(), config)
        if other:  # a page in another language: a site here is in one
            blog.skipped[other] += 1
            continue
        stem = relative.rsplit("/", 1)[-1].rsplit(".", 1)[0]  # walks.en.md's is walks
        if stem == "_index":
            blog.skipped["section list (_index)"] += 1
            continue
        if bundle_resource(file, stem, content, config):
            blog.skipped["page bundle resource"] += 1  # a file of a bundle, not a page
            continue
        display = str(file)
        source = attempt(unreadable, read_markdown_source, file, display)
        if source is None:
            continue
        fields = lowercase_keys(source.fields)
        if _unrendered(fields):
            blog.skipped["not rendered (headless or build.render: never)"] += 1
            continue
        date = _date(fields)
        path = _page_path(relative, fields, date, config)
        found.append(_Found(file, display, relative, fields, source.body, path, date))
        if stem == "index":  # a page bundle: its files are served beside it
            for resource in file.parent.rglob("*"):
                if resource.is_file() and resource != file:
                    inside = resource.relative_to(file.parent).as_posix()
                    blog.files[clean_path(path.rstrip("/") + "/" + inside)] = resource
    raise_if_any(unreadable)
    serve_loose_files(blog, content, loose)
    refs = _ref_table(found)
    posts_in = post_sections([page.relative for page in found], config.main_sections)
    unknown: Counter[str] = Counter()
    kept: dict[str, list[str]] = defaultdict(list)
    for page in found:
        own_page = is_own_page(page.relative, page.fields, bool(posts_in), config.main_sections)
        if own_page and (reason := theme_listing(page.fields, page.body)):
            blog.skipped[reason] += 1  # PaperMod's search.md, archives.md
            continue
        count_unknown(page.fields, KNOWN_KEYS, unknown)
        post = _post(page, refs, kept, blog, own_page)
        if own_page and page.date and not is_own_page(page.relative, page.fields, False):
            post = _with_note(post, _dated_page_note(posts_in))
        blog.posts.append(post)
    unknown_notes(unknown, blog)
    blog.notes += language_notes(config, blog.skipped)
    blog.notes += [kept_note("Hugo shortcode", kind, posts) for kind, posts in kept.items()]
    return blog


def _unrendered(fields: dict[str, Any]) -> bool:
    """A page Hugo does not publish: a headless bundle, or ``build: {render: never}``."""
    build = fields.get("build") or fields.get("_build") or {}
    render = build.get("render") if isinstance(build, dict) else None
    return fields.get("headless") is True or render in ("never", False, "false")


def _date(fields: dict[str, Any]) -> Date | None:
    """``date``, else ``publishDate`` (the day it went out)."""
    for key in ("date", "publishdate", "pubdate"):
        if (value := date_value(fields.get(key), key, [])) is not None:
            return value
    return None


def _page_path(relative: str, fields: dict[str, Any], date: Date | None, config: HugoConfig) -> str:
    """The page's old address, as Hugo would make it."""
    if isinstance(fields.get("url"), str) and fields["url"].strip():
        return clean_path(fields["url"].strip())
    if config.language_in_subdir:  # /en/posts/walks/
        return f"/{config.language}" + _page_path(
            relative, fields, date, replace(config, language_in_subdir=False)
        )
    parts = relative.split("/")
    bundle = parts[-1].rsplit(".", 1)[0] == "index"
    filename = parts[-2] if bundle and len(parts) > 1 else parts[-1].rsplit(".", 1)[0]
    sections = parts[:-2] if bundle else parts[:-1]
    title = str(fields.get("title") or "")
    slug = str(fields.get("slug") or "") or None
    pattern = config.permalinks.get(sections[0]) if sections else None
    if pattern is None:
        return clean_path(_sanitized("/" + "/".join([*sections, slug or filename]) + "/"))
    day = date if isinstance(date, dt.date) else dt.date(1, 1, 1)
    values = {
        "year": f"{day.year:04}",
        "month": f"{day.month:02}",
        "monthname": day.strftime("%B").lower(),
        "day": f"{day.day:02}",
        "weekday": str(day.isoweekday() % 7),
        "weekdayname": day.strftime("%A").lower(),
        "yearday": str(day.timetuple().tm_yday),
        "section": sections[0] if sections else "",
        "sections": "/".join(sections),
        "title": slugify(title) or filename,
        "slug": slug or slugify(title) or filename,
        "filename": filename,
        "contentbasename": filename,
        "slugorfilename": slug or filename,
        "slugorcontentbasename": slug or filename,
    }
    return clean_path(_sanitized(_PLACEHOLDER.sub(lambda m: values[m.group(1)], pattern)))


def _sanitized(path: str) -> str:
    """A path as Hugo makes one from names: lowercase, spaces as ``-``."""
    return path.lower().replace(" ", "-")


def _ref_table(found: list[_Found]) -> dict[str, str]:
    """Every way a ``ref`` may name a page (its path in content/, with and without the
    suffix and a leading ``/``, its file or bundle name) → its old address."""
    table: dict[str, str] = {}
    for page in found:
        relative = page.relative
        bare = relative.rsplit(".", 1)[0]
        names = [relative, bare, "/" + relative, "/" + bare]
        if bare.endswith("/index"):
            names += [bare.removesuffix("/index"), "/" + bare.removesuffix("/index")]
        names.append(
            bare.rsplit("/", 1)[-1] if not bare.endswith("/index") else bare.split("/")[-2]
        )
        for name in names:
            table.setdefault(name, page.path)
    return table


_JEKYLL_SITE = re.compile(r"\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\}/?", re.IGNORECASE)
"""Jekyll's address of the site (``{{ site.url }}``, ``{{ site.baseurl }}``) before a path,
left in a post that moved from Jekyll to Hugo: Hugo shows it as written."""


def _jekyll_site_address(body: str, notes: list[str]) -> str:
    """``body`` with Jekyll's site address written as the site's root (``{{ site.url
    }}/assets/a.png`` → ``/assets/a.png``), which Hugo showed as text, so that the image
    or link names the file it meant; a note says so."""
    found: list[str] = []

    def root(match: re.Match[str]) -> str:
        found.append(match.group(0))
        return "/"

    body = outside_code(body, lambda part: _JEKYLL_SITE.sub(root, part))
    if found:
        notes.append(
            f"Jekyll's '{found[0].rstrip('/')}' left in it (Hugo showed it as written) is "
            "written as the site's root, '/': check the links and images that began with it"
        )
    return body


def _post(
    page: _Found, refs: dict[str, str], kept: dict[str, list[str]], blog: Blog, own_page: bool
) -> Post:
    fields = page.fields
    shared = shared_fields(fields)
    notes = list(shared.notes)
    lines: dict[str, int | None] = {}
    body = shortcodes(
        page.body, ShortcodePage(page.relative, page.display, page.file, refs, kept, lines)
    )
    notes += lines
    body = _jekyll_site_address(body, notes)
    if page.file.suffix.lower() == ".html":
        body = html_markdown(body, page.path, page.display, notes)
    else:
        body = html_images(attributes_removed(body, notes), page.path, page.display, notes)
        body = headings_from_level_two(body, notes)
    body, footnotes = footnotes_as_notes(body)
    if footnotes:
        notes.append(FOOTNOTES_NOTE)
    aliases = []
    for alias in text_list(fields.get("aliases")):
        if not alias.startswith("/"):  # relative to the folder the page is in
            alias = posixpath.dirname(page.path.rstrip("/")) + "/" + alias
        if "." not in alias.rsplit("/", 1)[-1]:
            alias = alias.rstrip("/") + "/"  # Hugo writes <alias>/index.html
        aliases.append(clean_path(alias))
    name = page_name(page.relative.rsplit(".", 1)[0])
    title = shared.title or name.replace("-", " ").capitalize()
    if not shared.title:
        notes.append(f"it has no title, so it is '{title}' (from its file name)")
    if page.date is None and not own_page:  # a page needs none
        notes.append("it has no date")
    article = ImportedArticle(
        title=title,
        body=tidy(body),
        comments=shared.comments,
        date=page.date,
        updated=shared.updated,
        description=shared.description,
        tags=shared.tags,
        slug=str(fields.get("slug") or page_name(page.relative.rsplit(".", 1)[0])),
        address=(blog.site_url or "").rstrip("/") + page.path if blog.site_url else None,
        author=shared.author,
        aliases=tuple(dict.fromkeys([page.path, *aliases])),
        draft=fields.get("draft") is True,
        notes=tuple(notes),
        note_lines=tuple((note, line) for note, line in lines.items() if line),
        page=own_page,
    )
    return Post(page.display, article, page.file)


PAGES_SECTION = "pages"
"""The section Hugo sites often keep their standalone pages in (``content/pages/about.md``),
as articlegen keeps its own: its files are pages, as ``content/page/``'s (of type ``page``)."""


def is_own_page(
    relative: str, fields: dict[str, Any], sections: bool, main: frozenset[str] = frozenset()
) -> bool:
    """Whether the content file at ``relative`` is one of the site's own pages (its About),
    not a post. Its type (``type``, else its section, as in Hugo) or ``layout`` ``page``
    makes it one. One with tags or categories is a post, as is one whose type is among the
    site's ``main`` sections (``params.mainSections``). Else a file in ``pages/`` is a page
    (``PAGES_SECTION``), and where the posts are in ``sections`` (``post_sections``), so is
    a file or leaf bundle at the top of the content folder (``about.md``,
    ``about/index.md``): Hugo makes it a page of the home section, of type ``page``, which
    PaperMod's and Ananke's sites keep their About in. In a flat folder every file is a post."""
    folders = relative.split("/")[:-1]
    own = fields.get("type")
    kind = own if isinstance(own, str) and own else folders[0] if not _top(relative) else None
    if "page" in (kind, fields.get("layout")):
        return True
    if tagged(fields) or kind in main:
        return False
    return kind == PAGES_SECTION or (sections and _top(relative))


def post_sections(relatives: list[str], main: frozenset[str]) -> list[str]:
    """The sections that hold the site's posts: its ``main`` sections where it names them,
    else every top folder of the content files but ``page/`` and ``pages/`` (which hold
    pages); none in a flat folder, whose top-level files are then its posts."""
    if main:
        return sorted(main)
    folders = {r.split("/", 1)[0] for r in relatives if not _top(r)}
    return sorted(folders - {"page", PAGES_SECTION})


def _dated_page_note(posts_in: list[str]) -> str:
    """Why a dated file at the top of the content folder became a page, and the way back."""
    shown = ", ".join(f"{name}/" for name in posts_in)
    return (
        f"it has a date but is at the top of the content folder, outside the sections of the"
        f" posts ({shown}): Hugo makes it a page of the home section (of type 'page', not"
        f" listed with the posts), so it is a page here; to make it an article, move its"
        f" file out of content/pages/ into content/"
    )


def _with_note(post: Post, note: str) -> Post:
    return replace(post, article=replace(post.article, notes=(*post.article.notes, note)))


def _top(relative: str) -> bool:
    """At the top of the content folder: ``about.md``, or the leaf bundle ``about/index.md``."""
    folders, _, name = relative.rpartition("/")
    return not folders or ("/" not in folders and name.rsplit(".", 1)[0] == "index")
