"""End-to-end: pages (``content/pages/``) and the header menu, as readers and crawlers see them."""

from __future__ import annotations

import datetime as dt
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from articlegen.build import build_site
from articlegen.core.model import BuildOptions, BuildResult
from articlegen.incremental.cache import BuildCache
from tests.conftest import article, parse
from tests.helpers import failure_messages, internal_link_problems, snapshot

SITE_YAML = """\
title: "Example Site"
base_url: "https://example.test/"
author: "Example Author"
description: "An example site."
disclaimer: "General information only."
editorial_policy: pages/policy.md
search: false
reviewers:
  example-reviewer:
    name: "Example Reviewer"
    credentials: "MD"
menu:
  - {title: About, link: about}
  - title: How we review
    link: content/pages/policy.md#reviews
  - {title: Elsewhere, link: "https://example.org/"}
"""
ABOUT = (
    '---\ntitle: "About This Site"\ndescription: "Who writes here."\n---\n\n'
    "We write about [[sleep]] and [[Heart Rate]].\n"
)
POLICY = (
    '---\ntitle: "Editorial Policy"\nupdated: 2024-03-01\n---\n\n'
    "How we work.\n\n## Research\n\nText.\n\n## Reviews\n\nText.\n\n## Sources\n\nText.\n\n"
    "## Corrections\n\nText.\n"
)
SLEEP = article("Sleep", "Sleep well. Read [about us](pages/about.md).", tags="[Sleep]")
HEART = article("Heart Rate", "Walk.", date="2024-02-01", tags="[Heart]", see_also="[sleep]")
FEEDS = ("feed.xml", "sitemap.xml", "robots.txt")
ATOM = "{http://www.w3.org/2005/Atom}"
MAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def blog(site) -> Path:
    return site(
        {"pages/about.md": ABOUT, "pages/policy.md": POLICY, "sleep.md": SLEEP, "heart.md": HEART},
        site_yaml=SITE_YAML,
    )


def build(root: Path, **options: object) -> BuildResult:
    return build_site(root, BuildOptions(today=dt.date(2024, 6, 1), **options))  # type: ignore[arg-type]


def nav(page: Path) -> list[tuple[str, str, str | None]]:
    return [
        (a.text(), a.attributes["href"] or "", a.attributes.get("aria-current"))
        for a in parse(page).css("header nav a")
    ]


def test_a_page_has_its_url_and_template_and_nothing_an_article_adds(blog: Path) -> None:
    result = build(blog)
    assert result.articles == 2
    page = parse(blog / "public/about/index.html")
    assert page.css_first("article.page h1").text() == "About This Site"
    assert page.css_first('meta[name="description"]').attributes["content"] == "Who writes here."
    assert page.css_first('link[rel="canonical"]').attributes["href"] == (
        "https://example.test/about/"
    )
    hrefs = [a.attributes["href"] for a in page.css("article .body a")]
    assert hrefs == ["/sleep/", "/heart/"]
    for absent in (".byline", ".disclaimer", ".see-also", ".linked-from", ".tags", ".prev-next"):
        assert page.css_first(absent) is None, absent
    assert page.css_first('script[type="application/ld+json"]') is None
    policy = parse(blog / "public/policy/index.html")
    assert policy.css_first("article.page .meta time").attributes["datetime"] == "2024-03-01"
    assert [a.text() for a in policy.css("nav.toc a")][:2] == ["Research", "Reviews"]
    assert internal_link_problems(blog / "public") == []


def test_pages_are_in_no_listing_feed_or_index_but_in_the_sitemap(blog: Path) -> None:
    build(blog)
    out = blog / "public"
    listed = {
        a.attributes["href"]
        for name in ("index.html", "archive/index.html", "tags/sleep/index.html")
        for a in parse(out / name).css("main a")
    }
    assert {"/sleep/", "/heart/"} <= listed and not {"/about/", "/policy/"} & listed
    index = parse(out / "see-also/index.html")
    assert [h.text() for h in index.css(".link-index h3")] == ["Heart Rate", "Sleep"]
    assert "/about/" not in {a.attributes["href"] for a in index.css("main a")}
    feed = ET.parse(out / "feed.xml").getroot()
    assert [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")] == [
        "Heart Rate",
        "Sleep",
    ]
    sitemap = ET.parse(out / "sitemap.xml").getroot()
    urls = {u.findtext(f"{MAP}loc"): u.findtext(f"{MAP}lastmod") for u in sitemap.iter(f"{MAP}url")}
    assert urls["https://example.test/about/"] is None  # a page without a date
    assert urls["https://example.test/policy/"] == "2024-03-01T00:00:00Z"
    assert urls["https://example.test/"] == "2024-02-01T00:00:00Z"  # its newest article


