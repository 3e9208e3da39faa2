from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from PIL import Image

from articlegen.content.images import (
    image_info,
    image_size,
    place_body_images,
    place_images,
    remote_image_warnings,
    static_path,
    svg_size,
)
from articlegen.core.errors import MarkupError
from articlegen.core.model import Article, FrontMatter, ImageRef, RenderedBody
from tests.helpers import png_header


def png(path: Path, size: tuple[int, int], orientation: int | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, "white")
    if orientation is None:
        image.save(path)
    else:
        exif = Image.Exif()
        exif[0x0112] = orientation
        image.save(path.with_suffix(".jpg"), exif=exif)
        return path.with_suffix(".jpg")
    return path


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("images/a.png", "images/a.png"),
        ("/images/a.png", "images/a.png"),
        ("images/my%20photo.png", "images/my photo.png"),
        ("images/a.png?v=2#x", "images/a.png"),
        ("../secret.png", None),
        ("images/../../x.png", None),
        ("", None),
    ],
)
def test_static_path(src: str, expected: str | None) -> None:
    assert static_path(src) == expected


def test_raster_size_is_read_from_the_file(tmp_path: Path) -> None:
    assert image_size(png(tmp_path / "a.png", (640, 360))) == (640, 360)


def test_exif_rotated_photo_has_its_sides_swapped(tmp_path: Path) -> None:
    assert image_size(png(tmp_path / "a.jpg", (400, 300), orientation=6)) == (300, 400)
    assert image_size(png(tmp_path / "b.jpg", (400, 300), orientation=3)) == (400, 300)


def test_unreadable_image_is_a_value_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not an image")
    with pytest.raises(ValueError):
        image_size(bad)


@pytest.mark.parametrize(
    ("svg", "expected"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"/>', (120, 80)),
        ('<svg xmlns="http://www.w3.org/2000/svg" width="120px" height="80.4px"/>', (120, 80)),
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150"/>', (300, 150)),
        ('<svg xmlns="http://www.w3.org/2000/svg" width="600" viewBox="0,0,300,150"/>', (600, 300)),
        ('<svg xmlns="http://www.w3.org/2000/svg" height="75" viewBox="0 0 300 150"/>', (150, 75)),
        ('<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="100%"/>', None),
        # absolute units, as a browser draws them (96 px to the inch): an A4 drawing's export
        ('<svg xmlns="http://www.w3.org/2000/svg" width="2cm" height="1in"/>', (76, 96)),
        ('<svg xmlns="http://www.w3.org/2000/svg" width="30PT" height="2pc"/>', (40, 32)),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" '
            'viewBox="0 0 210 297"/>',
            (794, 1123),
        ),
        ('<svg xmlns="http://www.w3.org/2000/svg" width="40Q" viewBox="0 0 2 1"/>', (38, 19)),
        ('<svg xmlns="http://www.w3.org/2000/svg" width="10em" height="5em"/>', None),
        ('<svg xmlns="http://www.w3.org/2000/svg"/>', None),
    ],
)
def test_svg_size(svg: str, expected: tuple[int, int] | None) -> None:
    assert svg_size(svg.encode()) == expected


def test_broken_svg_is_a_value_error_that_says_how_to_fix_it() -> None:
    with pytest.raises(ValueError, match="well-formed") as raised:
        svg_size(b"<svg")
    assert str(raised.value).endswith(
        " — fix it at that place in a text editor, or export it again from the drawing program"
    )


def test_place_images_finds_sizes_site_static_over_theme(tmp_path: Path) -> None:
    theme, site = tmp_path / "theme", tmp_path / "static"
    png(theme / "images" / "a.png", (10, 10))
    png(site / "images" / "a.png", (20, 30))
    refs = [ImageRef("/images/a.png", 4), ImageRef("https://example.org/x.png", 5)]
    placed, problems = place_images(refs[:1], [theme, site], "/blog/", "content/a.md")
    assert problems == []
    assert [(p.url, p.size) for p in placed] == [("/blog/images/a.png", (20, 30))]


