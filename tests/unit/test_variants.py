"""Images' responsive copies by stage: the ``image:`` field read, the copies planned (never
upscaled), encoded (upright, no metadata), shown (``<picture>``), cached by content."""

from __future__ import annotations

import io
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from articlegen.content.config import parse_config
from articlegen.content.frontmatter import parse_front_matter, split_front_matter
from articlegen.content.variants import plan_variants, variant_widths
from articlegen.core.errors import BuildFailed, ConfigError, FrontMatterError
from articlegen.core.model import HeroImage, ImageVariant, PlacedImage
from articlegen.output.variants import encode, make_variants
from articlegen.render.pictures import (
    BODY_SIZES,
    body_image_parts,
    picture,
    share_image,
    shown_image,
)
from tests.conftest import SITE_YAML, HTMLParser

_ORIENTATION, _MAKE, _GPS = 0x0112, 0x010F, 0x8825


def front_matter(image: str):
    text = f'---\ntitle: "A"\ndate: 2024-01-01\nimage: {image}\n---\n\nBody.\n'
    header, line, _, _ = split_front_matter(text, "content/a.md")
    return parse_front_matter(header, "content/a.md", zone=ZoneInfo("UTC"), first_line=line)


def messages(image: str) -> list[str]:
    with pytest.raises((BuildFailed, FrontMatterError)) as raised:
        front_matter(image)
    found = raised.value
    return [str(e) for e in (found.errors if isinstance(found, BuildFailed) else [found])]


# --- the field -------------------------------------------------------------------------------


def test_the_image_field_is_read_with_the_line_of_its_src() -> None:
    meta = front_matter('\n  src: images/a.jpg\n  alt: ""\n  caption: " A walk "\n  credit: Me')
    assert meta.image == HeroImage("images/a.jpg", "", "A walk", "Me", line=5)


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        ("{alt: x}", "content/a.md:4: 'image' has no 'src'"),
        ("{src: a.jpg, alt: 3}", "content/a.md:4: 'image.alt' must be text, found the number 3"),
        ("{src: a.jpg, alt: x, caption: ''}", "content/a.md:4: 'image.caption' is empty"),
        (
            "{src: 'data:image/png;base64,AAAA', alt: x}",
            "content/a.md:4: 'image.src' is an address",
        ),
        ("{src: 'a.jpg#x', alt: x}", "not a path inside the static folder"),
        ("[a.jpg]", "content/a.md:4: 'image' must be a mapping with 'src' and 'alt'"),
        ("{src: a.jpg, alt: x, tilte: y}", "unknown key 'image.tilte'"),
    ],
)
def test_a_bad_image_field_is_an_error_at_its_line(image: str, expected: str) -> None:
    assert any(expected in message for message in messages(image)), messages(image)


@pytest.mark.parametrize(
    ("image", "hint"),
    [
        ("images/walk.jpg", "write 'image: {src: images/walk.jpg, alt: \"what it shows\"}'"),
        ("[a.jpg]", "write 'image: {src: images/photo.jpg, alt: \"what it shows\"}'"),
        ("3", "write 'image: {src: images/photo.jpg, alt: \"what it shows\"}'"),
    ],
)
def test_an_image_that_is_no_mapping_is_shown_written_as_one(image: str, hint: str) -> None:
    """A path alone, as other tools write an image, is shown in the form to write."""
    (message,) = messages(image)
    assert message == f"content/a.md:4: 'image' must be a mapping with 'src' and 'alt' — {hint}"


@given(st.text(max_size=40), st.text(max_size=40))
def test_any_src_and_alt_text_is_read_or_refused_with_an_error(src: str, alt: str) -> None:
    try:
        meta = front_matter(f"{{src: {json.dumps(src)}, alt: {json.dumps(alt)}}}")
    except (BuildFailed, FrontMatterError):
        return
    assert meta.image is not None and meta.image.alt == alt.strip()


