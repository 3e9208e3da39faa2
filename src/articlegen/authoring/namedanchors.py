"""Old blogs' in-page anchors (``<a name="dose"></a>``) made ids the Markdown here carries.

Markdown posts of old blogs mark places with raw HTML anchors that their links point at
(``[the dose](#dose)``, or from another post ``/2019/05/old-post.html#dose``). A site here
shows raw HTML as text unless it allows HTML, so the anchor showed as text and every link to
it failed the build. Markdown's only ids are its headings': an anchor at a heading (on the
lines before it, or inside it) is removed and the links to it lead to that heading's id
instead, which is the same place; an anchor anywhere else leads to the heading of its
section (or the top of the page), with a note. Links from other posts of the same import
(``[[slug#dose|text]]``, ``[text](slug.md#dose)`` as ``oldlinks`` writes them) are led the
same way, once every post's anchors are known (``cross_linked``). Code (fenced, indented or
in a span) is left as it is.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from urllib.parse import quote, unquote

from selectolax.lexbor import LexborNode

from .htmlmeta import attribute
from .mdcode import parsed_tokens
from .mdsource import outside_code, tidy
from .sourcelines import line_of

_NAMED = re.compile(
    r"(?<!\\)<(?:a|span)\s+(?:name|id)\s*=\s*(?:\"([^\"<>\n]*)\"|'([^'<>\n]*)'|([^\s\"'<>=`/]+))"
    r"[^<>\n]*?(?:/>|>([^<>\n]*)</(?:a|span)\s*>)",
    re.IGNORECASE,
)
"""An anchor: ``<a name="x">`` (or ``id=``, first among its attributes; or a ``<span id="x">``,
as some posts mark a heading) and the text it holds, or none as XHTML wrote it,
``<a name="x" />``; not ``\\<a`` (an escaped ``<``, shown as text)."""
_MARK = re.compile("\x00(\\d+)\x00")
_TARGET = re.compile(
    r"(\]\(\s*|^ {0,3}\[[^\]\n]+\]:[ \t]*)(<[^<>\n]*>|[^\s<>()]+)(?=[\s)]|$)", re.M
)
"""A link's target, inline or in a reference definition, written bare or in ``<>``."""
_WIKI = re.compile(r"\[\[([^\[\]|#\n]+)#([^\[\]|\n]+)(\|[^\[\]\n]*)?\]\]")
"""A ``[[slug#fragment|text]]`` link."""


@dataclass(frozen=True, slots=True)
class Anchored:
    """A body without its anchors, and where each went."""

    body: str
    notes: list[str]
    """A note for each anchor that was not at a heading."""
    targets: dict[str, tuple[str, bool]]
    """Anchor name → the id its links now lead to (``top`` before the first heading), and
    whether that is its own heading's (else its section's)."""
    subjects: dict[str, str] = field(default_factory=dict)
    """A note of ``notes`` → the name of the anchor it is about (``anchor_line``)."""


def named_anchors(body: str) -> tuple[str, list[str]]:
    """``body`` (``tidy``) without its HTML anchors, its links to them led on, and a note for
    each anchor that was not at a heading (``moved_anchors``)."""
    anchored = moved_anchors(body)
    return anchored.body, anchored.notes


