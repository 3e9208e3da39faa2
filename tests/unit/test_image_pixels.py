"""The responsive copies of originals Pillow reads in unusual modes: 16-bit greyscale,
PNGs with a transparent colour (``tRNS``), CMYK JPEGs; made with ``make_variants`` from
files written here, each copy read back."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import pytest
from PIL import Image

from articlegen.content.variants import plan_variants
from articlegen.core.model import ImageVariant, PlacedImage
from articlegen.output.variants import encode, make_variants


def copies(source: Path, size: tuple[int, int]) -> dict[str, Image.Image]:
    """Every copy of ``source`` (widths 100 and its own), by its published name, loaded."""
    placed = PlacedImage("/x", size, plan_variants(source.name, size, (100,)), source)
    made = make_variants([placed], source.parent / "cache", source.parent, jobs=1)
    found = {}
    for file, name in made.files:
        with Image.open(file) as copy:
            copy.load()
            found[name] = copy
    return found


def test_a_16_bit_greyscale_png_is_scaled_to_8_bits_not_clipped_to_white(
    tmp_path: Path,
) -> None:
    Image.new("I;16", (400, 200), 40000).save(tmp_path / "grey.png")
    made = copies(tmp_path / "grey.png", (400, 200))
    assert set(made) == {"grey.png", "grey-100w.png", "grey-100w.webp", "grey-400w.webp"}
    for name, copy in made.items():
        assert copy.convert("L").getpixel((10, 10)) == round(40000 / 257), name


@pytest.mark.parametrize(("mode", "value"), [("I", 40000), ("I;16B", 40000), ("F", 40000 / 65535)])
@pytest.mark.parametrize("name", ["a-100w.png", "a-100w.webp", "a-100w.jpg"])
def test_deep_modes_are_scaled_to_8_bits_in_every_format(
    mode: str, value: float, name: str
) -> None:
    original = Image.new(mode, (400, 200), value)
    data = encode(original, ImageVariant(name, 100, 50))
    with Image.open(io.BytesIO(data)) as copy:
        assert abs(copy.convert("L").getpixel((10, 10)) - round(40000 / 257)) <= 1


@pytest.mark.parametrize(
    ("mode", "key", "opaque"), [("RGB", (0, 0, 0), (200, 30, 30)), ("L", 0, 200)]
)
def test_a_png_transparent_colour_stays_transparent_in_every_copy(
    tmp_path: Path, mode: str, key: object, opaque: object
) -> None:
    original = Image.new(mode, (400, 200), key)
    original.paste(opaque, (200, 0, 400, 200))
    original.save(tmp_path / "logo.png", transparency=key)
    made = copies(tmp_path / "logo.png", (400, 200))
    assert len(made) == 4
    for name, copy in made.items():
        rgba = copy.convert("RGBA")
        assert rgba.getpixel((10, 10))[3] == 0, name
        assert rgba.getpixel((copy.width - 10, 10))[3] == 255, name


def test_encoding_leaves_the_original_and_its_transparency_as_they_were() -> None:
    original = Image.new("RGB", (100, 50), (0, 0, 0))
    original.info["transparency"] = (0, 0, 0)
    for name in ("a.png", "a-100w.webp"):
        data = encode(original, ImageVariant(name, 100, 50))
        with Image.open(io.BytesIO(data)) as copy:
            assert copy.convert("RGBA").getpixel((5, 5))[3] == 0, name
    assert original.info == {"transparency": (0, 0, 0)}


def srgb_profile() -> bytes:
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def test_a_cmyk_jpeg_s_copies_are_rgb_without_a_profile_of_another_colour_space(
    tmp_path: Path,
) -> None:
    cmyk = Image.new("CMYK", (400, 200), (0, 255, 255, 0))  # red in print
    cmyk.save(tmp_path / "print.jpg", icc_profile=srgb_profile())  # a profile not of CMYK
    cmyk.save(tmp_path / "plain.jpg")
    for name in ("print.jpg", "plain.jpg"):
        for copy_name, copy in copies(tmp_path / name, (400, 200)).items():
            assert copy.mode == "RGB", copy_name
            assert "icc_profile" not in copy.info, copy_name
            red, green, _ = copy.getpixel((10, 10))
            assert red > 200 and green < 60, copy_name


def test_an_rgb_image_keeps_its_rgb_profile(tmp_path: Path) -> None:
    Image.new("RGB", (400, 200), (30, 90, 200)).save(tmp_path / "a.jpg", icc_profile=srgb_profile())
    for name, copy in copies(tmp_path / "a.jpg", (400, 200)).items():
        assert copy.info.get("icc_profile") == srgb_profile(), name


def test_encoding_an_image_past_pillow_s_pixel_limit_but_within_ours_warns_of_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Image.new("RGB", (400, 200), (30, 90, 200)).save(tmp_path / "big.jpg")
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 400 * 200 - 1)  # as a 90 MP photo is
    placed = PlacedImage(
        "/big.jpg", (400, 200), plan_variants("big.jpg", (400, 200), (100,)), tmp_path / "big.jpg"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        made = make_variants([placed], tmp_path / "cache", tmp_path, jobs=1)
    assert made.encoded == 4