def test_site_yaml_image_and_widths() -> None:
    config = parse_config(
        SITE_YAML + "image: {src: s.png, alt: Site}\nimages: {widths: [960, 480, 480]}\n"
    )
    assert config.image == HeroImage("s.png", "Site", line=5)
    assert config.image_widths == (480, 960)
    assert parse_config(SITE_YAML).image_widths == (480, 960, 1600)
    with pytest.raises((BuildFailed, ConfigError)) as raised:
        parse_config(SITE_YAML + "image: images/s.png\nimages: {widths: [1.5]}\n")
    text = str(raised.value.errors if isinstance(raised.value, BuildFailed) else raised.value)
    assert "'image' must be a mapping" in text and "each of 'images.widths'" in text


# --- planning --------------------------------------------------------------------------------


def test_copies_narrower_than_the_original_and_its_own_width() -> None:
    assert variant_widths(1000, (480, 960, 1600)) == (480, 960, 1000)
    assert variant_widths(300, (480, 960)) == (300,)
    assert variant_widths(960, (480, 960)) == (480, 960)
    assert plan_variants("img/a b.JPG", (1000, 500), (480,)) == (
        ImageVariant("img/a b-480w.JPG", 480, 240),
        ImageVariant("img/a b.JPG", 1000, 500),
        ImageVariant("img/a b-480w.webp", 480, 240),
        ImageVariant("img/a b-1000w.webp", 1000, 500),
    )
    assert plan_variants("a.webp", (800, 400), (480,)) == (
        ImageVariant("a-480w.webp", 480, 240),
        ImageVariant("a.webp", 800, 400),
    )
    assert plan_variants("a.svg", (800, 400), (480,)) == ()
    assert plan_variants("a.gif", (800, 400), (480,)) == ()


@given(
    st.integers(1, 9000),
    st.integers(1, 9000),
    st.lists(st.integers(1, 8000), max_size=6),
)
def test_no_copy_is_ever_wider_than_the_original(
    width: int, height: int, widths: list[int]
) -> None:
    variants = plan_variants("a.png", (width, height), widths)
    assert max(v.width for v in variants) == width
    assert all(v.width <= width and v.height >= 1 for v in variants)
    assert len({v.path for v in variants}) == len(variants)
    assert ImageVariant("a.png", width, height) in variants


# --- encoding --------------------------------------------------------------------------------


def photo(path: Path, size: tuple[int, int], orientation: int = 1) -> Path:
    exif = Image.Exif()
    exif[_ORIENTATION], exif[_MAKE] = orientation, "Example Camera Maker"
    exif.get_ifd(_GPS)[2] = (52.0, 31.0, 0.0)
    Image.new("RGB", size, (10, 120, 200)).save(path, exif=exif.tobytes(), comment=b"private")
    return path


def test_an_encoded_copy_is_upright_resized_and_has_no_metadata(tmp_path: Path) -> None:
    with Image.open(photo(tmp_path / "a.jpg", (400, 200), orientation=8)) as original:
        assert original.getexif()[_MAKE] == "Example Camera Maker"
        from PIL import ImageOps

        upright = ImageOps.exif_transpose(original)
    for path in ("a-100w.jpg", "a-100w.webp", "a-100w.png"):
        data = encode(upright, ImageVariant(path, 100, 200))
        with Image.open(io.BytesIO(data)) as copy:
            assert copy.size == (100, 200)
            assert not copy.getexif()
            assert not {"exif", "xmp", "comment"} & set(copy.info)


def test_a_png_copy_is_lossless_at_zlibs_default_level(tmp_path: Path) -> None:
    """Level 9 (Pillow's ``optimize``) took ten times as long for 7 % less: a first build
    of a blog of screenshots took minutes."""
    original = Image.effect_noise((64, 48), 40).convert("RGB")
    data = encode(original, ImageVariant("a.png", 64, 48))
    with Image.open(io.BytesIO(data)) as copy:
        assert copy.tobytes() == original.tobytes()
    idat = data.index(b"IDAT") + 4
    assert data[idat + 1] >> 6 == 2  # the zlib header's FLEVEL: 2 is the default level


