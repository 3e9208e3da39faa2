"""A feed entry's content is complete: its citation marks ([1], links to ``#ref-…``) lead
to the numbered references listed after the body, as on the article's page."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from tests.conftest import article, parse
from tests.integration.test_trust import build, trusted  # noqa: F401  (the fixture)

ATOM = {"a": "http://www.w3.org/2005/Atom"}


def entry_content(root: Path, title: str) -> HTMLParser:
    feed = ET.parse(root / "public/feed.xml").getroot()
    [entry] = [e for e in feed.findall("a:entry", ATOM) if e.findtext("a:title", "", ATOM) == title]
    content = entry.find("a:content", ATOM)
    assert content is not None and content.get("type") == "html"
    return HTMLParser(content.text or "")


def words(node) -> str:  # type: ignore[no-untyped-def]
    return " ".join(node.text().split())


def test_every_citation_in_a_feed_entry_leads_to_its_reference(trusted: Path) -> None:  # noqa: F811
    build(trusted)
    content = entry_content(trusted, "Reviewed Article")
    ids = {node.attributes["id"] for node in content.css("[id]")}
    jumps = [a.attributes["href"] or "" for a in content.css("a[href^='#']")]
    marks = [a for a in content.css("sup a") if (a.attributes["href"] or "").startswith("#ref-")]
    assert [a.text() for a in marks] == ["[1]", "[2]", "[1]"]
    assert jumps and all(href[1:] in ids for href in jumps), (jumps, ids)  # both ways
    items = content.css("ol > li")
    assert [words(li) for li in items] == [
        "Second Source. ↩ 1 2",
        "First Source. Example Journal, 1 May 2023. ↩",
        "Further Reading.",
    ]
    assert [li.css_first("a").attributes["href"] for li in items] == [
        "https://example.org/sources/second",
        "https://example.org/sources/first",
        "https://example.org/sources/further",
    ]
    # The same list, by the same anchors, as the article's page shows.
    page = parse(trusted / "public/reviewed/index.html").css("section.references ol > li")
    assert [li.attributes["id"] for li in page] == [li.attributes["id"] for li in items]
    links = [[a.attributes["href"] for a in li.css("a")] for li in items]
    assert [[a.attributes["href"] for a in li.css("a")] for li in page] == links


def test_an_entry_without_references_has_no_empty_list(site) -> None:
    root = site({"a.md": article("Plain", "No sources here.")})
    build(root)
    content = entry_content(root, "Plain")
    assert content.css("ol") == [] and content.css("h2") == []
    assert words(content.body) == "No sources here."
