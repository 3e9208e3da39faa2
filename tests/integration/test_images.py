"""Images that serve readers, end to end: hero images, responsive copies in ``<picture>``,
share cards, metadata stripped, copies cached by content, and the errors of bad images."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image

from articlegen import build_site
from articlegen.core.model import BuildOptions
from articlegen.output import variants as encoder
from articlegen.serve.preview import Preview
from tests.conftest import SITE_YAML, article, parse
from tests.serving import fetch

HERO = (
    '{src: images/walk.jpg, alt: "A path through a park", caption: "A morning walk",'
    ' credit: "Example Author"}'
)
SHARE_SITE = SITE_YAML + 'image: {src: images/share.png, alt: "The site\'s name"}\n'
_ORIENTATION = 0x0112


def add_image(root: Path, relative: str, size: tuple[int, int], **save: object) -> Path:
    path = root / "static" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (200, 80, 40)).save(path, **save)  # type: ignore[arg-type]
    return path


def photo_exif(orientation: int = 1) -> bytes:
    exif = Image.Exif()
    exif[_ORIENTATION] = orientation
    exif[0x010F] = "Example Camera Maker"  # Make
    return exif.tobytes()


def hero_site(site, site_yaml: str = SITE_YAML) -> Path:
    root = site(
        {
            "hero.md": article(
                "With Hero", "Text.\n\n![A bar chart](images/chart.png)", image=HERO
            ),
            "plain.md": article("Plain", "No image.", date="2023-01-01"),
        },
        site_yaml=site_yaml,
    )
    add_image(root, "images/walk.jpg", (2000, 1000), exif=photo_exif())
    add_image(root, "images/chart.png", (800, 450))
    add_image(root, "images/share.png", (1200, 630))
    return root


def build(root: Path, **options: object) -> None:
    build_site(root, BuildOptions(jobs=1, **options))  # type: ignore[arg-type]


def test_body_image_is_a_picture_of_its_copies_never_upscaled(site) -> None:
    root = hero_site(site)
    build(root)
    picture = parse(root / "public/hero/index.html").css_first(".body picture")
    source, img = picture.css_first("source"), picture.css_first("img")
    assert source.attributes["type"] == "image/webp"
    assert (
        source.attributes["srcset"] == "/images/chart-480w.webp 480w, /images/chart-800w.webp 800w"
    )
    assert img.attributes["srcset"] == "/images/chart-480w.png 480w, /images/chart.png 800w"
    assert source.attributes["sizes"] == img.attributes["sizes"] != ""
    assert (img.attributes["width"], img.attributes["height"]) == ("800", "450")
    assert img.attributes["src"] == "/images/chart.png"
    for name, size in {
        "chart-480w.png": (480, 270),
        "chart-480w.webp": (480, 270),
        "chart-800w.webp": (800, 450),
        "chart.png": (800, 450),
    }.items():
        with Image.open(root / "public/images" / name) as made:
            assert made.size == size
    assert not list((root / "public/images").glob("chart-960w.*"))  # wider than the original


def test_hero_shows_under_the_title_with_caption_credit_and_on_its_card(site) -> None:
    root = hero_site(site)
    build(root)
    page = parse(root / "public/hero/index.html")
    figure = page.css_first("article.article figure.hero")
    img = figure.css_first("img")
    assert img.attributes["alt"] == "A path through a park"
    assert (img.attributes["width"], img.attributes["height"]) == ("2000", "1000")
    assert img.attributes["loading"] == "eager"
    assert figure.css_first("source").attributes["srcset"].endswith("/images/walk-2000w.webp 2000w")
    assert "/images/walk-480w.jpg 480w" in img.attributes["srcset"]
    assert figure.css_first("figcaption").text(strip=True).startswith("A morning walk")
    assert figure.css_first("figcaption .credit").text() == "Image: Example Author"
    card = parse(root / "public/index.html").css_first("article.card")
    assert card.css_first("picture img").attributes["src"] == "/images/walk.jpg"
    assert card.css_first("picture img").attributes["loading"] == "eager"  # the first row's
    assert card.css_first("picture img").attributes["alt"] == ""  # the title beside it says it


def test_a_list_pages_first_row_of_card_images_is_fetched_at_once_the_rest_lazily(site) -> None:
    """The first three cards (a row on a wide screen) are in view as a list page opens: a
    lazy image there waits for the layout (Firefox shows the card empty until then)."""
    root = site(
        {
            f"a{n}.md": article(
                f"Card {n}",
                "Text.",
                date=f"2024-01-{10 - n:02d}",
                image=HERO,
                see_also="[a1]" if n == 2 else "[a2]",
            )
            for n in range(1, 6)
        },
        site_yaml=SITE_YAML + "per_page: 4\n",
    )
    add_image(root, "images/walk.jpg", (2000, 1000))
    build(root)
    for page, titles in (("public/index.html", 4), ("public/page/2/index.html", 1)):
        cards = parse(root / page).css("article.card")
        assert len(cards) == titles
        shown = [
            (card.css_first(".card-title").text(strip=True), card.css_first("img").attributes)
            for card in cards
        ]
        for index, (_, img) in enumerate(shown):
            first_row = index < 3
            assert img["loading"] == ("eager" if first_row else "lazy"), shown
            assert ("fetchpriority" in img) == first_row, shown
    see_also = parse(root / "public/a1/index.html").css(".see-also img")  # under the text
    assert [img.attributes["loading"] for img in see_also] == ["lazy"]


def meta(page, name: str) -> str | None:
    node = page.css_first(f'meta[property="{name}"]') or page.css_first(f'meta[name="{name}"]')
    return node.attributes["content"] if node else None


def test_share_tags_use_the_hero_then_the_site_image_then_none(site) -> None:
    root = hero_site(site, SHARE_SITE)
    build(root, base_url="https://example.test/blog/")
    hero = parse(root / "public/hero/index.html")
    assert meta(hero, "og:image") == "https://example.test/blog/images/walk-1600w.jpg"
    assert (meta(hero, "og:image:width"), meta(hero, "og:image:height")) == ("1600", "800")
    assert meta(hero, "og:image:alt") == "A path through a park"
    assert meta(hero, "twitter:card") == "summary_large_image"
    assert meta(hero, "twitter:image") == meta(hero, "og:image")
    posting = json.loads(hero.css_first('script[type="application/ld+json"]').text())["@graph"][0]
    assert posting["image"] == {
        "@type": "ImageObject",
        "url": meta(hero, "og:image"),
        "width": 1600,
        "height": 800,
        "caption": "A morning walk",
    }
    plain = parse(root / "public/plain/index.html")
    assert meta(plain, "og:image") == "https://example.test/blog/images/share.png"
    assert (meta(plain, "og:image:width"), meta(plain, "og:image:height")) == ("1200", "630")
    assert meta(plain, "og:image:alt") == "The site's name"
    assert meta(parse(root / "public/index.html"), "og:image") == meta(plain, "og:image")
    card = parse(root / "public/index.html").css_first("article.card picture")
    assert card.css_first("img").attributes["src"] == "/blog/images/walk.jpg"  # base path once
    assert "/blog/images/walk-480w.jpg 480w" in card.css_first("img").attributes["srcset"]
    assert "/blog/images/walk-480w.webp 480w" in card.css_first("source").attributes["srcset"]

    (root / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    build(root)
    plain = parse(root / "public/plain/index.html")
    assert meta(plain, "og:image") is None and meta(plain, "twitter:image") is None
    assert meta(plain, "twitter:card") == "summary"


def test_copies_are_upright_and_carry_no_metadata(site) -> None:
    root = site({"a.md": article("A", "![A tall photo](images/turned.jpg)")})
    add_image(root, "images/turned.jpg", (1200, 600), exif=photo_exif(orientation=6))
    build(root)
    img = parse(root / "public/a/index.html").css_first(".body img")
    assert (img.attributes["width"], img.attributes["height"]) == ("600", "1200")
    for made in (root / "public/images").iterdir():
        with Image.open(made) as image:
            assert image.width < image.height, made.name  # turned a quarter, as EXIF said
            assert not image.getexif(), made.name
            assert "exif" not in image.info and "xmp" not in image.info, made.name


def test_a_rebuild_encodes_nothing_unchanged(site, monkeypatch) -> None:
    root = hero_site(site)
    encoded: list[str] = []
    real = encoder._encode_job

    def spy(job):
        encoded.append(job.shown)
        return real(job)

    monkeypatch.setattr(encoder, "_encode_job", spy)
    build(root)
    # share.png, which this site.yaml does not name, is loose: published stripped too
    shown = ["static/images/chart.png", "static/images/share.png", "static/images/walk.jpg"]
    assert sorted(encoded) == shown
    encoded.clear()
    (root / "content/plain.md").write_text(article("Plain", "Changed."), encoding="utf-8")
    build(root)
    assert encoded == []
    add_image(root, "images/chart.png", (700, 450))  # new content: new copies
    build(root)
    assert encoded == ["static/images/chart.png"]
    names = {p.name for p in (root / ".articlegen-cache/images").iterdir()}
    assert not any(name.endswith("-800x450.png") for name in names)  # the old ones removed


def test_check_encodes_nothing(site, monkeypatch) -> None:
    root = hero_site(site)
    monkeypatch.setattr(encoder, "_encode_job", lambda job: pytest.fail("check encoded"))
    assert build_site(root, BuildOptions(write=False, jobs=1)).variants == ()


def test_the_preview_serves_the_copies_and_the_stripped_original(site) -> None:
    root = hero_site(site)
    with Preview(root, port=0, log=lambda line: None, quiet=0.05) as running:
        page = fetch(running.url, "/hero/").html()
        for path in page.css_first("figure.hero source").attributes["srcset"].split(", "):
            answer = fetch(running.url, path.split()[0])
            assert answer.headers["Content-Type"] == "image/webp"
            with Image.open(io.BytesIO(answer.body)) as image:
                assert f"{image.width}w" == path.split()[1]
        original = fetch(running.url, "/images/walk.jpg")
        with Image.open(io.BytesIO(original.body)) as image:
            assert image.size == (2000, 1000) and not image.getexif()
    assert not (root / "public").exists()


def test_svg_and_gif_pass_through_and_an_svg_hero_shares_the_site_image(site) -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150"></svg>'
    root = site(
        {
            "a.md": article(
                "A", "![An animation](images/a.gif)", image='{src: d.svg, alt: "A diagram"}'
            )
        },
        site_yaml=SHARE_SITE,
        files={"static/d.svg": svg},
    )
    frames = [Image.new("P", (40, 40), i) for i in (1, 2)]
    (root / "static/images").mkdir(parents=True)
    frames[0].save(root / "static/images/a.gif", save_all=True, append_images=frames[1:])
    add_image(root, "images/share.png", (1200, 630))
    build(root)
    page = parse(root / "public/a/index.html")
    assert page.css_first(".body picture source") is None
    assert "srcset" not in page.css_first(".body img").attributes
    assert (root / "public/images/a.gif").read_bytes() == (
        root / "static/images/a.gif"
    ).read_bytes()
    hero = page.css_first("figure.hero img")
    assert (hero.attributes["src"], hero.attributes["width"]) == ("/d.svg", "300")
    assert meta(page, "og:image") == "https://example.test/images/share.png"
    assert (root / "public/d.svg").read_text() == svg


def test_an_svg_that_states_no_size_is_warned_of_at_each_line_that_shows_it(site) -> None:
    """Its <img> has no width and height; one sized in centimetres has them (in pixels,
    as a browser draws it), and no warning."""
    svg = '<svg xmlns="http://www.w3.org/2000/svg"{}><circle r="5"/></svg>'
    root = site(
        {
            "a.md": article(
                "A",
                "![A dot](images/dot.svg)\n\n![A box](images/box.svg)",
                image='{src: images/dot.svg, alt: "A dot"}',
            )
        },
        files={
            "static/images/dot.svg": svg.format(' width="100%"'),
            "static/images/box.svg": svg.format(' width="2cm" height="1.5cm"'),
        },
    )
    result = build_site(root, BuildOptions(jobs=1))
    said = (
        "image static/images/dot.svg states no size (no width and height in pixels, no "
        "viewBox): the text jumps when it loads"
    )
    assert [(w.path, w.line, w.message) for w in result.diagnostics] == [
        ("content/a.md", 3, said),  # its image: line
        ("content/a.md", 7, said),  # in its body; box.svg has a size in cm
    ]
    assert all(w.hint and 'add viewBox="0 0 W H"' in w.hint for w in result.diagnostics)
    images = parse(root / "public/a/index.html").css(".body img")
    assert [("width" in i.attributes, "height" in i.attributes) for i in images] == [
        (False, False),
        (True, True),
    ]
    assert (images[1].attributes["width"], images[1].attributes["height"]) == ("76", "57")


def test_an_image_that_cannot_be_read_is_no_svg_without_a_size_as_well(site, run_cli) -> None:
    """A damaged PNG and an SVG that is not well-formed have no size either, but their
    error says why: --strict gave each a second one telling to add a viewBox."""
    root = site(
        {
            "a.md": article(
                "A",
                "![A dot](images/dot.svg)\n\n![A chart](images/chart.png)",
                image='{src: images/chart.png, alt: "A chart"}',
            )
        },
        files={
            "static/images/dot.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="30"',
            "static/images/chart.png": "not a PNG",
        },
    )
    code, _, err = run_cli("build", "--strict", "--site", root)
    assert code == 1 and "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("error: content/")]
    assert [line.split(": ")[1] for line in errors] == [
        "content/a.md:3",  # its image:
        "content/a.md:7",
        "content/a.md:9",
    ]
    assert all("cannot read image" in line for line in errors)
    assert "states no size" not in err


@pytest.mark.parametrize(
    ("image", "message"),
    [
        (
            "{src: images/none.jpg, alt: x}",
            "content/a.md:3: image file not found: static/images/none.jpg",
        ),
        ("{src: 'https://example.org/x.jpg', alt: x}", "content/a.md:3: 'image.src' is an address"),
        ("{src: images/walk.jpg}", "content/a.md:3: 'image' has no 'alt'"),
        (
            "{src: images/walk.jpg, alt: x, credits: y}",
            "content/a.md:3: unknown key 'image.credits'",
        ),
        ("images/walk.jpg", "content/a.md:3: 'image' must be a mapping"),
        ("{src: ../site.yaml, alt: x}", "not a path inside the static folder"),
        (
            "{src: static/images/walk.jpg, alt: x}",
            "content/a.md:3: image 'static/images/walk.jpg' names static/static/images/walk.jpg,"
            " not static/images/walk.jpg: an image path starts inside the static/ folder, so"
            " leave out 'static/'",
        ),
    ],
)
def test_bad_image_values_are_errors_at_their_line(site, run_cli, image, message) -> None:
    root = site({"a.md": article("A", image=image)})
    add_image(root, "images/walk.jpg", (100, 100))
    code, _, err = run_cli("build", "--site", root)
    assert code == 1
    assert message in err
    assert "Traceback" not in err


@pytest.mark.parametrize("written", ["static/images", "/static/images"])
def test_a_body_image_path_written_from_the_site_folder_names_the_file_there(
    site, run_cli, written
) -> None:
    """``![…](static/images/x.png)``: the error names static/images/x.png, the file the
    writer looks at, not static/static/…, and says that image paths start inside static/."""
    body = f"![A walk]({written}/walk.jpg)\n\n![A run]({written}/run.jpg)"
    root = site({"a.md": article("A", body)})
    add_image(root, "images/walk.jpg", (100, 100))
    code, _, err = run_cli("check", "--site", root)
    assert code == 1
    assert "not found: static/static" not in err
    assert (
        f"content/a.md:6: image '{written}/walk.jpg' names static/static/images/walk.jpg, not"
        " static/images/walk.jpg: an image path starts inside the static/ folder, so leave out"
        " 'static/'"
    ) in err
    assert "write the path as images/walk.jpg (for the file static/images/walk.jpg)" in err
    assert (
        "content/a.md:8: image file not found: static/images/run.jpg; the path"
        f" '{written}/run.jpg' would name static/static/images/run.jpg: an image path starts"
        " inside the static/ folder, so leave out 'static/'"
    ) in err
    assert "put the file at static/images/run.jpg, or fix the path, and write it as" in err
    assert "Traceback" not in err


def test_a_static_file_at_a_copy_s_address_is_an_error(site, run_cli) -> None:
    root = site({"a.md": article("A", "![A chart](images/c.png)")})
    add_image(root, "images/c.png", (1000, 500))
    add_image(root, "images/c-480w.png", (10, 10))
    code, _, err = run_cli("build", "--site", root)
    assert code == 1
    assert "static/images/c-480w.png" in err and "responsive copy" in err


def test_site_yaml_widths_are_used_and_checked(site, run_cli) -> None:
    root = site(
        {"a.md": article("A", "![A chart](images/c.png)")},
        site_yaml=SITE_YAML + "images: {widths: [300, 5000]}\n",
    )
    add_image(root, "images/c.png", (1000, 500))
    assert run_cli("build", "--site", root)[0] == 0
    img = parse(root / "public/a/index.html").css_first(".body img")
    assert img.attributes["srcset"] == "/images/c-300w.png 300w, /images/c.png 1000w"
    (root / "site.yaml").write_text(SITE_YAML + "images: {widths: [0]}\n", encoding="utf-8")
    code, _, err = run_cli("build", "--site", root)
    assert code == 1 and "site.yaml:5: each of 'images.widths'" in err


def test_an_image_cut_short_fails_check_and_build_at_its_line_and_keeps_the_site(
    site, run_cli
) -> None:
    root = site({"a.md": article("A", "![A chart](images/c.png)", image=HERO)})
    good = add_image(root, "images/c.png", (600, 300))
    hero = add_image(root, "images/walk.jpg", (600, 300))
    assert run_cli("build", "--site", root)[0] == 0
    before = (root / "public/a/index.html").read_bytes()
    good.write_bytes(good.read_bytes()[:200])  # the header says 600×300; the pixels are cut
    hero.write_bytes(hero.read_bytes()[: hero.stat().st_size // 3])
    for command in ("check", "build"):
        code, _, err = run_cli(command, "--site", root)
        assert code == 1
        assert "content/a.md:3: cannot read image static/images/walk.jpg: the file is cut" in err
        assert "content/a.md:7: cannot read image static/images/c.png: the file is cut" in err
        assert "2 errors; " in err
        assert "Traceback" not in err
    assert (root / "public/a/index.html").read_bytes() == before


def test_an_image_that_fails_at_encoding_is_reported_as_build_errors_are(
    site, run_cli, monkeypatch
) -> None:
    """Copies are encoded beside the pages (``VariantsMade``): one that fails once pages
    are staged still fails the build before anything is published."""
    root = site({"a.md": article("A", "![A chart](images/c.png)")})
    add_image(root, "images/c.png", (600, 300))
    assert run_cli("build", "--site", root)[0] == 0
    before = {path: path.read_bytes() for path in (root / "public").rglob("*") if path.is_file()}
    beside = sorted(root.iterdir())
    add_image(root, "images/c.png", (700, 350))  # new bytes: its copies are made again
    (root / "content/a.md").write_text(article("B", "![A chart](images/c.png)"), "utf-8")

    def fail(*_: object, **__: object) -> bytes:
        raise OSError("broken data stream when reading image file")

    monkeypatch.setattr(encoder, "encode", fail)
    code, _, err = run_cli("build", "--site", root)
    assert code == 1
    assert "content/a.md:6: cannot make the responsive copies of image static/images/c.png" in err
    assert "1 error; nothing was written" in err
    assert "Traceback" not in err
    after = {path: path.read_bytes() for path in (root / "public").rglob("*") if path.is_file()}
    assert after == before
    assert sorted(root.iterdir()) == beside  # no staged folder left beside the site


def test_clean_deletes_the_copies_with_the_cache(site, run_cli) -> None:
    root = hero_site(site)
    assert run_cli("build", "--site", root)[0] == 0
    assert any((root / ".articlegen-cache/images").iterdir())
    assert run_cli("clean", "--site", root)[0] == 0
    assert not (root / ".articlegen-cache/images").exists()


def test_a_raster_logo_is_published_in_copies_without_its_metadata(site) -> None:
    root = site({"a.md": article("A")}, site_yaml=SITE_YAML + "logo: images/logo.jpg\n")
    add_image(root, "images/logo.jpg", (2000, 1000), exif=photo_exif())
    build(root)
    img = parse(root / "public/a/index.html").css_first("img.site-logo")
    assert img.attributes["src"] == "/images/logo.jpg"
    assert (img.attributes["width"], img.attributes["height"]) == ("2000", "1000")
    assert img.attributes["srcset"] == (
        "/images/logo-480w.jpg 480w, /images/logo-960w.jpg 960w,"
        " /images/logo-1600w.jpg 1600w, /images/logo.jpg 2000w"
    )
    assert img.attributes["sizes"] == "14rem"
    for name in ("logo.jpg", "logo-480w.jpg"):
        with Image.open(root / "public/images" / name) as published:
            assert not published.getexif(), name
    assert not list((root / "public/images").glob("logo*.webp"))


def test_a_gif_hero_is_the_share_image_as_it_is(site) -> None:
    root = site({"a.md": article("A", image='{src: images/a.gif, alt: "A loop"}')})
    (root / "static/images").mkdir(parents=True)
    Image.new("P", (600, 315), 1).save(root / "static/images/a.gif")
    build(root)
    page = parse(root / "public/a/index.html")
    assert meta(page, "og:image") == "https://example.test/images/a.gif"
    assert meta(page, "og:image:type") == "image/gif"
    assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("600", "315")


@pytest.mark.parametrize(
    ("site_yaml", "files", "message"),
    [
        (
            "logo: https://x.org/l.png\n",
            {},
            "site.yaml:5: 'logo' is an address (https://x.org/l.png); an image must be a file"
            " of this site — save the image (if you may use it) under static/, e.g."
            " static/images/photo.jpg, and write logo: images/photo.jpg",
        ),
        (
            "image: {src: images, alt: x}\n",
            {"static/images/x.txt": "x"},
            "site.yaml:5: image static/images is a folder — give the path of an image file in"
            " it, e.g. images/photo.jpg",
        ),
        (
            "images: {widths: [true]}\n",
            {},
            "site.yaml:5: each of 'images.widths' must be a whole number of pixels from 1 to"
            " 8000, found true",
        ),
    ],
)
def test_site_yaml_image_mistakes_are_said_as_written(
    site, run_cli, site_yaml, files, message
) -> None:
    root = site({"a.md": article("A")}, site_yaml=SITE_YAML + site_yaml, files=files)
    code, _, err = run_cli("check", "--site", root)
    assert code == 1
    assert message in err


def test_a_rebuild_reads_no_unchanged_image(site, monkeypatch) -> None:
    """Each image's size and digest are kept with the cache by the file's stamp: a build
    run as a command after an edit opens no image (a site of photographs would read every
    one on every build)."""
    from articlegen.build import build_with_saved_cache
    from articlegen.content import images
    from articlegen.incremental import stagememos, stamps

    monkeypatch.setattr(stamps, "RACY_SECONDS", 0.0)  # a stamp vouches for a file at once
    root = hero_site(site)
    build_with_saved_cache(root)
    opened: list[Path] = []

    def spy(function):
        def spied(file: Path):
            opened.append(file)
            return function(file)

        return spied

    monkeypatch.setattr(stagememos, "image_info", spy(images.image_info))
    monkeypatch.setattr("articlegen.build.original_digest", spy(encoder.original_digest))
    (root / "content/plain.md").write_text(article("Plain", "Changed."), encoding="utf-8")
    build_with_saved_cache(root)
    assert opened == []
    add_image(root, "images/chart.png", (700, 450))
    build_with_saved_cache(root)
    assert sorted(p.name for p in opened) == ["chart.png", "chart.png"]  # its size, its digest
    assert 'width="700"' in (root / "public/hero/index.html").read_text(encoding="utf-8")


def test_an_image_kept_beside_its_article_in_content_is_told_to_move(site, run_cli) -> None:
    """As Hugo's page bundles keep them: content/ publishes no images."""
    root = site({"health/a.md": article("A", "![A walk](img/walk.jpg)")})
    add_image(root, "../content/health/img/walk.jpg", (100, 100))
    code, _, err = run_cli("build", "--site", root)
    assert code == 1 and "Traceback" not in err
    assert err.splitlines()[0] == (
        "error: content/health/a.md:6: image file not found: static/img/walk.jpg; "
        "content/health/img/walk.jpg is in content/, whose images are not published — move it "
        "to static/img/walk.jpg"
    )


