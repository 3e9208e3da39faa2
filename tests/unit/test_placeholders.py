"""Placeholders: every kind has a name, and finish_body fills them all, escaped, in one pass."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from articlegen.core.model import CitationMark
from articlegen.markup.placeholders import (
    BodyFill,
    Slot,
    fill_placeholders,
    finish_body,
    placeholder,
)
from tests.conftest import HTMLParser


def test_each_kind_is_filled_by_name_and_escaped() -> None:
    html = (
        f'<a href="{placeholder(Slot.LINK_HREF, 0)}">{placeholder(Slot.LINK_TEXT, 0)}</a>'
        f'<img src="{placeholder(Slot.IMAGE_URL, 0)}"{placeholder(Slot.IMAGE_SIZE, 0)}>'
        f"<picture>{placeholder(Slot.IMAGE_SOURCES, 1)}"
        f'<img src="{placeholder(Slot.IMAGE_URL, 1)}"{placeholder(Slot.IMAGE_SIZE, 1)}></picture>'
        f"{placeholder(Slot.CITATION, 0)}"
    )
    fill = BodyFill(
        link_hrefs=['/a/?x="1"&y'],
        link_texts=["Tom & <Jerry>"],
        image_urls=["/i.png", "/j.svg"],
        image_attributes=[' width="640" height="480"', ""],
        image_sources=["", '<source type="image/webp" srcset="/j-480w.webp 480w">'],
        citations=[CitationMark(3, "cite-3", "ref-b")],
    )
    tree = HTMLParser(finish_body(html, fill))
    link = tree.css_first("a")
    assert link.attributes["href"] == '/a/?x="1"&y'
    assert link.text() == "Tom & <Jerry>"
    first, second = tree.css("img")
    assert first.attributes == {"src": "/i.png", "width": "640", "height": "480"}
    assert second.attributes == {"src": "/j.svg"}
    assert tree.css_first("picture source").attributes["srcset"] == "/j-480w.webp 480w"
    citation = tree.css_first("sup.citation")
    assert (citation.attributes["id"], citation.text()) == ("cite-3", "[3]")
    assert citation.css_first("a").attributes["href"] == "#ref-b"


def test_kinds_left_out_stay_for_a_later_fill() -> None:
    html = placeholder(Slot.LINK_HREF, 0) + placeholder(Slot.CITATION, 0)
    once = fill_placeholders(html, {Slot.LINK_HREF: ["/a/"]})
    assert once == "/a/" + placeholder(Slot.CITATION, 0)


@given(st.text(alphabet=st.characters(blacklist_characters="\x00")))
def test_text_without_placeholders_is_untouched_and_values_are_not_refilled(text: str) -> None:
    assert finish_body(text, BodyFill()) == text
    # A value that looks like a placeholder is inserted as is, never filled in turn.
    looks_like = placeholder(Slot.LINK_HREF, 0)
    html = placeholder(Slot.CITATION, 0) + text
    assert fill_placeholders(html, {Slot.CITATION: [looks_like]}) == looks_like + text
