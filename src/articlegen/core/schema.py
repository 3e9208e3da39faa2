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
    "expires",
    "aliases",
    "reviewed_by",
    "reviewed_on",
    "references",
    "disclaimer",
    "content_warning",
)

PAGE_KEYS = ("title", "slug", "date", "updated", "description", "draft", "aliases")
"""The keys a page (a file under ``content/pages/``) accepts: what names it, finds it and
dates it. The rest of ``FRONT_MATTER_KEYS`` shape what only an article shows (byline,
review, tags, See Also, references, disclaimer, comments); ``date`` is optional."""