def test_page_workers_are_forked_once_the_copies_are_in(site, monkeypatch) -> None:
    """Copies are encoded by threads while pages are planned; page workers (``--jobs``) are
    started only once the copies are in and the threads gone, so they are forked as in a
    build without images (a process with threads would spawn them: each a fresh
    interpreter, and a script without a main guard run again in each), and the pages are
    those ``--jobs 1`` makes."""
    import multiprocessing
    import threading

    from articlegen.core import workers
    from articlegen.render import templates

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork here")
    pages = {f"a{i}.md": article(f"A{i}", f"![A chart](images/c{i}.png)") for i in range(3)}
    root = site(pages)
    for i in range(3):
        add_image(root, f"images/c{i}.png", (900 + i * 10, 450))
    monkeypatch.setattr(templates, "MIN_PARALLEL_PAGES", 2)
    started: list[tuple[str, list[str]]] = []
    real = workers._context

    def recorded() -> multiprocessing.context.BaseContext:
        context = real()
        started.append((context.get_start_method(), [t.name for t in threading.enumerate()]))
        return context

    monkeypatch.setattr(workers, "_context", recorded)
    build_site(root, BuildOptions(jobs=2))
    # no thread of the copies' is left when workers start: a process without other threads
    # forks them (a test run may hold threads of its own: a browser's, a server's)
    assert started and not [
        name for _, names in started for name in names if name.startswith("image-copies")
    ], started
    assert all(method == "fork" for method, names in started if names == ["MainThread"])
    many = {p: p.read_bytes() for p in (root / "public").rglob("*") if p.is_file()}
    build_site(root, BuildOptions(jobs=1, output=root / "one"))
    one = {p: p.read_bytes() for p in (root / "one").rglob("*") if p.is_file()}
    assert {p.relative_to(root / "public"): b for p, b in many.items()} == {
        p.relative_to(root / "one"): b for p, b in one.items()
    }
