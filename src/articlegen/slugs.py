"""Slugs: the URL-safe names of articles and tags (lowercase a-z, 0-9 and '-')."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLUG_MAX = 100
"""Longest slug: it names a folder and a URL segment, and file systems stop at 255 bytes."""
SUGGESTED_SLUG_LENGTH = 60
"""Slugs made from a title for a new file are cut (between words) to about this length."""


def slugify(text: str, max_length: int | None = None) -> str:
    """Lowercase ASCII words joined by '-'; accents folded so 'Café' gives 'cafe'.

    With ``max_length``, whole words are dropped from the end until it fits.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", folded.lower()).strip("-")
    if max_length is None or len(slug) <= max_length:
        return slug
    cut = slug.rfind("-", 0, max_length + 1)
    return slug[: cut if cut > 0 else max_length].strip("-")


def sort_key(text: str) -> str:
    """``text`` for alphabetical order: case and accents folded so 'Éclair' sorts with the
    e's, not after 'z'; unlike ``slugify``, letters outside ASCII are kept, not dropped."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_slug(text: str) -> bool:
    """Whether ``text`` is already a valid slug."""
    return SLUG_RE.fullmatch(text) is not None


def url_slug(url: str | None) -> str:
    """The slug a page address ends in: ``…/2024/low-t/`` and ``…/low-t.html`` give ``low-t``."""
    segments = [s for s in urlsplit(url or "").path.split("/") if s]
    if segments and segments[-1].rsplit(".", 1)[0].lower() == "index":
        segments.pop()
    return slugify(re.sub(r"\.(?:html?|php|aspx?)$", "", segments[-1])) if segments else ""
