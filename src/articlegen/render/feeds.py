"""Atom feeds (built with ElementTree, which escapes them), ``sitemap.xml`` (written as the
text ElementTree made of it: ``_sitemap_xml``) and ``robots.txt``.

A feed entry's content is the article as its page reads, made by ``feedcontent``: its
content warning, the body, then its numbered references.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Collection, Iterable, Sequence
from functools import partial
from html import escape
from typing import TypedDict

from ..core.dates import instant, rfc3339
from ..core.memo import Memo
from ..core.model import Article, Date, PagePlan, RenderedPage, Site
from ..core.urls import article_url, home_url, person_url, tag_feed_url, tag_url
from .feedcontent import feed_body, references_html, warning_html
from .redirects import alias_urls, redirects_file

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
_XML_DECLARATION = b"<?xml version='1.0' encoding='utf-8'?>\n"
"""What ``ET.tostring(…, encoding="utf-8", xml_declaration=True)`` starts with. Feeds and
the sitemap are written as text and encoded once, with this before them: ElementTree's own
encoding goes piece by piece (no text holds what UTF-8 cannot encode, a lone surrogate:
``core/characters`` refuses it)."""
XML = "http://www.w3.org/XML/1998/namespace"
FEED_SIZE = 20


FEED_TEMPLATE = "<atom>"
"""``PagePlan.template`` of a feed: rendered by ``render_feed``, not by Jinja."""


def plan_feeds(site: Site, listing: Collection[str] | None = None) -> list[PagePlan]:
    """The site feed and one feed per tag, as plans of plain data (``render_feed`` turns
    one into XML), so the build cache renders a feed again only when what it shows changed.
    With ``listing``, only the feeds that show one of those articles, or an unlisted one
    among them (which may have been one of them). An unlisted article (``unlisted_slugs``:
    a draft ``--drafts`` shows, a scheduled one ``--future`` shows) is in no feed: a feed
    reader keeps what it once read. A feed that shows no entry is planned every time: its
    ``updated`` may come from articles it does not read (``feed_updated``)."""
    title, hidden = site.config.title, unlisted_slugs(site)
    entries = _Entries(site)
    everything = _read(hidden, [a.slug for a in site.articles])
    site_updated = feed_updated(site, everything, hidden, None)
    feeds = [
        (everything, "feed.xml", title, None),
        *((_read(hidden, t.articles), tag_feed_url(t.slug), f"{title}: {t.name}", t.slug)
          for t in site.tags),
    ]  # fmt: skip
    plans = []
    for read, url, name, tag in feeds:
        shown = [slug for slug in read if slug not in hidden]
        if listing is None or not shown or any(slug in listing for slug in read):
            updated = (
                site_updated if tag is None else feed_updated(site, read, hidden, site_updated)
            )
            page = tag_url(tag) if tag is not None else None
            plans.append(_feed_plan(site, shown, url, name, entries, updated, page=page))
    return plans


def feed_updated(
    site: Site, read: Sequence[str], hidden: Collection[str], site_updated: Date | None
) -> Date:
    """A feed's ``updated``: when the newest of its entries (the articles ``read`` less the
    ``hidden`` ones) last changed. A feed with none (a tag only drafts or scheduled articles
    have, in a ``--drafts`` or ``--future`` build or the preview; a site with no article
    yet) gives the newest date of the articles its page shows (``read``: all of them then),
    as the page does; else the site feed's date (``site_updated``: None for the site feed
    itself); else, with no dated article in the site, the build's day. Never a date no
    article or build has (1970)."""
    return (
        _newest(site, [slug for slug in read if slug not in hidden])
        or _newest(site, read)
        or site_updated
        or _build_day(site)
    )


def _newest(site: Site, slugs: Iterable[str]) -> Date | None:
    """The latest ``updated`` or ``date`` of these articles; None if none has one."""
    dates = [date for slug in slugs if (date := _modified(site.by_slug[slug])) is not None]
    return max(dates, key=partial(instant, zone=site.config.zone), default=None)


def _build_day(site: Site) -> dt.date:
    """The day the build publishes as (``Site.built_on``), or today in the site's zone."""
    return site.built_on or dt.datetime.now(site.config.zone).date()


