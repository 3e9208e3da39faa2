"""A Jekyll post's figure and video includes, as Minimal Mistakes writes them, as Markdown.

``{% include figure image_path="/assets/walk.jpg" alt="…" caption="…" %}`` and ``{% include
video id="…" provider="youtube" %}`` are the includes of Minimal Mistakes, the most used
Jekyll theme (and of the themes built on it), for an image with its caption and a video
player. Kept as text, the page showed the tag where the image or the video was. The figure
becomes the HTML the theme rendered (its caption may hold HTML, as the theme lets it), which
``mdhtmlimages`` then writes as Markdown, its file found and copied as any other image's;
the video becomes the site's video block. Any other include is kept as text, as before.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from .mdsource import video_block

_ARGUMENT = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
"""An include's parameter given as a quoted string (one naming a variable is left out)."""
_PLAYERS = {"youtube": "https://www.youtube.com/watch?v=", "vimeo": "https://vimeo.com/"}


def included(argument: str, baseurl: str, *, markdown: bool) -> str | None:
    """What ``{% include <argument> %}`` stands for (``figure …`` or, in a Markdown post, a
    YouTube or Vimeo ``video …``; ``baseurl`` goes before a root-relative image, as the
    theme's ``relative_url`` put it), or None to keep the tag as text."""
    name, _, rest = argument.strip().partition(" ")
    named = {
        found.group(1): found.group(2) if found.group(2) is not None else found.group(3)
        for found in _ARGUMENT.finditer(rest)
    }
    if name == "figure" and named.get("image_path", "").strip():
        return _figure(named, baseurl)
    player = _PLAYERS.get(named.get("provider", "").lower())
    if name == "video" and markdown and player and named.get("id", "").strip():
        return video_block(player + named["id"].strip())
    return None


def _figure(named: dict[str, str], baseurl: str) -> str:
    """The figure as the theme rendered it: its image (without ``alt`` when none was given,
    so that the import asks for one) and its caption."""
    src = named["image_path"].strip()
    if not urlsplit(src).scheme and not src.startswith("//"):
        src = f"{baseurl}/{src.lstrip('/')}"
    alt = f' alt="{html.escape(named["alt"])}"' if "alt" in named else ""
    caption = named.get("caption", "").strip()
    under = f"<figcaption>{' '.join(caption.split())}</figcaption>" if caption else ""
    return f'\n\n<figure><img src="{html.escape(src)}"{alt}>{under}</figure>\n\n'
