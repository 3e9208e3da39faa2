"""Atom feeds, ``sitemap.xml`` and ``robots.txt``, built with ElementTree so escaping is right."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence

from .model import Article, Date, RenderedPage, Site, instant
from .site import article_url, home_url, person_url, tag_feed_url, tag_url

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
FEED_SIZE = 20
_EPOCH = dt.date(1970, 1, 1)


def render_feeds(site: Site, pages: Sequence[RenderedPage]) -> list[RenderedPage]:
    """The site feed, one feed per tag, the sitemap (of ``pages``) and robots.txt."""
    feeds = [atom_feed(site, [a.slug for a in site.articles], "feed.xml", site.config.title)]
    for tag in site.tags:
        url, title = tag_feed_url(tag.slug), f"{site.config.title}: {tag.name}"
        feeds.append(atom_feed(site, tag.articles, url, title, page=tag_url(tag.slug)))
    return [*feeds, sitemap(site, pages), robots(site)]


def atom_feed(
    site: Site, slugs: Sequence[str], url: str, title: str, *, page: str | None = None
) -> RenderedPage:
    """An Atom 1.0 feed of the newest ``FEED_SIZE`` of ``slugs``, with full content.

    ``page`` is the site-relative URL of the HTML page the feed mirrors (a tag's page for
    a tag feed), so a reader's "open website" goes there; the home page when None.
    """
    ET.register_namespace("", ATOM)
    base = site.config.base_url
    articles = [site.by_slug[s] for s in slugs[:FEED_SIZE]]
    feed = ET.Element(
        f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": site.config.language}
    )
    _sub(feed, "title", title)
    if site.config.description:
        _sub(feed, "subtitle", site.config.description)
    _sub(feed, "id", base + url)
    _sub(feed, "link", href=base + url, rel="self", type="application/atom+xml")
    _sub(feed, "link", href=base + (page or home_url()), rel="alternate", type="text/html")
    _sub(
        feed,
        "updated",
        _rfc3339(max((_modified(a) for a in articles), default=_EPOCH, key=instant)),
    )
    _sub(feed, "generator", "articlegen")
    for article in articles:
        _entry(feed, site, article)
    data = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return RenderedPage(url, url, data + b"\n")


def _entry(feed: ET.Element, site: Site, article: Article) -> None:
    base = site.config.base_url
    link = base + article_url(article.slug)
    entry = _sub(feed, "entry")
    _sub(entry, "title", article.meta.title)
    _sub(entry, "id", link)
    _sub(entry, "link", href=link, rel="alternate", type="text/html")
    _sub(entry, "published", _rfc3339(article.meta.date or _EPOCH))
    _sub(entry, "updated", _rfc3339(_modified(article)))
    credits = site.credits.get(article.slug)
    if credits is not None and credits.author is not None:
        author = _sub(entry, "author")
        _sub(author, "name", credits.author.name)
        if credits.author.id is not None:
            _sub(author, "uri", base + person_url(credits.author.id))
    for tag in article.meta.tags:
        _sub(entry, "category", term=tag)
    _sub(entry, "summary", site.descriptions[article.slug])
    content = _sub(entry, "content", site.bodies[article.slug].html, type="html")
    content.set("{http://www.w3.org/XML/1998/namespace}base", link)


def sitemap(site: Site, pages: Iterable[RenderedPage]) -> RenderedPage:
    """``sitemap.xml`` listing every HTML page but the 404, with ``lastmod`` where it is known."""
    ET.register_namespace("", SITEMAP)
    urlset = ET.Element(f"{{{SITEMAP}}}urlset")
    lastmod = last_modified(site)
    for page in sorted(pages, key=lambda p: p.url):
        if not page.out_path.endswith("index.html"):
            continue
        entry = ET.SubElement(urlset, f"{{{SITEMAP}}}url")
        ET.SubElement(entry, f"{{{SITEMAP}}}loc").text = site.config.base_url + page.url
        if page.url in lastmod:
            ET.SubElement(entry, f"{{{SITEMAP}}}lastmod").text = _rfc3339(lastmod[page.url])
    data = ET.tostring(urlset, encoding="utf-8", xml_declaration=True)
    return RenderedPage("sitemap.xml", "sitemap.xml", data + b"\n")


def last_modified(site: Site) -> dict[str, Date]:
    """Site-relative URL → when it last changed: an article's updated or date, a listing's
    newest article (so a crawler revisits the home and tag pages when something is added)."""
    changed = {article_url(a.slug): _modified(a) for a in site.articles}
    if not site.articles:
        return changed
    newest = max(changed.values(), key=instant)
    for url in (home_url(), "archive/", "tags/", "see-also/"):
        changed[url] = newest
    for tag in site.tags:
        dates = (changed[article_url(slug)] for slug in tag.articles)
        changed[tag_url(tag.slug)] = max(dates, key=instant)
    return changed


def robots(site: Site) -> RenderedPage:
    """``robots.txt`` allowing the site's own path (``/blog/`` under a sub-path: the rest of
    the host is not ours to speak for) and naming the sitemap."""
    allow = site.config.base_path
    text = f"User-agent: *\nAllow: {allow}\n\nSitemap: {site.config.base_url}sitemap.xml\n"
    return RenderedPage("robots.txt", "robots.txt", text.encode("utf-8"))


def _modified(article: Article) -> Date:
    return article.meta.updated or article.meta.date or _EPOCH


def _rfc3339(value: Date) -> str:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return value.isoformat(timespec="seconds") + "Z"
        return value.isoformat(timespec="seconds")
    return f"{value.isoformat()}T00:00:00Z"


def _sub(parent: ET.Element, name: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}", attributes)
    if text is not None:
        element.text = text
    return element
