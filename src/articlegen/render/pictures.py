"""How a local image is shown: a ``<picture>`` whose WebP ``<source>`` and ``<img>`` list
the image's responsive copies (``content/variants.py``) in ``srcset``, with ``sizes`` saying
how wide the page shows it, so the browser downloads the smallest copy that is sharp.

One writer for every place an image is shown: a body image's placeholders
(``render/bodies.py``) and the ``picture`` filter templates show a hero image with (on the
article page and on cards), which takes the plain data ``shown_image`` makes of it.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from ..content.images import static_path
from ..content.variants import WEBP, mime_type
from ..core.model import HeroImage, ImageVariant, Logo, PlacedImage
from ..markup.placeholders import escape

BODY_SIZES = "(min-width: 44rem) 42rem, 100vw"
"""How wide an image in an article's text is shown: the text column (``style.css``: at
most 42rem), or the whole narrow screen."""


def shown_image(placed: PlacedImage, image: HeroImage, base_path: str) -> dict[str, Any]:
    """A hero image as plain data for a page's plan (``pages``): where it is, its size, its
    copies as ``srcset`` texts, and what the front-matter says of it."""
    own, webp = _by_format(placed.variants)
    width, height = placed.size or (None, None)
    return {
        "src": placed.url,
        "width": width,
        "height": height,
        "alt": image.alt,
        "caption": image.caption,
        "credit": image.credit,
        "srcset": srcset(own, base_path),
        "webp_srcset": srcset(webp, base_path),
    }


def share_image(placed: PlacedImage, image: HeroImage, base_url: str) -> dict[str, Any] | None:
    """The image a share card shows (``og:image``): the narrowest copy in its own format at
    least as wide as the 1200 pixels social networks show (the widest, for a smaller
    image), with its absolute URL. An image without copies (a GIF, an animated PNG) is
    shared as it is; an SVG, which social networks do not show, is not (None)."""
    own, _ = _by_format(placed.variants)
    if own:
        chosen = next((v for v in own if v.width >= 1200), own[-1])
        kind: str | None = mime_type(chosen.path)
    else:
        path = static_path(image.src)
        kind = mimetypes.guess_type(path or "")[0]
        if path is None or placed.size is None or kind in (None, "image/svg+xml"):
            return None
        chosen = ImageVariant(path, *placed.size)
    return {
        "url": base_url + quote(chosen.path),
        "width": chosen.width,
        "height": chosen.height,
        "alt": image.alt,
        "type": kind,
    }


def logo_srcset(logo: Logo | None, base_path: str) -> str:
    """The header logo's ``srcset``: its copies (in its own format); empty for an SVG. The
    template's ``sizes`` is the widest ``style.css`` shows it (``.site-logo``: 14rem)."""
    copies = logo.image.variants if logo is not None and logo.image is not None else ()
    return srcset(copies, base_path) if len(copies) > 1 else ""


def srcset(variants: Sequence[ImageVariant], base_path: str) -> str:
    """``url 480w, url 960w, …``."""
    return ", ".join(f"{base_path}{quote(v.path)} {v.width}w" for v in variants)


def body_image_parts(placed: PlacedImage, base_path: str) -> tuple[str, str]:
    """A body image's ``<source>`` elements and its ``<img>``'s attributes after ``alt``,
    as the placeholders ``P`` and ``S`` take them."""
    own, webp = _by_format(placed.variants)
    sources = _source(srcset(webp, base_path), BODY_SIZES)
    attributes = ""
    if own:
        attributes += f' srcset="{escape(srcset(own, base_path))}" sizes="{BODY_SIZES}"'
    if placed.size:
        attributes += f' width="{int(placed.size[0])}" height="{int(placed.size[1])}"'
    return sources, attributes


def picture(
    image: Mapping[str, Any],
    sizes: str = BODY_SIZES,
    *,
    loading: str = "lazy",
    alt: str | None = None,
) -> Markup:
    """The ``picture`` filter: ``{{ article.image | picture("100vw", loading="eager") }}``
    shows a ``shown_image`` at the width ``sizes`` says (by default, the text column's). An
    ``eager`` one is the page's first image, which the browser should fetch first; ``alt``
    replaces the image's own (``alt=""`` on a card, whose title already names it)."""
    attributes = ""
    if image["srcset"]:
        attributes += f' srcset="{escape(image["srcset"])}" sizes="{escape(sizes)}"'
    if image["width"]:
        attributes += f' width="{int(image["width"])}" height="{int(image["height"])}"'
    priority = ' fetchpriority="high"' if loading == "eager" else ""
    return Markup(
        f"<picture>{_source(image['webp_srcset'], sizes)}"
        f'<img src="{escape(image["src"])}" alt="{escape(image["alt"] if alt is None else alt)}"'
        f"{attributes}"
        f' loading="{escape(loading)}" decoding="async"{priority}></picture>'
    )


def _source(webp_srcset: str, sizes: str) -> str:
    if not webp_srcset:
        return ""
    return f'<source type="image/webp" srcset="{escape(webp_srcset)}" sizes="{escape(sizes)}">'


def _by_format(
    variants: Sequence[ImageVariant],
) -> tuple[list[ImageVariant], list[ImageVariant]]:
    """The copies in the original's format, and the WebP ones (when it is no WebP itself),
    each by width."""
    own = [v for v in variants if not v.path.lower().endswith(WEBP)]
    webp = [v for v in variants if v.path.lower().endswith(WEBP)]
    return (own, webp) if own else (webp, [])
