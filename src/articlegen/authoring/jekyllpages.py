"""A Jekyll site's own pages (its About): which files Jekyll publishes as pages, at what
address, and which of them are the theme's listings rather than text of the author's.

Jekyll renders every Markdown or HTML file with front matter outside the folders it treats as
special (a name starting ``_``, ``.``, ``#`` or ending ``~``), unless ``_config.yml``
``exclude:`` names it, and inside such a folder when ``include:`` names it (Minimal
Mistakes keeps its pages in ``_pages/``). A page is written at its ``permalink``, else at
its folder and name, ending as the site's permalinks end.
"""

from __future__ import annotations

import fnmatch
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from ..core.errors import SourceError
from ..core.layout import CONFIG_FILE, DEFAULT_OUTPUT, SOURCE_FOLDERS
from .blogsource import Blog, clean_path
from .htmlchrome import LEFT_OUT_WITH_TEXT
from .mdsource import MARKDOWN_SUFFIXES, MarkdownSource, read_markdown_source, theme_listing

SKIPPED_FOLDERS = frozenset(("_site", "node_modules", "vendor", ".git", ".jekyll-cache"))
_LISTING_LOOP = re.compile(
    r"\{%-?\s*(?:for|assign|tablerow)\b[^%]*?\b(?:site\.(?:posts|tags|categories)|paginator\.)"
)
_LIQUID_BLOCK = re.compile(r"\{%-?\s*(for|endfor)\b.*?-?%\}", re.S)
_MARKUP = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|<[^>]*>", re.S)
_HTML_HEADING = re.compile(r"<(h[1-6])\b[^>]*>.*?</\1\s*>", re.S | re.I)
"""A heading an HTML page writes (``<h2>Archive</h2>``), which is no text of its own."""
_NOT_ITS_TEXT = re.compile(
    r"<(script|style|noscript|template|select|textarea|button)\b.*?</\1\s*>", re.S | re.I
)
"""What a page holds that is no text of its own: a script (a search page's), a form's
controls (the text a form holds, its advice, is the page's)."""
_SHOWN = re.compile(
    r"<(?:iframe|embed|object|video|audio)\b"
    r"|<img\b[^>]*\salt\s*=\s*(?:\"[^\"]*\w|'[^']*\w|\w)",
    re.I,
)
"""What a page shows that is its own though no text: a player, an image with alt text."""
_TAG = re.compile(r"<[^>]*>")
_LEFT_OUT = re.compile(rf"<(?:{'|'.join(LEFT_OUT_WITH_TEXT)})\b", re.I)
"""Elements the HTML importer leaves out with their text (a saved page's chrome)."""
_FRONT_MATTER = re.compile(rb"---[ \t]*\r?\n")
"""How a file Jekyll renders starts (its ``has_yaml_header?``)."""


@dataclass(frozen=True, slots=True)
class PageRules:
    """What of ``_config.yml`` decides which files are pages and where they are."""

    baseurl: str
    slash: bool
    """Whether the site's permalinks end in ``/`` (``pretty``), as its pages' then do."""
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PageSource:
    """One page read: its file, its path in the site's folder, header, body and address."""

    file: Path
    relative: str
    fields: dict[str, Any]
    body: str
    path: str
    notes: tuple[str, ...] = ()
    """What reading its header let pass (``MarkdownSource.notes``)."""
    article: bool = False
    """A collection's document that reads like a post (``jekyllcollections``): an article."""


def read_page_source(file: Path, blog: Blog) -> MarkdownSource | None:
    """A page's (or a collection document's) header and text; None for one whose header
    cannot be read, counted in ``blog.skipped`` with a note naming it (Jekyll itself skips
    such a file, so one does not stop the import)."""
    try:
        return read_markdown_source(file, str(file), last_wins=True)
    except SourceError as problem:
        blog.skipped["page whose header cannot be read"] += 1
        blog.notes.append(f"{problem}: that page was left out, as Jekyll leaves it out")
        return None


def read_pages(folder: Path, rules: PageRules, blog: Blog) -> list[PageSource]:
    """The site's pages, read; the home and 404 pages, the theme's listings and pages whose
    header cannot be read are counted in ``blog.skipped`` (Jekyll itself skips a file it
    cannot read, so one does not stop the import), the last with a note naming it."""
    pages = []
    home = clean_path(rules.baseurl + "/")
    for file in _page_files(folder, rules):
        relative = file.relative_to(folder).as_posix()
        if (source := read_page_source(file, blog)) is None:
            continue
        path = page_path(relative, source.fields, rules)
        if path == home or file.stem == "404" or path.endswith("/404.html"):
            blog.skipped["home or 404 page (the theme's here)"] += 1
        elif reason := _listing(source.fields, source.body):
            blog.skipped[reason] += 1
        else:
            pages.append(PageSource(file, relative, source.fields, source.body, path, source.notes))
    return pages


