"""Shards of the search index: which page goes where, and which shards a change touches."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from articlegen.output import searchpages
from articlegen.output.searchpages import (
    PAGES_PER_SHARD,
    IndexedPage,
    has_body,
    indexed_text,
    shard_count,
    shard_of,
    survey,
)

paths = st.lists(
    st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=30).map(
        lambda s: f"{s}/index.html"
    ),
    unique=True,
    max_size=60,
)


@given(st.integers(min_value=0, max_value=200_000))
def test_the_shard_count_is_a_power_of_two_keeping_shards_at_most_full(pages: int) -> None:
    count = shard_count(pages)
    assert count & (count - 1) == 0
    assert count * PAGES_PER_SHARD >= pages
    assert count == 1 or (count // 2) * PAGES_PER_SHARD < pages


@given(paths, st.sampled_from([1, 2, 4, 16, 128]))
def test_every_page_is_in_exactly_one_shard_whatever_else_the_site_holds(
    pages: list[str], count: int
) -> None:
    shards = {page: shard_of(page, count) for page in pages}
    assert all(0 <= shard < count for shard in shards.values())
    alone = {page: shard_of(page, count) for page in reversed(pages[: len(pages) // 2])}
    assert alone == {page: shards[page] for page in alone}  # other pages do not move it


def test_the_shard_of_a_path_is_the_same_on_every_run_and_machine() -> None:
    """A digest of the path, not Python's ``hash`` (salted per process): pinned values."""
    assert [shard_of(f"p{n}/index.html", 16) for n in range(6)] == [3, 10, 12, 4, 8, 8]
    assert shard_of("zinc-and-sleep/index.html", 1024) == 182


def test_only_pages_with_a_pagefind_body_are_indexed() -> None:
    assert has_body(b'<main><article class="article" data-pagefind-body>')
    assert has_body(b'<DIV DATA-PAGEFIND-BODY="">')
    assert not has_body(b"<p>Write data-pagefind-body on the article.</p>")
    assert not has_body(b"<code>&lt;article data-pagefind-body&gt;</code>")
    assert not has_body(b'<article data-pagefind-body-extra="1">')


PAGE = (
    '<html lang="en"><head><title>{title}</title></head><body><article data-pagefind-body>'
    "<h1>{title}</h1><p>{body}</p>"
    "<section data-pagefind-ignore><h2>Linked from</h2>{ignored}</section></article></body></html>"
)


def page(title: str = "Zinc", body: str = "Zinc and sleep.", ignored: str = "<a>A</a>") -> bytes:
    return PAGE.format(title=title, body=body, ignored=ignored).encode()


def test_what_pagefind_ignores_does_not_change_the_indexed_text() -> None:
    assert indexed_text(page(ignored="<a>A</a>")) == indexed_text(page(ignored="<a>B</a><a>C</a>"))
    assert indexed_text(page(body="Zinc and sleep.")) != indexed_text(page(body="Zinc and rest."))
    assert indexed_text(page(title="Zinc")) != indexed_text(page(title="Iron"))


def test_metadata_inside_an_ignored_block_still_counts() -> None:
    first = page(ignored='<img data-pagefind-meta="image[src]" src="/a.png">')
    second = page(ignored='<img data-pagefind-meta="image[src]" src="/b.png">')
    assert indexed_text(first) != indexed_text(second)


def test_whitespace_in_an_attribute_still_counts() -> None:
    """Pagefind keeps an attribute's value as written (an image's alt is its result
    image's alt text), where runs of whitespace in the text are one space to it."""
    assert indexed_text(page(body='<img src="/a.jpg" alt="red  dog">')) != indexed_text(
        page(body='<img src="/a.jpg" alt="red dog">')
    )
    first = page(ignored='<img data-pagefind-meta="image_alt[alt]" alt="a  b">')
    assert indexed_text(first) != indexed_text(first.replace(b"a  b", b"a b"))
    assert indexed_text(page(body="Zinc  and\n sleep.")) == indexed_text(
        page(body="Zinc and sleep.")
    )


def test_an_image_inside_an_ignored_block_still_counts() -> None:
    """Pagefind takes a page's image (its first ``<img>``) from an ignored block too: a
    See Also card's picture is the search result's image of an article without one."""
    first = page(ignored='<ul><li><img src="/images/b.jpg" alt=""><a>B</a></li></ul>')
    second = page(ignored='<ul><li><img src="/images/c.jpg" alt=""><a>B</a></li></ul>')
    assert indexed_text(first) != indexed_text(second)
    assert indexed_text(first) == indexed_text(first.replace(b"<a>B</a>", b"<a>C</a>"))