def test_place_images_reports_missing_and_unreadable_files_with_lines(tmp_path: Path) -> None:
    static = tmp_path / "static"
    static.mkdir()
    (static / "broken.png").write_bytes(b"nope")
    refs = [ImageRef("gone.png", 3), ImageRef("broken.png", 7), ImageRef("../up.png", 9)]
    placed, problems = place_images(refs, [static], "/", "content/a.md")
    assert len(placed) == 3 and all(p.size is None for p in placed)
    assert all(isinstance(p, MarkupError) for p in problems)
    assert [(p.path, p.line) for p in problems] == [
        ("content/a.md", 3),
        ("content/a.md", 7),
        ("content/a.md", 9),
    ]
    assert str(problems[0]).startswith("content/a.md:3: image file not found: static/gone.png")
    assert "cannot read image static/broken.png" in str(problems[1])
    assert "not a path inside the static folder" in str(problems[2])


def test_an_image_many_articles_show_is_read_once_and_each_bad_one_reported_in_each(
    tmp_path: Path,
) -> None:
    static = tmp_path / "static"
    png(static / "images" / "a.png", (800, 600))
    (static / "broken.png").write_bytes(b"nope")
    read: list[Path] = []

    def info_of(file: Path) -> tuple[tuple[int, int] | None, bool]:
        read.append(file)
        return image_info(file)

    refs = (ImageRef("images/a.png", 3), ImageRef("gone.png", 4), ImageRef("broken.png", 5))
    articles = [Article(f"content/{n}.md", n, FrontMatter(title=n, date=None), "") for n in "ab"]
    bodies = {n: RenderedBody("", images=refs) for n in "ab"}
    placed, problems = place_body_images(articles, bodies, [static], "/", (400,), info_of)
    assert (
        placed["a"][0] == placed["b"][0] == place_images(refs[:1], [static], "/", "", (400,))[0][0]
    )
    assert placed["a"][0].size == (800, 600) and len(placed["a"][0].variants) == 4
    assert read.count(static / "images" / "a.png") == 1
    assert read.count(static / "broken.png") == 2  # a problem is found again where it is
    assert [(p.path, p.line) for p in problems] == [
        ("content/a.md", 4), ("content/a.md", 5), ("content/b.md", 4), ("content/b.md", 5)
    ]  # fmt: skip


def test_an_image_path_written_from_the_article_into_static_is_offered_from_static(
    tmp_path: Path,
) -> None:
    """As an editor completes a path in content/a.md: ../static/images/walk.jpg."""
    static = tmp_path / "static"
    (static / "images").mkdir(parents=True)
    _, [problem] = place_images(
        [ImageRef("../static/images/walk.jpg", 4)], [static], "/", "content/a.md"
    )
    assert (problem.path, problem.line) == ("content/a.md", 4)
    assert problem.message == (
        "image '../static/images/walk.jpg' is not a path inside the static"
        " folder (did you mean 'images/walk.jpg'?)"
    )
    assert problem.hint == (
        "write the path relative to static/, e.g. ![…](images/walk.jpg), not relative to the"
        " article"
    )


def test_a_name_longer_than_a_disk_holds_is_not_found_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "static").mkdir()
    for src in ("images/" + "a" * 300 + ".jpg", "a" * 5000 + "/b.png"):
        _, (problem,) = place_images([ImageRef(src, 4)], [tmp_path / "static"], "/", "content/a.md")
        assert str(problem).startswith(f"content/a.md:4: image file not found: static/{src}")


def test_an_image_behind_a_link_to_a_folder_is_an_error_as_it_is_not_published(
    tmp_path: Path,
) -> None:
    """The static copy does not go into links to folders, so neither does the image check."""
    static, pics = tmp_path / "static", tmp_path / "pics"
    static.mkdir()
    pics.mkdir()
    Image.new("RGB", (4, 3)).save(pics / "b.png")
    (static / "pics").symlink_to(pics)
    placed, problems = place_images([ImageRef("/pics/b.png", 5)], [static], "/", "content/a.md")
    assert placed[0].size is None
    assert [str(p) for p in problems] == [
        "content/a.md:5: image static/pics/b.png is in static/pics, a link to a folder, whose "
        "files are not published — copy the folder into static/ instead of linking it "
        "(static/pics)"
    ]


