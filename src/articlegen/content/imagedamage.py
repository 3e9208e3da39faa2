"""Whether every pixel of a raster image can be decoded: the damage a file's header and
tail do not show (bytes changed in the middle of its data), which would otherwise pass
``check`` and fail ``build`` as its copies are encoded.

Decoding is the slow part of reading an image (a tenth of a second for a 12-megapixel
photo), so the build asks only about a file that is new or changed and whose copies are
not made yet (``output/soundimages.py``): copies in the cache were encoded from these very
bytes, so they decode.
"""

from __future__ import annotations

from pathlib import Path

from .images import CUT_SHORT, our_pixel_limit

_JPEG_SCALE = 8
"""A JPEG is decoded at an eighth of its sides: libjpeg still reads and decodes all of its
data (only the last transform is smaller), in a 64th of the memory (a 48-megapixel photo:
2 MB, not 144)."""


def decodes_fully(file: Path) -> bool:
    """True when every pixel of ``file`` decodes; raises ValueError (``CUT_SHORT``) when the
    data is damaged. The pixels are let go of at once."""
    from PIL import Image

    try:
        with our_pixel_limit(), Image.open(file) as image:
            if image.format == "JPEG":
                scale = _JPEG_SCALE
                image.draft(None, (image.width // scale or 1, image.height // scale or 1))
            image.load()
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ValueError(CUT_SHORT) from exc
    return True
