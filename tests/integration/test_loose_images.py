"""Photos of ``static/`` that no Markdown image shows: one shown only by raw HTML, one only
linked to, one nothing names. Each is published as a stripped copy at its own address, as
a shown image's original is, so a phone photo does not publish where it was taken."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from articlegen.content.images import image_info
from articlegen.core.model import ImageVariant
from articlegen.incremental.siteimages import loose_images
from tests.conftest import SITE_YAML, article, parse
from tests.integration.test_images import add_image
from tests.integration.test_site_images import _GPS, gps_exif

BODY = (
    'Before.\n\n<img src="/images/raw.jpg" alt="A walk">\n\n'
    "See [the full photo](/images/linked.jpg) and ![A chart](images/chart.png).\n"
)


def loose_site(site) -> Path:  # type: ignore[no-untyped-def]
    root = site(
        {"walk.md": article("Evening Walk", BODY)},
        site_yaml=SITE_YAML + "markdown: {allow_html: true}\n",
    )
    for name in ("raw", "linked", "unused"):
        add_image(root, f"images/{name}.jpg", (900, 600), exif=gps_exif())
    add_image(root, "images/chart.png", (800, 450))
    return root


def test_photos_no_markdown_image_shows_are_published_without_metadata(site, run_cli) -> None:
    root = loose_site(site)
    with Image.open(root / "static/images/raw.jpg") as original:  # the leak to prevent
        assert original.getexif().get_ifd(_GPS)
    code, _, err = run_cli("build", "--site", root)
    assert code == 0, err
    for name in ("raw", "linked", "unused"):
        with Image.open(root / f"public/images/{name}.jpg") as published:
            assert published.format == "JPEG" and published.size == (900, 600), name
            assert not published.getexif(), name
            assert "exif" not in published.info and "xmp" not in published.info, name
        assert not list((root / "public/images").glob(f"{name}-*")), name  # one copy only
    page = parse(root / "public/walk/index.html")
    assert [i.attributes["src"] for i in page.css("main img") if "raw" in i.attributes["src"]]
    assert "/images/linked.jpg" in [a.attributes.get("href") for a in page.css("main a")]
    # A second build finds the copies in the cache, and publishes the same.
    code, _, err = run_cli("build", "--site", root, "--no-cache")
    assert code == 0, err
    with Image.open(root / "public/images/linked.jpg") as published:
        assert not published.getexif()


def test_a_loose_file_that_is_no_image_is_published_as_it_is_with_a_warning(site, run_cli) -> None:
    root = loose_site(site)
    (root / "static/images/notes.png").write_bytes(b"not a picture")
    code, _, err = run_cli("build", "--site", root)
    assert code == 0, err
    [warning] = [line for line in err.splitlines() if "notes.png" in line]
    assert warning.startswith("warning: static/images/notes.png: cannot be read as an image (")
    assert warning.endswith(
        "so it is published as it is, with any metadata it holds (camera, place) — replace it"
        " with a file that opens in an image viewer, or remove it"
    )
    assert (root / "public/images/notes.png").read_bytes() == b"not a picture"


def test_only_the_site_s_own_raster_files_are_loose(tmp_path: Path) -> None:
    static, theme = tmp_path / "static", tmp_path / "theme"
    photo = add_image(tmp_path, "a b.jpg", (30, 20))
    (theme).mkdir()
    Image.new("RGB", (5, 5)).save(theme / "icon.png")
    (static / "doc.pdf").write_bytes(b"%PDF")
    statics = [
        (photo, "a b.jpg"),
        (theme / "icon.png", "icon.png"),
        (static / "doc.pdf", "doc.pdf"),
    ]
    placed, warnings = loose_images(statics, static, "/blog/", image_info)
    assert warnings == []
    [image] = placed
    assert image.url == "/blog/a%20b.jpg" and image.source == photo
    assert image.variants == (ImageVariant("a b.jpg", 30, 20),)