def test_make_variants_encodes_each_copy_once_and_reuses_it(tmp_path: Path, monkeypatch) -> None:
    from articlegen.output import variants as encoder

    source = photo(tmp_path / "a.jpg", (1000, 500))
    placed = PlacedImage("/a.jpg", (1000, 500), plan_variants("a.jpg", (1000, 500), (480,)), source)
    folder = tmp_path / "cache"
    calls: list[int] = []
    real = encoder._encode_job
    monkeypatch.setattr(encoder, "_encode_job", lambda job: calls.append(1) or real(job))
    first = make_variants([placed, placed], folder, tmp_path, jobs=1)
    assert (first.encoded, len(calls)) == (4, 1)
    assert [name for _, name in first.files] == [
        "a-1000w.webp",
        "a-480w.jpg",
        "a-480w.webp",
        "a.jpg",
    ]
    again = make_variants([placed], folder, tmp_path, jobs=1, prune=True)
    assert (again.encoded, len(calls), again.files) == (0, 1, first.files)
    (folder / "stale.webp").write_bytes(b"x")
    make_variants([placed], folder, tmp_path, jobs=1, prune=True)
    assert not (folder / "stale.webp").exists()


# --- showing ---------------------------------------------------------------------------------


def test_a_picture_lists_webp_then_the_original_format_with_sizes_and_size() -> None:
    placed = PlacedImage("/b/a.jpg", (1000, 500), plan_variants("a.jpg", (1000, 500), (480,)))
    image = HeroImage("a.jpg", 'A "quoted" <alt>')
    html = picture(shown_image(placed, image, "/b/"), "50vw", loading="eager")
    tree = HTMLParser(str(html))
    source, img = tree.css_first("picture source"), tree.css_first("picture img")
    assert source.attributes == {
        "type": "image/webp",
        "srcset": "/b/a-480w.webp 480w, /b/a-1000w.webp 1000w",
        "sizes": "50vw",
    }
    assert img.attributes["srcset"] == "/b/a-480w.jpg 480w, /b/a.jpg 1000w"
    assert img.attributes["alt"] == 'A "quoted" <alt>'
    assert (img.attributes["width"], img.attributes["height"]) == ("1000", "500")
    assert img.attributes["fetchpriority"] == "high"
    card = HTMLParser(str(picture(shown_image(placed, image, "/b/"), alt=""))).css_first("img")
    assert (card.attributes["alt"], card.attributes["loading"]) == ("", "lazy")
    assert "fetchpriority" not in card.attributes
    sources, attributes = body_image_parts(placed, "/b/")
    assert sources == (
        '<source type="image/webp" srcset="/b/a-480w.webp 480w, /b/a-1000w.webp 1000w"'
        f' sizes="{BODY_SIZES}">'
    )
    assert attributes == (
        f' srcset="/b/a-480w.jpg 480w, /b/a.jpg 1000w" sizes="{BODY_SIZES}"'
        ' width="1000" height="500"'
    )


def test_the_share_image_is_the_narrowest_copy_of_1200_pixels_or_more_and_absolute() -> None:
    image = HeroImage("a.png", "Alt")
    wide = PlacedImage("/a.png", (3000, 1500), plan_variants("a.png", (3000, 1500), (480, 1600)))
    shared = share_image(wide, image, "https://example.test/blog/")
    assert shared == {
        "url": "https://example.test/blog/a-1600w.png",
        "width": 1600,
        "height": 800,
        "alt": "Alt",
        "type": "image/png",
    }
    # 1250 is nearer 1200 than 1600 is, and 1100 nearer still, but too narrow to show large
    three = plan_variants("a.png", (3000, 1500), (1100, 1250, 1600))
    assert share_image(PlacedImage("/a.png", (3000, 1500), three), image, "https://x.test/") == {
        "url": "https://x.test/a-1250w.png", "width": 1250, "height": 625, "alt": "Alt",
        "type": "image/png",
    }  # fmt: skip
    small = PlacedImage("/a.png", (600, 300), plan_variants("a.png", (600, 300), (480,)))
    assert share_image(small, image, "https://example.test/")["url"] == "https://example.test/a.png"
    svg = HeroImage("d.svg", "Alt")
    assert share_image(PlacedImage("/d.svg", (10, 10)), svg, "https://example.test/") is None
    gif = share_image(PlacedImage("/b.gif", (10, 5)), HeroImage("b.gif", "A"), "https://x.test/")
    assert gif == {
        "url": "https://x.test/b.gif", "width": 10, "height": 5, "alt": "A", "type": "image/gif"
    }  # fmt: skip


