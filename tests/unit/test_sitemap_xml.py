"""The sitemap's XML, written as text (``feeds._sitemap_xml``), against ElementTree's
serialisation of the same list, which it replaced for speed: the same bytes for any
addresses and dates, and XML that parses back to them."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from articlegen.render.feeds import SITEMAP, _sitemap_xml

_XML_TEXT = st.text(st.sampled_from("az09/:.-_%?=# é€\u00a0𝄞&<>\"';"), min_size=1, max_size=30)
"""Text of address and date characters, beyond ASCII too, and XML's markup characters
(never empty, as no address or date is: ElementTree writes an empty element as ``<loc />``)."""


def _by_element_tree(listed: list[tuple[str, str | None]]) -> bytes:
    ET.register_namespace("", SITEMAP)
    urlset = ET.Element(f"{{{SITEMAP}}}urlset")
    for loc, lastmod in listed:
        entry = ET.SubElement(urlset, f"{{{SITEMAP}}}url")
        ET.SubElement(entry, f"{{{SITEMAP}}}loc").text = loc
        if lastmod is not None:
            ET.SubElement(entry, f"{{{SITEMAP}}}lastmod").text = lastmod
    text = ET.tostring(urlset, encoding="unicode")
    return b"<?xml version='1.0' encoding='utf-8'?>\n" + text.encode("utf-8") + b"\n"


@settings(max_examples=200)
@given(st.lists(st.tuples(_XML_TEXT, st.none() | _XML_TEXT), min_size=1, max_size=8))
def test_the_sitemap_is_the_bytes_element_tree_made(listed: list[tuple[str, str | None]]) -> None:
    xml = _sitemap_xml(listed)
    assert xml == _by_element_tree(listed)
    urls = ET.fromstring(xml).findall(f"{{{SITEMAP}}}url")
    read = [
        (url.findtext(f"{{{SITEMAP}}}loc"), url.findtext(f"{{{SITEMAP}}}lastmod")) for url in urls
    ]
    assert read == [(loc, lastmod) for loc, lastmod in listed]


def test_an_empty_address_reads_back_empty() -> None:
    (url,) = ET.fromstring(_sitemap_xml([("", "")])).findall(f"{{{SITEMAP}}}url")
    assert url.findtext(f"{{{SITEMAP}}}loc") == url.findtext(f"{{{SITEMAP}}}lastmod") == ""


def test_a_sitemap_of_no_pages_is_an_empty_url_set() -> None:
    root = ET.fromstring(_sitemap_xml([]))
    assert root.tag == f"{{{SITEMAP}}}urlset"
    assert list(root) == []