def test_a_page_linking_to_an_article_is_not_its_linked_from(blog: Path) -> None:
    build(blog)
    sleep = parse(blog / "public/sleep/index.html")
    assert [a.text() for a in sleep.css(".linked-from a")] == ["Heart Rate"]
    assert sleep.css_first(".disclaimer a").attributes["href"] == "/policy/"


def test_a_page_is_exempt_from_bylines_and_reviews(blog: Path) -> None:
    result = build(blog)
    warned = {(w.path, w.message) for w in result.diagnostics}
    assert ("content/sleep.md", "published, but never medically reviewed") in warned
    assert not [w for w in result.diagnostics if w.path.startswith("content/pages/")]


def test_the_menu_leads_the_navigation_and_marks_the_current_page(blog: Path) -> None:
    build(blog)
    out = blog / "public"
    assert nav(out / "about/index.html") == [
        ("About", "/about/", "page"),
        ("How we review", "/policy/#reviews", None),
        ("Elsewhere", "https://example.org/", None),
        ("Archive", "/archive/", None),
        ("Tags", "/tags/", None),
        ("See Also index", "/see-also/", None),
        ("Feed", "/feed.xml", None),
    ]
    assert [current for *_, current in nav(out / "policy/index.html")][:2] == [None, "page"]
    assert [t for t, _, current in nav(out / "archive/index.html") if current] == ["Archive"]
    assert [t for t, _, current in nav(out / "sleep/index.html") if current] == []
    external = parse(out / "index.html").css_first('header nav a[href^="https:"]')
    assert external.attributes["rel"] == "external"


def test_the_built_in_entries_can_be_turned_off(blog: Path) -> None:
    yaml = blog / "site.yaml"
    yaml.write_text(yaml.read_text() + "menu_builtin: false\n")
    build(blog)
    assert [t for t, _, _ in nav(blog / "public/index.html")] == [
        "About",
        "How we review",
        "Elsewhere",
    ]
    yaml.write_text(yaml.read_text().split("menu:")[0] + "menu_builtin: false\n")
    build(blog)
    assert parse(blog / "public/index.html").css_first("header nav") is None


def test_a_bad_menu_link_fails_the_build_at_its_line(blog: Path) -> None:
    yaml = blog / "site.yaml"
    text = yaml.read_text()
    yaml.write_text(text.replace("link: about}", "link: abuot}").replace("#reviews", "#review"))
    before = snapshot(blog / "public") if (blog / "public").exists() else {}
    assert failure_messages(lambda: build(blog)) == [
        "site.yaml:13: menu 'abuot' matches no article or page (did you mean 'about'?) — link to a page "
        "or article by slug or file (content/pages/about.md), or to another site by its "
        "https:// address",
        "site.yaml:15: menu 'content/pages/policy.md#review': content/pages/policy.md has no id "
        "'review' (did you mean 'reviews'?) — ids are case-sensitive; a heading's id is shown "
        "by the # link beside it",
    ]
    assert (snapshot(blog / "public") if (blog / "public").exists() else {}) == before


def test_see_also_to_a_page_and_article_keys_on_a_page_are_errors(blog: Path) -> None:
    (blog / "content/sleep.md").write_text(article("Sleep", "Text.", see_also="[about]"))
    (blog / "content/pages/about.md").write_text(ABOUT.replace("---\n\n", "tags: [x]\n---\n\n"))
    assert failure_messages(lambda: build(blog)) == [
        "content/pages/about.md:4: 'tags' is an article's key: a page is on no tag page — remove "
        "'tags', or move the file out of content/pages/ to make it an article",
        "content/sleep.md:3: see_also 'about' names a page (content/pages/about.md): See Also "
        "lists articles — link to the page in the text instead, [[about]]",
    ]


