"""Slugs: the URL-safe names of articles and tags (lowercase a-z, 0-9 and '-')."""

from __future__ import annotations

import re
import unicodedata

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by '-'; accents folded so 'Café' gives 'cafe'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", folded.lower()).strip("-")


def is_slug(text: str) -> bool:
    """Whether ``text`` is already a valid slug."""
    return SLUG_RE.fullmatch(text) is not None
