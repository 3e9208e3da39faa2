"""Links and images of imported posts that point into their old site, made to point here.

A link to another imported post (by its old absolute address, a root-relative or
relative path, or its source file) becomes ``[[slug|text]]``, which every build
checks. An image found in the old site's files is copied into ``static/`` under its
old path, and the link made root-relative; one found nowhere but on the web is listed
for the author to fetch. A link to a page of the old site that was not imported is made a
full address there, or, where that site's address is unknown, kept as text (``unlinked``).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, quote_plus, unquote, urlsplit, urlunsplit

from .blogsource import clean_path, path_under
from .mdsource import HELD, MARKDOWN_SUFFIXES, code_spans_held
from .mdtext import link_target
from .unlinked import comments_written, label_key, reference_uses, unlinked

_LINK = re.compile(
    r"(!?)\[((?:[^\[\]\\\n]|\\.|\[[^\[\]\n]*\])*)\]"
    r"\(\s*(<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)"
    r"((?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?)\s*\)"
)
_DEFINITION = re.compile(r"^( {0,3}\[[^\]\n]+\]:[ \t]*)(<[^<>\n]*>|\S+)(.*)$", re.M)
_PLAIN_TEXT = re.compile(r"[^\[\]|\n\\]+")
_SEARCH_PAGES = ("search/", "search", "search.html", "search/index.html")
"""The old site's search page, under its base path, as Jekyll and Hugo themes place it."""
_SEARCH_WORDS = ("q", "query", "s", "search", "keywords", "term")
"""The query keys that hold the words searched for (WordPress's ``/?s=zinc``)."""
_SIZE_SUFFIX = re.compile(r"(\.[A-Za-z0-9]{2,5}):[A-Za-z]+$")
"""A size after an image's name: Twitter's ``photo.jpg:large`` (``:orig``, ``:small``…)."""
_FORMAT = re.compile(r"(?:^|&)format=([A-Za-z0-9]{2,5})(?:&|$)")
"""Twitter's newer way to name the same: ``photo?format=jpg&name=large``."""
_NOWHERE = ""
"""What ``_elsewhere`` gives a path into the old site that no address here or there can be
made for: the link is kept as its text, with the link in a comment (``unlinked``)."""


@dataclass(frozen=True, slots=True)
class OldSite:
    """What the links of one source can point to."""

    site_url: str | None
    """The old site's address: absolute links to it are internal."""
    paths: dict[str, str]
    """Old site path → slug of the article that now has it."""
    files: dict[Path, str]
    """Source file (resolved) → slug, for links to a post's Markdown file."""
    find_file: Callable[[str], Path | None]
    """The old site's file served at a path, if the source holds it (or it was fetched)."""
    search: bool = False
    """Whether this site has a search page (``/search/``), for links to the old site's."""
    base_path: str = "/"
    """The path the old site was served under (``Blog.base_path``)."""


@dataclass(slots=True)
class Relinked:
    """A body with its links made local, and what the import must do for its images."""

    body: str
    copies: dict[str, Path] = field(default_factory=dict)
    """``static/`` path → source file to copy there (an image, or a file a post links to)."""
    remote: dict[str, str] = field(default_factory=dict)
    """Image address → the ``static/`` path it would have, for the author to fetch."""
    unmatched: list[str] = field(default_factory=list)
    """Old site paths linked to that no imported article has: pages of the old site that
    were not imported (a category, a file), now linked on the old site by full address (or,
    its address unknown, kept as text: ``unlinked``)."""