def moved_anchors(body: str) -> Anchored:
    """``body`` (``tidy``) without its HTML anchors (their text kept), its links to each
    (``#name``) leading to the heading at it or the section around it."""
    names: list[str] = []
    if not _NAMED.search(body):  # most posts: no anchor, so no parse for code blocks
        return Anchored(body, [], {})

    def mark(part: str) -> str:
        def one(match: re.Match[str]) -> str:
            name = next(group for group in match.groups()[:3] if group is not None)
            names.append(html.unescape(name))
            return f"\x00{len(names) - 1}\x00{match.group(4) or ''}"

        return _NAMED.sub(one, part)

    marked = outside_code(body, mark)
    if not names:
        return Anchored(body, [], {})
    lines = marked.split("\n")
    headings = parsed_headings(_MARK.sub("", marked))
    targets: dict[str, tuple[str, bool]] = {}
    notes: list[str] = []
    subjects: dict[str, str] = {}
    for number, line in enumerate(lines):
        for found in _MARK.finditer(line):
            name = names[int(found.group(1))]
            target, exact = _place(number, lines, headings)
            targets.setdefault(name, (target, exact))
            if not exact:
                notes.append(
                    f"its HTML anchor '{name}' is at no heading, and Markdown gives ids to "
                    f"headings only: links to #{name} lead to #{target}, the "
                    + ("top of the page" if target == "top" else "heading of its section")
                )
                subjects.setdefault(notes[-1], name)
    kept = [_MARK.sub("", line) for line in lines if not _anchors_alone(line)]
    own = {name: target for name, (target, _) in targets.items()}
    relinked = _relinked("\n".join(kept), lambda page, name: own.get(name) if not page else None)
    return Anchored(tidy(relinked), notes, targets, subjects)


def cross_linked(
    body: str,
    moved: Mapping[str, Mapping[str, tuple[str, bool]]],
    ids: Mapping[str, AbstractSet[str]] | None = None,
    subjects: dict[str, str] | None = None,
    own: str | None = None,
) -> tuple[str, list[str]]:
    """``body`` with its links to another post's anchors (``[[slug#name|…]]``,
    ``[…](slug.md#name)``) leading where ``moved`` (slug → ``Anchored.targets``) says: the
    anchor's heading, or its section's with a note, or the bare article before the first.
    A link to a post of ``ids`` (slug → its heading ids) naming neither an anchor nor one
    of them (``#comments``, which the old theme made) leads to the bare article, with a note:
    the build would refuse it. So does a link within the page of ``own`` (the body's slug,
    a post of ``ids``) to a place it has no heading for, which leads to ``#top``: the old
    page's table of contents naming places its text never marked showed no error there.
    ``subjects``, if given, gets each note → the fragment its link names
    (``fragment_line``)."""
    notes: list[str] = []

    def lead(page: str, name: str) -> str | None:
        found = moved.get(page.removesuffix(".md"), {}).get(name) if page else None
        slug = page.removesuffix(".md") if page else own
        if found is None:
            if slug is None or ids is None or slug not in ids or name in {"", "top", *ids[slug]}:
                return None
            notes.append(
                f"its link to {page and slug}#{name} leads to the top of "
                + ("that article" if page else "its page")
                + f": it has no heading or anchor '{name}' (an id the old site's theme "
                "made, such as #comments, has none here)"
            )
            if subjects is not None:
                subjects.setdefault(notes[-1], name)
            return "" if page else "top"
        target, exact = found
        if not exact:
            notes.append(
                f"its link to {page.removesuffix('.md')}#{name} leads to "
                + (
                    "the top of that article"
                    if target == "top"
                    else f"#{target}, the heading of the section"
                )
                + f": the anchor '{name}' there is at no heading, and Markdown gives ids to "
                "headings only"
            )
            if subjects is not None:
                subjects.setdefault(notes[-1], name)
        return "" if target == "top" else target

    return _relinked(body, lead), list(dict.fromkeys(notes))


class HeadingIds(Mapping[str, AbstractSet[str]]):
    """Slug → the ids of the headings of its body (``parsed_headings``), each body parsed
    when a link first names it with a fragment: of a site's thousands of articles, which
    an import's links may lead to as well as to its own posts, only those are parsed."""

    def __init__(self, bodies: Mapping[str, str]) -> None:
        self._bodies = bodies
        self._ids: dict[str, frozenset[str]] = {}

    def __getitem__(self, slug: str) -> AbstractSet[str]:
        if slug not in self._ids:
            self._ids[slug] = frozenset(parsed_headings(self._bodies[slug]).values())
        return self._ids[slug]

    def __contains__(self, slug: object) -> bool:  # Mapping's would parse the body
        return slug in self._bodies

    def __iter__(self) -> Iterator[str]:
        return iter(self._bodies)

    def __len__(self) -> int:
        return len(self._bodies)


