"""What a build run as a command saves for the next one to plan only what changed: the
records (``recordplanning`` makes and reads them; ``cachefile`` saves them with the cache)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ..core.model import Alias
from ..core.records import record


@record
class ArticleRecord:
    """An article (or page) as the record holds it."""

    slug: str
    source: str
    digest: bytes
    """The source digest of the file it was read from (``keys.source_digest``)."""
    zone: str
    """The time zone its dates were read in, which the source digest does not hold."""
    card: bytes
    """Digest of what listings and other pages show of it (``replan.shown_parts``)."""
    aliases: tuple[Alias, ...]
    """Its redirects: a change of them makes pages come or go."""


@record
class BodyRecord:
    """An article's finished body as the record holds it."""

    slug: str
    page: bytes
    """Digest of what its own page and the feeds show of it (``PAGE_BODY_FIELDS``)."""
    minutes: int
    """Its reading time, which every card of it shows."""


@record
class SiteDigests:
    """The digests a record compares, taken of one build's site."""

    fingerprint: bytes
    """``replan.shown_digest`` of the site."""
    graph: bytes
    articles: tuple[ArticleRecord, ...]
    pages: tuple[ArticleRecord, ...]
    bodies: tuple[BodyRecord, ...]


@record
class PlanRecord:
    """What the next process compares its site with, and the pages it may keep unplanned."""

    search: bool
    templates: tuple[tuple[str, str], ...]
    """Template name → digest (``templates.template_fingerprints``), sorted."""
    site: SiteDigests
    plans: tuple[tuple[str, str, str], ...]
    """Every page's ``(url, out_path, template)``, in planning order."""


KEPT_CONTEXT: Mapping[str, object] = MappingProxyType({})
"""The context of a page kept from the last build unplanned: it is never rendered (the
cache reuses its file), so nothing reads it."""
