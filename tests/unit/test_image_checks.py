"""Images whose copies could not be encoded are found where their size is read, so that
``check`` fails as ``build`` would, at the line that names them: a file cut short, a side
longer than WebP allows (its WebP copy is not made); and an image that still fails at
encoding fails the build as every build error does."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from articlegen.content.images import CUT_SHORT, NOT_AN_IMAGE, place_images
from articlegen.content.variants import WEBP_MAX_SIDE, plan_variants
from articlegen.core.errors import BuildFailed
from articlegen.core.model import ImageRef, PlacedImage
from articlegen.output.variants import make_variants


def jpeg(size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.effect_noise(size, 40).convert("RGB").save(out, "JPEG")
    return out.getvalue()


def problems(static: Path, name: str) -> list[str]:
    _, found = place_images([ImageRef(name, 7)], [static], "/", "content/a.md", (480,))
    return [str(problem) for problem in found]


@pytest.mark.parametrize("name", ["a.jpg", "a.png", "a.webp"])
def test_an_image_cut_short_is_an_error_at_its_line(tmp_path: Path, name: str) -> None:
    Image.effect_noise((300, 200), 40).convert("RGB").save(tmp_path / name)
    whole = (tmp_path / name).read_bytes()
    (tmp_path / name).write_bytes(whole[: len(whole) // 3])
    assert problems(tmp_path, name) == [
        f"content/a.md:7: cannot read image static/{name}: {CUT_SHORT}"
    ]


@pytest.mark.parametrize("kept", [30, 100, 400])
def test_a_jpeg_cut_short_inside_its_header_is_said_so(tmp_path: Path, kept: int) -> None:
    (tmp_path / "a.jpg").write_bytes(jpeg((300, 200))[:kept])  # Pillow: "Truncated File Read"
    assert problems(tmp_path, "a.jpg") == [
        f"content/a.md:7: cannot read image static/a.jpg: {CUT_SHORT}"
    ]


def test_a_file_that_is_no_image_is_said_so_without_its_absolute_path(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_text("hello, no image\n")
    assert problems(tmp_path, "a.png") == [
        f"content/a.md:7: cannot read image static/a.png: {NOT_AN_IMAGE}"
    ]
    assert str(tmp_path) not in NOT_AN_IMAGE


def test_a_whole_image_and_a_jpeg_with_data_after_its_end_are_fine(tmp_path: Path) -> None:
    (tmp_path / "a.jpg").write_bytes(jpeg((300, 200)) + b"trailing data a camera appends")
    Image.new("RGB", (30, 20)).save(tmp_path / "b.png")
    assert problems(tmp_path, "a.jpg") == problems(tmp_path, "b.png") == []


def test_no_webp_copy_has_a_side_longer_than_webp_allows(tmp_path: Path) -> None:
    wide = plan_variants("w.jpg", (20000, 100), (480, 960))
    assert [v.path for v in wide] == [
        "w-480w.jpg", "w-960w.jpg", "w.jpg", "w-480w.webp", "w-960w.webp"
    ]  # fmt: skip
    tall = plan_variants("t.png", (100, 20000), (480,))
    assert all(max(v.width, v.height) <= WEBP_MAX_SIDE for v in tall if v.path.endswith("webp"))
    assert [v.path for v in tall] == ["t.png"]
    (tmp_path / "w.jpg").write_bytes(jpeg((20000, 100)))
    placed = PlacedImage("/w.jpg", (20000, 100), wide, tmp_path / "w.jpg")
    made = make_variants([placed], tmp_path / "cache", tmp_path, jobs=1)
    assert made.encoded == len(wide)


def test_an_image_that_fails_at_encoding_fails_the_build_as_other_errors_do(
    tmp_path: Path,
) -> None:
    source = tmp_path / "a.jpg"
    source.write_bytes(jpeg((300, 200))[:400])
    placed = PlacedImage("/a.jpg", (300, 200), plan_variants("a.jpg", (300, 200), ()), source)
    with pytest.raises(BuildFailed) as failed:
        make_variants([placed], tmp_path / "cache", tmp_path, jobs=1)
    [error] = failed.value.errors
    assert str(error).startswith("a.jpg: cannot make the responsive copies of image a.jpg: ")
    assert error.hint == "open and save the image again in an image editor, or replace it"
