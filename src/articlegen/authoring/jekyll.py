"""A Jekyll site folder → a ``Blog``: its ``_posts`` and pages, their old addresses, Liquid tags.

A post's old address is computed as Jekyll computes it: the post's own
``permalink``, else the site's (``_config.yml``, a style name such as ``pretty`` or a
pattern of ``:year``, ``:title``, ``:categories``…), filled from the file name
(``_posts/2019-05-14-slug.md``), its date and its categories (those of its header and the
folders above ``_posts``). ``redirect_from`` (the jekyll-redirect-from plugin) adds
addresses. Liquid that stands for something Markdown has (``{% highlight %}``,
``{% post_url %}``, ``{{ site.baseurl }}``, a theme's figure: ``jekyllincludes``) is
converted; any other tag is kept as text.
The site's own pages (``about.md``, with front matter, outside the ``_`` folders) become
pages here, at the address Jekyll gives a page (``jekyllpages``), and the documents of its
published collections articles or pages (``jekyllcollections``); they are read before any
post's Liquid is converted, so that ``{% link %}`` gives a page's real address.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from ..core.characters import decode_source
from ..core.errors import ArticlegenError, SourceError, attempt, raise_if_any
from ..core.limits import read_regular_file
from ..core.model import Date, ImportedArticle
from ..core.yamldoc import load_mapping
from .blogsource import Blog, Post, clean_path, site_address
from .htmlimport import html_markdown
from .jekyllcollections import (
    POST_NAME,
    STYLES,
    Collection,
    DocumentRules,
    collections_dir,
    date_values,
    expand,
    file_day,
    published_collections,
    read_documents,
    with_defaults,
)
from .jekyllincludes import included
from .jekyllpages import (
    PageRules,
    PageSource,
    articlegen_folders,
    conversion_loses_text,
    copied_as_is,
    link_path,
    post_files,
    read_pages,
)
from .kramdownlinks import spaced_addresses_bracketed
from .mdheadings import attributes_removed, headings_from_level_two
from .mdhtmlimages import html_images
from .mdsource import (
    JEKYLL_WORD_KEYS,
    SHARED_KEYS,
    code_block,
    count_unknown,
    date_value,
    footnotes_as_notes,
    kept_as_text,
    kept_note,
    outside_code,
    read_markdown_source,
    shared_fields,
    text_list,
    tidy,
    unknown_notes,
)
from .mdtext import FOOTNOTES_NOTE
from .rubytime import Dated, jekyll_dates
from .sourcelines import add_place

CONFIG_FILES = ("_config.yml", "_config.yaml")
KNOWN_KEYS = SHARED_KEYS | {"permalink", "redirect_from", "slug", "published", "draft"}
KNOWN_KEYS |= {"layout", "image"}
"""``layout`` is known too: every post names one, and the theme here replaces them all.
``draft: true`` is no key of Jekyll's, but themes and writers mark drafts so, as Hugo does."""
_LIQUID_TAG = re.compile(r"\{%-?\s*(\w+)(.*?)-?%\}", re.S)
_LIQUID_OUTPUT = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}", re.S)
_HIGHLIGHT = re.compile(
    r"\{%-?\s*highlight\s+([\w+#-]*)[^%]*?-?%\}\n?(.*?)\{%-?\s*endhighlight\s*-?%\}", re.S
)
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}", re.S)
_BASEURL_THEN_TAG = re.compile(r"\{\{-?\s*site\.baseurl\s*-?\}\}(?=\{%-?\s*(?:post_url|link)\s)")
"""``{{ site.baseurl }}{% post_url … %}``, Jekyll 3's (GitHub Pages') way to link under the
``baseurl``: the path the tag gives here already starts with it."""
_FILTERED = re.compile(r"""(['"])(.*?)\1\s*\|\s*(relative_url|absolute_url|prepend:.*)""")


@dataclass(frozen=True, slots=True)
class _Config:
    permalink: str
    site_url: str | None
    scheme_assumed: bool
    """``url:`` named a host alone (``www.example.co.uk``), taken as ``https://``."""
    baseurl: str
    zone: dt.tzinfo | None
    defaults: tuple[dict[str, Any], ...]
    pages: PageRules
    collections: tuple[Collection, ...]
    """The collections besides posts that Jekyll publishes (``output: true``)."""
    under: tuple[str, ...]
    """``collections_dir``'s folders, which hold ``_posts`` and are none of its categories."""


