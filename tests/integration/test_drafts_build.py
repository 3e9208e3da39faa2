"""A ``--drafts`` build shows the drafts, and offers them to no crawler or feed reader."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from articlegen.build import build_site, build_with_saved_cache
from articlegen.core.model import BuildOptions
from articlegen.core.urls import tag_feed_url
from articlegen.incremental.cache import BuildCache
from tests.conftest import SITE_YAML, article, parse
from tests.helpers import snapshot
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


def _tag_feed_offers(page: Path) -> list[str]:
    """The addresses of a tag's feed its page offers: in its head and in its text."""
    tree = parse(page)
    head = [link.attributes.get("href") or "" for link in tree.css('link[rel="alternate"]')]
    text = [a.attributes.get("href") or "" for a in tree.css("main a") if "feed" in a.text()]
    return [href for href in (*head, *text) if "/tags/" in href]


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
    # a tag only a draft has: its feed is empty, as its page offers it
    assert _feed_links(public / tag_feed_url("secret")) == []
    assert _tag_feed_offers(public / "tags/secret/index.html") == ["/" + tag_feed_url("secret")] * 2
    assert _tag_feed_offers(public / "tags/sleep/index.html") == ["/" + tag_feed_url("sleep")] * 2
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


def _toggle_draft(root: Path, name: str, draft: bool) -> None:
    path = root / "content" / name
    text = path.read_text(encoding="utf-8")
    old, new = ("draft: false", "draft: true") if draft else ("draft: true", "draft: false")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


LINKED = {  # each linked both ways, so no See Also suggestion changes with a draft
    "sleep.md": article("Sleep Basics", "Sleep.", tags="[sleep]", see_also="[zinc]"),
    "zinc.md": article(
        "Zinc", "Zinc.", date="2024-06-01", tags="[sleep, secret]", see_also="[tin]", draft="false"
    ),
    "tin.md": article(
        "Tin", "Tin.", date="2024-03-01", tags="[secret]", see_also="[sleep]", draft="true"
    ),
}


def test_a_tag_made_drafts_only_says_noindex_on_every_page_in_an_incremental_build(
    site, tmp_path
) -> None:
    """Builds with ``--drafts`` as the CLI runs them (the cache saved, each planning from
    the record the last one left) and as the preview does (one cache kept in memory): the
    last public article of a tag made a draft empties the tag's feed and makes every page
    of the tag say ``noindex``, the second too (one article a page), which shows no card
    that changed; published again, it undoes both. Each output is a clean build's."""
    root = site(LINKED, site_yaml=SITE_YAML + "per_page: 1\n")
    public, kept, clean = root / "public", tmp_path / "kept", tmp_path / "clean"
    memory = BuildCache()

    def build() -> None:
        build_with_saved_cache(root, BuildOptions(drafts=True, jobs=1))
        build_site(root, BuildOptions(drafts=True, jobs=1, output=kept), cache=memory)
        shutil.rmtree(clean, ignore_errors=True)
        build_site(root, BuildOptions(drafts=True, jobs=1, output=clean))
        assert snapshot(public) == snapshot(clean) == snapshot(kept)

    feed, pages = (
        tag_feed_url("secret"),
        ["tags/secret/index.html", "tags/secret/page/2/index.html"],
    )
    build()
    assert _feed_links(public / feed) == ["https://example.test/zinc/"]
    _toggle_draft(root, "zinc.md", draft=True)
    build()
    assert _feed_links(public / feed) == []
    assert [_robots(public / page) for page in pages] == [["noindex"], ["noindex"]]
    _toggle_draft(root, "zinc.md", draft=False)
    build()
    assert _feed_links(public / feed) == ["https://example.test/zinc/"]
    assert [_robots(public / page) for page in pages] == [[], []]
    assert [_tag_feed_offers(public / page) for page in pages] == [["/" + feed] * 2] * 2
