"""A ``--drafts`` build shows the drafts, and offers them to no crawler or feed reader."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from articlegen.core.urls import tag_feed_url
from tests.conftest import article, parse
from tests.integration.test_search import needs_pagefind, pagefind_installed  # noqa: F401

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ARTICLES = {
    "sleep.md": article("Sleep Basics", "Sleep matters.", date="2024-01-01", tags="[sleep]"),
    "zinc.md": article(
        "Zinc Draft", "Zinc, unfinished.", date="2024-06-01", tags="[sleep, secret]", draft="true"
    ),
    "pages/about.md": "---\ntitle: About Us\ndraft: true\n---\n\nWho we are.\n",
}


def _feed_links(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    return [e.find(f"{ATOM}link").get("href", "") for e in root.iter(f"{ATOM}entry")]


def _robots(page: Path) -> list[str]:
    return [m.attributes.get("content") or "" for m in parse(page).css('meta[name="robots"]')]


@needs_pagefind
def test_drafts_build_shows_drafts_but_lists_them_in_no_sitemap_feed_or_index(site) -> None:
    root = site(ARTICLES)
    build_site(root, BuildOptions(drafts=True, jobs=1))
    public = root / "public"
    # shown: the draft's page, with its banner, and its card on the home page
    assert parse(public / "zinc/index.html").css_first(".draft-banner") is not None
    home = [a.text() for a in parse(public / "index.html").css("article.card h2 a")]
    assert home == ["Zinc Draft", "Sleep Basics"]
    # marked noindex: the draft article and the draft page; the published article is not
    assert _robots(public / "zinc/index.html") == ["noindex"]
    assert _robots(public / "about/index.html") == ["noindex"]
    assert _robots(public / "sleep/index.html") == []
    # the sitemap lists no draft, nor the page of a tag only a draft has
    locs = {u.findtext(f"{SITEMAP}loc") for u in ET.parse(public / "sitemap.xml").getroot()}
    base = "https://example.test/"
    assert {base + "sleep/", base + "tags/sleep/", base} <= locs
    assert not {base + "zinc/", base + "about/", base + "tags/secret/"} & locs
    # feeds: the site's and the tag's hold the published article only
    assert _feed_links(public / "feed.xml") == [base + "sleep/"]
    assert _feed_links(public / tag_feed_url("sleep")) == [base + "sleep/"]
    assert _feed_links(public / tag_feed_url("secret")) == []
    # the search index holds the published article only
    entry = json.loads((public / "pagefind" / "pagefind-entry.json").read_text())
    assert sum(language["page_count"] for language in entry["languages"].values()) == 1


def test_a_published_article_s_page_stays_in_the_sitemap_once_its_draft_is_published(site):
    """The same site without drafts: nothing of the above changes what it publishes."""
    root = site({**ARTICLES, "zinc.md": ARTICLES["zinc.md"].replace("draft: true", "draft: false")})
    build_site(root, BuildOptions(jobs=1))
    public = root / "public"
    locs = {u.findtext(f"{SITEMAP}loc") for u in ET.parse(public / "sitemap.xml").getroot()}
    assert "https://example.test/zinc/" in locs and "https://example.test/tags/secret/" in locs
    assert _robots(public / "zinc/index.html") == []
    assert _feed_links(public / "feed.xml")[0] == "https://example.test/zinc/"