def _read(hidden: Collection[str], slugs: Sequence[str]) -> Sequence[str]:
    """The first of ``slugs`` (newest first) up to the ``FEED_SIZE``-th that is not
    ``hidden`` (unlisted): the articles a feed reads to find those it shows."""
    shown = 0
    for end, slug in enumerate(slugs):
        shown += slug not in hidden
        if shown == FEED_SIZE:
            return slugs[: end + 1]
    return slugs


def unlisted_slugs(site: Site) -> set[str]:
    """The articles and pages a build shows but offers no crawler, feed reader or search
    index: the drafts (which only ``--drafts`` shows) and those not public at the build's
    moment that it shows anyway (``Site.withheld``: scheduled ones under ``--future`` and
    in the preview)."""
    return {
        a.slug for a in (*site.articles, *site.pages) if a.meta.draft or a.slug in site.withheld
    }


def unlisted_tags(site: Site) -> list[str]:
    """The slugs of the tags only unlisted articles have (``unlisted_slugs``), in the
    site's order: their pages say ``noindex``. Re-planning compares them
    (``replan.shown_digest``): when one becomes such a tag or stops being one, every page
    of it changes, which the cards that changed do not all reach (a tag's later pages)."""
    hidden = unlisted_slugs(site)
    return [tag.slug for tag in site.tags if hidden.issuperset(tag.articles)]


def unlisted(site: Site) -> set[str]:
    """Site-relative URLs of the pages a ``--drafts`` or ``--future`` build shows that a
    build without them does not make: each unlisted article's page (``unlisted_slugs``),
    and the pages of a tag only those have (``unlisted_tags``). The sitemap leaves them
    out (and their pages tell search engines ``noindex``)."""
    return {article_url(slug) for slug in unlisted_slugs(site)} | {
        tag_url(slug) for slug in unlisted_tags(site)
    }


def site_files(
    site: Site, pages: Sequence[PagePlan], memo: Memo[bytes] | None = None
) -> list[RenderedPage]:
    """The sitemap (of ``pages``, planned: it needs only their addresses, known before
    any is rendered; ``memo``: the last build's, see ``sitemap``), robots.txt and, if any
    article has an alias, the host's ``_redirects``."""
    redirects = redirects_file(site)
    return [sitemap(site, pages, memo), robots(site), *([redirects] if redirects else [])]


def _feed_plan(
    site: Site, slugs: Sequence[str], url: str, title: str, entries: _Entries, updated: Date,
    *, page: str | None = None,
) -> PagePlan:  # fmt: skip
    """A feed of the articles ``slugs`` (``_read``, less unlisted ones), with full content
    (each entry from ``entries``), last changed ``updated`` (``feed_updated``).

    ``page`` is the site-relative URL of the HTML page the feed mirrors (a tag's page for
    a tag feed), so a reader's "open website" goes there; the home page when None.
    """
    base, zone = site.config.base_url, site.config.zone
    context = {
        "language": site.config.language,
        "title": title,
        "subtitle": site.config.description,
        "self": base + url,
        "alternate": base + (page or home_url()),
        "updated": rfc3339(updated, zone),
        "entries": [entries[slug] for slug in slugs],
    }
    return PagePlan(url, url, FEED_TEMPLATE, context)


class _Entries(dict[str, "_EntryData"]):
    """Slug → the feed entry of that article, each made when first asked for and then the
    same for every feed that lists it: the site's feed and its tags' list an article up to
    as many times as it has tags (820 entries of 318 articles in the bench corpus), and
    making one joins its body and its references' HTML."""

    def __init__(self, site: Site) -> None:
        super().__init__()
        self._site = site

    def __missing__(self, slug: str) -> _EntryData:
        entry = self[slug] = _entry_data(self._site, self._site.by_slug[slug])
        return entry


class _EntryData(TypedDict):
    """One feed entry as plain data: it is part of the feed's plan, which the cache compares."""

    title: str
    link: str
    published: str
    updated: str
    author: str | None
    author_uri: str | None
    tags: list[str]
    summary: str
    warning: str
    """The content warning's paragraph, before the body; empty without one."""
    html: str
    """The article's body as its page shows it, less its headings' ``#`` links: a
    ``BodyHtml``, one object for every feed listing it, which the build cache digests once,
    where the body joined with its references was a new text, pickled again into the key
    of each feed listing it (9 MB a cold build of the 2,000-article bench corpus)."""
    references: str
    """The numbered references' HTML, shown under the body."""