def _page_files(folder: Path, rules: PageRules) -> list[Path]:
    """The Markdown and HTML files with front matter that Jekyll publishes as pages
    (without, it copies them as they are: a README, a search engine's ``google….html``)."""
    files = []
    for file in sorted(folder.rglob("*")):
        relative = file.relative_to(folder).as_posix()
        if (
            file.is_file()
            and file.suffix.lower() in (*MARKDOWN_SUFFIXES, ".html")
            and _published(relative, rules)
            and file.read_bytes().startswith(b"---")
        ):
            files.append(file)
    return files


def copied_as_is(folder: Path, rules: PageRules) -> Callable[[Path], bool]:
    """Whether Jekyll copies a file of the site in ``folder`` into its output as it is: one
    it publishes that has no front matter. One with front matter (``404.html``, a feed's
    ``atom.xml``) it renders, so its source, Liquid and all, is no file of the old site; as a
    static file it would publish the template, or take the place of the site's own page."""
    root = folder.resolve()

    def copied(file: Path) -> bool:
        relative = file.resolve().relative_to(root).as_posix()
        return _published(relative, rules) and not _has_front_matter(file)

    return copied


def _published(relative: str, rules: PageRules) -> bool:
    """Whether Jekyll reads the file at ``relative``, as its EntryFilter decides for each
    folder down to it and the file itself: ``exclude:`` leaves out, ``include:`` takes in
    a special name; ``_posts`` and the other ``_`` folders are never pages."""
    parts = relative.split("/")
    for depth, name in enumerate(parts, start=1):
        path = "/".join(parts[:depth])
        if name in SKIPPED_FOLDERS or name == "_posts":
            return False
        included = _included(path, rules)
        if _matches(path, rules.exclude) and not included:
            return False
        if (name[:1] in "_.#" or name.endswith("~")) and not included:
            return False
    return True


def excluded(relative: str, rules: PageRules) -> bool:
    """Whether ``exclude:`` leaves out the file at ``relative`` (from the site's folder; a
    folder it names, all in it) and ``include:`` does not take it back: Jekyll filters a
    collection's documents so too (``_guides/drafts/`` excluded is not published)."""
    return _matches(relative, rules.exclude) and not _included(relative, rules)


def _included(path: str, rules: PageRules) -> bool:
    """Whether ``include:`` names ``path``, or its last name alone (``.htaccess``)."""
    return _matches(path, rules.include) or _matches(path.rsplit("/", 1)[-1], rules.include)


def _matches(path: str, patterns: tuple[str, ...]) -> bool:
    """Whether a name of ``include:`` or ``exclude:`` (a path, a folder or a glob pattern
    from the site's folder) names ``path``."""
    for pattern in patterns:
        bare = pattern.strip().strip("/")
        if bare and (path == bare or path.startswith(bare + "/") or fnmatch.fnmatch(path, bare)):
            return True
    return False


def page_path(relative: str, fields: dict[str, Any], rules: PageRules) -> str:
    """A page's old address: its ``permalink``, else where Jekyll writes a page, its folder
    and name, ending in ``/`` where the site's permalinks do (``pretty``), else in
    ``.html``; an ``index`` page at its folder."""
    own = fields.get("permalink")
    if isinstance(own, str) and own.strip():
        return clean_path(rules.baseurl + "/" + own.strip().lstrip("/"))
    stem, suffix = posixpath.splitext(relative)
    if suffix.lower() not in (*MARKDOWN_SUFFIXES, ".html"):
        return clean_path(rules.baseurl + "/" + relative)  # a file Jekyll copies as it is
    if posixpath.basename(stem) == "index":
        return clean_path(rules.baseurl + "/" + posixpath.dirname(stem) + "/")
    return clean_path(rules.baseurl + "/" + stem + ("/" if rules.slash else ".html"))


def link_path(target: str, pages: dict[str, str], rules: PageRules) -> str:
    """The address ``{% link target %}`` stands for, a file that is no post: a page read
    here at its real address, another file where Jekyll writes it (a collection's
    ``_docs/x.md`` as a page of ``docs/``, with the same ending)."""
    relative = target.strip().lstrip("/")
    if relative in pages:
        return pages[relative]
    first, _, rest = relative.partition("/")
    if first.startswith("_") and rest:
        relative = first[1:] + "/" + rest
    return page_path(relative, {}, rules)


