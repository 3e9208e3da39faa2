"""Hostile text in front-matter and bodies: escaped in HTML, XML (feeds, sitemap) and JSON-LD,
and dangerous link targets never emitted."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from lxml import etree
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from articlegen.build import build_site
from articlegen.core.errors import BuildFailed
from tests.conftest import parse

EVIL = "A <b>bold</b> & \"quoted\" 'x' </script><script>alert(1)</script> ]]> <!-- --> {{ 7*7 }}"
ATOM = "{http://www.w3.org/2005/Atom}"
SITE = """\
title: "Site <i>&</i> \\"Co\\""
base_url: "https://example.org/a&b/"
author: "Example Author <x>"
description: "Site description </title><script>alert(2)</script>"
"""


def quoted(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid YAML double-quoted scalar


@pytest.fixture
def hostile(site) -> Path:
    header = (
        f"---\ntitle: {quoted(EVIL)}\ndate: 2024-01-01\ndescription: {quoted(EVIL)}\n"
        f"author: {quoted(EVIL)}\ntags: [{quoted(EVIL)}]\nsee_also: [b]\n---\n"
    )
    body = (
        "Intro <script>alert(3)</script> <img src=x onerror=alert(4)>\n\n"
        "<iframe src='https://example.org/'></iframe>\n"
    )
    b = "---\ntitle: B\ndate: 2024-01-02\nsee_also: [a]\n---\nText.\n"
    root = site({"a.md": header + body, "b.md": b}, site_yaml=SITE)
    build_site(root)
    return root / "public"


def html_pages(output: Path) -> list[tuple[str, HTMLParser]]:
    return [(p.relative_to(output).as_posix(), parse(p)) for p in sorted(output.rglob("*.html"))]


def test_no_page_gains_an_element_a_script_or_an_event_handler(hostile: Path) -> None:
    for name, page in html_pages(hostile):
        assert page.css("b, i, iframe, img") == [], name
        for script in page.css("script"):  # structured data, or the theme's own files
            attributes = script.attributes
            theme_file = (attributes.get("src") or "").startswith("/a&b/assets/")
            assert attributes.get("type") == "application/ld+json" or theme_file, name
        for node in page.css("*"):
            assert not [a for a in node.attributes if a.startswith("on")], (name, node.tag)


def test_front_matter_text_reads_back_exactly_in_html(hostile: Path) -> None:
    page = parse(hostile / "a/index.html")
    assert page.css_first("h1").text() == EVIL
    assert page.css_first("title").text().startswith(EVIL)
    assert page.css_first('meta[name="description"]').attributes["content"] == EVIL
    assert page.css_first('meta[property="og:description"]').attributes["content"] == EVIL
    assert EVIL in page.body.text()
    b = parse(hostile / "b/index.html")
    assert EVIL in [a.text() for a in b.css(".see-also a")]
    home = parse(hostile / "index.html")
    assert EVIL in [a.text() for a in home.css("article h2 a, .card h2 a, h2 a")]
    assert 'Site <i>&</i> "Co"' in home.css_first("title").text()


SCRIPT_LINKS = (
    "[js](javascript:alert(5)) [JS](JAVASCRIPT:alert(6)) [vb](vbscript:msgbox(7))\n"
    "[data](data:text/html;base64,PHNjcmlwdD4=) <javascript:alert(8)> [ref][r]\n\n"
    "[r]: javascript:alert(9)\n"
)


def test_dangerous_link_targets_are_errors_at_their_lines(site) -> None:
    """Never linked, they were left on the page as the Markdown written, without a word."""
    root = site({"a.md": "---\ntitle: T\ndate: 2024-01-01\n---\n" + SCRIPT_LINKS})
    with pytest.raises(BuildFailed) as failed:
        build_site(root)
    found = [(e.line, e.message.split("'")[1]) for e in failed.value.errors]
    assert found == [
        (5, "javascript:alert(5)"),
        (5, "JAVASCRIPT:alert(6)"),
        (5, "vbscript:msgbox(7)"),
        (6, "data:text/html;base64,PHNjcmlwdD4="),
        (6, "javascript:alert(8)"),
        (8, "javascript:alert(9)"),
    ]
    assert not (root / "public").exists()


def test_feeds_escape_every_value(hostile: Path) -> None:
    for feed_path in [hostile / "feed.xml", *sorted((hostile / "tags").rglob("feed.xml"))]:
        feed = ET.parse(feed_path).getroot()
        assert feed.find(f"{ATOM}title").text.startswith('Site <i>&</i> "Co"')
        entry = next(e for e in feed.iter(f"{ATOM}entry") if e.find(f"{ATOM}title").text == EVIL)
        assert entry.find(f"{ATOM}summary").text == EVIL
        assert entry.find(f"{ATOM}author/{ATOM}name").text == EVIL
        assert entry.find(f"{ATOM}category").attrib["term"] == EVIL
        content = HTMLParser(entry.find(f"{ATOM}content").text)
        assert content.css("script, iframe, img") == []
        assert entry.find(f"{ATOM}link").attrib["href"] == "https://example.org/a&b/a/"


def test_sitemap_is_well_formed_with_an_ampersand_in_the_base_url(hostile: Path) -> None:
    urlset = ET.parse(hostile / "sitemap.xml").getroot()
    locs = [loc.text for loc in urlset.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://example.org/a&b/a/" in locs
    assert all(loc.startswith("https://example.org/a&b/") for loc in locs)


def test_json_ld_holds_the_values_and_cannot_close_its_script(hostile: Path) -> None:
    page = parse(hostile / "a/index.html")
    (script,) = page.css('script[type="application/ld+json"]')
    nodes = {node["@type"]: node for node in json.loads(script.text())["@graph"]}
    posting = nodes["BlogPosting"]
    assert posting["headline"] == EVIL
    assert posting["description"] == EVIL
    assert posting["author"]["name"] == EVIL
    assert posting["keywords"] == [EVIL]
    assert posting["url"] == "https://example.org/a&b/a/"
    assert nodes["MedicalWebPage"]["name"] == EVIL
    raw = (hostile / "a/index.html").read_text()
    inside = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in inside and ">" not in inside


def test_raw_html_passes_only_when_the_site_allows_it(site) -> None:
    body = 'Text with <b>bold</b>.\n\n<div class="note">A note</div>\n'
    page = "---\ntitle: T\ndate: 2024-01-01\n---\n" + body
    trusted = site({"t.md": page}, site_yaml=SITE + "markdown: {allow_html: true}\n")
    build_site(trusted)
    tree = parse(trusted / "public/t/index.html")
    assert tree.css_first("article b").text() == "bold"
    assert tree.css_first("div.note").text() == "A note"


def test_data_image_links_are_allowed_but_other_data_urls_are_not(site) -> None:
    png = "data:image/png;base64,iVBORw0KGgo="
    text = f"---\ntitle: T\ndate: 2024-01-01\n---\n[a picture]({png})\n"
    root = site({"t.md": text})
    build_site(root)
    hrefs = [a.attributes.get("href") for a in parse(root / "public/t/index.html").css("article a")]
    assert png in hrefs
    (root / "content/t.md").write_text(text + "[a page](data:text/html,x)\n")
    with pytest.raises(BuildFailed) as failed:
        build_site(root)
    (error,) = failed.value.errors
    assert error.message.startswith("link 'data:text/html,x': 'data:' addresses are never linked")


ODD = "Tab\there, NBSP\u00a0, LS\u2028, RTL \u05e9\u05dc\u200f, ZWJ \U0001f469\u200d\U0001f52c, \U0010fffd ]]> &"
"""Characters XML and HTML allow though they look odd: they must reach the feeds intact."""
ODD_BODY = ODD + " RTL override \u202eabc\u202c"
"""The body may also hold bidi controls, which no header value may (test_bad_input)."""


def test_every_feed_is_xml_that_lxml_parses(site) -> None:
    """Control characters never get this far (see test_bad_input); what does is valid XML."""
    odd = json.dumps(ODD, ensure_ascii=False).replace("\u2028", "\\u2028")  # YAML: LS breaks lines
    text = f"---\ntitle: {odd}\ndate: 2024-01-01\ndescription: {odd}\ntags: [{odd}]\n---\n"
    evil = f"---\ntitle: {quoted(EVIL)}\ndate: 2024-01-02\ntags: [{quoted(EVIL)}]\n---\n{EVIL}\n"
    root = site({"o.md": text + ODD_BODY + "\n", "e.md": evil}, site_yaml=SITE)
    build_site(root)
    strict = etree.XMLParser(recover=False, resolve_entities=False, no_network=True)
    feeds = sorted((root / "public").rglob("*.xml"))
    assert len(feeds) == 4, feeds  # the site's feed, one per tag, the sitemap
    for path in feeds:
        etree.parse(str(path), strict)  # raises XMLSyntaxError on any invalid character
    feed = etree.parse(str(root / "public/feed.xml"), strict).getroot()
    entries = {e.find(f"{ATOM}title").text: e for e in feed.iter(f"{ATOM}entry")}
    assert set(entries) == {ODD, EVIL}
    assert entries[ODD].find(f"{ATOM}summary").text == ODD
    assert entries[ODD].find(f"{ATOM}category").attrib["term"] == ODD
