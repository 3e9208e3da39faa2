"""The built sites against public validators: the Nu Html Checker, feedparser, the sitemaps.org
schema. No browser needed, but the same built sites and the same npm tools as the browser tests."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import SITEMAP_XSD, VNU, need, node_tool
from tests.conftest import parse
from tests.published import html_pages, page_file

BLOGS = ["real_blog", "fixture_blog"]
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def test_every_page_of_both_sites_passes_the_nu_html_checker(
    real_blog: Path, fixture_blog: Path, tmp_path: Path
) -> None:
    java = shutil.which("java")
    need(java is not None, "java is not installed: apt-get install -y default-jre-headless")
    control = tmp_path / "control.html"  # proves the checker ran and reports what it finds
    control.write_text('<!DOCTYPE html><html lang="en"><head></head></html>', encoding="utf-8")
    pages = [
        page_file(folder, url) for folder in (real_blog, fixture_blog) for url in html_pages(folder)
    ]
    run = subprocess.run(  # one JVM for every page: starting it is most of the time
        [java, "-jar", str(node_tool(VNU)), "--errors-only", "--format", "json"]
        + [str(p) for p in [*pages, control]],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(run.stderr)["messages"]
    errors = [
        f"{m.get('url', '?').removeprefix('file:')}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m["type"] in ("error", "non-document-error")
    ]
    assert errors == [
        f"{control}:1: Element “head” is missing a required instance of child element “title”."
    ]


@pytest.mark.parametrize("blog", BLOGS)
def test_every_feed_parses_cleanly_with_full_content(
    blog: str, request: pytest.FixtureRequest
) -> None:
    feedparser = pytest.importorskip("feedparser", reason="pip install -e '.[dev]'")
    folder: Path = request.getfixturevalue(blog)
    feeds = [folder / "feed.xml", *sorted(folder.glob("tags/*/feed.xml"))]
    assert len(feeds) > 2
    for path in feeds:
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, f"{path}: {feed.get('bozo_exception')}"
        assert feed.version == "atom10"
        assert feed.entries, path
        for entry in feed.entries:
            assert entry.link.startswith("https://example.org/")
            assert entry.published_parsed and entry.updated_parsed
            assert len(entry.content[0].value) > len(entry.summary), entry.link  # full text


@pytest.mark.parametrize("blog", BLOGS)
def test_sitemap_is_valid_against_the_sitemaps_org_schema(
    blog: str, request: pytest.FixtureRequest
) -> None:
    etree = pytest.importorskip("lxml.etree", reason="pip install -e '.[dev]'")
    schema_doc = etree.parse(str(node_tool(SITEMAP_XSD)))
    assert schema_doc.getroot().get("targetNamespace") == SITEMAP_NS  # the real schema
    assert schema_doc.xpath("//*[local-name()='element']/@name") == [
        "urlset",
        "url",
        "loc",
        "lastmod",
        "changefreq",
        "priority",
    ]
    schema = etree.XMLSchema(schema_doc)
    folder: Path = request.getfixturevalue(blog)
    sitemap = etree.parse(str(folder / "sitemap.xml"))
    assert schema.validate(sitemap), schema.error_log
    locs = sitemap.xpath("//s:loc/text()", namespaces={"s": SITEMAP_NS})
    pages = ["https://example.org/" + u for u in html_pages(folder) if u != "404.html"]
    assert sorted(locs) == sorted(pages)


def test_the_fixture_site_has_every_kind_of_page_the_checks_must_see(fixture_blog: Path) -> None:
    """The checks above and the browser tests visit every page, so the fixture must have them."""
    pages = set(html_pages(fixture_blog))
    assert {"authors/", "authors/example-author/", "authors/example-reviewer/"} <= pages
    assert {"page/2/", "tags/habits/page/2/", "search/", "404.html"} <= pages
    reviewed = parse(page_file(fixture_blog, "reviewed-posture/"))
    assert "Example Reviewer" in reviewed.css_first(".byline .reviewed").text()
    assert reviewed.css_first(".content-warning") is not None
    assert len(reviewed.css(".references li")) == 3 and reviewed.css("sup.citation")
    assert reviewed.css_first(".toc") is not None and reviewed.css_first(".disclaimer")
    assert parse(page_file(fixture_blog, "authors/example-reviewer/")).css_first("img.person-photo")
    about = parse(page_file(fixture_blog, "about/"))
    assert about.css_first("article.page .toc") is not None
    assert about.css_first('header nav a[aria-current="page"]').text() == "About"
    assert about.css_first('header nav a[rel="external"]') is not None
