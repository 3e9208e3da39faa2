"""A ``--future`` build shows scheduled articles, and offers them to no crawler or feed
reader, as a ``--drafts`` build does its drafts (``test_drafts_build``)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from articlegen.build import build_site, build_with_saved_cache
from articlegen.core.model import BuildOptions
from articlegen.core.urls import tag_feed_url
from articlegen.incremental.replan import plan_site
from tests.conftest import article, parse
from tests.helpers import snapshot
from tests.integration.test_drafts_build import SITEMAP, _feed_links, _robots, _tag_feed_offers
from tests.integration.test_search import needs_pagefind, pagefind_installed  # noqa: F401

BASE = "https://example.test/"
TODAY = dt.date(2026, 12, 6)
FUTURE = BuildOptions(future=True, today=TODAY, jobs=1)
ARTICLES = {
    "sleep.md": article("Sleep Basics", "Sleep matters.", date="2024-01-01", tags="[sleep]"),
    "zinc.md": article(
        "Zinc Soon", "Zinc, out next year.", date="2027-03-01", tags="[sleep, coming]"
    ),
    "pages/launch.md": "---\ntitle: Launch Notes\ndate: 2027-02-01\n---\n\nWhat is new.\n",
}


def _sitemap(public: Path) -> set[str | None]:
    return {u.findtext(f"{SITEMAP}loc") for u in ET.parse(public / "sitemap.xml").getroot()}


@needs_pagefind
def test_future_build_shows_scheduled_articles_but_lists_them_in_no_sitemap_feed_or_index(
    site,
) -> None:
    root = site(ARTICLES)
    build_site(root, FUTURE)
    public = root / "public"
    # shown: the scheduled article's page, with its banner, and its card on the home page
    banner = parse(public / "zinc/index.html").css_first(".draft-banner")
    assert banner is not None and banner.text().startswith("Not public: scheduled for 2027-03-01")
    home = [a.text() for a in parse(public / "index.html").css("article.card h2 a")]
    assert home == ["Zinc Soon", "Sleep Basics"]
    # marked noindex: the scheduled article and page; the published article is not
    assert _robots(public / "zinc/index.html") == ["noindex"]
    assert _robots(public / "launch/index.html") == ["noindex"]
    assert _robots(public / "sleep/index.html") == []
    # and the page of a tag only the scheduled article has; the other listings are not
    assert _robots(public / "tags/coming/index.html") == ["noindex"]
    assert _robots(public / "tags/sleep/index.html") == _robots(public / "index.html") == []
    # the sitemap lists neither, nor the page of a tag only the scheduled article has,
    # and its listings' last change is the published article's, not a day still to come
    root_map = ET.parse(public / "sitemap.xml").getroot()
    locs = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in root_map}
    assert {BASE + "sleep/", BASE + "tags/sleep/", BASE} <= locs.keys()
    assert not {BASE + "zinc/", BASE + "launch/", BASE + "tags/coming/"} & locs.keys()
    assert (locs[BASE] or "").startswith("2024-01-01")
    # feeds: the site's and the tag's hold the published article only
    assert _feed_links(public / "feed.xml") == [BASE + "sleep/"]
    assert _feed_links(public / tag_feed_url("sleep")) == [BASE + "sleep/"]
    # a tag only the scheduled article has: its feed is empty, as its page offers it
    assert _feed_links(public / tag_feed_url("coming")) == []
    assert _tag_feed_offers(public / "tags/coming/index.html") == ["/" + tag_feed_url("coming")] * 2
    assert _tag_feed_offers(public / "tags/sleep/index.html") == ["/" + tag_feed_url("sleep")] * 2
    # the search index holds the published article only
    entry = json.loads((public / "pagefind" / "pagefind-entry.json").read_text())
    assert sum(language["page_count"] for language in entry["languages"].values()) == 1


def _move(root: Path, old: str, new: str) -> None:
    path = root / "content" / "zinc.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _clean(root: Path, tmp_path: Path) -> dict[str, str]:
    """The snapshot of a clean ``--future`` build of ``root`` (no cache)."""
    clean = tmp_path / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    build_site(root, replace(FUTURE, output=clean))
    return snapshot(clean)


def test_a_date_moved_into_and_out_of_the_future_replans_the_feeds_and_sitemap(
    site, tmp_path: Path
) -> None:
    """Builds run as commands, each planning from the record the last one saved: an
    article whose date moves later than the build's moment leaves the feeds and the
    sitemap, and the feed of its tag only it has is empty; all come back when its date
    moves back. Each output is a clean build's."""
    root = site({**ARTICLES, "zinc.md": ARTICLES["zinc.md"].replace("2027-03-01", "2026-11-01")})
    public = root / "public"
    build_with_saved_cache(root, FUTURE)
    assert _feed_links(public / "feed.xml") == [BASE + "zinc/", BASE + "sleep/"]
    _move(root, "date: 2026-11-01", "date: 2027-03-01")
    build_with_saved_cache(root, FUTURE)
    assert _feed_links(public / "feed.xml") == [BASE + "sleep/"]
    assert _feed_links(public / tag_feed_url("sleep")) == [BASE + "sleep/"]
    assert BASE + "zinc/" not in _sitemap(public)
    assert _robots(public / "zinc/index.html") == ["noindex"]
    assert _robots(public / "tags/coming/index.html") == ["noindex"]
    assert _feed_links(public / tag_feed_url("coming")) == []
    assert snapshot(public) == _clean(root, tmp_path)
    _move(root, "date: 2027-03-01", "date: 2026-11-01")
    build_with_saved_cache(root, FUTURE)
    assert _feed_links(public / "feed.xml") == [BASE + "zinc/", BASE + "sleep/"]
    assert _feed_links(public / tag_feed_url("coming")) == [BASE + "zinc/"]
    assert _tag_feed_offers(public / "tags/coming/index.html") == ["/" + tag_feed_url("coming")] * 2
    assert snapshot(public) == _clean(root, tmp_path)
    assert BASE + "zinc/" in _sitemap(public)
    assert _robots(public / "zinc/index.html") == []
    assert _robots(public / "tags/coming/index.html") == []