def _listing(fields: dict[str, Any], body: str) -> str | None:
    """Why a page is the theme's listing and not the author's text, if it is: a listing
    layout, no text at all (once its scripts and form controls are left out, as a search
    page's are), no image with alt text or player either, or a Liquid loop over the site's
    posts, tags or categories (or the paginator) with nothing but headings around it."""
    if reason := theme_listing(fields, body):
        return reason
    shown = _NOT_ITS_TEXT.sub(" ", body)
    if not _SHOWN.search(shown) and not re.search(r"\w", _TAG.sub(" ", shown)):
        return "page without text of its own (a script, a form's controls: its layout's)"
    if _LISTING_LOOP.search(body) and not _text_outside_loops(body):
        return "listing page (a Liquid loop over the site's posts, tags or categories)"
    return None


def conversion_loses_text(html: str) -> bool:
    """Whether converting an HTML page's ``html`` would lose text it shows: the HTML importer
    leaves out a ``<form>``, ``<aside>``, ``<nav>``… with all it holds, as it does a saved
    page's chrome, and a contact page's advice may sit in its form. Such a page is left as
    written, for the HTML warning to name. Its controls and scripts are no text."""
    if not _LEFT_OUT.search(html):
        return False
    tree = LexborHTMLParser(html)
    for node in tree.css("script, style, button, select, textarea"):
        node.decompose()
    return any(node.text(strip=True) for node in tree.css("aside, footer, form, header, nav"))


def _text_outside_loops(body: str) -> bool:
    """Whether ``body`` has a line of text outside ``{% for %}`` loops, Liquid and HTML
    tags, other than a heading (Markdown's or HTML's)."""
    depth, position, outside = 0, 0, []
    for match in _LIQUID_BLOCK.finditer(body):
        if depth == 0:
            outside.append(body[position : match.start()])
        depth = depth + 1 if match.group(1) == "for" else max(0, depth - 1)
        position = match.end()
    if depth == 0:
        outside.append(body[position:])
    lines = _MARKUP.sub(" ", _HTML_HEADING.sub(" ", "".join(outside))).splitlines()
    return any(re.search(r"\w", line) and not line.lstrip().startswith("#") for line in lines)


def articlegen_folders(folder: Path) -> tuple[str, ...]:
    """The folders ``articlegen init`` made in ``folder`` when it was run in the old blog
    (then ``import .`` converts it): with ``site.yaml`` there, its ``content/`` and the rest
    are the new site's, and ``content/welcome.md`` would be imported as a page of the old."""
    if not (folder / CONFIG_FILE).is_file():
        return ()
    return (*SOURCE_FOLDERS, DEFAULT_OUTPUT)


def post_files(folder: Path, blog: Blog) -> list[Path]:
    """The files of every ``_posts`` folder (also ``blog/_posts``), drafts counted."""
    files = []
    for posts in sorted(folder.rglob("_posts")):
        relative = posts.relative_to(folder).parts
        if posts.is_dir() and not any(p in SKIPPED_FOLDERS for p in relative):
            files += document_files(posts, blog)
    drafts = folder / "_drafts"
    if drafts.is_dir():
        blog.skipped["draft (_drafts)"] += sum(1 for f in drafts.rglob("*") if f.is_file())
    return files


def document_files(root: Path, blog: Blog, *, front_matter: bool = False) -> list[Path]:
    """The Markdown and HTML files in the folder ``root`` of posts or of a collection's
    documents (with ``front_matter``, only those that have it, as Jekyll copies the others
    as they are); hidden and backup files counted in ``blog.skipped``, as Jekyll skips them."""
    files = []
    for file in sorted(root.rglob("*")) if root.is_dir() else ():
        if not file.is_file() or file.suffix.lower() not in (*MARKDOWN_SUFFIXES, ".html"):
            continue
        if any(_ignored(part) for part in file.relative_to(root).parts):
            blog.skipped["hidden or backup file (.name, _name, #name, name~)"] += 1
        elif not front_matter or _has_front_matter(file):
            files.append(file)
    return files


def _has_front_matter(file: Path) -> bool:
    """Whether the file starts as one Jekyll renders (its ``has_yaml_header?``)."""
    with file.open("rb") as handle:
        return _FRONT_MATTER.match(handle.read(64)) is not None


def _ignored(name: str) -> bool:
    """A name Jekyll does not read (its ``EntryFilter``): hidden (``.ipynb_checkpoints``, a
    notebook's copies), special (``_name``, ``#name``, ``~name``) or an editor's backup."""
    return name.startswith((".", "_", "#", "~")) or name.endswith("~")