def write(folder: Path, pages: dict[str, bytes]) -> None:
    for relative, data in pages.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def site_pages(count: int) -> dict[str, bytes]:
    pages = {f"a{n}/index.html": page(title=f"Article {n}") for n in range(count)}
    return {**pages, "index.html": b"<html><body><h1>Home</h1></body></html>"}


def relink(folder: Path, other: Path) -> None:
    """``other`` made to hold hard links to ``folder``'s files, as staging does."""
    for path in folder.rglob("*.html"):
        target = other / path.relative_to(folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(path, target)


def test_survey_finds_what_changed_in_indexed_text_only(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(searchpages, "PAGES_PER_SHARD", 2)
    live, staged = tmp_path / "live", tmp_path / "staged"
    pages = site_pages(8)
    write(live, pages)
    html = sorted(pages)
    first = survey(live, html, {}, 0, None)
    assert first.count == 4 and first.changed == {0, 1, 2, 3}
    assert set(first.pages) == {p for p in pages if p != "index.html"}

    relink(live, staged)
    unchanged = survey(staged, html, first.pages, first.count, live)
    assert unchanged.changed == set()

    edited = "a3/index.html"
    (staged / edited).unlink()
    (staged / edited).write_bytes(page(title="Article 3", ignored="<a>New link</a>"))
    (staged / "index.html").unlink()
    (staged / "index.html").write_bytes(b"<html><body><h1>Home, again</h1></body></html>")
    assert survey(staged, html, first.pages, first.count, live).changed == set()

    (staged / edited).unlink()
    (staged / edited).write_bytes(page(title="Article 3", body="A new sentence."))
    changed = survey(staged, html, first.pages, first.count, live)
    assert changed.changed == {first.pages[edited].shard}


def test_survey_counts_added_and_removed_pages_and_a_new_shard_count(tmp_path: Path) -> None:
    site = tmp_path / "site"
    pages = site_pages(3)
    write(site, pages)
    known = survey(site, sorted(pages), {}, 0, None).pages
    removed = {p: v for p, v in known.items() if p != "a1/index.html"}
    assert survey(site, sorted(pages), removed, 1, site).changed == {0}
    assert survey(site, sorted(pages), known, 2, site).changed == {0}  # another count


def test_a_page_whose_file_is_not_the_one_indexed_is_compared_by_its_bytes(tmp_path: Path) -> None:
    site = tmp_path / "site"
    pages = site_pages(2)
    write(site, pages)
    known = survey(site, sorted(pages), {}, 0, None).pages
    moved = {p: IndexedPage((0, 0, 0, 0), v.sha1, v.shard) for p, v in known.items()}
    again = survey(site, sorted(pages), moved, 1, None)
    assert again.changed == set()
    assert again.pages == known


def test_a_listing_is_read_again_only_when_its_file_changed(tmp_path: Path, monkeypatch) -> None:
    live, staged = tmp_path / "live", tmp_path / "staged"
    write(live, site_pages(2))
    html = sorted(site_pages(2))
    first = survey(live, html, {}, 0, None)
    assert set(first.plain) == {"index.html"} and set(first.pages) == set(html) - {"index.html"}
    relink(live, staged)
    looked: list[bytes] = []
    monkeypatch.setattr(searchpages, "has_body", lambda data: looked.append(data) or True)
    again = survey(staged, html, first.pages, first.count, live, first.plain)
    assert looked == [] and again.plain == first.plain and again.changed == set()
    (staged / "index.html").unlink()  # a new file: read, and found to have a body now
    (staged / "index.html").write_bytes(page(title="Home"))
    now = survey(staged, html, first.pages, first.count, live, first.plain)
    assert looked == [page(title="Home")] and "index.html" in now.pages and now.plain == {}


def body(inner: str) -> bytes:
    return (
        f"<html><body><article data-pagefind-body><p>{inner}</p></article></body></html>".encode()
    )


def test_an_ignored_block_between_two_halves_of_a_word_still_counts() -> None:
    """Where no whitespace parts it from the text, the block may join or split words."""
    assert indexed_text(body("zi<i data-pagefind-ignore>x</i>nc")) != indexed_text(body("zinc"))
    assert indexed_text(body("zinc <i data-pagefind-ignore>x</i>iron")) == indexed_text(
        body("zinc iron")
    )
    assert indexed_text(body("zinc\n\n<i data-pagefind-ignore>x</i>\n iron")) == indexed_text(
        body("zinc iron")
    )
