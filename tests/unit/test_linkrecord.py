"""The last build's link graph reused by the next process only where it is that build's."""

from __future__ import annotations

from articlegen.core.model import LinkRef, LinkSource, LinkTarget, ResolvedLink
from articlegen.incremental.linkrecord import MAX_CHANGED, LinkRecords
from articlegen.render.links import build_link_graph

TARGETS = (
    LinkTarget("a", "content/a.md", "Alpha"),
    LinkTarget("b", "content/b.md", "Beta"),
    LinkTarget("c", "content/c.md", "Gamma"),
)
KEYS = {"a": b"key-a", "b": b"key-b", "c": b"key-c"}


def source(slug: str, *inline: str) -> LinkSource:
    refs = tuple(LinkRef(target, 5 + i) for i, target in enumerate(inline))
    return LinkSource(slug, f"content/{slug}.md", (), refs)


SOURCES = [source("a", "b"), source("b", "a", "c"), source("c")]


def recorded() -> LinkRecords:
    records = LinkRecords()
    records.linked(SOURCES, TARGETS, KEYS, drafts_visible=False)
    assert records.record is not None
    return records


def test_unchanged_sources_reuse_the_recorded_graph() -> None:
    records = recorded()
    graph = records.graph if records.record else None
    assert records.linked(SOURCES, TARGETS, dict(KEYS), drafts_visible=False) is graph


def test_a_changed_body_with_the_same_links_reuses_the_graph() -> None:
    records = recorded()
    graph = records.graph if records.record else None
    again = records.linked(SOURCES, TARGETS, {**KEYS, "b": b"edited"}, drafts_visible=False)
    assert again is graph
    assert records.record is not None and ("content/b.md", "b", False, b"edited") in (
        records.record.sources
    )


def test_a_changed_body_with_other_links_resolves_them_again() -> None:
    records = recorded()
    moved = [source("a", "b"), source("b", "c"), source("c")]  # b no longer links to a
    graph = records.linked(moved, TARGETS, {**KEYS, "b": b"edited"}, drafts_visible=False)
    assert graph == build_link_graph(moved, TARGETS)
    assert "a" not in graph.backlinks


def test_a_changed_body_with_the_same_links_unkeyed_resolves_them_again() -> None:
    """Without its key a source cannot be told unchanged: the graph is made again."""
    records = recorded()
    graph = records.graph if records.record else None
    again = records.linked(SOURCES, TARGETS, {"a": b"key-a", "c": b"key-c"}, drafts_visible=False)
    assert again is not graph and again == graph
    assert records.record is None  # nothing to compare the next build with


def test_a_renamed_target_resolves_every_link_again() -> None:
    """Titles order the "Linked from" lists, and name a link by title."""
    records = recorded()
    graph = records.graph if records.record else None
    renamed = (TARGETS[0], LinkTarget("b", "content/b.md", "Zeta"), TARGETS[2])
    again = records.linked(SOURCES, renamed, KEYS, drafts_visible=False)
    assert again is not graph


def test_drafts_made_linkable_resolve_every_link_again() -> None:
    records = recorded()
    graph = records.graph if records.record else None
    assert records.linked(SOURCES, TARGETS, KEYS, drafts_visible=True) is not graph


def test_a_source_added_or_reordered_resolves_every_link_again() -> None:
    records = recorded()
    graph = records.graph if records.record else None
    reordered = [SOURCES[1], SOURCES[0], SOURCES[2]]
    assert records.linked(reordered, TARGETS, KEYS, drafts_visible=False) is not graph


def test_a_graph_with_problems_is_not_recorded() -> None:
    records = recorded()
    broken = [source("a", "missing"), *SOURCES[1:]]
    graph = records.linked(broken, TARGETS, {**KEYS, "a": b"edited"}, drafts_visible=False)
    assert graph.problems
    assert records.record is None


def test_many_changed_sources_resolve_every_link() -> None:
    targets = tuple(LinkTarget(f"s{i}", f"content/s{i}.md", f"S {i}") for i in range(40))
    sources = [source(f"s{i}", f"s{(i + 1) % 40}") for i in range(40)]
    records = LinkRecords()
    records.linked(sources, targets, {f"s{i}": b"old" for i in range(40)}, drafts_visible=False)
    graph = records.graph if records.record else None
    edited = {f"s{i}": b"new" if i <= MAX_CHANGED else b"old" for i in range(40)}
    again = records.linked(sources, targets, edited, drafts_visible=False)
    assert again is not graph and again == graph


def test_the_graph_digest_is_kept_for_the_recorded_graph_only() -> None:
    records = recorded()
    graph = records.graph if records.record else None
    assert graph is not None and records.digest(graph) is None
    records.digested(graph, b"digest")
    assert records.digest(graph) == b"digest"
    other = build_link_graph(SOURCES, TARGETS)
    records.digested(other, b"other")
    assert records.digest(other) is None and records.digest(graph) == b"digest"
    assert records.linked(SOURCES, TARGETS, KEYS, drafts_visible=False) is graph
    assert records.digest(graph) == b"digest"  # carried with the reused graph
    assert graph.inline["b"] == (ResolvedLink(slug="a"), ResolvedLink(slug="c"))
