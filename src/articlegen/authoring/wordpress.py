"""A WordPress export (WXR, the ``.xml`` file Tools → Export writes) → a ``Blog``.

Every published post becomes an article and every published page a page (in
``content/pages/``); drafts, private and password-protected posts, attachments, menu items,
revisions and the other things WordPress keeps in the same file are counted and skipped. The
file is parsed with defusedxml: an export is a stranger's XML, and entity declarations
(the "billion laughs") are refused rather than expanded.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from ..core.characters import decode_source
from ..core.errors import SourceError
from ..core.limits import MAX_TITLE_CHARACTERS, read_regular_file
from ..core.model import ImportedArticle
from ..core.slugs import slugify
from .blogsource import Blog, Post, site_path
from .htmlimport import html_markdown
from .htmlmeta import plain_text_of
from .mdtext import flattened_note, scripted
from .wpcontent import wordpress_html
from .wpfootnotes import block_footnotes

IMPORTED_TYPES = ("post", "page")
"""Post types that become articles; every other (attachment, nav_menu_item, revision,
wp_block, custom types) is skipped and counted."""
MAX_EXPORT_BYTES = 512 * 1024 * 1024
"""The largest export read: WordPress writes a whole blog into one file (its media apart), so
exports are larger than any single article; beyond this, export the blog in parts (by date
or author, in Tools → Export) and import each."""
_UNCATEGORIZED = "uncategorized"
"""The category WordPress puts every post in by default: it says nothing about the post."""
_ZERO_DATE = "0000-00-00 00:00:00"
_SCRIPT = re.compile(r"<(sub|sup)>([^<]*)</\1\s*>", re.IGNORECASE)
_INLINE_TAG = re.compile(
    r"<(/?)(a|abbr|b|bdi|bdo|br|cite|code|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span"
    r"|strong|sub|sup|time|u|var|wbr)\b[^<>]*>"
)
"""A tag titles are written with (in lower case, as WordPress writes them)."""
_VOID = frozenset({"br", "wbr"})


def is_wordpress_export(data: bytes) -> bool:
    """Whether the start of a file looks like a WXR export (an RSS file in WordPress's
    export namespace)."""
    head = data[:4096]
    return b"<rss" in head and b"wordpress.org/export/" in head


def read_wordpress(source: Path) -> Blog:
    """Read the export ``source``; an error names what makes it unreadable."""
    display = str(source)
    data = read_regular_file(source, display, SourceError, MAX_EXPORT_BYTES)
    text = decode_source(data, display, SourceError)
    try:
        root = SafeET.fromstring(text.encode("utf-8"))
    except DefusedXmlException as exc:
        raise SourceError(
            f"the export declares XML entities ({type(exc).__name__}), which are refused",
            display,
            hint="export the blog again from WordPress (Tools → Export); an export it writes "
            "declares none",
        ) from exc
    except ET.ParseError as exc:
        line, column = exc.position
        raise SourceError(
            f"not well-formed XML at column {column}: {str(exc).split(':')[0]}",
            display,
            line,
            "export the blog again from WordPress (Tools → Export): the file may be cut short",
        ) from exc
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise SourceError(
            "not a WordPress export: no <rss><channel>",
            display,
            hint="give the .xml file WordPress's Tools → Export writes",
        )
    site_url = _text(channel, "wp:base_blog_url") or _text(channel, "link") or None
    blog = Blog("wordpress", source, site_url=site_url, static_roots=[source.parent])
    authors = _authors(channel)
    for item in channel.iter("item"):
        _read_item(item, blog, authors, display)
    return blog


def _read_item(item: ET.Element, blog: Blog, authors: dict[str, str], display: str) -> None:
    """One ``<item>``: a post added to ``blog``, or a reason counted in ``blog.skipped``."""
    kind = _text(item, "wp:post_type") or "post"
    status = _text(item, "wp:status") or "publish"
    if kind not in IMPORTED_TYPES:
        blog.skipped[kind.replace("_", " ")] += 1
        return
    if status != "publish":
        blog.skipped[{"future": "scheduled", "pending": "pending review"}.get(status, status)] += 1
        return
    if _text(item, "wp:post_password"):
        blog.skipped["password-protected"] += 1
        return
    post_id = _text(item, "wp:post_id")
    title, flattened = _title(_text(item, "title"))
    origin = f"{display}: {kind} {post_id} '{title}'" if title else f"{display}: {kind} {post_id}"
    notes = [f"in its title, {note}" for note in flattened_note(flattened)]
    if not title:
        title = f"Untitled {kind} {post_id}".strip()
        notes.append(f"the {kind} has no title, so it is '{title}': give it one")
    elif len(title) > MAX_TITLE_CHARACTERS:
        title = title[: MAX_TITLE_CHARACTERS - 1].rstrip() + "…"
        notes.append(
            f"the title is longer than {MAX_TITLE_CHARACTERS} characters, so it was cut: shorten it"
        )
    link = _text(item, "link")
    path = site_path(link) if link else None
    if link and path is None:
        notes.append(
            f"its old address {link} is a query, which static files cannot serve: no redirect "
            "is made for it"
        )
    converted = wordpress_html(_text(item, "content:encoded"))
    if converted.kept:
        names = ", ".join(f"[{name}]" for name in converted.kept)
        notes.append(f"shortcodes kept as text: {names}; replace them with Markdown")
    date = _moment(_text(item, "wp:post_date"), _text(item, "wp:post_date_gmt"))
    updated = _moment(_text(item, "wp:post_modified"), _text(item, "wp:post_modified_gmt"))
    comments = _text(item, "wp:comment_status") == "open"
    footnotes = block_footnotes(_meta(item, "footnotes"), converted.html, notes)
    page = link or blog.site_url
    body = html_markdown(converted.html, page, origin, notes, footnotes.labels)
    body = footnotes.added(body, page, origin, notes)
    article = ImportedArticle(
        title=title,
        body=body,
        comments=comments,
        date=date,
        updated=updated if updated and date and updated > date else None,
        description=_excerpt(_text(item, "excerpt:encoded")),
        tags=_tags(item),
        slug=unquote(_text(item, "wp:post_name")) or None,  # non-ASCII names are %-encoded
        address=link or None,
        author=authors.get(creator := _text(item, "dc:creator"), creator) or None,
        aliases=(path,) if path and path != "/" else (),
        notes=tuple(notes),
        page=kind == "page",
    )
    blog.posts.append(Post(origin, article))


_NAMESPACES = {
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
_WP_EXPORT = re.compile(r"\{https?://wordpress\.org/export/[\d.]+/(excerpt/)?\}(.+)")


def _text(element: ET.Element, name: str) -> str:
    """The text of the first child named ``prefix:name``; the WordPress namespaces are
    matched whatever their export version (1.0, 1.1, 1.2)."""
    prefix, _, local = name.rpartition(":")
    for child in element:
        tag = child.tag
        if prefix in _NAMESPACES:
            found = tag == f"{{{_NAMESPACES[prefix]}}}{local}"
        elif prefix in ("wp", "excerpt"):
            match = _WP_EXPORT.fullmatch(tag)
            found = bool(
                match and match.group(2) == local and bool(match.group(1)) == (prefix == "excerpt")
            )
        else:
            found = tag == local
        if found:
            return (child.text or "").strip()
    return ""


def _meta(item: ET.Element, key: str) -> str:
    """The value of the post's meta field ``key`` (a ``<wp:postmeta>``), or ``""``."""
    for element in item:
        match = _WP_EXPORT.fullmatch(element.tag)
        if match and match.group(2) == "postmeta" and _text(element, "wp:meta_key") == key:
            return _text(element, "wp:meta_value")
    return ""


