from __future__ import annotations

import datetime as dt

from articlegen.core.errors import Diagnostic
from articlegen.core.model import Article, FrontMatter, LinkGraph, ResolvedLink
from articlegen.render.sitechecks import unlinked_warnings


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
