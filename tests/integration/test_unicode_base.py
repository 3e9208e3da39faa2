"""A base URL whose path is not ASCII (``https://example.org/blög/``): every address the
site prints is a URL, its path percent-encoded, as sitemaps.org requires of ``<loc>``."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from articlegen.core.urls import encoded_url
from tests.conftest import SITE_YAML, article, parse
from tests.helpers import internal_link_problems

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = "https://example.org/bl%C3%B6g/"


def test_a_non_ascii_base_path_is_percent_encoded_in_every_address(site) -> None:
    root = site(
        {
            "sleep.md": article(
                "Sleep",
                "See [zinc](/blög/zinc/), [it](/bl%C3%B6g/zinc/) and [[zinc]].",
                tags="[rest]",
            ),
            "zinc.md": article("Zinc", "Zinc text.", date="2024-02-01"),
        },
        site_yaml=SITE_YAML.replace("https://example.test/", "https://example.org/blög/"),
    )
    build_site(root, BuildOptions(jobs=1))
    public = root / "public"
    locs = [u.findtext(f"{SITEMAP}loc") for u in ET.parse(public / "sitemap.xml").getroot()]
    assert BASE + "sleep/" in locs and all(loc and loc.startswith(BASE) for loc in locs)
    robots = (public / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {BASE}sitemap.xml" in robots and "Allow: /bl%C3%B6g/" in robots
    feed = ET.parse(public / "feed.xml").getroot()
    assert feed.findtext(f"{ATOM}id") == BASE + "feed.xml"
    assert [e.findtext(f"{ATOM}id") for e in feed.iter(f"{ATOM}entry")] == [
        BASE + "zinc/",
        BASE + "sleep/",
    ]
    page = parse(public / "sleep/index.html")
    assert page.css_first('link[rel="canonical"]').attributes["href"] == BASE + "sleep/"
    assert page.css_first('meta[property="og:url"]').attributes["content"] == BASE + "sleep/"
    graph = json.loads(page.css_first("script[type='application/ld+json']").text())["@graph"]
    assert graph[0]["url"] == BASE + "sleep/"
    # a body link written with the path as typed or encoded leads to the page, encoded
    body = [a.attributes["href"] for a in page.css(".article-body a, article p a")]
    assert body.count("/bl%C3%B6g/zinc/") == 3
    assert internal_link_problems(public, "/bl%C3%B6g/") == []


def test_encoded_url_keeps_escapes_made_and_what_a_path_may_hold() -> None:
    assert encoded_url("https://example.org/blög/") == BASE
    assert encoded_url(BASE) == BASE
    assert (
        encoded_url("https://example.org/a%20b/x;y=1/~me/")
        == "https://example.org/a%20b/x;y=1/~me/"
    )
    assert encoded_url("https://example.org/") == "https://example.org/"
