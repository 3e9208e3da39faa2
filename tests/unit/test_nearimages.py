"""A missing image's "did you mean": the same path in another case, then the closest names."""

from __future__ import annotations

from pathlib import Path

from articlegen.content.nearimages import near_images


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


def test_a_name_close_in_its_folder_then_anywhere(tmp_path: Path) -> None:
    dirs = _static(tmp_path, "images/sleep.jpg", "photos/walk.webp", "images/team.jpg")
    assert near_images("images/slep.jpg", dirs) == " (did you mean 'images/sleep.jpg'?)"
    assert near_images("img/walk.jpg", dirs) == " (did you mean 'photos/walk.webp'?)"
    assert near_images("Images/team.jpg", dirs).startswith(" (did you mean 'images/team.jpg'")


def test_only_images_and_only_close_ones_are_offered(tmp_path: Path) -> None:
    dirs = _static(tmp_path, "assets/style.css", "images/team.jpg", "notes/sleep.txt")
    assert near_images("images/sleep.jpg", dirs) == ""  # not the stylesheet, nor the text file
    assert near_images("images/zzz.png", dirs) == ""