def html_anchor_names(main: LexborNode) -> frozenset[str]:
    """The names of an HTML post's anchors (``<a name>`` or ``id`` without ``href``), its
    headings' ids, and the ids of its other elements (``<p id="dose">``, ``<li id="fn1">``)
    that its own links name (``#dose``): the places its links to ``#name`` may lead, kept
    as anchors by ``htmlimport`` and led to headings here. An id nothing links to is left
    out, so that it is no warning."""
    names = [anchor_name(a) for a in main.css("a:not([href])")]
    names += [attribute(h, "id") for h in main.css("h1, h2, h3, h4, h5, h6")]
    linked = {unquote(attribute(a, "href")[1:]) for a in main.css('a[href^="#"]')}
    names += [name for node in main.css("[id]") if (name := attribute(node, "id")) in linked]
    return frozenset(names) - {""}


def anchor_name(node: LexborNode) -> str:
    """An ``<a>`` anchor's name: its ``name``, else its ``id``."""
    return attribute(node, "name") or attribute(node, "id")


def anchor_mark(name: str) -> str:
    """An anchor as a Markdown post writes one, which ``moved_anchors`` reads."""
    return f'<a name="{html.escape(name)}"></a>'


def anchor_line(text: str | None, name: str) -> int | None:
    """The line (from 1) of the first anchor named ``name`` in a post's source ``text``."""
    for match in _NAMED.finditer(text or ""):
        if html.unescape(next(g for g in match.groups()[:3] if g is not None)) == name:
            return (text or "").count("\n", 0, match.start()) + 1
    return None


def fragment_line(text: str | None, name: str) -> int | None:
    """The line (from 1) of the first link to ``#name`` (as written, or percent-encoded)
    in a post's source ``text``."""
    written = "|".join(re.escape(form) for form in dict.fromkeys((name, quote(name))))
    return line_of(text, re.compile(f"#(?:{written})(?![\\w%.~-])"))


def _anchors_alone(line: str) -> bool:
    """Whether ``line`` held only anchors, so that it goes with them."""
    return _MARK.search(line) is not None and not _MARK.sub("", line).strip()


def _place(number: int, lines: list[str], headings: dict[int, str]) -> tuple[str, bool]:
    """The id an anchor on line ``number`` leads to, and whether it is its heading's (the
    anchor inside the heading, or alone on lines just before it, perhaps among others)."""
    if number in headings:
        return headings[number], True
    if _anchors_alone(lines[number]):
        after = number + 1
        while after < len(lines) and (not lines[after].strip() or _anchors_alone(lines[after])):
            after += 1
        if after in headings:
            return headings[after], True
    before = [line for line in headings if line < number]
    return (headings[max(before)] if before else "top"), False


def _relinked(body: str, lead: Callable[[str, str], str | None]) -> str:
    """``body`` with each link to ``page#name`` (``page`` empty for the article's own) led
    to ``#`` and what ``lead`` gives (no fragment for an empty one), unless it gives None.
    The name is compared percent-decoded, as the build compares fragments."""
    if "#" not in body:  # no fragment to lead: no parse for code blocks
        return body

    def target(match: re.Match[str]) -> str:
        start, written = match.groups()
        angled = written.startswith("<")
        url = written[1:-1] if angled else written
        page, hash_, name = url.partition("#")
        new = lead(page, unquote(name)) if hash_ else None
        if new is None:
            return match.group(0)
        url = f"{page}#{new}" if new or not page else page
        return f"{start}<{url}>" if angled else f"{start}{url}"

    def wiki(match: re.Match[str]) -> str:
        page, name, text = match.groups()
        new = lead(page.strip(), unquote(name.strip()))
        if new is None:
            return match.group(0)
        return f"[[{page}{'#' + new if new else ''}{text or ''}]]"

    return outside_code(body, lambda part: _WIKI.sub(wiki, _TARGET.sub(target, part)))


def parsed_headings(body: str) -> dict[int, str]:
    """The line (from 0) of each heading of ``body`` that has an id, and that id, as the
    build's parser gives them."""
    return {
        token.map[0]: str(token.attrs["id"])
        for token in parsed_tokens(body)
        if token.type == "heading_open" and token.map and "id" in token.attrs
    }
