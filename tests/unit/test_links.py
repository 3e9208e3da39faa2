from __future__ import annotations

from articlegen.links import build_link_graph
from articlegen.model import LinkRef, LinkSource, LinkTarget, ResolvedLink

TARGETS = [
    LinkTarget("ketamine", "content/ketamine.md", "Ketamine: A Primer"),
    LinkTarget("iv-vs-im", "content/treatments/iv-vs-im.md", "IV vs. IM Ketamine"),
    LinkTarget("esketamine", "content/esketamine.md", "Esketamine"),
    LinkTarget("secret", "content/secret.md", "Unpublished", draft=True),
]


def source(slug: str, *see_also: str, inline: tuple[str, ...] = ()) -> LinkSource:
    path = next(t.path for t in TARGETS if t.slug == slug)
    return LinkSource(
        slug,
        path,
        tuple(LinkRef(t, 10 + i) for i, t in enumerate(see_also)),
        tuple(LinkRef(t, 30 + i) for i, t in enumerate(inline)),
    )


def test_resolves_by_slug_path_title_and_url() -> None:
    graph = build_link_graph(
        [
            source(
                "ketamine",
                "iv-vs-im",
                "content/esketamine.md",
                "ESKETAMINE",
                "https://example.org/x",
            )
        ],
        TARGETS,
    )
    assert graph.problems == ()
    assert graph.see_also["ketamine"] == (
        ResolvedLink(slug="iv-vs-im"),
        ResolvedLink(slug="esketamine"),
        ResolvedLink(url="https://example.org/x"),
    )


def test_duplicates_collapse_keeping_first_position() -> None:
    graph = build_link_graph([source("ketamine", "esketamine", "iv-vs-im", "Esketamine")], TARGETS)
    assert [link.slug for link in graph.see_also["ketamine"]] == ["esketamine", "iv-vs-im"]


def test_relative_markdown_paths_and_fragments() -> None:
    graph = build_link_graph(
        [source("iv-vs-im", inline=("../ketamine.md#risks", "esketamine.md"))], TARGETS
    )
    assert graph.problems == ()
    assert graph.inline["iv-vs-im"] == (
        ResolvedLink(slug="ketamine", fragment="risks"),
        ResolvedLink(slug="esketamine"),
    )


def test_backlinks_from_see_also_and_body_sorted_by_title() -> None:
    graph = build_link_graph(
        [
            source("ketamine", "esketamine"),
            source("iv-vs-im", inline=("esketamine",)),
            source("esketamine", "ketamine"),
        ],
        TARGETS,
    )
    assert graph.backlinks["esketamine"] == ("iv-vs-im", "ketamine")
    assert graph.backlinks["ketamine"] == ("esketamine",)


def test_cycles_are_fine() -> None:
    graph = build_link_graph(
        [source("ketamine", "esketamine"), source("esketamine", "ketamine")], TARGETS
    )
    assert graph.problems == ()


def test_unknown_target_names_file_line_and_closest_title() -> None:
    graph = build_link_graph([source("ketamine", "IV vs IM Ketamine")], TARGETS)
    (problem,) = graph.problems
    assert str(problem).startswith(
        "content/ketamine.md:10: see_also 'IV vs IM Ketamine' matches no article "
        "(did you mean 'IV vs. IM Ketamine'"
    )
    assert str(problem).endswith("— link by slug, by file (content/x.md) or by exact title")
    assert graph.see_also["ketamine"] == ()


def test_unknown_slug_suggests_slug() -> None:
    graph = build_link_graph([source("ketamine", inline=("esketamin",))], TARGETS)
    assert "'esketamine'" in str(graph.problems[0]).partition("did you mean")[2]
    assert graph.problems[0].line == 30


def test_self_link_and_draft_link_are_errors() -> None:
    graph = build_link_graph([source("ketamine", "ketamine", "secret")], TARGETS)
    assert [p.message for p in graph.problems] == [
        "see_also 'ketamine' links the article to itself",
        "see_also 'secret' links to a draft (content/secret.md)",
    ]
    assert (
        build_link_graph([source("ketamine", "secret")], TARGETS, drafts_visible=True).problems
        == ()
    )


def test_non_http_scheme_is_refused() -> None:
    graph = build_link_graph([source("ketamine", "javascript:alert(1)")], TARGETS)
    assert "neither an article nor an http(s) URL" in graph.problems[0].message


def test_ordering_is_deterministic() -> None:
    sources = [source("ketamine", "esketamine"), source("iv-vs-im", "esketamine")]
    first = build_link_graph(sources, TARGETS)
    second = build_link_graph(list(reversed(sources)), list(reversed(TARGETS)))
    assert first.backlinks == second.backlinks