@dataclass(frozen=True, slots=True)
class _Links:
    """What ``{% post_url %}`` and ``{% link %}`` name, and the old address of each."""

    posts: dict[str, str]
    """A post's file name without suffix → its address."""
    pages: dict[str, str]
    """A page's path in the site's folder (``pages/about.md``) → its address."""


@dataclass(slots=True)
class _Found:
    file: Path
    name: str
    """The file's name without suffix, as ``{% post_url %}`` names it."""
    body: str
    path: str
    """The old address."""
    notes: tuple[str, ...]
    """What reading its header let pass (``MarkdownSource.notes``)."""
    dated: Dated
    """Its header's values (with ``_config.yml``'s defaults), dates read as Jekyll does."""


def is_jekyll_site(folder: Path) -> bool:
    """A folder with ``_config.yml`` or ``_posts``."""
    return any((folder / name).is_file() for name in CONFIG_FILES) or (folder / "_posts").is_dir()


def read_jekyll(folder: Path) -> Blog:
    """Every post of the site in ``folder``."""
    config = _read_config(folder)
    site_url = (config.site_url.rstrip("/") + config.baseurl) if config.site_url else None
    blog = Blog(
        "jekyll",
        folder,
        site_url=site_url,
        static_roots=[folder],
        base_path=config.baseurl + "/",
        served_as_is=copied_as_is(folder, config.pages),
    )
    if config.scheme_assumed:
        blog.notes.append(f"_config.yml's url names no scheme: the old site is taken as {site_url}")
    found = []
    unreadable: list[ArticlegenError] = []  # every post's, not the first one's alone
    for file in post_files(folder, blog):
        match = POST_NAME.fullmatch(file.stem)
        if match is None:
            blog.skipped["file not named YYYY-MM-DD-title"] += 1
            continue
        display = str(file)
        source = attempt(unreadable, partial(read_markdown_source, last_wins=True), file, display)
        if source is None:
            continue
        fields = with_defaults(config.defaults, file.relative_to(folder).as_posix())
        dated = jekyll_dates(fields | source.fields, config.zone, file_day(match), file)
        if _date(dated.fields, match, config) is None:  # 0000-12-30-template.md, a sample
            blog.skipped["file name's date is no day of years 1 to 9999"] += 1
            continue
        path = _post_path(file, folder, dated.fields, match, config)
        found.append(_Found(file, file.stem, source.body, path, source.notes, dated))
    raise_if_any(unreadable)
    pages = read_pages(folder, config.pages, blog)  # before any Liquid: {% link %} names them
    rules = DocumentRules(config.baseurl, config.zone, config.defaults, config.pages)
    documents = read_documents(folder, config.collections, rules, blog)  # as pages are
    pages = _without_documents(pages, documents) + documents
    links = _Links({post.name: post.path for post in found}, {p.relative: p.path for p in pages})
    unknown: Counter[str] = Counter()
    kept: dict[str, list[str]] = defaultdict(list)
    for post in found:
        count_unknown(post.dated.fields, KNOWN_KEYS, unknown)
        blog.posts.append(_post(post, str(post.file), config, links, kept, blog))
    for page in pages:
        count_unknown(page.fields, KNOWN_KEYS, unknown)
        own = _found_page(page, config.zone)
        own_page = not page.article  # a collection's document may read like a post
        blog.posts.append(_post(own, str(page.file), config, links, kept, blog, page=own_page))
    unknown_notes(unknown, blog)
    blog.notes += [kept_note("Liquid", kind, posts) for kind, posts in kept.items()]
    return blog


def _without_documents(pages: list[PageSource], documents: list[PageSource]) -> list[PageSource]:
    """The pages that are no collection's document: a folder both ``include:``-d and a
    published collection (``_pages``) is read twice by Jekyll, which writes its documents
    after its pages, so the document is what the old site served."""
    documented = {document.file for document in documents}
    return [page for page in pages if page.file not in documented]


def _found_page(page: PageSource, zone: dt.tzinfo | None) -> _Found:
    """A page (or a collection's document) as a post is found: named by its file, or its
    folder's for an ``index``; a document dated by its file name as a post is."""
    name = page.file.parent.name if page.file.stem == "index" else page.file.stem
    day = file_day(POST_NAME.fullmatch(name)) if page.article else None
    dated = jekyll_dates(page.fields, zone, day, page.file)
    return _Found(page.file, name, page.body, page.path, page.notes, dated)


