"""An original's pixels made into what every responsive copy is cut from: 8 bits a channel,
transparency as an alpha channel, colours in sRGB; the original itself left untouched.

Pillow's ``convert`` does none of this alone: a 16-bit greyscale PNG (``I;16``) converted
to RGB is clipped to pure white, and an RGB or greyscale PNG whose transparent colour is
kept in a ``tRNS`` chunk (``info["transparency"]``) keeps it only as long as that ``info``
travels with the image, which a copy stripped of metadata does not. A CMYK JPEG's copies
are RGB, so its colours go through its CMYK profile to sRGB, and the profile is not kept.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where it is used: a site without raster images never needs it
    from PIL.Image import Image as PILImage

_SIXTEEN_BIT = 1 / 257
"""65535 × this is 255: 16-bit values scaled to 8 bits, white staying white."""
_SCALES = {"I": _SIXTEEN_BIT, "F": 255.0}
"""How deep modes are scaled to 8 bits: integers as the 16-bit values PNG and TIFF hold
(``I;16``, ``I;16B``… are read as ``I``), floats as the 0–1 range."""


def eight_bit(image: PILImage) -> PILImage:
    """``image`` with 8 bits a channel and any ``tRNS`` transparency as alpha (``LA`` or
    ``RGBA``); ``image`` itself where it is so already. Deep greyscale (``I;16``, ``I``,
    ``F``) is scaled, not clipped (a transparent grey level it may name is not kept)."""
    transparent = image.info.get("transparency") is not None
    if image.mode.startswith("I") or image.mode == "F":
        return _scaled_grey(image)
    if transparent and image.mode in ("L", "1"):
        return image.convert("LA")
    if transparent:  # RGB with a colour key, or a palette with transparent entries
        return image.convert("RGBA")
    return image


def in_colour_space(image: PILImage, profile: bytes | None) -> tuple[PILImage, bytes | None]:
    """``image`` in a mode the copies store, and the colour profile that still describes it:
    CMYK converted to sRGB through its own CMYK ``profile`` (naively without one, as no
    generic CMYK profile comes with Pillow); a profile of another colour space than the
    pixels' (a CMYK one on RGB data) dropped, as browsers would misread the colours by it."""
    if image.mode == "CMYK":
        if profile and _colour_space(profile) == "CMYK":
            from PIL import ImageCms

            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
            converted = ImageCms.profileToProfile(image, source, srgb, outputMode="RGB")
            if converted is not None:
                return converted, None
        return image.convert("RGB"), None
    wanted = "GRAY" if image.mode in ("L", "LA") else "RGB"
    return image, profile if _colour_space(profile) == wanted else None


def _colour_space(profile: bytes | None) -> str | None:
    """The colour space an ICC ``profile`` describes (``RGB``, ``GRAY``, ``CMYK``…); None
    without one or when it cannot be read."""
    if not profile:
        return None
    from PIL import ImageCms

    try:
        space: str = ImageCms.ImageCmsProfile(io.BytesIO(profile)).profile.xcolor_space
    except (ImageCms.PyCMSError, OSError, TypeError, ValueError):
        return None
    return space.strip()


def _scaled_grey(image: PILImage) -> PILImage:
    """A deep greyscale image as ``L``, its range scaled (``_SCALES``) and rounded."""
    deep = "F" if image.mode == "F" else "I"
    factor = _SCALES[deep]
    wide = image if image.mode == deep else image.convert(deep)
    return wide.point(lambda v: v * factor + 0.5).convert("L")