def _authors(channel: ET.Element) -> dict[str, str]:
    """Login → display name of each ``<wp:author>``: posts name their author by login.
    WordPress keeps a display name HTML-escaped (``O&#039;Brien``), and exports it so."""
    names = {}
    for element in channel:
        match = _WP_EXPORT.fullmatch(element.tag)
        if match and match.group(2) == "author":
            login = _text(element, "wp:author_login")
            names[login] = html.unescape(_text(element, "wp:author_display_name")) or login
    return names


def _moment(local: str, gmt: str) -> dt.datetime | None:
    """The post's time with its offset: WordPress writes the local time and the UTC time,
    whose difference is the blog's offset then. Without a UTC time (never published), the
    local time alone, which the site's time zone then places."""
    try:
        when = dt.datetime.strptime(local, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    if not gmt or gmt == _ZERO_DATE:
        return when
    try:
        utc = dt.datetime.strptime(gmt, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return when
    minutes = round((when - utc).total_seconds() / 60)
    if abs(minutes) >= 24 * 60:
        return when
    return when.replace(tzinfo=dt.timezone(dt.timedelta(minutes=minutes)))


def _title(title: str) -> tuple[str, list[str]]:
    """The title as text: WordPress keeps a post's title as HTML (``Mark<sup>up</sup>``,
    ``Media &amp; Text``), which the site's ``title:`` would show as written; a subscript
    or superscript of digits in Unicode's characters for them (``CO₂``, ``10<sup>&minus;3
    </sup>`` 10⁻³), and the texts of the others, left plain text (``V<sub>max</sub>``)."""
    flattened: list[str] = []

    def script(match: re.Match[str]) -> str:
        text = html.unescape(match[2])
        shown, lost = scripted(text, match[1].lower())
        flattened.extend(lost)
        return html.escape(shown, quote=False) if not lost else match[0]

    if "<" in title:
        title = _text_kept(_SCRIPT.sub(script, title))
    text = plain_text_of(title) if "<" in title or "&" in title else " ".join(title.split())
    return text, flattened


def _text_kept(title: str) -> str:
    """``title`` with each ``<`` escaped that starts no real tag: one of ``_INLINE_TAG``'s
    closed by its closing tag, or a void one. The rest is text (``Why LDL<HDL matters``,
    ``Is p<q always? Only if q>p``, ``Dose<small print>``), which an HTML parser would take
    for a tag and drop."""
    real: set[int] = set()
    opened: list[tuple[str, int]] = []
    for match in _INLINE_TAG.finditer(title):
        name = match[2]
        if name in _VOID and not match[1]:
            real.add(match.start())
        elif not match[1]:
            opened.append((name, match.start()))
        elif opened and opened[-1][0] == name:
            real |= {opened.pop()[1], match.start()}
    return "".join(
        "&lt;" if char == "<" and place not in real else char for place, char in enumerate(title)
    )


def _excerpt(excerpt: str) -> str | None:
    """The hand-written excerpt as one line of text."""
    return plain_text_of(excerpt) or None if excerpt.strip() else None


def _tags(item: ET.Element) -> tuple[str, ...]:
    """Categories, then tags, each once; the default "Uncategorized" left out. WordPress
    keeps a term's name HTML-escaped (``Health &amp; Fitness``), and exports it so."""
    found: dict[str, str] = {}
    for domain in ("category", "post_tag"):
        for element in item.findall("category"):
            name = " ".join(html.unescape(element.text or "").split())
            if element.get("domain") != domain or not name:
                continue
            if (
                domain == "category"
                and (element.get("nicename") or slugify(name)) == _UNCATEGORIZED
            ):
                continue
            found.setdefault(slugify(name) or name, name)
    return tuple(found.values())
