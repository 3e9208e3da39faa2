"""The last build's link graph, kept with the cache so that a build run as a command
resolves again only the links of the articles whose file changed.

A build from the command line starts a new process, with no memo of the last one's
resolutions (``core.memo``, the preview's): it resolved every link of the site again,
tens of thousands of them, and the plan record (``recordplanning``) then digested the
whole graph to find it unchanged. So the cache also saves a ``LinkRecord``: the graph,
its digest once taken, a digest of the link targets it was resolved against, and each
linking file with the key of the body its links were read from (``keys.body_key``: the
file's path and bytes, the code and the markup settings, which make its See Also and body
links).

The next build reuses that very graph when the targets are the same (slugs, files,
titles, drafts, what is withheld) and the same files link in the same order: a file whose
body key is unchanged has the same links, so the same resolutions; the links of each file
that changed (a body edit) are resolved again and must come out as the graph holds them,
without a problem. Anything else resolves every link, as before. A graph with problems is
never recorded: the build fails, and the next one finds them again; nor is one where two
files share a slug (an error too), since the body keys and the graph are held by slug.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..core.memo import Memo
from ..core.model import LinkGraph, LinkSource, LinkTarget
from ..core.records import record
from ..render.links import Resolved, build_link_graph
from .keys import value_digest

MAX_CHANGED = 16
"""More changed files than this resolve every link: the check would cost about as much."""

Linking = tuple[str, str, bool, bytes]
"""A linking file as the record lists it: its path, slug, whether it is a page, its body key."""


@record
class LinkRecord:
    """What a build's link graph (``LinkRecords.graph``) was resolved from."""

    targets: bytes
    """Digest of the link targets (in order) and whether drafts were linkable."""
    sources: tuple[Linking, ...]
    """Every linking file, in the order the graph took them."""
    digest: bytes | None = None
    """``recordplanning.graph_digest`` of the graph, once the plan record has taken it."""


class LinkRecords:
    """The record and graph the last build left (or the saved cache held), then this
    build's. The cache file saves them apart: a reused graph is the very object it loaded,
    which it need not save again."""

    def __init__(self, record: LinkRecord | None = None, graph: LinkGraph | None = None):
        self.record = record
        self.graph = graph

    def linked(
        self,
        sources: Sequence[LinkSource],
        targets: Iterable[LinkTarget],
        keys: Mapping[str, bytes],
        *,
        drafts_visible: bool,
        memo: Memo[Resolved] | None = None,
    ) -> LinkGraph:
        """``links.build_link_graph`` of ``sources`` against ``targets``, or the recorded
        graph where it is the same (see above). ``keys``: slug → the key of the body each
        source's links were read from, for those read from a body the cache holds."""
        known = tuple(targets)
        inputs = value_digest((known, drafts_visible))
        listed = [(s.path, s.slug, s.page, keys.get(s.slug)) for s in sources]
        last, graph = self.record, self.graph
        if len({s.slug for s in sources}) < len(sources):  # a slug twice: keys and graph
            inputs = None  # hold one file's per slug, so neither is reused nor recorded
        if (
            inputs is not None
            and last is not None
            and graph is not None
            and _same(last, graph, sources, known, inputs, listed, drafts_visible)
        ):
            digest = last.digest
        else:
            graph = build_link_graph(sources, known, drafts_visible=drafts_visible, memo=memo)
            digest = None
        keyed = [(path, slug, page, key) for path, slug, page, key in listed if key is not None]
        self.record, self.graph = None, graph
        if inputs is not None and len(keyed) == len(listed) and not graph.problems:
            self.record = LinkRecord(inputs, tuple(keyed), digest)
        return graph

    def digest(self, graph: LinkGraph) -> bytes | None:
        """The recorded digest of ``graph``, if it is the recorded graph and has one."""
        record = self.record
        return record.digest if record is not None and self.graph is graph else None

    def digested(self, graph: LinkGraph, digest: bytes) -> None:
        """Keep ``digest`` as the digest of ``graph``, if it is the recorded graph."""
        record = self.record
        if record is not None and self.graph is graph:
            self.record = LinkRecord(record.targets, record.sources, digest)

    def next_build(self) -> None:
        """Start a build (``StageMemos.next_build``): the record stays until replaced."""


def _same(
    last: LinkRecord,
    graph: LinkGraph,
    sources: Sequence[LinkSource],
    known: tuple[LinkTarget, ...],
    inputs: bytes | None,
    listed: list[tuple[str, str, bool, bytes | None]],
    drafts_visible: bool,
) -> bool:
    """Whether ``graph``, resolved as ``last`` says, is the graph of ``sources`` against
    ``known``."""
    if inputs != last.targets or len(listed) != len(last.sources):
        return False
    changed = []
    for source, now, was in zip(sources, listed, last.sources, strict=True):
        if now[:3] != was[:3] or now[3] is None:
            return False
        if now[3] != was[3]:
            changed.append(source)
    if len(changed) > MAX_CHANGED:
        return False
    again = build_link_graph(changed, known, drafts_visible=drafts_visible)
    return not again.problems and all(
        again.see_also_each[s.slug] == graph.see_also_each.get(s.slug)
        and again.inline[s.slug] == graph.inline.get(s.slug)
        for s in changed
    )