def _placed(source: Path, width: int = 1000) -> PlacedImage:
    size = (width, width // 2)
    return PlacedImage(f"/{source.name}", size, plan_variants(source.name, size, (480,)), source)


def test_copies_are_encoded_in_the_background_until_waited_for(tmp_path: Path) -> None:
    """With workers allowed, the copies are made while the build goes on: before ``wait``
    is called; with ``jobs`` 1, by ``wait`` and not before."""
    import time

    from articlegen.output.variants import VariantsMade

    placed = [_placed(photo(tmp_path / f"{w}.jpg", (w, w // 2)), w) for w in (1000, 1200)]
    folder = tmp_path / "cache"
    with VariantsMade(placed, folder, tmp_path, jobs=1) as made:
        time.sleep(0.3)
        assert not folder.is_dir() or not any(folder.iterdir())
        assert made.wait().encoded == 8
    for copy in folder.iterdir():
        copy.unlink()
    with VariantsMade(placed, folder, tmp_path, jobs=2) as made:
        deadline = time.monotonic() + 30
        while len(list(folder.glob("*.*"))) < 8 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(list(folder.glob("*.*"))) == 8  # every copy, before anyone waited
        assert (made.wait().encoded, made.wait().files) == (8, made.files)
    assert not list(folder.glob(".*"))  # no temporary file left


def test_two_originals_of_the_same_bytes_have_their_copies_encoded_once(tmp_path: Path) -> None:
    """Copies are named by their original's bytes: two threads encoding the same file at
    once would write over each other's."""
    first = photo(tmp_path / "a.jpg", (1000, 500))
    second = tmp_path / "b.jpg"
    second.write_bytes(first.read_bytes())
    made = make_variants([_placed(first), _placed(second)], tmp_path / "cache", tmp_path, jobs=2)
    assert made.encoded == 4
    assert [name for _, name in made.files] == [
        "a-1000w.webp", "a-480w.jpg", "a-480w.webp", "a.jpg",
        "b-1000w.webp", "b-480w.jpg", "b-480w.webp", "b.jpg",
    ]  # fmt: skip
    copies = {
        name[0]: sorted(path for path, n in made.files if n[0] == name[0]) for _, name in made.files
    }
    assert copies["a"] == copies["b"] and all(path.is_file() for path in copies["a"])


def test_leaving_early_finishes_the_copy_under_way_and_begins_no_other(
    tmp_path: Path, monkeypatch
) -> None:
    """A build that fails (or is stopped with Ctrl-C) while copies are encoded leaves no
    copy half made, and begins no new one once it has failed: not even the next copy of an
    original whose first is under way, since the several copies of a large photo take
    seconds, which a Ctrl-C would wait for. No thread is left running."""
    import threading

    from articlegen.output import variants as encoder

    started, release = threading.Semaphore(0), threading.Event()
    real = encoder.encode
    begun: list[tuple[int, int]] = []

    def slow(image, variant, **options):
        begun.append(image.size)
        started.release()
        release.wait(10)
        return real(image, variant, **options)

    monkeypatch.setattr(encoder, "encode", slow)
    placed = [_placed(photo(tmp_path / f"{w}.jpg", (w, w // 2)), w) for w in (1000, 1100, 1200)]
    folder = tmp_path / "cache"
    made = encoder.VariantsMade(placed, folder, tmp_path, jobs=1 + 1)
    with pytest.raises(RuntimeError), made:
        assert started.acquire(timeout=10) and started.acquire(timeout=10)  # both under way
        # the copies under way go on once the block is left (its stop is set): not at a
        # time of the clock, which a loaded machine may reach before the block is left
        releaser = threading.Thread(target=lambda: made._stop.wait(30) and release.set())
        releaser.start()
        raise RuntimeError("a later stage failed")
    releaser.join()
    # the copy under way of each of the first two originals finished, nothing else begun
    names = sorted(path.name for path in folder.iterdir())
    assert len(names) == 2 and not [name for name in names if name.startswith(".")]
    assert sorted(begun) == [(1000, 500), (1100, 550)]
    assert not [t for t in threading.enumerate() if t.name.startswith("image-copies")]


def test_the_threads_work_on_no_more_pixels_at_once_than_the_budget(
    tmp_path: Path, monkeypatch
) -> None:
    """Large originals are encoded one at a time however many threads there are (memory
    grows with the pixels being worked on); small ones side by side."""
    import threading
    import time

    from articlegen.output import variants as encoder

    monkeypatch.setattr(encoder, "PIXELS_AT_ONCE", 600_000)
    lock, at_once, most = threading.Lock(), [0], [0]
    real = encoder._encode_job

    def counted(job, *stop):
        with lock:
            at_once[0] += 1
            most[0] = max(most[0], at_once[0])
        time.sleep(0.2)  # long enough for a second thread to start if it may
        try:
            return real(job, *stop)
        finally:
            with lock:
                at_once[0] -= 1

    monkeypatch.setattr(encoder, "_encode_job", counted)
    large = [_placed(photo(tmp_path / f"{w}.jpg", (w, w // 2)), w) for w in (1000, 1100)]
    assert make_variants(large, tmp_path / "large", tmp_path, jobs=2).encoded == 8
    assert most[0] == 1  # 500,000 and 605,000 pixels: together past the budget
    most[0] = 0
    small = [_placed(photo(tmp_path / f"{w}.jpg", (w, w // 2)), w) for w in (500, 520)]
    assert make_variants(small, tmp_path / "small", tmp_path, jobs=2).encoded == 8
    assert most[0] == 2


def test_copies_that_cannot_be_begun_leave_no_thread_and_the_warnings_filters_as_they_were(
    tmp_path: Path, monkeypatch
) -> None:
    """A thread that cannot be started (a limit on threads or memory) fails the build, but
    the threads already started end and the warnings filters Pillow's pixel limit was
    silenced in are put back, rather than left silenced for the rest of the process."""
    import threading
    import warnings
    from concurrent.futures import ThreadPoolExecutor

    from articlegen.output import variants as encoder

    real = ThreadPoolExecutor.submit
    calls: list[object] = []

    def limited(self, fn, /, *args, **kwargs):
        calls.append(fn)
        if len(calls) > 1:
            raise RuntimeError("can't start new thread")
        return real(self, fn, *args, **kwargs)

    monkeypatch.setattr(ThreadPoolExecutor, "submit", limited)
    placed = [_placed(photo(tmp_path / f"{w}.jpg", (w, w // 2)), w) for w in (1000, 1100)]
    before, showing = warnings.filters, warnings.showwarning
    with pytest.raises(RuntimeError, match="can't start") as failed:  # kept, as a report does
        encoder.VariantsMade(placed, tmp_path / "cache", tmp_path, jobs=2)
    assert failed.value.__traceback__ is not None
    assert warnings.filters is before and warnings.showwarning is showing  # put back
    assert not [t for t in threading.enumerate() if t.name.startswith("image-copies")]
    assert not list((tmp_path / "cache").glob(".*"))
    monkeypatch.undo()
    with encoder.VariantsMade(placed, tmp_path / "cache", tmp_path, jobs=0) as made:
        assert made.wait().files == made.files  # jobs 0 (a library's caller): encoded here


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_original_saved_again_after_its_copies_were_named_is_not_encoded_under_that_name(
    tmp_path: Path, jobs: int
) -> None:
    """Copies are named by their original's bytes as the site is checked, and encoded while
    the pages render (``jobs`` 1: after them): an original saved again in between (the
    preview builds while its author works) must not be encoded into the copies named for
    its old bytes, which every later build of those bytes would take as made. The build
    fails saying to build again (the preview does, as the save is seen)."""
    from articlegen.output.variants import VariantsMade, original_digest

    def saved_again_once_named(path: Path) -> str:
        digest = original_digest(path)
        Image.new("RGB", (1000, 500), (250, 20, 20)).save(path)  # the author's next save
        return digest

    source = photo(tmp_path / "a.jpg", (1000, 500))
    folder = tmp_path / "cache"
    made = VariantsMade([_placed(source)], folder, tmp_path, jobs, digest_of=saved_again_once_named)
    with made, pytest.raises(BuildFailed) as failed:
        made.wait()
    (error,) = failed.value.errors
    assert "a.jpg" in str(error) and "changed while the site was built" in str(error)
    assert "build again" in (error.hint or "")
    assert not list(folder.iterdir())  # no copy under the old bytes' name, no temporary file