def _entry_data(site: Site, article: Article) -> _EntryData:
    link = site.config.base_url + article_url(article.slug)
    credits = site.credits.get(article.slug)
    author = credits.author if credits is not None else None
    zone = site.config.zone
    return {
        "title": article.meta.title,
        "link": link,
        # a listed article has a date: every article but a draft must, and drafts are unlisted
        "published": rfc3339(article.meta.date or _build_day(site), zone),
        "updated": rfc3339(_modified(article) or _build_day(site), zone),
        "author": author.name if author is not None else None,
        "author_uri": (
            site.config.base_url + person_url(author.id)
            if author is not None and author.id is not None
            else None
        ),
        "tags": list(article.meta.tags),
        "summary": site.descriptions[article.slug],
        "warning": warning_html(article.meta.content_warning),
        "html": feed_body(site.bodies[article.slug].html),
        "references": references_html(site.references.get(article.slug, ()), site),
    }


EntryTexts = dict[int, tuple[object, bytes]]
"""``id`` of a feed entry's data → the data and its XML, encoded (``render_feed``)."""


def render_feed(plan: PagePlan, made: EntryTexts | None = None) -> RenderedPage:
    """An Atom 1.0 feed from its plan (``plan_feeds``). ``made``: the XML of each entry
    written for the feeds rendered before (the site's and its tags' feeds list an article
    once for each of them whose newest it is among, each the same data: ``_Entries``), so
    that it is written and encoded once a build."""
    ET.register_namespace("", ATOM)
    data = plan.context
    feed = ET.Element(f"{{{ATOM}}}feed", {f"{{{XML}}}lang": data["language"]})
    _sub(feed, "title", data["title"])
    if data["subtitle"]:
        _sub(feed, "subtitle", data["subtitle"])
    _sub(feed, "id", data["self"])
    _sub(feed, "link", href=data["self"], rel="self", type="application/atom+xml")
    _sub(feed, "link", href=data["alternate"], rel="alternate", type="text/html")
    _sub(feed, "updated", data["updated"])
    _sub(feed, "generator", "articlegen")
    head = ET.tostring(feed, encoding="unicode")
    assert head.endswith(_FEED_END)  # it holds a title
    made = {} if made is None else made
    entries = [_entry_xml(entry, made) for entry in data["entries"]]
    start = head[: -len(_FEED_END)].encode("utf-8")
    xml = b"".join([_XML_DECLARATION, start, *entries, _FEED_END.encode("utf-8"), b"\n"])
    return RenderedPage(plan.url, plan.out_path, xml)


_FEED_END = "</feed>"
_ENTRY_START = f'<entry xmlns="{ATOM}">'


def _entry_xml(data: _EntryData, made: EntryTexts) -> bytes:
    """The XML of one entry as its feed's serialization writes it, encoded: the entry serialized
    alone is that, but for the namespace its start tag declares, which the feed's declares
    for all (the entry holds Atom's elements and ``xml:base`` alone)."""
    kept = made.get(id(data))
    if kept is not None and kept[0] is data:
        return kept[1]
    holder = ET.Element(f"{{{ATOM}}}feed")
    _entry(holder, data)
    text = ET.tostring(holder[0], encoding="unicode")
    assert text.startswith(_ENTRY_START)
    encoded = ("<entry>" + text[len(_ENTRY_START) :]).encode("utf-8")
    made[id(data)] = (data, encoded)
    return encoded


def _entry(feed: ET.Element, data: _EntryData) -> None:
    entry = _sub(feed, "entry")
    _sub(entry, "title", data["title"])
    _sub(entry, "id", data["link"])
    _sub(entry, "link", href=data["link"], rel="alternate", type="text/html")
    _sub(entry, "published", data["published"])
    _sub(entry, "updated", data["updated"])
    if data["author"] is not None:
        author = _sub(entry, "author")
        _sub(author, "name", data["author"])
        if data["author_uri"] is not None:
            _sub(author, "uri", data["author_uri"])
    for tag in data["tags"]:
        _sub(entry, "category", term=tag)
    if data["summary"]:
        # An article with no body and no description: RFC 4287 takes an entry with content
        # and no summary, where an empty <summary/> is a summary that says nothing.
        _sub(entry, "summary", data["summary"])
    text = data["warning"] + data["html"] + data["references"]
    content = _sub(entry, "content", text, type="html")
    content.set(f"{{{XML}}}base", data["link"])


