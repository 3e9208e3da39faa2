"""Double brackets an imported Markdown post holds: a ``[[…]]`` the build reads as a link to
an article (an imported post, or an article already on the site) is kept, as a site with a
wiki-link plugin made it a link; one that can never lead anywhere (``[[ ]]``, a name no
article has, a ``[[`` no ``]]`` closes, ``M = [[1,2],[3,4]]``), which the old site showed as
text and the build would refuse, is escaped, ``\\[[``, and the import says where.

The build's own parser (with the site's ``allow_html``) finds them, so code, raw HTML and
comments are left as the build leaves them, and ``\\\\[[a]]`` is brackets not escaped; its
link rules (``render.links.resolve_links``) tell which name an article.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..core.model import LinkRef, LinkTarget
from ..core.problems import Diagnostic
from ..markup.markdown import make_markdown
from ..markup.wikilinks import UNCLOSED, note_starts
from ..render.links import resolve_links

_SHOWN = 4
"""Escaped brackets a warning names; the rest are counted."""
_ITSELF = "links the post to itself, which the build refuses"
_PASSES = 3
"""Parses at most: escaping a ``[[`` no ``]]`` closes may let the brackets after it read on."""


@dataclass(frozen=True, slots=True)
class Escaped:
    """A ``[[`` written ``\\[[``: its line of the body (from 1) and column, what followed,
    and why."""

    line: int
    column: int
    text: str
    why: str


def wiki_as_text(
    body: str, path: str, targets: Iterable[LinkTarget], *, allow_html: bool
) -> tuple[str, list[Escaped]]:
    """``body`` (of the file at ``path``) with each ``[[`` that names none of ``targets``
    escaped, and what was escaped."""
    known = tuple(targets)
    escaped: list[Escaped] = []
    for _ in range(_PASSES):
        found = _unresolved(body, path, known, allow_html)
        if not found:
            break
        lines = body.split("\n")
        for line, column, text, why in sorted(found, reverse=True):
            lines[line] = lines[line][:column] + "\\" + lines[line][column:]
            escaped.append(Escaped(line + 1, column, text, why))
        body = "\n".join(lines)
    return body, sorted(escaped, key=lambda each: (each.line, each.column))


def _unresolved(
    body: str, path: str, targets: tuple[LinkTarget, ...], allow_html: bool
) -> list[tuple[int, int, str, str]]:
    """Where each ``[[`` the build would refuse starts in ``body`` (line from 0, column),
    the brackets as written, and why."""
    md = make_markdown(allow_html=allow_html)
    note_starts(md)
    lines = body.split("\n")
    found: list[tuple[int, int, str, str, str | None]] = []
    for block in md.parse(body, {"first_line": 1, "path": path, "problems": []}):
        if block.type != "inline" or not block.map or not block.children:
            continue
        cursor: dict[int, int] = {}
        for child in block.children:
            if "start" not in child.meta:
                continue
            start = child.meta["start"]
            number = block.map[0] + block.content.count("\n", 0, start)
            rest = block.content[start:].split("\n", 1)[0].rstrip()
            column = lines[number].find(rest, cursor.get(number, 0)) if number < len(lines) else -1
            if column < 0:
                continue
            cursor[number] = column + 2
            if child.type == UNCLOSED:
                why = "names no article" if child.meta["empty"] else "is never closed with ']]'"
                found.append((number, column, _quoted(rest), why, None))
            else:
                found.append(
                    (number, column, _quoted(rest), "names no article", child.meta["target"])
                )
    named = [target for *_, target in found if target is not None]
    resolved, _ = resolve_links(
        [LinkRef(target, 0) for target in named], path, targets, kind="link"
    )
    own = next((target.slug for target in targets if target.path == path), None)
    whys: dict[str | None, str | None] = {
        target: None if link is None else _ITSELF if link.slug == own else ""
        for target, link in zip(named, resolved, strict=True)
    }
    return [
        (n, c, text, whys.get(target) or why)
        for n, c, text, why, target in found
        if whys.get(target) != ""
    ]


def _quoted(rest: str) -> str:
    """The brackets at the start of ``rest`` (the line from them on), as written."""
    end = rest.find("]]")
    shown = rest[: end + 2] if end >= 0 else rest
    return shown if len(shown) <= 40 else shown[:40].rstrip() + "…"


def escaped_warning(escaped: list[Escaped], path: str, first_line: int) -> Diagnostic:
    """One warning for a file's escaped brackets: how many, where and why; ``first_line`` is
    the file's line the body starts on."""
    return escaped_as_text(
        "double bracket",
        "\\[[",
        "wiki links",
        [f"line {first_line + each.line - 1} '{each.text}' {each.why}" for each in escaped],
        (path, first_line + escaped[0].line - 1),
        "to link an article there instead, write its slug or title between the brackets and "
        "remove the '\\'",
    )


def escaped_as_text(
    noun: str, escape: str, refused_as: str, items: list[str], place: tuple[str, int], hint: str
) -> Diagnostic:
    """One warning for a file's syntax escaped so that the page shows it as text, as the old
    site did (``items``: each one's line and text): how many, the first few, and why."""
    count = f"{len(items)} {noun}{'s' if len(items) > 1 else ''}"
    return Diagnostic(
        f"{count} written '{escape}' so the page shows them as text, as the old site did, where "
        f"the build would refuse them as {refused_as}: {first_few(items)}",
        *place,
        hint,
    )


def first_few(items: list[str]) -> str:
    """The first few of ``items`` (each a line and its text) for a warning, and how many more:
    a file may hold hundreds, and the writer needs the first to find the rest."""
    more = f"; and {len(items) - _SHOWN} more" if len(items) > _SHOWN else ""
    return "; ".join(items[:_SHOWN]) + more
