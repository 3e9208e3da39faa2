"""Per-article results of the stages between loading and planning, kept for the next build
in the same process (the preview's): see ``core.memo`` for when a result is reused."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..content.images import image_info
from ..core.memo import Memo
from ..core.model import RenderedBody
from ..core.records import record
from ..render.links import Resolved
from ..trust.references import Citations
from .filefacts import FileFacts
from .linkrecord import LinkRecords


@record
class StageMemos:
    """Per-article results of the stages between loading and planning, for the next build
    to reuse where their inputs did not change (``core.memo``); kept in memory only, but
    for ``files`` and ``graph``, which the cache file also saves."""

    links: Memo[Resolved] = dataclasses.field(default_factory=Memo)
    """Each source's links resolved (``links.build_link_graph``)."""
    bodies: Memo[RenderedBody] = dataclasses.field(default_factory=Memo)
    """Each body with its placeholders filled (``bodies.finished_bodies``)."""
    citations: Memo[Citations] = dataclasses.field(default_factory=Memo)
    """Each article's citations numbered (``checks.check_trust``)."""
    files: FileFacts = dataclasses.field(default_factory=FileFacts)
    """What was learned from each image file's bytes, by its stamp: its size and whether it
    is animated (``image_info``), the digest its copies are named by (``variants``)."""
    digests: Memo[bytes | None] = dataclasses.field(default_factory=Memo)
    """Digests of the parts of the site re-planning compares (``replan.shown_digest``)."""
    sitemap: Memo[bytes] = dataclasses.field(default_factory=Memo)
    """The sitemap's XML (``feeds.sitemap``)."""
    graph: LinkRecords = dataclasses.field(default_factory=LinkRecords)
    """The last build's link graph (``linkrecord``), which the cache file also saves."""

    def next_build(self) -> None:
        """Start a build (``Memo.next_build``)."""
        for field in dataclasses.fields(self):
            getattr(self, field.name).next_build()

    def image_info(self, file: Path) -> tuple[tuple[int, int] | None, bool]:
        """``images.image_info`` of ``file``, read again only when the file's stamp changed
        or cannot vouch for it (``source_stamp``: changed moments ago, or missing)."""
        return self.files.remembered("size", image_info, file)