def test_each_remote_image_is_a_warning_at_its_line_with_a_local_path_to_use() -> None:
    refs = [ImageRef("https://example.org/charts/r%20b.png?x=1", 7), ImageRef("//cdn.example/", 9)]
    assert [str(w) for w in remote_image_warnings(refs, "content/a.md")] == [
        "content/a.md:7: image https://example.org/charts/r%20b.png?x=1 is loaded from another "
        "host on every page load and has no size — copy it into static/, e.g. "
        "static/images/r b.png, and write ![…](images/r%20b.png): then it comes from this site, "
        "with its width and height",
        "content/a.md:9: image //cdn.example/ is loaded from another host on every page load and "
        "has no size — copy it into static/, e.g. static/images/image.png, and write "
        "![…](images/image.png): then it comes from this site, with its width and height",
    ]


@pytest.mark.parametrize(
    "svg",
    [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{"9" * 400}" height="10"/>',
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1e400 10"/>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="1{"0" * 300}" height="1{"0" * 300}"/>',
        '<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="20000"/>',
        '<svg xmlns="http://www.w3.org/2000/svg" width="100000" viewBox="0 0 1 1000"/>',
    ],
)
def test_an_svg_past_the_pixel_limit_is_a_value_error(tmp_path: Path, svg: str) -> None:
    path = tmp_path / "a.svg"
    path.write_text(svg)
    with pytest.raises(ValueError, match="more than the limit of 100,000,000 pixels"):
        image_size(path)


def test_an_svg_at_the_pixel_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.svg"
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10000" height="10000"/>')
    assert image_size(path) == (10_000, 10_000)


@pytest.mark.parametrize(
    ("size", "message"),
    [
        ((12_000, 10_000), "12000×10000 pixels is more than the limit of 100,000,000 pixels"),
        ((100_000, 100_000), "its size is more than the limit of 100,000,000 pixels"),
    ],
)
def test_a_raster_image_past_the_pixel_limit_is_a_value_error(
    tmp_path: Path, size: tuple[int, int], message: str
) -> None:
    path = tmp_path / "a.png"
    path.write_bytes(png_header(*size))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # Pillow's own warning must not reach the author
        with pytest.raises(ValueError, match=message):
            image_size(path)


def test_a_png_size_is_read_from_its_header_alone(tmp_path: Path) -> None:
    """Pillow decodes every pixel of a PNG to look for EXIF after them: not done here."""
    path = tmp_path / "a.png"
    path.write_bytes(png_header(9000, 9000))  # 81 megapixels, no pixel data at all
    assert image_size(path) == (9000, 9000)


def test_exif_in_a_png_header_is_honoured(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.new("RGB", (40, 30)).save(tmp_path / "a.png", exif=exif)
    assert image_size(tmp_path / "a.png") == (30, 40)


def _gif(path: Path) -> Path:
    frames = [Image.effect_noise((300, 200), 40 + 20 * i).convert("P") for i in range(3)]
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)
    return path


def test_a_gif_cut_short_is_a_value_error_and_a_whole_one_is_read(tmp_path: Path) -> None:
    """A GIF is published as it is, so a cut one showed nothing, without a word."""
    whole = _gif(tmp_path / "whole.gif")
    assert image_info(whole) == ((300, 200), True)
    cut = tmp_path / "cut.gif"
    cut.write_bytes(whole.read_bytes()[:900])  # the header whole, the first frame not
    with pytest.raises(ValueError, match="cut short or damaged"):
        image_info(cut)
    untrailed = tmp_path / "untrailed.gif"
    untrailed.write_bytes(whole.read_bytes()[:-1])  # only the trailer gone: browsers show it
    assert image_info(untrailed)[0] == (300, 200)
