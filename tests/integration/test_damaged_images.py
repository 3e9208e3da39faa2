"""An image whose data is damaged in the middle (its header and its end intact): found by
``check`` as by ``build`` at the article lines that show it, decoding each file only when
it is new or changed and has no copies yet; a copy that still fails to encode is said at
those lines too."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from articlegen.output import soundimages
from articlegen.output import variants as encoder
from tests.conftest import article, parse
from tests.integration.test_images import add_image

DAMAGED = "cannot read image static/images/noise.png: the file is cut short or damaged"


def noise_png(path: Path, size: tuple[int, int] = (1500, 1000)) -> Path:
    """A PNG of noise (its data does not compress, so nearly every byte is pixels)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.effect_noise(size, 64).convert("RGB").save(path)
    return path


def damage_the_middle(path: Path) -> None:
    """64 bytes in the middle of the file flipped: the header and the end are as they were."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(b ^ 0xFF for b in data[middle : middle + 64])
    path.write_bytes(bytes(data))


def jpeg_damaged_in_the_middle(path: Path, size: tuple[int, int] = (600, 400)) -> Path:
    """A progressive JPEG whose Huffman table in the middle of the file (between two of its
    scans) is broken: libjpeg gives up there. Most bytes flipped in a JPEG's data only
    blur some blocks, which decode (and encode) all the same."""
    path.parent.mkdir(parents=True, exist_ok=True)
    grey = Image.linear_gradient("L").resize(size)
    turned = grey.transpose(Image.Transpose.ROTATE_180)
    Image.merge("RGB", (grey, turned, grey)).save(path, quality=90, progressive=True)
    data = bytearray(path.read_bytes())
    first_scan = data.find(b"\xff\xda")
    tables = [i for i in range(first_scan, len(data) - 1) if data[i : i + 2] == b"\xff\xc4"]
    middle = tables[len(tables) // 2]
    data[middle + 5 : middle + 21] = b"\xff" * 16  # its code counts: more codes than can be
    path.write_bytes(bytes(data))
    return path


def noise_site(site) -> Path:  # type: ignore[no-untyped-def]
    root = site(
        {
            "a.md": article("A", "![Noise](images/noise.png)"),
            "b.md": article("B", "Text.", image="{src: images/noise.png, alt: Noise}"),
        }
    )
    noise_png(root / "static/images/noise.png")
    return root


def test_damage_in_the_middle_fails_check_and_build_at_the_lines(site, run_cli) -> None:
    root = noise_site(site)
    assert run_cli("build", "--site", root)[0] == 0
    before = (root / "public/a/index.html").read_bytes()
    damage_the_middle(root / "static/images/noise.png")
    for command in ("check", "build"):
        code, _, err = run_cli(command, "--site", root)
        assert code == 1, command
        assert f"content/a.md:6: {DAMAGED}" in err
        assert f"content/b.md:3: {DAMAGED}" in err
        assert "Traceback" not in err
    assert (root / "public/a/index.html").read_bytes() == before


def test_a_damaged_jpeg_is_found_too(site, run_cli) -> None:
    root = site({"a.md": article("A", "![A photo](images/photo.jpg)")})
    jpeg_damaged_in_the_middle(root / "static/images/photo.jpg")
    code, _, err = run_cli("check", "--site", root)
    assert code == 1
    assert "content/a.md:6: cannot read image static/images/photo.jpg: the file is cut" in err


def test_each_file_is_decoded_only_while_new_or_changed_without_copies(
    site, run_cli, monkeypatch
) -> None:
    from articlegen.incremental import stamps

    monkeypatch.setattr(stamps, "RACY_SECONDS", 0.0)  # a stamp vouches for a file at once
    root = noise_site(site)
    decoded: list[str] = []
    real = soundimages.decodes_fully

    def spy(file: Path) -> bool:
        decoded.append(file.name)
        return real(file)

    monkeypatch.setattr(soundimages, "decodes_fully", spy)
    assert run_cli("check", "--site", root)[0] == 0
    assert decoded == ["noise.png"]  # new, no copies: decoded once for both articles
    assert run_cli("check", "--site", root)[0] == 0
    assert decoded == ["noise.png"]  # unchanged: remembered by its stamp
    noise_png(root / "static/images/noise.png", (1400, 1000))
    assert run_cli("build", "--site", root)[0] == 0
    assert decoded == ["noise.png"] * 2  # changed
    decoded.clear()
    assert run_cli("build", "--site", root, "--no-cache")[0] == 0
    assert decoded == []  # nothing remembered, but its copies are made from these bytes
    add_image(root, "images/noise.png", (900, 600))
    assert run_cli("check", "--site", root, "--no-cache")[0] == 0
    assert decoded == ["noise.png"]


def test_a_copy_that_fails_to_encode_is_said_at_the_lines_that_show_it(
    site, run_cli, monkeypatch
) -> None:
    root = noise_site(site)
    add_image(root, "images/walk.jpg", (800, 600))
    (root / "content/c.md").write_text(article("C", "![A walk](images/walk.jpg)"), "utf-8")

    def fail(*_: object, **__: object) -> bytes:
        raise OSError("broken data stream when reading image file")

    monkeypatch.setattr(encoder, "encode", fail)
    code, _, err = run_cli("build", "--site", root, "--jobs", "1")
    assert code == 1
    said = "cannot make the responsive copies of image static/images/noise.png: broken data"
    assert f"content/a.md:6: {said}" in err
    assert f"content/b.md:3: {said}" in err
    assert "Traceback" not in err
    assert not (root / "public").exists()
    monkeypatch.undo()
    assert run_cli("build", "--site", root)[0] == 0
    img = parse(root / "public/c/index.html").css_first(".body img")
    assert img.attributes["src"] == "/images/walk.jpg"