def sitemap(site: Site, pages: Iterable[PagePlan], memo: Memo[bytes] | None = None) -> RenderedPage:
    """``sitemap.xml`` listing every HTML page but the 404, the redirects and the unlisted
    pages (``unlisted``: drafts', scheduled articles'), with ``lastmod`` where it is
    known; the XML of the same list as the last build's (``memo``) is not written again."""
    lastmod = last_modified(site)
    redirects, hidden = alias_urls(site), tuple(unlisted(site))
    listed = tuple(
        (
            site.config.base_url + page.url,
            rfc3339(lastmod[page.url], site.config.zone) if page.url in lastmod else None,
        )
        for page in sorted(pages, key=lambda p: p.url)
        if page.out_path.endswith("index.html")
        and page.url not in redirects
        and not page.url.startswith(hidden)  # a tag's later pages too: tags/x/page/2/
    )
    data = (memo or Memo())("sitemap", listed, partial(_sitemap_xml, listed))
    return RenderedPage("sitemap.xml", "sitemap.xml", data)


def _sitemap_xml(listed: Iterable[tuple[str, str | None]]) -> bytes:
    """The sitemap of pages at these addresses, each with its ``lastmod`` if known. Written
    as text, escaped as ElementTree escapes an element's text (``&``, ``<``, ``>``), to the
    same bytes ElementTree made of it (``test_sitemap_xml``): building and serialising a tree
    took 29 ms of every build for the 2,891 pages of 2,000 articles, the text 3 ms."""
    parts = [f'<urlset xmlns="{SITEMAP}">']
    for loc, lastmod in listed:
        parts.append(f"<url><loc>{escape(loc, quote=False)}</loc>")
        if lastmod is not None:
            parts.append(f"<lastmod>{escape(lastmod, quote=False)}</lastmod>")
        parts.append("</url>")
    parts.append("</urlset>\n")
    return _XML_DECLARATION + "".join(parts).encode("utf-8")


def last_modified(site: Site) -> dict[str, Date]:
    """Site-relative URL → when it last changed: an article's updated or date (a page's, when
    it gives one), a listing's newest article (so a crawler revisits the home and tag pages
    when something is added). Unlisted articles (drafts, scheduled ones) change nothing a
    crawler is shown."""
    hidden = unlisted_slugs(site)
    published = [a for a in site.articles if a.slug not in hidden]
    changed = {article_url(a.slug): d for a in published if (d := _modified(a)) is not None}
    pages = {article_url(p.slug): d for p in site.pages if (d := _modified(p)) is not None}
    if not changed:
        return {**changed, **pages}
    zone = site.config.zone
    moment = {url: instant(date, zone) for url, date in changed.items()}.__getitem__
    newest = changed[max(changed, key=moment)]
    for url in (home_url(), "archive/", "tags/", "see-also/"):
        changed[url] = newest
    for tag in site.tags:
        urls = [article_url(slug) for slug in tag.articles if article_url(slug) in changed]
        if urls:
            changed[tag_url(tag.slug)] = changed[max(urls, key=moment)]
    return {**changed, **pages}


def robots(site: Site) -> RenderedPage:
    """``robots.txt`` allowing the site's own path (``/blog/`` under a sub-path: the rest of
    the host is not ours to speak for) and naming the sitemap."""
    allow = site.config.base_path
    text = f"User-agent: *\nAllow: {allow}\n\nSitemap: {site.config.base_url}sitemap.xml\n"
    return RenderedPage("robots.txt", "robots.txt", text.encode("utf-8"))


def _modified(article: Article) -> Date | None:
    return article.meta.updated or article.meta.date


def _sub(parent: ET.Element, name: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}", attributes)
    if text is not None:
        element.text = text
    return element