def test_a_draft_toggled_replans_every_page_of_its_tag_as_planning_all_does(site) -> None:
    """Whether a tag's pages say ``noindex`` depends on all of its articles: a draft made on
    the tag's first page changes its second page too, which shows no card that changed."""
    drafts = BuildOptions(write=False, drafts=True, today=TODAY, preview=True)
    articles = {
        f"a{n}.md": article(f"Article {n}", "Text.", date=f"2024-01-0{n}", tags="[rest]")
        for n in (1, 2)
    }
    root = site(articles, site_yaml=f"title: Test\nbase_url: {BASE}\nper_page: 1\n")
    articles["a1.md"] = articles["a1.md"].replace("---\n\n", "draft: true\n---\n\n", 1)
    (root / "content" / "a1.md").write_text(articles["a1.md"], encoding="utf-8")
    first = build_site(root, drafts).site
    assert first is not None
    before = plan_site(first, search=False)
    path = root / "content" / "a2.md"
    path.write_text(path.read_text().replace("---\n\n", "draft: true\n---\n\n", 1))
    after = build_site(root, drafts).site
    assert after is not None
    replanned = plan_site(after, search=False, last=before)
    assert replanned.plans == plan_site(after, search=False).plans
    tag_pages = [p for p in replanned.plans if p.template == "list.html" and "rest" in p.url]
    assert len(tag_pages) == 2 and all(p.context["unlisted"] for p in tag_pages)


@pytest.mark.parametrize("into_future", [True, False], ids=["scheduled", "published"])
def test_a_date_moved_in_the_preview_replans_the_feeds_as_planning_all_does(
    site, into_future: bool
) -> None:
    """The preview (``--future`` by default) keeps its plans in memory: replanned after
    the date moves, they are those planning everything gives, the feeds without it."""
    preview = BuildOptions(write=False, future=True, today=TODAY, preview=True)
    past, later = "date: 2026-11-01", "date: 2027-03-01"
    old, new = (past, later) if into_future else (later, past)
    root = site({**ARTICLES, "zinc.md": ARTICLES["zinc.md"].replace("date: 2027-03-01", old)})
    first = build_site(root, preview).site
    assert first is not None
    before = plan_site(first, search=False)
    _move(root, old, new)
    after = build_site(root, preview).site
    assert after is not None
    replanned = plan_site(after, search=False, last=before)
    assert replanned.plans == plan_site(after, search=False).plans
    feed = next(plan for plan in replanned.plans if plan.out_path == "feed.xml")
    shown = [entry["link"] for entry in feed.context["entries"]]
    assert ("https://example.test/zinc/" in shown) is not into_future
