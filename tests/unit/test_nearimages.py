"""A missing image's "did you mean": the same path in another case, then the closest names."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from articlegen.content.nearimages import from_article, near_images


def _static(tmp_path: Path, *files: str) -> list[Path]:
    theme, site = tmp_path / "theme", tmp_path / "static"
    for name in files:
        folder = theme if name.startswith("assets/") else site
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(b"")
    return [theme, site]


def test_the_same_path_in_another_case_is_offered_first_and_said_so(tmp_path: Path) -> None:
    dirs = _static(tmp_path, "images/Sleep.JPG", "images/sleeping.png", "images/team.jpg")
    assert near_images("images/sleep.jpg", dirs) == (
        " (did you mean 'images/Sleep.JPG' (it differs only in case) or 'images/sleeping.png'?)"
    )


def test_each_folder_as_written_in_another_case_or_the_closest_then_the_name(
    tmp_path: Path,
) -> None:
    dirs = _static(tmp_path, "images/sleep.jpg", "photos/2019/walk.webp", "images/team.jpg")
    assert near_images("images/slep.jpg", dirs) == " (did you mean 'images/sleep.jpg'?)"
    assert near_images("photo/2019/walk.jpg", dirs) == " (did you mean 'photos/2019/walk.webp'?)"
    assert near_images("Images/team.jpg", dirs).startswith(" (did you mean 'images/team.jpg'")
    assert near_images("images\\team.jpg", dirs).startswith(" (did you mean 'images/team.jpg'")
    assert near_images("pictures/walk.webp", dirs) == ""  # no folder near: nothing is guessed


def test_a_path_written_from_the_site_folder_is_offered_without_static(tmp_path: Path) -> None:
    dirs = _static(tmp_path, "images/walk.jpg", "images/team.jpg")
    assert near_images("static/images/walk.jpg", dirs) == " (did you mean 'images/walk.jpg'?)"
    assert near_images("static/images/wlak.jpg", dirs) == " (did you mean 'images/walk.jpg'?)"


def test_only_the_folders_along_the_path_are_listed(tmp_path: Path, monkeypatch) -> None:
    """A site with thousands of images and hundreds missing: each error costs a few listings."""
    dirs = _static(tmp_path, *(f"uploads/{n // 50}/photo-{n}.jpg" for n in range(500)))
    listed: list[str] = []
    real = os.scandir

    def counted(path: Path) -> Iterator[os.DirEntry[str]]:
        listed.append(Path(path).relative_to(tmp_path).as_posix())
        return real(path)

    monkeypatch.setattr(os, "scandir", counted)
    assert near_images("uploads/3/photo-7.jpg", dirs).startswith(" (did you mean 'uploads/3/")
    assert listed == ["theme", "static", "static/uploads", "static/uploads/3"]


def test_only_published_images_and_only_close_ones_are_offered(tmp_path: Path) -> None:
    dirs = _static(
        tmp_path, "assets/style.css", "images/team.jpg", "images/sleep.txt", "images/._sleep.jpg"
    )
    assert near_images("images/sleep.jpg", dirs) == ""  # no text file, no macOS ._ file
    assert near_images("images/zzz.png", dirs) == ""
    assert near_images("images/" + "a" * 300 + ".jpg", dirs) == ""  # a name too long for a disk


def test_a_file_name_alone_is_offered_in_the_top_folder_holding_it(tmp_path: Path) -> None:
    dirs = _static(tmp_path, "images/walk.jpg", "photos/Walk.JPG", "images/deep/walk.jpg")
    assert near_images("walk.jpg", dirs) == (
        " (did you mean 'images/walk.jpg' or 'photos/Walk.JPG'?)"
    )
    assert near_images("run.jpg", dirs) == ""


def test_a_path_from_the_article_into_static_names_the_path_from_static() -> None:
    assert from_article("../static/images/walk.jpg", "content/walk.md") == "images/walk.jpg"
    assert from_article("../../static/a.png", "content/health/walk.md") == "a.png"
    assert from_article("../images/walk.jpg", "content/walk.md") is None
    assert from_article("../../static/a.png", "content/walk.md") is None
