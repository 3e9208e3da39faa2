"""Heading ids: GitHub-style, unique in the body, and never one the page uses itself."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from articlegen.markup.anchors import heading_slug, unique_id, without_anchor_links
from articlegen.markup.fastmarkup import render_compiled
from articlegen.markup.markdown import make_markdown, render_body


@pytest.mark.parametrize(
    ("title", "slug"),
    [("First part", "first-part"), ("What's `x`?", "whats-x"), ("Café & tea", "café--tea")],
)
def test_slugs_are_github_style(title: str, slug: str) -> None:
    assert heading_slug(title) == slug


def ids(source: str) -> list[str]:
    html = render_body(make_markdown(), source).html
    return [h.attributes["id"] for h in HTMLParser(html).css("h2, h3")]


def test_headings_named_like_the_page_s_own_parts_get_other_ids() -> None:
    source = "## Main\n\n## Comments\n\n### Toc title\n\n## See also title\n\n## Main\n"
    assert ids(source) == [
        "main-section",
        "comments-section",
        "toc-title-section",
        "see-also-title-section",
        "main-section-1",
    ]


def test_headings_never_take_a_citation_or_reference_id() -> None:
    assert ids("## Ref\n\n## Ref\n\n## Cite 1\n\n## Ref 2\n") == [
        "ref",
        "ref-section",  # not ref-1, the first reference
        "cite-1-section",
        "ref-2-section",
    ]


def test_a_renamed_heading_does_not_move_another_heading_s_id() -> None:
    assert ids("## Main\n\n## Main section\n") == ["main-section-1", "main-section"]
    assert ids("## A\n\n## A\n\n## A 1\n") == ["a", "a-2", "a-1"]


def test_a_heading_without_word_characters_still_gets_an_id() -> None:
    assert ids("## ???\n\n## !!!\n") == ["section", "section-1"]


def test_the_link_beside_the_heading_points_at_its_id() -> None:
    html = render_body(make_markdown(), "## Comments\n").html
    anchor = HTMLParser(html).css_first("h2 a.header-anchor")
    assert anchor.attributes["href"] == "#comments-section"


def test_unique_id_avoids_taken_and_reserved() -> None:
    taken = {"notes"}
    assert unique_id("notes", taken) == "notes-1"
    assert unique_id("main", taken) == "main-section"
    assert taken == {"notes", "notes-1", "main-section"}


@pytest.mark.parametrize("engine", ["reference", "compiled"])
def test_without_anchor_links_leaves_each_heading_its_text_and_id(engine: str) -> None:
    """What a feed shows: both engines' ``#`` links taken out, and only those (a body's own
    link to a heading, a ``#`` in a heading's text, stay)."""
    source = (
        "## Dose & timing\n\nSee [the risks](#risks-of-5-1).\n\n### Risks of `<5>` #1\n\n"
        "## C# in a heading\n\nText with a [#](#dose--timing) link.\n"
    )
    if engine == "reference":
        html = render_body(make_markdown(), source).html
    else:
        compiled = render_compiled(source)
        if compiled is None:
            pytest.skip("the compiled engine is not installed or declined this body")
        html = compiled.html
    assert len(HTMLParser(html).css(".header-anchor")) == 3
    tree = HTMLParser(without_anchor_links(html))
    headings = tree.css("h2, h3")
    assert [(h.attributes["id"], h.text()) for h in headings] == [
        ("dose--timing", "Dose & timing"),
        ("risks-of-5-1", "Risks of <5> #1"),
        ("c-in-a-heading", "C# in a heading"),
    ]
    assert [a.attributes["href"] for a in tree.css("a")] == ["#risks-of-5-1", "#dose--timing"]
