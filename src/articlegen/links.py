"""The cross-link graph: resolve See Also and body links, both directions.

Works on plain records (``LinkSource``, ``LinkTarget``): no files, no
Markdown, no templates, so every rule here is tested with literal data.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from .errors import LinkError, closest, suggestion
from .model import LinkGraph, LinkRef, LinkSource, LinkTarget, ResolvedLink

CONTENT_PREFIX = "content/"


@dataclass(frozen=True, slots=True)
class _Index:
    """Every way an author may name an article."""

    by_slug: dict[str, LinkTarget]
    by_path: dict[str, LinkTarget]
    by_title: dict[str, LinkTarget]


def build_link_graph(
    sources: Sequence[LinkSource], targets: Iterable[LinkTarget], *, drafts_visible: bool = False
) -> LinkGraph:
    """Resolve every link of ``sources`` against ``targets``; problems are collected, not raised."""
    index = _make_index(targets)
    problems: list[LinkError] = []
    see_also: dict[str, tuple[ResolvedLink, ...]] = {}
    inline: dict[str, tuple[ResolvedLink | None, ...]] = {}
    incoming: dict[str, set[str]] = {}

    def resolve_all(
        source: LinkSource, refs: Sequence[LinkRef], kind: str
    ) -> list[ResolvedLink | None]:
        resolved: list[ResolvedLink | None] = []
        for ref in refs:
            try:
                link = _resolve(ref, source, index, drafts_visible, kind)
            except LinkError as problem:
                problems.append(problem)
                link = None
            if link is not None and link.slug is not None:
                incoming.setdefault(link.slug, set()).add(source.slug)
            resolved.append(link)
        return resolved

    for source in sources:
        see_also[source.slug] = _unique(resolve_all(source, source.see_also, "see_also"))
        inline[source.slug] = tuple(resolve_all(source, source.inline, "link"))
    title_of = {t.slug: t.title for t in index.by_slug.values()}
    backlinks = {
        slug: tuple(sorted(linkers, key=lambda s: (title_of.get(s, s).casefold(), s)))
        for slug, linkers in sorted(incoming.items())
    }
    return LinkGraph(see_also, inline, backlinks, tuple(problems))


def _make_index(targets: Iterable[LinkTarget]) -> _Index:
    by_slug: dict[str, LinkTarget] = {}
    by_path: dict[str, LinkTarget] = {}
    by_title: dict[str, LinkTarget] = {}
    for target in targets:
        by_slug[target.slug] = target
        by_path[_content_relative(target.path)] = target
        by_title.setdefault(target.title.casefold(), target)
    return _Index(by_slug, by_path, by_title)


def _resolve(
    ref: LinkRef, source: LinkSource, index: _Index, drafts_visible: bool, kind: str
) -> ResolvedLink:
    parts = urlsplit(ref.target)
    if parts.scheme in ("http", "https") and parts.netloc:
        return ResolvedLink(url=ref.target)
    if parts.scheme and len(parts.scheme) > 1:
        raise LinkError(
            f"{kind} '{ref.target}' is neither an article nor an http(s) URL",
            source.path,
            ref.line,
            "use a slug, a file under content/, a title or an https:// address",
        )
    name, _, fragment = ref.target.partition("#")
    target = _lookup(name.strip(), source.path, index)
    if target is None:
        raise LinkError(
            f"{kind} '{ref.target}' matches no article{_suggest(name, index)}",
            source.path,
            ref.line,
            "link by slug, by file (content/x.md) or by exact title",
        )
    if target.slug == source.slug:
        raise LinkError(f"{kind} '{ref.target}' links the article to itself", source.path, ref.line)
    if target.draft and not drafts_visible:
        raise LinkError(
            f"{kind} '{ref.target}' links to a draft ({target.path})",
            source.path,
            ref.line,
            "publish the draft (draft: false), remove the link, or build with --drafts",
        )
    return ResolvedLink(slug=target.slug, fragment=fragment)


def _lookup(name: str, source_path: str, index: _Index) -> LinkTarget | None:
    if name in index.by_slug:
        return index.by_slug[name]
    for path in _path_candidates(name, source_path):
        if path in index.by_path:
            return index.by_path[path]
    return index.by_title.get(name.casefold())


def _path_candidates(name: str, source_path: str) -> list[str]:
    """``name`` read as a file: relative to the linking file, then to ``content/``."""
    if not name:
        return []
    file = name if name.endswith(".md") else f"{name}.md"
    here = posixpath.dirname(_content_relative(source_path))
    candidates = [posixpath.normpath(posixpath.join(here, file)), posixpath.normpath(file)]
    return [_content_relative(c.lstrip("/")) for c in candidates]


def _content_relative(path: str) -> str:
    return path[len(CONTENT_PREFIX) :] if path.startswith(CONTENT_PREFIX) else path


def _suggest(name: str, index: _Index) -> str:
    """The closest titles (in the author's spelling) and slugs."""
    titles = [index.by_title[m].title for m in closest(name.casefold(), index.by_title)]
    return suggestion([*titles, *closest(name, index.by_slug)][:3])


def _unique(links: Iterable[ResolvedLink | None]) -> tuple[ResolvedLink, ...]:
    seen: dict[ResolvedLink, None] = {}
    for link in links:
        if link is not None:
            seen.setdefault(link, None)
    return tuple(seen)