def relink(
    body: str, address: str | None, file: Path | None, site: OldSite, own: str | None = None
) -> Relinked:
    """``body`` (of the post at old ``address``, read from ``file``, imported as slug
    ``own``) with its links into the old site made links to articles and images here. A link
    to the post itself becomes a link within its page (``#name``, or ``#top``), as the build
    refuses an article's link to itself; an image inside a link's text (``[![a](i.png)](u)``)
    is found as one standing alone is, and so is a link whose text holds a code span."""
    result = Relinked(body)
    dropped: set[str] = set()  # the labels of definitions made comments

    def link(match: re.Match[str]) -> str:
        bang, text, target, title = match.groups()
        url = target[1:-1] if target.startswith("<") else target
        if bang:
            new = _image(url, address, site, result)
            return f"![{text}]({link_target(new)}{title})" if new else match.group(0)
        inner = _LINK.sub(link, text) if "](" in text else text
        found = _article(url, address, file, site)
        if found is None:
            moved = _elsewhere(url, address, site, result)
            kept = match.group(0)[len(text) + 2 :]  # "(target 'title')" as written
            if moved == _NOWHERE:
                return unlinked(inner, f"[{inner}]{kept}")
            return f"[{inner}]({link_target(moved)}{title})" if moved else f"[{inner}]{kept}"
        slug, _, fragment = found.partition("#")
        if slug == own:
            return f"[{inner}](#{fragment or 'top'}{title})"
        if _PLAIN_TEXT.fullmatch(inner) and HELD not in inner and not _beside_pipe(match):
            return f"[[{found}|{inner.strip()}]]"
        return f"[{inner}]({slug}.md{'#' + fragment if fragment else ''})"

    def definition(match: re.Match[str]) -> str:
        start, target, rest = match.groups()
        if start.lstrip().startswith("[^"):  # a footnote's text, whose first word is no address
            return match.group(0)
        url = target[1:-1] if target.startswith("<") else target
        found = _article(url, address, file, site)
        if found is None:
            moved = _elsewhere(url, address, site, result)
            if moved == _NOWHERE:
                dropped.add(label_key(start.strip()[1:-2]))
                return unlinked("", match.group(0))
            return f"{start}{link_target(moved)}{rest}" if moved else match.group(0)
        slug, _, fragment = found.partition("#")
        if slug == own:
            return f"{start}#{fragment or 'top'}{rest}"
        return f"{start}{slug}.md{'#' + fragment if fragment else ''}{rest}"

    defined = code_spans_held(body, lambda part: _DEFINITION.sub(definition, part))
    result.body = comments_written(
        code_spans_held(defined, lambda part: reference_uses(_LINK.sub(link, part), dropped))
    )
    return result


def _beside_pipe(match: re.Match[str]) -> bool:
    """Whether the line of a link holds a ``|`` besides: in a table row, the ``|`` of
    ``[[slug|text]]`` would end the cell, so the link is written ``[text](slug.md)`` there
    (and on any line with a ``|``, where that form is as good)."""
    text, start, end = match.string, match.start(), match.end()
    line_end = text.find("\n", end)
    before = text[text.rfind("\n", 0, start) + 1 : start]
    return "|" in before or "|" in text[end : len(text) if line_end < 0 else line_end]


def _elsewhere(url: str, address: str | None, site: OldSite, result: Relinked) -> str | None:
    """The new address of a link that names no imported article, or None to keep it: a file
    the old site served (a PDF, an image a reference definition names) is copied here, and
    another path into the old site is noted, and made a full address there with its query
    and fragment (a path alone would point into the new site, where nothing is), or, where
    the old site's address is unknown, ``_NOWHERE``."""
    path = _old_path(url, address, site)
    if path is None or _article_file(url):
        return None
    if not path.endswith("/") and (found := site.find_file(path)) is not None:
        result.copies[path.lstrip("/")] = found  # a file the post offers (a PDF): kept here
        return path
    if (search := _search(path, urlsplit(url).query, site)) is not None:
        return search
    result.unmatched.append(path)
    if urlsplit(url).netloc:
        return None
    if site.site_url is None:
        return _NOWHERE
    old, parts = urlsplit(site.site_url), urlsplit(url)
    return urlunsplit((old.scheme, old.netloc, path, parts.query, parts.fragment))


def _search(path: str, query: str, site: OldSite) -> str | None:
    """This site's search page for a link to the old site's (``/search/``, ``/search?q=…``,
    WordPress's ``/?s=…``), with the words searched for as its ``?q=``; None for another
    link, or on a site without search."""
    base = site.base_path.rstrip("/") + "/"
    if not site.search or not path.startswith(base):
        return None
    asked = parse_qs(query)
    if path[len(base) :] not in _SEARCH_PAGES and not (path == base and "s" in asked):
        return None
    words = next((asked[key][0] for key in _SEARCH_WORDS if asked.get(key)), None)
    return f"/search/?q={quote_plus(words)}" if words else "/search/"


