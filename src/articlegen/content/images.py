"""Local images of articles (their bodies' and their hero images) and the site's share
image: find each file in ``static/``, read its pixel size and plan its responsive copies
(``variants``).

The size goes into ``width``/``height`` so the browser reserves the space
before the image arrives and the text never jumps. Pillow reads only the file
header; SVG sizes come from the root element's ``width``/``height`` or
``viewBox``.
"""

from __future__ import annotations

import contextlib
import math
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import quote, unquote, urlsplit

from ..core.errors import ArticlegenError, Diagnostic, MarkupError
from ..core.layout import CONFIG_FILE
from ..core.limits import MAX_IMAGE_PIXELS
from ..core.model import Article, HeroImage, ImageRef, PlacedImage, RenderedBody
from .imagefiles import find_image, not_found
from .variants import RESPONSIVE_SUFFIXES, plan_variants

if TYPE_CHECKING:  # imported where it is used: see image_size
    from PIL.Image import Image as PILImage

_Size = TypeVar("_Size", tuple[int, int], tuple[int, int] | None)

_EXIF_ORIENTATION = 0x0112
_ROTATED = {5, 6, 7, 8}
_SVG_LENGTH = re.compile(r"\s*([0-9]*\.?[0-9]+)\s*(px|in|cm|mm|q|pt|pc)?\s*$", re.IGNORECASE)
_PIXELS_PER = {"in": 96, "cm": 96 / 2.54, "mm": 96 / 25.4, "q": 96 / 101.6, "pt": 4 / 3, "pc": 16}
"""CSS's absolute units in pixels (96 to the inch), as a browser sizes an SVG in them (a
drawing program's ``width="210mm"``): relative ones (``em``, ``%``) give no size."""
CUT_SHORT = "the file is cut short or damaged — export it again"
NOT_AN_IMAGE = (
    "the file is not an image articlegen can read, or it is damaged — open it in an image "
    "editor and export it again as JPEG, PNG or WebP"
)
"""Said in place of Pillow's "cannot identify image file '<absolute path>'"."""
_ENDS = {"JPEG": b"\xff\xd9", "PNG": b"IEND\xaeB`\x82", "GIF": b";"}
"""How a whole JPEG (its end-of-image marker), a whole PNG (its IEND chunk) and a whole GIF
(its trailer) end."""

_KEPT_IN_PATHS = "/%!$&'()*+,;=:@"
"""What a URL path may hold as it is (RFC 3986, with letters, digits and ``-._~``), and ``%``
of the escapes already there: a body image's URL comes encoded from markdown-it and stays
as it is, and a front-matter or logo path written as the file is named (``my photo.png``,
``café.png``) gets its space and other letters encoded, which ``src`` needs to be valid."""
InfoReader = Callable[[Path], "tuple[tuple[int, int] | None, bool]"]
"""Reads an image file's size and whether it is animated, as ``image_info`` does (or
remembers it by the file's stamp: ``StageMemos.image_info``)."""


def place_images(
    refs: Sequence[ImageRef],
    static_dirs: Sequence[Path],
    base_path: str,
    source: str,
    widths: Iterable[int] | None = None,
    info_of: InfoReader | None = None,
    known: dict[str, PlacedImage] | None = None,
) -> tuple[list[PlacedImage], list[ArticlegenError]]:
    """URL and size of each image of the article ``source``, and an error per unusable one;
    with ``widths`` (``site.yaml`` ``images.widths``), the variants of each raster image.
    Files are read with ``info_of`` (default: ``image_info``). ``known``: the images placed
    so far with the same other arguments, by ``src``, each used again as it is, and the
    ones placed here without a problem added: every article of a site may show the same
    few images, and finding, measuring and planning each again was most of the checks."""
    info_of = info_of or image_info
    placed: list[PlacedImage] = []
    problems: list[ArticlegenError] = []
    for ref in refs:
        if known is not None and (image := known.get(ref.src)) is not None:
            placed.append(image)
            continue
        unusable = len(problems)
        relative = static_path(ref.src)
        file = find_image(relative, static_dirs) if relative else None
        size, animated = None, False
        if relative is None or file is None:
            problems.append(not_found(ref, relative, static_dirs, source))
        else:
            try:
                size, animated = info_of(file)
            except ValueError as exc:
                problems.append(
                    MarkupError(f"cannot read image static/{relative}: {exc}", source, ref.line)
                )
        path = quote(urlsplit(ref.src).path.lstrip("/"), safe=_KEPT_IN_PATHS)
        variants = (
            plan_variants(relative, size, widths)
            if relative and size and widths is not None and not animated
            else ()
        )
        placed.append(PlacedImage(base_path + path, size, variants, file))
        if known is not None and len(problems) == unusable:
            known[ref.src] = placed[-1]
    return placed, problems