def _read_config(folder: Path) -> _Config:
    fields: dict[str, Any] = {}
    for name in CONFIG_FILES:
        if (folder / name).is_file():
            text = decode_source(
                read_regular_file(folder / name, name, SourceError), name, SourceError
            )
            entries, _problems = load_mapping(text, name, SourceError, duplicates=[], merges=True)
            fields = {key: entry.value for key, entry in entries.items()}
            break
    collections = fields.get("collections")
    posts = collections.get("posts") if isinstance(collections, dict) else None
    own = posts.get("permalink") if isinstance(posts, dict) else None  # Jekyll 3.7+
    permalink = str(own or fields.get("permalink") or "date")
    zone: dt.tzinfo | None = None
    if isinstance(fields.get("timezone"), str):
        try:
            zone = zoneinfo.ZoneInfo(fields["timezone"])
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone = None
    defaults = tuple(d for d in fields.get("defaults") or [] if isinstance(d, dict))
    url, assumed = site_address(fields.get("url"))
    pattern = STYLES.get(permalink, permalink)
    baseurl = ("/" + str(fields.get("baseurl") or "").strip("/")).rstrip("/")
    return _Config(
        permalink=pattern,
        site_url=url,
        scheme_assumed=assumed,
        baseurl=baseurl,
        zone=zone,
        defaults=defaults,
        pages=PageRules(
            baseurl=baseurl,
            slash=pattern.endswith("/"),
            include=tuple(text_list(fields.get("include"))),
            exclude=tuple(text_list(fields.get("exclude"))) + articlegen_folders(folder),
        ),
        collections=published_collections(fields),
        under=tuple(part for part in collections_dir(fields).split("/") if part),
    )


def _post_path(
    file: Path, folder: Path, fields: dict[str, Any], name: re.Match[str], config: _Config
) -> str:
    """The post's old address, from its ``permalink`` or the site's pattern."""
    date = _date(fields, name, config)
    assert date is not None, "a post's file name gives a day"
    slug = str(fields.get("slug") or name.group(4))
    parts = file.relative_to(folder).parts
    folders = list(parts[: parts.index("_posts")])
    if tuple(folders[: len(config.under)]) == config.under:  # collections_dir: no category
        folders = folders[len(config.under) :]
    categories = folders + text_list(fields.get("categories", fields.get("category")), words=True)
    pattern = str(fields.get("permalink") or config.permalink)
    pattern = STYLES.get(pattern, pattern)
    values = date_values(date) | {
        "title": slug,
        "slug": slug.lower(),
        "name": slug,
        "categories": "/".join(dict.fromkeys(c.lower() for c in categories)),
        "output_ext": ".html",
    }
    return expand(pattern, values, config.baseurl)


def _date(fields: dict[str, Any], name: re.Match[str] | None, config: _Config) -> Date | None:
    """The header's date (in the site's ``timezone`` when it names no offset), else the day
    of the file name (a post's; a page's name has none), None where that is no real day."""
    date = date_value(fields.get("date"), "date", [])
    if isinstance(date, dt.datetime):
        if date.tzinfo is None and config.zone is not None:
            offset = date.replace(tzinfo=config.zone).utcoffset()  # that day's fixed offset
            return date.replace(tzinfo=dt.timezone(offset or dt.timedelta()))
        return date
    return date if isinstance(date, dt.date) else file_day(name)


