"""What builds learned from the bytes of files they only read (images), kept by each file's
stamp and saved with the cache.

Every build reads each image a page shows, for the width and height pages give it, and
hashes each raster original, to name its responsive copies. Neither can change while the
file does not, and a site with many photographs would otherwise read them all again on
every build, the preview's included, whatever the edit (and load Pillow to do it). A
fact is worked out again when the file's stamp (``stamps.source_stamp``: inode, size,
times) is not the one it was worked out under, or cannot vouch for it (the file changed
moments ago).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar, cast

from .stamps import SourceStamp, source_stamp

Fact = TypeVar("Fact")
Known = dict[str, tuple[SourceStamp, dict[str, object]]]
"""File path → (its stamp, what was worked out from it under that stamp, by kind)."""


class FileFacts:
    """Facts about files, by kind (``"size"``, ``"digest"``…), kept while each file's
    stamp stays the same."""

    def __init__(self, known: Mapping[str, tuple[SourceStamp, dict[str, object]]] | None = None):
        self.known: Known = dict(known or {})
        """What the last build learned (or the saved cache held)."""
        self.used: Known = {}
        """What this build asked for; the facts the next build starts from."""

    def remembered(self, kind: str, work: Callable[[Path], Fact], file: Path) -> Fact:
        """``work(file)``, or what it gave last time under the file's present stamp. What
        raises is not kept: the next build tries again (and reports it again)."""
        stamp = source_stamp(file)
        if stamp is None:
            return work(file)
        name = str(file)
        kept = self.used.get(name) or self.known.get(name)
        facts = kept[1] if kept is not None and kept[0] == stamp else {}
        if kind not in facts:
            facts = {**facts, kind: work(file)}
        self.used[name] = (stamp, facts)
        return cast(Fact, facts[kind])

    def next_build(self) -> None:
        """Start a build: what the last one asked for is kept, the rest forgotten (a deleted
        or replaced image's). A build that asked for nothing keeps the one before."""
        if self.used:
            self.known, self.used = self.used, {}

    def saved(self) -> Known:
        """What a cache saved now should hold: this build's facts (the last build's, if this
        one asked for none), so that a deleted image's are not kept for ever."""
        return self.used or self.known
