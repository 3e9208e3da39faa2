"""Images that only articles left out of the build show (drafts, scheduled, expired): their
upright, stripped copies are published at the originals' addresses, as a shown image's are,
and nothing else of those articles is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PIL import Image

from articlegen.content.config import load_config
from articlegen.content.images import image_info
from articlegen.content.publication import SCHEDULED, Withheld
from articlegen.incremental.cache import BuildCache
from articlegen.incremental.siteimages import site_images
from articlegen.incremental.sources import load_sources
from articlegen.markup.markdown import markup_settings
from tests.conftest import article, parse
from tests.integration.test_images import add_image, photo_exif

_GPS = 0x8825
TODAY = "2026-06-01"


def gps_exif() -> bytes:
    """A phone photo's EXIF: the camera and where it was taken (the writer's home)."""
    exif = Image.Exif()
    exif.load(photo_exif())
    exif[_GPS] = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 36.0)}
    return exif.tobytes()


def leaky_site(site) -> Path:  # type: ignore[no-untyped-def]
    root = site(
        {
            "out.md": article("Out Now", "Published text.", date="2026-01-01"),
            "draft.md": article(
                "Secret Draft", "Draft words.\n\n![My kitchen](images/kitchen.jpg)", draft="true"
            ),
            "later.md": article(
                "Coming Later",
                "Later words.",
                date="2027-01-05",
                image="{src: images/porch.jpg, alt: A porch}",
            ),
            "gone.md": article(
                "Old News",
                "Old words.\n\n![A garden](images/garden.jpg)",
                date="2026-01-01",
                expires="2026-03-01",
            ),
        }
    )
    for name in ("kitchen", "porch", "garden"):
        add_image(root, f"images/{name}.jpg", (1200, 800), exif=gps_exif())
    return root


def test_gps_of_images_only_withheld_articles_show_is_not_published(site, run_cli) -> None:
    root = leaky_site(site)
    with Image.open(root / "static/images/kitchen.jpg") as original:  # the leak to prevent
        assert original.getexif().get_ifd(_GPS)
    code, _, err = run_cli("build", "--site", root, "--today", TODAY)
    assert code == 0, err
    for name in ("kitchen", "porch", "garden"):
        with Image.open(root / f"public/images/{name}.jpg") as published:
            assert published.size == (1200, 800)
            assert not published.getexif(), name
            assert "exif" not in published.info and "xmp" not in published.info, name
    pages = list((root / "public").rglob("*.html"))
    assert pages and not any(
        part in {"draft", "later", "gone"} for page in pages for part in page.parts
    )
    for page in pages:  # no title, word or link of the withheld articles anywhere
        text = parse(page).body.text() if parse(page).body else ""
        for said in ("Secret Draft", "Draft words", "Coming Later", "Later words", "Old words"):
            assert said not in text, (page, said)
        hrefs = [a.attributes.get("href") or "" for a in parse(page).css("a")]
        assert not [h for h in hrefs if "/draft/" in h or "/later/" in h or "/gone/" in h]


def test_a_withheld_article_s_missing_image_fails_only_if_it_will_publish(site, run_cli) -> None:
    """A draft's or an expired article's broken image is no error, as its broken links are
    none; a scheduled article's fails now rather than on the day it publishes by itself."""
    root = leaky_site(site)
    (root / "static/images/kitchen.jpg").unlink()
    (root / "static/images/garden.jpg").unlink()
    code, _, err = run_cli("build", "--site", root, "--today", TODAY)
    assert code == 0, err
    link = article("Secret Draft", "[gone](nowhere-at-all)", draft="true")  # the same for links
    (root / "content/draft.md").write_text(link, encoding="utf-8")
    assert run_cli("build", "--site", root, "--today", TODAY)[0] == 0
    (root / "static/images/porch.jpg").unlink()
    code, _, err = run_cli("check", "--site", root, "--today", TODAY)
    assert code == 1
    assert "content/later.md:4: image file not found: static/images/porch.jpg" in err
    assert "kitchen" not in err and "garden" not in err


def test_site_images_renders_a_draft_s_body_for_its_images_only(site) -> None:
    root = leaky_site(site)
    config = load_config(root)
    sources = load_sources(
        root, markup_settings(config), BuildCache(code=""), zone=config.zone, drafts=False, jobs=1
    )
    static = [root / "static"]
    built = [a for a in sources.articles if a.slug == "out"]
    later = next(a for a in sources.articles if a.slug == "later")
    assert "draft" not in sources.bodies  # the build itself never renders it
    hidden = {"later": Withheld(later, SCHEDULED, dt.date(2027, 1, 5))}
    placed = site_images(config, sources, built, hidden, static, image_info)
    assert placed.bodies == {"out": []} and placed.heroes == {} and placed.problems == []
    assert sorted(image.url for image in placed.unbuilt) == [
        "/images/garden.jpg",
        "/images/kitchen.jpg",
        "/images/porch.jpg",
    ]
    assert all(image.variants and image.source for image in placed.unbuilt)
    shown = [a for a in sources.articles if a.slug != "draft"]  # as with --future --expired
    rest = site_images(config, sources, shown, {}, static, image_info)
    assert [image.url for image in rest.unbuilt] == ["/images/kitchen.jpg"]
    assert rest.heroes["later"].url == "/images/porch.jpg"
    assert [image.url for image in rest.bodies["gone"]] == ["/images/garden.jpg"]
