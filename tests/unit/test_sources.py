"""Reading ``content/``: each article read, parsed and rendered, a chunk at a time."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from articlegen.core.model import (
    Article,
    FrontMatter,
    LinkGraph,
    LinkRef,
    RenderedBody,
    ResolvedLink,
)
from articlegen.incremental import sources
from articlegen.incremental.cache import BuildCache
from articlegen.incremental.damaged import without_damaged
from articlegen.incremental.keys import source_digest
from articlegen.incremental.sources import (
    Sources,
    load_sources,
    prepare,
    prepare_chunk,
)
from articlegen.markup.markdown import make_markdown

HEADERS = {
    "a": "title: Article a\ndate: 2024-01-01\n",
    "b": "title: Article b\ndate: 2024-01-02\n",
    "c": "title: [never closed\n",
    "d": "title: Article d\ndate: 2024-01-04\ndraft: true\n",
    "e": "title: Article e\ndate: 2024-01-05\n",
}


def write_articles(root: Path) -> list[Path]:
    content = root / "content"
    content.mkdir()
    for name, header in HEADERS.items():
        (content / f"{name}.md").write_text(f"---\n{header}---\n\nThe body of {name}.\n")
    return sorted(content.glob("*.md"))


def test_articles_read_ahead_of_their_rendering_keep_their_own_bodies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read two at a time, then rendered: each entry is its own file's, in order; a file that
    fails is None in its place, a draft left out has no body, every file is counted."""
    monkeypatch.setattr(sources, "READ_AHEAD", 2)
    paths = write_articles(tmp_path)
    counted: list[int] = []
    zone = ZoneInfo("UTC")
    settings = {"allow_html": False}
    entries = prepare_chunk(tmp_path, "code", settings, False, zone, paths, counted.append)
    assert [entry and entry.article.slug for entry in entries] == ["a", "b", None, "d", "e"]
    assert counted == [1] * 5
    for name, entry in zip(HEADERS, entries, strict=True):
        if entry is None:
            continue
        data = (tmp_path / "content" / f"{name}.md").read_bytes()
        assert entry.digest == source_digest("code", f"content/{name}.md", data)
        if name == "d":
            assert entry.body is None and entry.body_key is None
        else:
            assert entry.body is not None and f"The body of {name}." in entry.body.html
    whole = [prepare(tmp_path, p, "code", make_markdown(**settings), settings, False, zone)
             for p in paths if p.stem != "c"]  # fmt: skip
    assert [entry for entry in entries if entry is not None] == whole


def test_a_damaged_files_body_is_rendered_once_for_the_checks(tmp_path: Path) -> None:
    """A file whose header failed keeps its rendered body (``damaged_bodies``): its
    problems are there, not among the reading problems too (they were added to a list the
    result no longer held, and lost); its links come from it; the body checks read it by
    slug unless another file has its slug. Nothing of it goes into the cache."""
    content = tmp_path / "content"
    content.mkdir()
    header = "---\ntitle: A\ndate: 2024-01-01\n---\n\n"
    (content / "a.md").write_text(header + "Text.\n")
    (content / "bad.md").write_text("---\ntitle: [open\n---\n\n![](x.png) [[a]]\n")
    (content / "twin.md").write_text("---\ntitle: T\nslug: a\ndate: 2024-13-01\n---\n\nMore.\n")
    cache = BuildCache(code="code")
    found = load_sources(
        tmp_path, {"allow_html": False}, cache, zone=ZoneInfo("UTC"), drafts=False, jobs=1
    )
    body = found.damaged_bodies["content/bad.md"]
    assert [str(p).split(" — ")[0] for p in body.problems] == [
        "content/bad.md:5: image 'x.png' has no alt text"
    ]
    problems = ["content/bad.md", "content/twin.md", "content/twin.md"]  # none of a body
    assert [p.path for p in found.problems] == problems  # YAML, date, a slug a.md has too
    assert [link.inline for link in found.damaged_links] == [(LinkRef("a", 5),), ()]
    checked, bodies = found.damaged_checked()
    assert [a.source for a in checked] == ["content/bad.md"] and bodies == {"bad": body}
    articles, every = found.body_checked(found.articles)
    assert [a.source for a in articles] == ["content/a.md", "content/bad.md"]
    assert every == {"a": found.bodies["a"], "bad": body}
    assert sorted(cache.sources) == ["content/a.md"]


def test_without_damaged_drops_every_link_to_or_from_them() -> None:
    """The pages of a failing build, planned for its path links, neither show a file whose
    header failed among the articles a page links to nor among those that link to it (it
    has no card, no title): its links are gone from the graph they are planned from."""
    meta = FrontMatter(title="X")
    good, bad = Article("content/b.md", "b", meta, ""), Article("content/x.md", "x", meta, "")
    to_x, to_a = ResolvedLink(slug="x"), ResolvedLink(slug="a")
    graph = LinkGraph(
        {"b": (to_x, to_a)},
        {"b": (to_x, None, to_a), "x": (to_a,)},
        {"a": ("b", "x"), "c": ("x",)},
        see_also_each={"b": (to_x, to_a)},
    )
    found = Sources([good], {}, [], 0, [bad], [bad], {"content/x.md": RenderedBody(html="")})
    kept = without_damaged(graph, found)
    assert kept.see_also == {"b": (to_a,)} and kept.see_also_each == {"b": (None, to_a)}
    assert kept.inline == {"b": (None, None, to_a), "x": (to_a,)}
    assert kept.backlinks == {"a": ("b",)}
    assert without_damaged(graph, Sources([good], {}, [], 0, [], [], {})) is graph