def place_body_images(
    articles: Sequence[Article],
    bodies: Mapping[str, RenderedBody],
    static_dirs: Sequence[Path],
    base_path: str,
    widths: Iterable[int],
    info_of: InfoReader | None = None,
) -> tuple[dict[str, list[PlacedImage]], list[ArticlegenError]]:
    """Slug → the placed local images of each article's body, and every unusable image;
    files read with ``info_of`` (default: ``image_info``)."""
    placed, problems = {}, []
    known: dict[str, PlacedImage] = {}
    for article in articles:
        refs = bodies[article.slug].images
        images, found = place_images(
            refs, static_dirs, base_path, article.source, widths, info_of, known
        )
        placed[article.slug] = images
        problems += found
    return placed, problems


def place_hero_images(
    articles: Sequence[Article],
    site_image: HeroImage | None,
    static_dirs: Sequence[Path],
    base_path: str,
    widths: Iterable[int],
    info_of: InfoReader | None = None,
) -> tuple[dict[str, PlacedImage], PlacedImage | None, list[ArticlegenError]]:
    """Slug → each article's ``image:`` placed as body images are, the site's share image
    (``site.yaml`` ``image:``) placed, and the problems of both at the line of their ``src``;
    files read with ``info_of`` (default: ``image_info``)."""
    heroes: dict[str, PlacedImage] = {}
    problems: list[ArticlegenError] = []
    wanted: list[tuple[str, HeroImage, str]] = [("", site_image, CONFIG_FILE)] if site_image else []
    for article in articles:
        if article.meta.image is not None:
            wanted.append((article.slug, article.meta.image, article.source))
    known: dict[str, PlacedImage] = {}
    for slug, image, source in wanted:
        refs = [ImageRef(image.src, image.line)]
        placed, found = place_images(refs, static_dirs, base_path, source, widths, info_of, known)
        problems += found
        if not found:
            heroes[slug] = placed[0]
    return heroes, heroes.pop("", None), problems


def remote_image_warnings(refs: Sequence[ImageRef], source: str) -> list[Diagnostic]:
    """A warning per image on another host: every reader's browser asks that host for it (a
    third-party request on each page load), and without a file to read it has no size, so
    the text jumps when it arrives."""
    warnings = []
    for ref in refs:
        written = PurePosixPath(urlsplit(ref.src).path).name or "image.png"  # URL-encoded
        warnings.append(
            Diagnostic(
                f"image {ref.src} is loaded from another host on every page load and has no size",
                source,
                ref.line,
                f"copy it into static/, e.g. static/images/{unquote(written)}, and write "
                f"![…](images/{written}): then it comes from this site, with its width and height",
            )
        )
    return warnings


def static_path(src: str) -> str | None:
    """``images/a b.png`` for ``/images/a%20b.png``; None when the path climbs out with ``..``."""
    path = PurePosixPath(unquote(urlsplit(src).path).lstrip("/"))
    if ".." in path.parts or not path.parts:
        return None
    return path.as_posix()


def image_size(file: Path) -> tuple[int, int] | None:
    """Displayed ``(width, height)``; raises ValueError when the file is not a readable
    image, or is larger than ``limits.MAX_IMAGE_PIXELS``."""
    return image_info(file)[0]


def image_info(file: Path) -> tuple[tuple[int, int] | None, bool]:
    """Displayed ``(width, height)``, and whether it is animated (more than one frame: a
    copy would keep only the first); raises ValueError as ``image_size`` does."""
    if file.suffix.lower() == ".svg":
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise ValueError(exc.strerror or str(exc)) from exc
        return _within_limit(svg_size(data)), False
    # Imported here: Pillow costs start-up time that sites without raster images never need.
    from PIL import Image, UnidentifiedImageError

    try:
        with our_pixel_limit(), Image.open(file) as image:
            width, height = _within_limit(image.size)
            orientation = _orientation(image)
            animated = bool(getattr(image, "is_animated", False))
            if image.format in _CHECKED and _cut_short(file, image):
                raise ValueError(CUT_SHORT)
    except Image.DecompressionBombError as exc:
        raise ValueError(_too_large(None, None)) from exc  # Pillow's message has no sides
    except UnidentifiedImageError as exc:
        raise ValueError(CUT_SHORT if _riff_cut_short(file) else NOT_AN_IMAGE) from exc
    except OSError as exc:  # Pillow's "Truncated File Read" for a header cut short
        said = exc.strerror or str(exc) or type(exc).__name__
        cut = "truncated" in said.casefold() or _riff_cut_short(file)
        raise ValueError(CUT_SHORT if cut else said) from exc
    # Browsers apply EXIF rotation, so a quarter-turned photo shows with its sides swapped.
    return ((height, width) if orientation in _ROTATED else (width, height)), animated


