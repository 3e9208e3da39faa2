"""``decodes_fully`` finds damage a file's header and tail do not show, and ``sound_reader``
asks it only of a file that is new or changed and whose copies are not made yet."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PIL.JpegImagePlugin import JpegImageFile

from articlegen.content.imagedamage import decodes_fully
from articlegen.content.images import CUT_SHORT, image_info
from articlegen.content.variants import plan_variants
from articlegen.core.model import PlacedImage
from articlegen.incremental import stamps
from articlegen.incremental.stagememos import StageMemos
from articlegen.output import soundimages
from articlegen.output.soundimages import sound_reader
from articlegen.output.variants import make_variants, original_digest
from tests.integration.test_damaged_images import damage_the_middle, jpeg_damaged_in_the_middle


def noise(path: Path, size: tuple[int, int] = (600, 400)) -> Path:
    Image.effect_noise(size, 64).convert("RGB").save(path)
    return path


def lossless_webp(path: Path) -> Path:
    grey = Image.linear_gradient("L").resize((600, 400))
    Image.merge("RGB", (grey, grey, grey)).save(path, lossless=True)
    return path


def damaged_webp(path: Path) -> None:
    damage_the_middle(lossless_webp(path))


@pytest.mark.parametrize(
    ("name", "damaged"),
    [
        ("a.png", lambda path: damage_the_middle(noise(path))),
        ("a.jpg", jpeg_damaged_in_the_middle),
        ("a.webp", damaged_webp),
    ],
)
def test_damage_in_the_middle_is_found_where_the_header_reads_well(
    tmp_path: Path, name: str, damaged
) -> None:
    whole = tmp_path / "whole" / name
    whole.parent.mkdir()
    assert decodes_fully(noise(whole)) and decodes_fully(lossless_webp(tmp_path / "w.webp"))
    path = tmp_path / name
    damaged(path)
    assert image_info(path) == ((600, 400), False)  # the header and the end pass
    with pytest.raises(ValueError, match=CUT_SHORT):
        decodes_fully(path)


def test_a_jpeg_is_decoded_at_an_eighth_of_its_sides(tmp_path: Path, monkeypatch) -> None:
    """Every byte of its data is still read (damage in the middle is found, above), in a
    64th of the memory: a 48-megapixel photo would take 144 MB at full size."""
    asked: list[tuple[int, int] | None] = []
    real = JpegImageFile.draft

    def draft(self, mode, size):  # type: ignore[no-untyped-def]
        asked.append(size)
        return real(self, mode, size)

    monkeypatch.setattr(JpegImageFile, "draft", draft)
    assert decodes_fully(noise(tmp_path / "a.jpg", (1600, 1200)))
    assert asked == [(200, 150)]


def test_sound_reader_decodes_a_file_once_and_never_one_with_copies(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(stamps, "RACY_SECONDS", 0.0)
    decoded: list[str] = []
    monkeypatch.setattr(soundimages, "decodes_fully", lambda file: decoded.append(file.name))
    static, copies = tmp_path / "static", tmp_path / "copies"
    static.mkdir()
    photo, logo = noise(static / "photo.jpg"), static / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>')
    memos = StageMemos()
    read = sound_reader(memos, (480,), copies, original_digest)
    assert read(photo) == ((600, 400), False)
    assert read(photo) == ((600, 400), False)
    assert read(logo) == ((4, 4), False)  # no copies: nothing to decode
    assert decoded == ["photo.jpg"]
    decoded.clear()
    other = noise(static / "other.png")
    placed = plan_variants("other.png", (600, 400), (480,))
    make_variants([PlacedImage("/other.png", (600, 400), placed, other)], copies, tmp_path, 1)
    fresh = sound_reader(StageMemos(), (480,), copies, original_digest)
    assert fresh(other) == ((600, 400), False)
    assert decoded == []  # its copies were encoded from these very bytes
