"""What a saved web page says about itself: its address, title, date, summary and tags.

Pages state these in several ways (``<meta>`` tags, JSON-LD structured data,
``<time>`` elements); each is tried in turn, the most explicit first.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
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


def page_url(tree: LexborHTMLParser) -> str | None:
    """The page's own address, to resolve its relative links against."""
    for selector, name in (
        ("base[href]", "href"),
        ('link[rel="canonical"]', "href"),
        ('meta[property="og:url"]', "content"),
    ):
        url = attribute(tree.css_first(selector), name)
        if urlsplit(url).scheme in ("http", "https"):
            return url
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
