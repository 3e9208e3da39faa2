from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from articlegen.core.errors import Diagnostic
from articlegen.core.model import Article, FrontMatter, LinkGraph, ResolvedLink
from articlegen.render.sitechecks import (
    description_markup_warnings,
    title_markup_warnings,
    unlinked_warnings,
)


def make(slug: str, *, draft: bool = False) -> Article:
    meta = FrontMatter(
        title=slug.title(), date=dt.date(2024, 1, 1), draft=draft, lines={"title": 2}
    )
    return Article(f"content/{slug}.md", slug, meta, "")


def test_unlinked_warns_only_for_published_articles_with_no_links_either_way() -> None:
    graph = LinkGraph(
        see_also={"a": (ResolvedLink(slug="b"),), "b": (), "c": (), "d": (), "e": ()},
        inline={},
        backlinks={"b": ("a",)},
    )
    articles = [make("a"), make("b"), make("c"), make("d", draft=True)]
    assert unlinked_warnings(articles, graph) == [
        Diagnostic(
            "'C' is not linked: it has no See Also and no article links to it",
            "content/c.md",
            2,
            "add 'see_also:' to it, or link to it from a related article",
        )
    ]


def test_an_external_see_also_counts_as_linked() -> None:
    graph = LinkGraph({"a": (ResolvedLink(url="https://example.org/"),)}, {}, {})
    assert unlinked_warnings([make("a")], graph) == []


def titled(title: str) -> Article:
    meta = FrontMatter(
        title=title,
        date=dt.date(2024, 1, 1),
        description=title,
        lines={"title": 2, "description": 3},
    )
    return Article("content/a.md", "a", meta, "")


def test_a_title_written_in_markdown_is_a_warning_at_its_line_giving_the_plain_text() -> None:
    assert title_markup_warnings([titled("Talking About *Low* Mood")]) == [
        Diagnostic(
            "'title' is plain text, not Markdown: it is shown as written, in the page's heading,"
            " the browser's tab, search results, lists, links and the feeds",
            "content/a.md",
            2,
            "write the text alone: title: Talking About Low Mood",
        )
    ]


@pytest.mark.parametrize(
    "title",
    ["5*3", "Men's_health", "C++", "A * B", "Q&A", "Rock & Roll", "[Updated]", "HbA1c < 7%"],
)
def test_a_title_markdown_shows_as_written_says_nothing(title: str) -> None:
    assert title_markup_warnings([titled(title)]) == []


@given(st.text(alphabet="ab *_`~[]()<>&\\#!:'", max_size=24))
@example("Talking About *Low* Mood")
@example("Q&amp;A")
def test_a_title_and_a_description_are_told_by_one_rule(text: str) -> None:
    """The same text warns as a title exactly when it does as a description, giving the
    same text to write."""
    articles = [titled(text)]
    title = [str(w.hint).split("title: ", 1)[1] for w in title_markup_warnings(articles)]
    written = [
        str(w.hint).split("description: ", 1)[1] for w in description_markup_warnings(articles)
    ]
    assert title == written