def test_pages_share_the_slugs_of_articles_and_the_reserved_ones(blog: Path) -> None:
    (blog / "content/pages/sleep.md").write_text("---\ntitle: Sleep page\n---\nText.\n")
    (blog / "content/pages/tags.md").write_text("---\ntitle: Tags page\n---\nText.\n")
    messages = failure_messages(lambda: build(blog))
    assert any(m.startswith("content/sleep.md:1: duplicate slug 'sleep'") for m in messages)
    assert any(m.startswith("content/pages/tags.md:1: slug 'tags' is reserved") for m in messages)


def test_a_draft_page_is_built_only_with_drafts(blog: Path) -> None:
    (blog / "content/pages/about.md").write_text(ABOUT.replace("---\n\n", "draft: true\n---\n\n"))
    (blog / "site.yaml").write_text(SITE_YAML.replace("  - {title: About, link: about}\n", ""))
    assert failure_messages(lambda: build(blog)) == [
        "content/sleep.md:7: link 'pages/about.md' links to a draft (content/pages/about.md) — "
        "publish the draft (draft: false), remove the link, or build with --drafts"
    ]
    (blog / "content/sleep.md").write_text(article("Sleep", "Sleep well.", tags="[Sleep]"))
    build(blog)
    assert not (blog / "public/about").exists()
    build(blog, drafts=True)
    page = parse(blog / "public/about/index.html")
    assert page.css_first(".draft-banner") is not None


def test_a_page_citation_says_to_link_instead(blog: Path) -> None:
    (blog / "content/pages/about.md").write_text(ABOUT + "\nA claim[^who].\n")
    assert failure_messages(lambda: build(blog)) == [
        "content/pages/about.md:8: citation [^who] names no reference — a page has no "
        "references: link to the source in the text, [title](https://…)"
    ]


def rendered(result: BuildResult) -> set[str]:
    return {path for path in result.rendered if not path.endswith(FEEDS)}


def clean(root: Path, tmp_path: Path) -> dict[str, str]:
    out = tmp_path / "clean"
    shutil.rmtree(out, ignore_errors=True)
    build(root, output=out)
    return snapshot(out)


def test_incremental_builds_of_pages_match_clean_ones(blog: Path, tmp_path: Path) -> None:
    cache = BuildCache()
    build_site(blog, BuildOptions(today=dt.date(2024, 6, 1)), cache=cache)
    about = blog / "content/pages/about.md"
    about.write_text(ABOUT.replace("We write about", "Here we write about"))
    result = build_site(blog, BuildOptions(today=dt.date(2024, 6, 1)), cache=cache)
    assert rendered(result) == {"about/index.html"}
    assert snapshot(blog / "public") == clean(blog, tmp_path)

    about.write_text(ABOUT.replace("About This Site", "About Us"))
    result = build_site(blog, BuildOptions(today=dt.date(2024, 6, 1)), cache=cache)
    assert "about/index.html" in rendered(result)
    assert snapshot(blog / "public") == clean(blog, tmp_path)

    yaml = blog / "site.yaml"
    yaml.write_text(yaml.read_text().replace("title: About,", "title: Who we are,"))
    result = build_site(blog, BuildOptions(today=dt.date(2024, 6, 1)), cache=cache)
    assert {"index.html", "sleep/index.html", "about/index.html"} <= rendered(result)
    assert nav(blog / "public/sleep/index.html")[0][0] == "Who we are"
    assert snapshot(blog / "public") == clean(blog, tmp_path)

    (blog / "content/pages/contact.md").write_text("---\ntitle: Contact\n---\nWrite to us.\n")
    result = build_site(blog, BuildOptions(today=dt.date(2024, 6, 1)), cache=cache)
    assert "contact/index.html" in rendered(result)
    assert "index.html" not in rendered(result)  # a new page lists nowhere
    assert snapshot(blog / "public") == clean(blog, tmp_path)