def _post(
    post: _Found,
    display: str,
    config: _Config,
    links: _Links,
    kept: dict[str, list[str]],
    blog: Blog,
    *,
    page: bool = False,
) -> Post:
    """A post, or with ``page`` one of the site's own pages (``post.name`` its name, dated
    by its header alone), its Liquid converted."""
    fields = post.dated.fields
    shared = shared_fields(fields, JEKYLL_WORD_KEYS)
    name = None if page else POST_NAME.fullmatch(post.name)  # a document's may be another
    notes = [*post.notes, *post.dated.notes, *shared.notes]
    body = _liquid(post.body, config, links, kept, display)
    if post.file.suffix.lower() != ".html":
        body = attributes_removed(spaced_addresses_bracketed(body), notes)
        body = html_images(body, post.path, display, notes)
        body = headings_from_level_two(body, notes)
    elif not conversion_loses_text(body):  # else left as written, its HTML named
        body = html_markdown(body, post.path, display, notes)
    body, footnotes = footnotes_as_notes(body)
    if footnotes:
        notes.append(FOOTNOTES_NOTE)
    image, alt = _image(fields.get("image"))
    if image is None and fields.get("image"):  # a theme's own form: not dropped unsaid
        notes.append(
            f"its image: {fields['image']!r} is not a path or a mapping with 'path:', so it "
            "has no hero image: write 'image:' with its 'src' and 'alt' by hand"
        )
    redirects = [_redirect(p, config) for p in text_list(fields.get("redirect_from"))]
    named = name.group(4) if name is not None else post.name
    title = shared.title or named.replace("-", " ").strip().capitalize()
    if not shared.title:
        notes.append(f"it has no title, so it is '{title}' (from its file name)")
    article = ImportedArticle(
        title=title,
        body=tidy(body),
        comments=shared.comments,
        date=_date(fields, name, config),
        updated=shared.updated,
        description=shared.description,
        tags=shared.tags,
        image=image,
        image_alt=alt,
        slug=str(fields.get("slug") or named),
        address=(blog.site_url or "") + post.path if blog.site_url else None,
        author=shared.author,
        aliases=tuple(dict.fromkeys([post.path, *redirects])),
        draft=fields.get("published") is False or fields.get("draft") is True,
        notes=tuple(notes),
        note_lines=post.dated.note_lines,
        page=page,
    )
    return Post(display, article, post.file)


def _image(value: Any) -> tuple[str | None, str | None]:
    """A header's ``image:`` and its alt text: a path, or a mapping with ``path`` (and
    ``alt``), as jekyll-seo-tag and the themes built on it read it."""
    path, alt = (value.get("path"), value.get("alt")) if isinstance(value, dict) else (value, None)
    if not isinstance(path, str) or not path.strip():
        return None, None
    return path.strip(), alt if isinstance(alt, str) else None


def _redirect(path: str, config: _Config) -> str:
    """A ``redirect_from`` address: a relative one is under the site's ``baseurl``."""
    return clean_path(path) if path.startswith("/") else clean_path(config.baseurl + "/" + path)


def _liquid(
    body: str, config: _Config, links: _Links, kept: dict[str, list[str]], display: str
) -> str:
    """Liquid converted where Markdown has the same thing, else kept as visible text."""
    raws: list[str] = []

    def save_raw(match: re.Match[str]) -> str:
        raws.append(match.group(1))
        return f"\x00raw{len(raws) - 1}\x00"

    text = _BASEURL_THEN_TAG.sub("", _RAW.sub(save_raw, body))
    text = _HIGHLIGHT.sub(lambda m: code_block(m.group(2), m.group(1)), text)
    md = not display.lower().endswith(".html")

    def note(kind: str, written: str) -> None:
        add_place(kept[kind], display, Path(display), written)

    def tag(match: re.Match[str]) -> str:
        name, argument = match.group(1), match.group(2).strip()
        if name == "include" and (made := included(argument, config.baseurl, markdown=md)):
            return made
        if name in ("post_url", "link"):
            key = Path(argument.split()[0] if argument else "").stem
            if key in links.posts:
                return links.posts[key]
            if name == "link" and argument:
                return link_path(argument.split()[0], links.pages, config.pages)
        note(f"tag {{% {name} %}}", match.group(0))
        return kept_as_text(match.group(0))

    def output(match: re.Match[str]) -> str:
        expression = match.group(1)
        if expression == "site.baseurl":
            return config.baseurl
        if expression == "site.url":
            return (config.site_url or "").rstrip("/")
        if filtered := _FILTERED.fullmatch(expression):
            path = "/" + filtered.group(2).lstrip("/")
            if filtered.group(3) == "absolute_url" and config.site_url:
                return config.site_url.rstrip("/") + config.baseurl + path
            return config.baseurl + path
        note("output {{ … }}", match.group(0))
        return kept_as_text(match.group(0))

    text = outside_code(text, lambda part: _LIQUID_OUTPUT.sub(output, _LIQUID_TAG.sub(tag, part)))
    return re.sub(r"\x00raw(\d+)\x00", lambda m: raws[int(m.group(1))], text)
