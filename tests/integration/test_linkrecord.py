"""Builds run as commands reuse the last build's link graph only where it is this one's,
and make what a clean build makes."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from articlegen.build import build_with_saved_cache
from articlegen.core.layout import CACHE_DIR
from articlegen.core.model import LinkGraph, LinkSource
from articlegen.incremental import linkrecord
from articlegen.incremental.cachefile import load_cache
from tests.conftest import article
from tests.integration.test_planrecord import edit, same_as_clean

ARTICLES = {
    "a.md": article("Alpha", "Alpha text.", see_also="[b]"),
    "b.md": article("Beta", "Beta text, see [[a]].", date="2024-02-01"),
    "c.md": article("Gamma", "Gamma text, see [[a]].", date="2024-03-01"),
}


@pytest.fixture
def blog(site) -> Path:
    root: Path = site(dict(ARTICLES))
    build_with_saved_cache(root)
    return root


@pytest.fixture
def resolved(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The slugs whose links each link graph made by a build resolved."""
    made: list[list[str]] = []
    build_link_graph = linkrecord.build_link_graph

    def spied(sources: Sequence[LinkSource], *args: object, **kwargs: object) -> LinkGraph:
        made.append([source.slug for source in sources])
        return build_link_graph(sources, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(linkrecord, "build_link_graph", spied)
    return made


def linked_from(root: Path, slug: str) -> list[str]:
    """The titles an article's page lists as linking to it."""
    page = HTMLParser((root / "public" / slug / "index.html").read_text(encoding="utf-8"))
    return [node.text(strip=True) for node in page.css(".linked-from a")]


def test_the_link_graph_is_saved_and_read_back(blog: Path) -> None:
    saved = load_cache(blog / CACHE_DIR).memos.graph
    assert saved.record is not None and saved.record.digest is not None
    assert [slug for _, slug, _, _ in saved.record.sources] == ["a", "b", "c"]
    assert saved.graph is not None and saved.graph.backlinks["a"] == ("b", "c")


def test_a_body_edit_resolves_only_that_article_links(
    blog: Path, resolved: list[list[str]], tmp_path: Path
) -> None:
    edit(blog, "b.md", lambda text: text.replace("Beta text", "Beta text, longer"))
    build_with_saved_cache(blog)
    assert resolved == [["b"]]
    same_as_clean(blog, tmp_path)


def test_a_body_edit_that_moves_a_link_resolves_every_link(
    blog: Path, resolved: list[list[str]], tmp_path: Path
) -> None:
    edit(blog, "b.md", lambda text: text.replace("see [[a]]", "see [[c]]"))
    build_with_saved_cache(blog)
    assert resolved == [["b"], ["a", "b", "c"]]
    assert linked_from(blog, "a") == ["Gamma"]
    assert linked_from(blog, "c") == ["Beta"]
    same_as_clean(blog, tmp_path)


def test_a_title_edit_resolves_every_link(
    blog: Path, resolved: list[list[str]], tmp_path: Path
) -> None:
    """Titles order the "Linked from" lists: Gamma renamed Aardvark comes first."""
    assert linked_from(blog, "a") == ["Beta", "Gamma"]
    edit(blog, "c.md", lambda text: text.replace('title: "Gamma"', 'title: "Aardvark"'))
    build_with_saved_cache(blog)
    assert resolved == [["a", "b", "c"]]
    assert linked_from(blog, "a") == ["Aardvark", "Beta"]
    same_as_clean(blog, tmp_path)


def test_a_broken_link_is_reported_again_after_the_build_it_failed(
    blog: Path, tmp_path: Path
) -> None:
    from articlegen.core.errors import BuildFailed

    edit(blog, "b.md", lambda text: text.replace("see [[a]]", "see [[missing]]"))
    for _ in range(2):
        with pytest.raises(BuildFailed):
            build_with_saved_cache(blog)
    edit(blog, "b.md", lambda text: text.replace("see [[missing]]", "see [[a]]"))
    build_with_saved_cache(blog)
    same_as_clean(blog, tmp_path)


def test_two_files_of_one_slug_reuse_no_graph(blog: Path, run_cli) -> None:
    """With two files of one slug (an error), the body keys and the graph, held by slug,
    hold one file's: an edit to the other was taken as unchanged, and its new See Also of
    itself went unreported where a clean build reports it (found by the random-edit test)."""
    (blog / "content/d.md").write_text(article("Delta", "Delta text.", slug="a"))
    for _ in range(2):
        assert run_cli("build", "--site", blog, "--quiet")[0] == 1
    edit(blog, "a.md", lambda text: text.replace("see_also: [b]", "see_also: [b, a]"))
    cached = run_cli("build", "--site", blog, "--quiet")
    assert cached == run_cli("build", "--site", blog, "--no-cache", "--quiet")
    assert "see_also 'a' links the article to itself" in cached[2]


def test_a_build_saving_over_another_leaves_a_graph_of_its_own_record(
    blog: Path, tmp_path: Path
) -> None:
    """Two builds overlap: the first loads the cache, the second saves a new graph, then
    the first, having reused the graph it loaded for a record of its own, saves. The file
    must not pair the first build's record with the second build's graph, which the next
    build would then reuse for files that link otherwise."""
    from articlegen.build import build_site
    from articlegen.core.model import BuildOptions
    from articlegen.incremental.cachefile import save_cache

    first = load_cache(blog / CACHE_DIR)
    first.keep_in_memory = False  # as build_with_saved_cache keeps it
    edit(blog, "b.md", lambda text: text.replace("see [[a]]", "see [[c]]"))
    build_with_saved_cache(blog)  # the second build: b links to c
    edit(blog, "b.md", lambda text: text.replace("Beta text, see [[c]]", "Beta, see [[a]]"))
    build_site(blog, BuildOptions(), cache=first)  # b links to a again, as first's graph has it
    save_cache(first, blog / CACHE_DIR)
    edit(blog, "a.md", lambda text: text.replace("Alpha text.", "Alpha text, longer."))
    build_with_saved_cache(blog)
    assert linked_from(blog, "a") == ["Beta", "Gamma"]
    same_as_clean(blog, tmp_path)


class _ReadingWhileSaving:
    """A connection reading the cache file that lets another build save it once the 'links'
    table is read, and waits (up to a second) for that save before reading on."""

    def __init__(
        self, db: sqlite3.Connection, save: Callable[[], None], saving: list[threading.Thread]
    ) -> None:
        self.db, self.save, self.saving = db, save, saving

    def execute(self, sql: str) -> object:
        found = self.db.execute(sql)
        if not sql.endswith("FROM links"):
            return found
        rows = found.fetchall()
        saving = threading.Thread(target=self.save)
        self.saving.append(saving)
        saving.start()
        saving.join(1.0)
        return SimpleNamespace(fetchall=lambda: rows)

    def close(self) -> None:
        self.db.close()


def test_a_cache_read_while_another_build_saves_is_one_save_s(
    blog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build loads the cache while another saves its own: the tables are read as one save
    left them, never the link record of one with the graph of the next."""
    from articlegen.build import build_site
    from articlegen.core.model import BuildOptions
    from articlegen.incremental import cachefile

    folder = blog / CACHE_DIR
    other = load_cache(folder)
    other.keep_in_memory = False  # as build_with_saved_cache keeps it
    edit(blog, "b.md", lambda text: text.replace("see [[a]]", "see [[c]]"))
    build_site(blog, BuildOptions(), cache=other)  # b links to c: a graph of its own
    before, failed = load_cache(folder).memos.graph, []
    saving: list[threading.Thread] = []

    def save() -> None:
        try:
            cachefile.save_cache(other, folder)
        except Exception as problem:  # reported below, not lost in the thread
            failed.append(problem)

    connect = cachefile._connect
    monkeypatch.setattr(
        cachefile,
        "_connect",
        lambda database, *, read_only: (
            _ReadingWhileSaving(connect(database, read_only=True), save, saving)
            if read_only
            else connect(database, read_only=False)
        ),
    )
    loaded = load_cache(folder).memos.graph
    for thread in saving:
        thread.join(15)  # the other build's save, once this read let go of the file
    monkeypatch.setattr(cachefile, "_connect", connect)
    after = load_cache(folder).memos.graph
    assert len(saving) == 1 and not failed
    assert before.graph != after.graph  # the other build did save its own
    assert loaded.record is not None and before.record is not None and after.record is not None
    assert (loaded.record.sources, loaded.graph) in [
        (before.record.sources, before.graph),
        (after.record.sources, after.graph),
    ]
