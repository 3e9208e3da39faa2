from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from articlegen.core.errors import Diagnostic
from articlegen.core.model import Article, FrontMatter, LinkGraph, ResolvedLink
from articlegen.render.sitechecks import (
    description_markup_warnings,
    same_title_warnings,
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
            " the browser's tab, search results and wherever it is listed",
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


def titled_file(slug: str, title: str, *, page: bool = False) -> Article:
    meta = FrontMatter(title=title, date=dt.date(2024, 1, 1), lines={"title": 3})
    folder = "content/pages" if page else "content"
    return Article(f"{folder}/{slug}.md", slug, meta, "", page=page)


def test_same_titles_are_warned_at_each_later_file_naming_the_first() -> None:
    articles = [
        titled_file("a", "Blood Pressure Basics"),
        titled_file("b", "Sleep"),
        titled_file("c", " Blood\u00a0Pressure  Basics"),  # spacing, as links compare titles
        titled_file("d", "BLOOD PRESSURE BASICS"),
        titled_file("e", "Sleep", page=True),
    ]
    found = [(w.path, w.line, w.message) for w in same_title_warnings(articles)]
    assert found == [
        (
            "content/c.md",
            3,
            "title ' Blood\u00a0Pressure  Basics' is also the title of content/a.md",
        ),
        (
            "content/d.md",
            3,
            "title 'BLOOD PRESSURE BASICS' differs only in case from 'Blood Pressure Basics',"
            " the title of content/a.md",
        ),
        ("content/pages/e.md", 3, "title 'Sleep' is also the title of content/b.md"),
    ]
    assert [w.hint.split(";")[0] for w in same_title_warnings(articles)] == [
        "readers see two entries alike on the home page, the archive and the feed",
        "readers see two entries alike on the home page, the archive and the feed",
        "a link by this title ([[…]] or see_also) names both, which fails the build",
    ]


def test_a_page_titled_alike_but_not_the_same_says_a_link_may_name_both() -> None:
    found = same_title_warnings(
        [titled_file("a", "Men's Health"), titled_file("b", "MEN\u2019S HEALTH", page=True)]
    )
    assert [w.hint for w in found] == [
        "a link by this title ([[…]] or see_also) not written exactly as one of them may name"
        " both, which fails the build; give one a title of its own"
    ]


def test_titles_that_differ_are_no_warning() -> None:
    assert same_title_warnings([titled_file("a", "Sleep"), titled_file("b", "Sleep Apnea")]) == []


def test_titles_alike_but_for_typed_punctuation_say_so_not_case() -> None:
    """As a link compares titles (``lookalike.fold``), and said as its error says it."""
    found = same_title_warnings(
        [titled_file("a", "Men's Health"), titled_file("b", "Men’s Health")]
    )
    assert [w.message for w in found] == [
        "title 'Men’s Health' differs only in their apostrophes, quotes or dashes from"
        " 'Men's Health', the title of content/a.md"
    ]
