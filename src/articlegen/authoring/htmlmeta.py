"""What a saved web page says about itself: its address, title, date, summary and tags.

Pages state these in several ways (``<meta>`` tags, JSON-LD structured data,
``<time>`` elements); each is tried in turn, the most explicit first.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .textimport import read_date

_DATES = (
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date.issued"]',
)
_TAGS = 'meta[property="article:tag"]'


def plain_text(node: LexborNode) -> str:
    """The text of ``node`` and its descendants, spaces collapsed."""
    return " ".join((node.text(deep=True) or "").split())


def plain_text_of(html: str) -> str:
    """The text of an HTML fragment (a blog post's excerpt), entities decoded, spaces collapsed."""
    body = LexborHTMLParser(html).body
    return plain_text(body) if body is not None else ""


def attribute(node: LexborNode | None, name: str) -> str:
    """An attribute's value, spaces collapsed; empty when the node or attribute is missing."""
    return " ".join(((node.attributes.get(name) if node is not None else None) or "").split())


def meta_content(tree: LexborHTMLParser, *selectors: str) -> str | None:
    """The ``content`` of the first of these ``<meta>`` elements that has one."""
    for selector in selectors:
        if value := attribute(tree.css_first(selector), "content"):
            return value
    return None


def meta_title(tree: LexborHTMLParser) -> str:
    """The title from ``og:title`` or ``<title>`` (without a trailing `` | Site name``)."""
    if title := meta_content(tree, 'meta[property="og:title"]'):
        return title
    title_node = tree.css_first("title")
    title = plain_text(title_node) if title_node else ""
    site = meta_content(tree, 'meta[property="og:site_name"]')
    for separator in (" | ", " - ", " – ", " — ", " · "):
        if site and title.endswith(separator + site):
            return title[: -len(separator + site)]
    return title


def title_heading(tree: LexborHTMLParser, main: LexborNode) -> LexborNode | None:
    """The page's title ``<h1>``: the one marked as the headline (not as a ``name``, which a
    site header's ``<h1 itemprop="name">`` gives the site's) in the ``<article>`` or item
    (``itemscope``, as Blogger's post ``<div>``) nearest around the body, else in the body,
    and not in another item's scope within it (a "popular posts" widget names another
    post), else, when the body is narrower than the ``<article>`` around it
    (Jekyll's ``itemprop="articleBody"``), the article's first ``<h1>`` outside the body, as
    the theme puts the title in the article's header; else the body's first, else the
    page's first. A ``<h1>`` in the body is then one of its headings."""
    article = _ancestor(main, lambda node: node.tag == "article")
    item = _ancestor(main, _is_item)
    scope = _ancestor(main, lambda node: node.tag == "article" or _is_item(node)) or main
    for marked in scope.css('h1[itemprop~="headline"]'):
        own = _ancestor(marked, _is_item)
        if own is None or (item is not None and own.mem_id == item.mem_id):
            return marked
    inside = {node.mem_id for node in main.css("h1")}
    outer = [h for h in article.css("h1") if h.mem_id not in inside] if article is not None else []
    if outer and main.tag != "article":
        return outer[0]
    return main.css_first("h1") or tree.css_first("h1")


def _is_item(node: LexborNode) -> bool:
    """Whether ``node`` starts a microdata item (``itemscope``): what is marked in it is its."""
    return "itemscope" in node.attributes


def _ancestor(node: LexborNode, wanted: Callable[[LexborNode], bool]) -> LexborNode | None:
    """The nearest of ``node`` and the elements around it that is ``wanted``, if any."""
    current: LexborNode | None = node
    while current is not None and not wanted(current):
        current = current.parent
    return current


def page_url(tree: LexborHTMLParser) -> str | None:
    """The page's own address, to resolve its relative links against (one that cannot be
    parsed, ``http://[broken/``, is none: a page is imported whatever its metadata says)."""
    for selector, name in (
        ("base[href]", "href"),
        ('link[rel="canonical"]', "href"),
        ('meta[property="og:url"]', "content"),
    ):
        url = attribute(tree.css_first(selector), name)
        try:
            if urlsplit(url).scheme in ("http", "https"):
                return url
        except ValueError:
            continue
    return None


def page_date(tree: LexborHTMLParser, main: LexborNode) -> dt.date | None:
    """The publication day from the page's metadata, structured data or first ``<time>``."""
    candidates = [meta_content(tree, s) for s in _DATES]
    for script in tree.css('script[type="application/ld+json"]'):
        candidates += list(_json_values(script.text(deep=True) or "", "datePublished"))
    for time in [*tree.css('[itemprop="datePublished"]'), *main.css("time")]:
        candidates += [attribute(time, "datetime") or attribute(time, "content"), plain_text(time)]
    for value in candidates:
        if day := _day(value):
            return day
    return None


def date_line(
    main: LexborNode, day: dt.date | None, skipped: set[int], dropped: frozenset[str]
) -> list[int]:
    """The old theme's date line at the top of the article (its ``mem_id``, or none), which
    the body leaves out as the date is in the header: the first ``<time>`` the body would
    show, when it shows ``day`` (the date read) and no text the body shows comes before it
    but the title (``skipped`` and ``dropped`` elements are not shown), with the elements
    around it that say nothing else (``<p>Published <time>…</time></p>``, a line
    ``read_date`` reads). A date among other words (``By Example Author on May 14, 2024``,
    ``May 14, 2024 · 5 min read``) is kept, as is a ``<time>`` with another day."""

    def shown(node: LexborNode) -> bool:
        ancestor: LexborNode | None = node
        while ancestor is not None and ancestor.mem_id != main.mem_id:
            if ancestor.mem_id in skipped or ancestor.tag in dropped:
                return False
            ancestor = ancestor.parent
        return True

    time = next((node for node in main.css("time") if shown(node)), None)
    if time is None or day is None:
        return []
    if day not in (_day(attribute(time, "datetime")), _day(plain_text(time))):
        return []
    line = time
    while (parent := line.parent) is not None and parent.mem_id != main.mem_id:
        if plain_text(parent) != plain_text(time) and read_date(plain_text(parent)) != day:
            break
        line = parent
    if line is time and (time.parent is None or time.parent.mem_id != main.mem_id):
        return []  # the date is among other words of its block
    for node in main.traverse(include_text=True):
        if node.mem_id == line.mem_id:
            return [line.mem_id]
        if node.tag == "-text" and (node.text(deep=False) or "").strip() and shown(node):
            return []  # text before it: a date within the article's own text
    return []


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return read_date(value)


def _json_values(text: str, key: str) -> Iterator[str]:
    """Every string value of ``key`` anywhere in a JSON document (broken JSON: none)."""
    try:
        stack = [json.loads(text)]
    except ValueError:
        return
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if isinstance(value.get(key), str):
                yield value[key]
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


def page_tags(tree: LexborHTMLParser) -> tuple[str, ...]:
    """The page's ``article:tag`` values, each once."""
    return tuple(dict.fromkeys(v for n in tree.css(_TAGS) if (v := attribute(n, "content"))))
