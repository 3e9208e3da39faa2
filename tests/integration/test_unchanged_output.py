"""A rebuild that would write exactly what the output holds writes nothing at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from articlegen.incremental.cache import BuildCache
from tests.conftest import SITE_YAML, article
from tests.helpers import snapshot

NO_SEARCH = SITE_YAML + "search: false\n"


@pytest.fixture
def built(site) -> tuple[Path, BuildCache]:
    root = site(
        {"a.md": article("Alpha", "See [[b]].", tags="[x]"), "b.md": article("Beta", "Text.")},
        site_yaml=NO_SEARCH,
        files={"static/notes.txt": "one"},
    )
    cache = BuildCache()
    build_site(root, BuildOptions(jobs=1), cache=cache)
    return root, cache


def inodes(folder: Path) -> dict[str, int]:
    return {name: (folder / name).stat().st_ino for name in snapshot(folder)}


def test_nothing_changed_nothing_written(built, monkeypatch: pytest.MonkeyPatch) -> None:
    root, cache = built
    output = root / "public"
    before, folder = inodes(output), output.stat().st_ino

    def refuse(*_args: object) -> None:
        raise AssertionError("nothing should be written")

    for name in ("link", "mkdir", "rename"):
        monkeypatch.setattr(os, name, refuse)
    build_site(root, BuildOptions(jobs=1), cache=cache)
    assert inodes(output) == before and output.stat().st_ino == folder


def test_own_file_does_not_make_a_rebuild_write(built, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file someone put in the output stays (test_own_files): the rest unchanged, nothing
    is written, the file among the rest."""
    root, cache = built
    output = root / "public"
    (output / "a" / "old.html").write_text("put here by hand")
    before = inodes(output)

    def refuse(*_args: object) -> None:
        raise AssertionError("nothing should be written")

    for name in ("link", "mkdir", "rename", "replace"):
        monkeypatch.setattr(os, name, refuse)
    result = build_site(root, BuildOptions(jobs=1), cache=cache)
    assert inodes(output) == before
    assert [w.path for w in result.diagnostics] == ["public/a/old.html"]


@pytest.mark.parametrize("own", ["empty folder", "link to a file", "link to a folder"])
def test_own_folder_or_link_does_not_make_a_rebuild_write(
    built, monkeypatch: pytest.MonkeyPatch, own: str
) -> None:
    """Someone's empty folder or symbolic link stays as it is, as their files do: alone, it
    is no reason to stage the site again (it was, on every build without a search index)."""
    root, cache = built
    output = root / "public"
    if own == "empty folder":
        (output / "uploads" / "later").mkdir(parents=True)
    elif own == "link to a file":
        os.symlink("../notes.txt", output / "a" / "notes.txt")
    else:
        os.symlink("a", output / "alpha")
    before = inodes(output)

    def refuse(*_args: object) -> None:
        raise AssertionError("nothing should be written")

    for name in ("link", "mkdir", "rename", "replace"):
        monkeypatch.setattr(os, name, refuse)
    build_site(root, BuildOptions(jobs=1), cache=cache)
    assert inodes(output) == before


@pytest.mark.parametrize(
    "change",
    [
        "page edited by hand",
        "page deleted by hand",
        "static file changed",
    ],
)
def test_anything_different_is_swapped_in_whole(built, tmp_path: Path, change: str) -> None:
    root, cache = built
    output = root / "public"
    clean = tmp_path / "clean"
    build_site(root, BuildOptions(output=clean, jobs=1))
    if change == "page edited by hand":
        (output / "a" / "index.html").write_text("edited")
    elif change == "page deleted by hand":
        (output / "b" / "index.html").unlink()
    else:
        (root / "static" / "notes.txt").write_text("two")
        build_site(root, BuildOptions(output=clean, jobs=1))
    build_site(root, BuildOptions(jobs=1), cache=cache)
    assert snapshot(output) == snapshot(clean)
