"""Which responsive copies of a local raster image a build makes, and where they are served.

Readers on a phone should not download the 1600-pixel photo a wide screen shows, nor
anyone a JPEG where a smaller WebP would do: every local JPEG, PNG and WebP image gets a
copy at each of ``site.yaml`` ``images.widths`` narrower than itself, plus one at its own
width (never a wider one: upscaling adds bytes, not detail), in its own format and in WebP.
Pages list them in ``srcset`` (``render/pictures.py``) and the browser picks one.

The copy at the original's width in its own format is published at the original's own
address, so that whatever links to the file (a page, a share card, an author's photo) gets
it upright and without its metadata (camera, place). SVG (drawn at any size already) and
GIF (which may be animated) are served as they are, like formats not listed here.

This module only plans: names and sizes, from the original's size alone, so that pages can
be rendered (and ``articlegen check`` run) without encoding anything. ``output/variants.py``
makes the files.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath

from ..core.model import ImageVariant

RESPONSIVE_SUFFIXES = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
"""The suffixes of the images that get variants, and Pillow's name of each format."""
WEBP = ".webp"
WEBP_MAX_SIDE = 16383
"""The longest side a WebP image can have: a copy with a longer side is not made in WebP."""
MIME_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


def variant_widths(original: int, widths: Iterable[int]) -> tuple[int, ...]:
    """The widths to make of an image ``original`` pixels wide: each of ``widths`` below it,
    and its own, ascending."""
    return tuple(sorted({w for w in widths if w < original} | {original}))


def plan_variants(
    relative_path: str, size: tuple[int, int], widths: Iterable[int]
) -> tuple[ImageVariant, ...]:
    """The variants of the image at ``relative_path`` (under ``static/``; upright ``size``):
    its own format by width, the copy at its full width at its own path, then WebP by width
    (unless it is WebP already; none with a side over ``WEBP_MAX_SIDE``); none for a format
    served as it is."""
    path = PurePosixPath(relative_path)
    suffix = path.suffix.lower()
    if suffix not in RESPONSIVE_SUFFIXES:
        return ()
    width, height = size
    steps = variant_widths(width, widths)

    def copies(ext: str, full_at_original: bool) -> list[ImageVariant]:
        return [
            ImageVariant(
                relative_path
                if full_at_original and step == width
                else str(path.with_name(f"{path.stem}-{step}w{ext}")),
                step,
                max(1, round(height * step / width)),
            )
            for step in steps
        ]

    own = copies(path.suffix, full_at_original=True)
    webp = copies(WEBP, full_at_original=False) if suffix != WEBP else []
    return (*own, *(v for v in webp if max(v.width, v.height) <= WEBP_MAX_SIDE))


def format_of(variant_path: str) -> str:
    """Pillow's name of the format a variant is written in, from its suffix."""
    return RESPONSIVE_SUFFIXES[PurePosixPath(variant_path).suffix.lower()]


def mime_type(variant_path: str) -> str:
    """The MIME type of a variant, for ``<source type>``."""
    return MIME_TYPES[format_of(variant_path)]
