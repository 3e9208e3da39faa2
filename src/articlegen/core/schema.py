"""The keys each of the site's file formats accepts."""

from __future__ import annotations

FRONT_MATTER_KEYS = (
    "title",
    "slug",
    "date",
    "updated",
    "description",
    "author",
    "tags",
    "see_also",
    "comments",
    "draft",
    "reviewed_by",
    "reviewed_on",
    "references",
    "disclaimer",
    "content_warning",
)
