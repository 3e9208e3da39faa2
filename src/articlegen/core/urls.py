"""The site's URL scheme: where each kind of page lives, relative to the site's root.

Pages, feeds, JSON-LD and the editorial policy all name pages by these functions, so a
URL is decided in one place and below every room that links to a page.
"""

from __future__ import annotations

from .model import ResolvedLink

RESERVED_SLUGS = frozenset(
    {"page", "tags", "see-also", "archive", "authors", "search", "assets", "pagefind"}
)
"""First path segments the generator uses for its own pages."""


def article_url(slug: str) -> str:
    """Site-relative URL of an article."""
    return f"{slug}/"


def person_url(person_id: str) -> str:
    """Site-relative URL of an author's or reviewer's page."""
    return f"authors/{person_id}/"


def tag_url(tag_slug: str, page: int = 1) -> str:
    """Site-relative URL of a tag's page ``page``."""
    return f"tags/{tag_slug}/" + (f"page/{page}/" if page > 1 else "")


def tag_feed_url(tag_slug: str) -> str:
    """Site-relative URL of a tag's Atom feed."""
    return f"tags/{tag_slug}/feed.xml"


def home_url(page: int = 1) -> str:
    """Site-relative URL of home page ``page``."""
    return f"page/{page}/" if page > 1 else ""


def link_url(link: ResolvedLink) -> str:
    """Site-relative (internal) or absolute (external) URL of a resolved link."""
    if link.url is not None:
        return link.url
    assert link.slug is not None
    return article_url(link.slug) + (f"#{link.fragment}" if link.fragment else "")
