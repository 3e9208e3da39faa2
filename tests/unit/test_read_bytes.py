"""``read_bytes``: where a file really is decides whether it may be read, with or without
the folders resolved once for many files."""

from __future__ import annotations

from pathlib import Path

import pytest

from articlegen.content.articles import RealFolders, read_bytes
from articlegen.core.errors import FrontMatterError


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "content/inner").mkdir(parents=True)
    (root / "content/inner/a.md").write_text("inside")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere/b.md").write_text("outside")
    (root / "content/out").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (root / "content/in").symlink_to(root / "content/inner", target_is_directory=True)
    return root


@pytest.mark.parametrize("folders", [None, {}], ids=["alone", "folders-shared"])
def test_a_file_is_read_where_it_really_is(site: Path, folders: RealFolders | None) -> None:
    assert read_bytes(site, site / "content/inner/a.md", folders) == b"inside"
    assert read_bytes(site, site / "content/in/a.md", folders) == b"inside"  # linked folder
    with pytest.raises(FrontMatterError, match="pointing outside the site"):
        read_bytes(site, site / "content/out/b.md", folders)


def test_a_content_folder_linked_out_of_the_site_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    (tmp_path / "real-content").mkdir()
    (tmp_path / "real-content/a.md").write_text("x")
    (root / "content").symlink_to(tmp_path / "real-content", target_is_directory=True)
    folders: RealFolders = {}
    for _ in range(2):  # the second time from what the first resolved
        with pytest.raises(FrontMatterError, match="pointing outside the site"):
            read_bytes(root, root / "content/a.md", folders)


def test_each_folder_is_resolved_once_for_many_files(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in "cdef":
        (site / f"content/inner/{name}.md").write_text(name)
    resolved: list[Path] = []
    real_resolve = Path.resolve

    def counting(self: Path, strict: bool = False) -> Path:
        resolved.append(self)
        return real_resolve(self, strict)

    monkeypatch.setattr(Path, "resolve", counting)
    folders: RealFolders = {}
    for name in "cdef":
        assert read_bytes(site, site / f"content/inner/{name}.md", folders) == name.encode()
    assert sorted(resolved) == sorted([site, site / "content/inner"])
