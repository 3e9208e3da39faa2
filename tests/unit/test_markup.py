from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from articlegen.markup import fill_links, make_markdown, render_body, shorten
from articlegen.model import LinkRef
from tests.conftest import HTMLParser

MD = make_markdown()


def test_wikilinks_and_markdown_file_links_become_numbered_placeholders() -> None:
    body = render_body(
        MD, "See [[Some Title]] and\n[[slug|the text]] and [x](other.md#part).\n", first_line=7
    )
    assert body.links == (LinkRef("Some Title", 7), LinkRef("slug", 8), LinkRef("other.md#part", 8))
    html = fill_links(body.html, ["/a/", "/b/", "/c/#part"], ["A & B", "B", "C"])
    links = HTMLParser(html).css("a.internal")
    assert [(a.attributes["href"], a.text()) for a in links] == [
        ("/a/", "A & B"),
        ("/b/", "the text"),
        ("/c/#part", "x"),
    ]


def test_raw_html_is_escaped_by_default_and_dangerous_links_dropped() -> None:
    html = render_body(MD, "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b>hi</b>\n").html
    tree = HTMLParser(html)
    assert tree.css("script") == [] and tree.css("b") == []
    assert all(not a.attributes.get("href", "").startswith("javascript") for a in tree.css("a"))


def test_raw_html_opt_in() -> None:
    html = render_body(make_markdown(allow_html=True), "<b>hi</b>\n").html
    assert HTMLParser(html).css_first("b").text() == "hi"


def test_headings_get_stable_ids_anchors_and_toc() -> None:
    body = render_body(MD, "# Title\n\n## First *part*\n\n### Detail\n\n## First part\n")
    assert [(e.level, e.anchor, e.text) for e in body.toc] == [
        (2, "first-part", "First part"),
        (3, "detail", "Detail"),
        (2, "first-part-1", "First part"),
    ]
    anchor = HTMLParser(body.html).css_first("h2 a.header-anchor")
    assert anchor.attributes["href"] == "#first-part"
    assert anchor.attributes["aria-label"] == "Link to this section"


def test_summary_is_first_paragraph_plain_text_and_words_are_counted() -> None:
    body = render_body(MD, "## Heading\n\nHello *brave* `new` [[world]].\n\nSecond.\n")
    assert body.summary == "Hello brave new world."
    assert body.words >= 3


def test_shorten_cuts_at_a_word_near_the_limit() -> None:
    text = "word " * 60
    short = shorten(text.strip())
    assert len(short) <= 161 and short.endswith("word…")
    assert shorten("short text") == "short text"


@given(st.text(max_size=300))
def test_any_text_renders_and_placeholders_fill(text: str) -> None:
    body = render_body(MD, text)
    filled = fill_links(body.html, ["/x/"] * len(body.links), ["X"] * len(body.links))
    assert "\x00" not in filled
    assert len(shorten(body.summary)) <= 161
