"""The search state kept between builds: bundles made of the files given."""

from __future__ import annotations

from pathlib import Path

from articlegen.output.searchstate import SearchStore


def bundle_files(store: SearchStore, name: str) -> dict[str, bytes]:
    folder = store.bundle(name)
    assert folder is not None
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_a_bundle_holds_the_files_given_even_where_the_last_had_another_of_that_name(
    tmp_path: Path,
) -> None:
    """A fragment's name is 7 hex digits of its hash: two pages' fragments can share
    one (Pagefind then names one longer), and when the one that had the short name is
    deleted, the other takes it. The last bundle's file of that name is another page's."""
    store = SearchStore(tmp_path / "search", tmp_path)
    assert store.usable()
    first = {"fragment/en_1234567.pf_fragment": b"page A", "index/en_89abcdef.pf_index": b"w1",
             "fragment/en_12345678.pf_fragment": b"page B", "pagefind.js": b"js"}  # fmt: skip
    previous = store.bundle(store.put_bundle(first, None))
    second = {"fragment/en_1234567.pf_fragment": b"page B", "index/en_89abcdef.pf_index": b"w2",
              "pagefind.js": b"js"}  # fmt: skip
    assert bundle_files(store, store.put_bundle(second, previous)) == second


def test_a_bundle_links_the_files_the_last_one_had_alike(tmp_path: Path) -> None:
    store = SearchStore(tmp_path / "search", tmp_path)
    assert store.usable()
    files = {"fragment/en_1234567.pf_fragment": b"page A", "pagefind.js": b"js"}
    previous = store.bundle(store.put_bundle(files, None))
    assert previous is not None
    again = store.bundle(store.put_bundle(files, previous))
    assert again is not None
    for relative in files:
        assert (again / relative).stat().st_ino == (previous / relative).stat().st_ino
