"""The error for a link that two or more articles answer to: it names them all, never
picks one (kept apart from ``links``, which resolves)."""

from __future__ import annotations

from ..core.console import counted
from ..core.errors import LinkError
from ..core.lookalike import collapse, how_alike
from ..core.model import LinkRef, LinkSource, LinkTarget


def ambiguous_link(
    ref: LinkRef, source: LinkSource, kind: str, found: list[LinkTarget]
) -> LinkError:
    """Two or more articles answer to the text: name them all, never pick one."""
    listed = ", ".join(f"{t.path} ('{t.title}')" for t in sorted(found, key=lambda t: t.path))
    pages = sum(t.page for t in found)
    what = " and ".join(
        counted(n, noun) for n, noun in ((len(found) - pages, "article"), (pages, "page")) if n
    )
    if len({collapse(t.title) for t in found}) == 1:
        message = f"{kind} '{ref.target}' names {what} with the same title: {listed}"
        hint = "link by slug or by file instead, or give them different titles"
    else:
        how = how_alike(t.title for t in found)
        message = (
            f"{kind} '{ref.target}' matches {len(found)} titles that differ only {how},"
            f" none exactly: {listed}"
        )
        written = "with the case of" if how == "in case" else "as it is written in"
        hint = f"write the title {written} the one you mean, or link by slug or by file"
    return LinkError(message, source.path, ref.line, hint)
