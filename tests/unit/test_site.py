from __future__ import annotations

import datetime as dt

from articlegen.core.errors import Diagnostic
from articlegen.core.model import Article, FrontMatter, LinkGraph, ResolvedLink
from articlegen.render.sitechecks import same_title_warnings, unlinked_warnings


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


def titled(slug: str, title: str, *, page: bool = False) -> Article:
    meta = FrontMatter(title=title, date=dt.date(2024, 1, 1), lines={"title": 3})
    folder = "content/pages" if page else "content"
    return Article(f"{folder}/{slug}.md", slug, meta, "", page=page)


def test_same_titles_are_warned_at_each_later_file_naming_the_first() -> None:
    articles = [
        titled("a", "Blood Pressure Basics"),
        titled("b", "Sleep"),
        titled("c", " Blood\u00a0Pressure  Basics"),  # spacing, as links compare titles
        titled("d", "BLOOD PRESSURE BASICS"),
        titled("e", "Sleep", page=True),
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


def test_titles_that_differ_are_no_warning() -> None:
    assert same_title_warnings([titled("a", "Sleep"), titled("b", "Sleep Apnea")]) == []