@contextlib.contextmanager
def our_pixel_limit() -> Iterator[None]:
    """Pillow's own pixel limit (its check of "decompression bombs") silenced: it warns of
    images past it on stderr, then refuses those twice as large; ``limits.MAX_IMAGE_PIXELS``
    is the limit, checked where the size is read, before any image is decoded."""
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        yield


_CHECKED = {*RESPONSIVE_SUFFIXES.values(), "GIF"}
"""Formats whose files are checked for being cut short: those copies are made of, and GIF,
published as it is (a GIF whose first frame cannot be decoded shows nothing)."""


def _cut_short(file: Path, image: PILImage) -> bool:
    """Whether the pixels of an image whose copies are encoded (or a GIF's first frame)
    cannot all be decoded: else ``check`` passes and the build fails at encoding, or a
    GIF is published that shows nothing. A file that ends as its format ends
    (``_ENDS``, or a WebP as long as its header says) costs a read of its tail; any other
    (data after a JPEG's end, say) is decoded, a JPEG at an eighth of its size."""
    if image.format == "WEBP":
        return _riff_cut_short(file)
    with file.open("rb") as stream:
        stream.seek(max(0, file.stat().st_size - 32))
        tail = stream.read().rstrip(b"\0")
    if tail.endswith(_ENDS.get(image.format or "", b"\0")):
        return False
    image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
    try:
        image.load()
    except (OSError, SyntaxError, ValueError):
        return True
    return False


def _riff_cut_short(file: Path) -> bool:
    """Whether a RIFF file (WebP) is shorter than its header says: Pillow refuses to open
    such a WebP with only "could not create decoder object"."""
    try:
        with file.open("rb") as stream:
            head = stream.read(8)
        size = file.stat().st_size
    except OSError:
        return False
    return head[:4] == b"RIFF" and int.from_bytes(head[4:8], "little") + 8 > size


def _orientation(image: PILImage) -> int | None:
    """The EXIF orientation, read from the header: for a PNG whose header has no ``eXIf``
    chunk, Pillow would decode every pixel to look for one after them."""
    if image.format == "PNG" and "exif" not in image.info:
        return None
    orientation = image.getexif().get(_EXIF_ORIENTATION)
    return orientation if isinstance(orientation, int) else None


def svg_size(data: bytes) -> tuple[int, int] | None:
    """Size from an SVG's ``width``/``height`` (unitless, px or an absolute unit such as
    mm) or its ``viewBox``."""
    import xml.etree.ElementTree as ET  # here: only a site with an SVG image loads it

    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ValueError(
            f"not a well-formed SVG file ({exc}) — fix it at that place in a text editor, or "
            "export it again from the drawing program"
        ) from exc
    width, height = _svg_length(root.get("width")), _svg_length(root.get("height"))
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if width and height:
        return _rounded(width, height)
    if len(box) == 4:
        try:
            box_width, box_height = float(box[2]), float(box[3])
        except ValueError:
            return None
        if math.isinf(box_width) or math.isinf(box_height):
            raise ValueError(_too_large(box_width, box_height))
        if box_width > 0 and box_height > 0:
            if width:
                return _rounded(width, width * box_height / box_width)
            if height:
                return _rounded(height * box_width / box_height, height)
            return _rounded(box_width, box_height)
    return None


def _rounded(width: float, height: float) -> tuple[int, int]:
    """Whole pixels; a size too large for a number (``1e400``) is refused as too large."""
    if not math.isfinite(width * height):
        raise ValueError(_too_large(width, height))
    return round(width), round(height)


def _within_limit(size: _Size) -> _Size:
    if size is not None and size[0] * size[1] > MAX_IMAGE_PIXELS:
        raise ValueError(_too_large(*size))
    return size


def _too_large(width: float | None, height: float | None) -> str:
    sides = (width, height)
    finite = all(side is not None and math.isfinite(side) for side in sides)
    claimed = f"{width:.0f}×{height:.0f} pixels" if finite else "its size"
    return (
        f"{claimed} is more than the limit of {MAX_IMAGE_PIXELS:,} pixels; "
        "scale it down to the size it is shown at"
    )


def _svg_length(value: str | None) -> float | None:
    match = _SVG_LENGTH.match(value or "")
    if match is None or float(match.group(1)) <= 0:
        return None
    return float(match.group(1)) * _PIXELS_PER.get((match.group(2) or "px").lower(), 1)