def _article_file(url: str) -> bool:
    """A link to a Markdown file, which the build checks itself."""
    parts = urlsplit(url)
    return not parts.scheme and parts.path.lower().endswith(MARKDOWN_SUFFIXES)


def _old_path(url: str, address: str | None, site: OldSite) -> str | None:
    """The old site path ``url`` names: absolute on the old host, root-relative, or relative
    to the post's own old address."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("/"):
        return path_under(url.split("#")[0], site.site_url)
    if not parts.path or address is None:
        return None
    base = urlsplit(address).path or "/"
    folder = base if base.endswith("/") else posixpath.dirname(base) + "/"
    return clean_path(folder + parts.path)


def _article(url: str, address: str | None, file: Path | None, site: OldSite) -> str | None:
    """``slug`` or ``slug#fragment`` of the article a link names, if it is one here."""
    parts = urlsplit(url)
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    if not parts.scheme and not parts.netloc and parts.path.lower().endswith(MARKDOWN_SUFFIXES):
        written = unquote(parts.path)
        if written.startswith("/"):  # from the content folder's root, which Hugo names so
            found = {slug for path, slug in site.files.items() if path.as_posix().endswith(written)}
            if len(found) == 1:
                return found.pop() + fragment
        elif file is not None and (target := (file.parent / written).resolve()) in site.files:
            return site.files[target] + fragment
    path = _old_path(url, address, site)
    if path is None:
        return None
    for candidate in _variants(path):
        if candidate in site.paths:
            return site.paths[candidate] + fragment
    return None


def _variants(path: str) -> list[str]:
    """A path as written, with and without its trailing ``/`` or ``index.html``/``.html``."""
    bare = path.removesuffix("index.html").removesuffix(".html")
    trimmed = path.rstrip("/")
    return list(dict.fromkeys([path, trimmed + "/", trimmed, trimmed + ".html", bare, bare + "/"]))


def header_image(url: str, site: OldSite, result: Relinked) -> str | None:
    """The ``static/`` path of a post's header image (Jekyll's ``image:``, an address from
    the old site's root even when written without its ``/``, as ``absolute_url`` reads it),
    copied or listed for fetching as the body's images are; None while it is not here."""
    parts = urlsplit(url)
    rooted = url if parts.scheme or parts.netloc else "/" + url.lstrip("/")
    found = _image(rooted, None, site, result)
    return found.lstrip("/") if found else None


def _file_name(path: str, query: str) -> str:
    """An image's path with the file name it is saved as: without a size after its suffix
    (``photo.jpg:large`` → ``photo.jpg``, a ``:`` no file name on Windows holds, and a
    suffix the build does not know as an image's), or with the suffix its address's
    ``format=`` names (``photo?format=jpg`` → ``photo.jpg``)."""
    path = _SIZE_SUFFIX.sub(r"\1", path)
    written = _FORMAT.search(query)
    if written and "." not in path.rsplit("/", 1)[-1]:
        return f"{path}.{written.group(1).lower()}"
    return path


def _image(url: str, address: str | None, site: OldSite, result: Relinked) -> str | None:
    """The new address of an image (copied from the old site's files, or fetched), or None
    to keep it. An image on the web keeps its old path (one on another host, such as a CDN,
    goes under a folder named after that host) for the author or ``--download-images``; a
    relative one the source lacks (``../images/gone.png``) is given its old site path, which
    the build reads from ``static/`` and the import writes as a comment until it is there."""
    parts = urlsplit(url)
    if parts.scheme == "data":
        return None
    path = _old_path(url, address, site)
    if (path is None or path.endswith("/")) and parts.scheme in ("http", "https"):
        path = clean_path(f"/{parts.hostname or 'web'}{unquote(parts.path)}")
    if path is None or path.endswith("/"):
        return None
    path = _file_name(path, parts.query)
    found = site.find_file(path)
    if found is not None:
        result.copies[path.lstrip("/")] = found
        return path
    if parts.scheme in ("http", "https"):
        result.remote[url] = path.lstrip("/")
    elif not parts.netloc and not url.startswith("/"):
        return path  # relative to the old page: the build reads it from static/'s root
    return None
