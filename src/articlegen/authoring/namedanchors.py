"""Old blogs' in-page anchors (``<a name="dose"></a>``) made ids the Markdown here carries.

Markdown posts of old blogs mark places with raw HTML anchors that their links point at
(``[the dose](#dose)``). A site here shows raw HTML as text unless it allows HTML, so the
anchor showed as text and every link to it failed the build. Markdown's only ids are its
headings': an anchor at a heading (on the line before it, or inside it) is removed and the
article's links to it lead to that heading's id instead, which is the same place; an anchor
anywhere else leads to the heading of its section (or the top of the page), with a note.
"""

from __future__ import annotations

import re

from .mdsource import markdown_parser, outside_code, tidy

_NAMED = re.compile(
    r"<a\s+(?:name|id)\s*=\s*(?:\"([^\"<>\n]*)\"|'([^'<>\n]*)'|([^\s\"'<>=`/]+))[^<>\n]*?"
    r"(?:/>|>([^<>\n]*)</a\s*>)",
    re.IGNORECASE,
)
"""An anchor: ``<a name="x">`` (or ``id=``, first among its attributes) and the text it holds,
or none as XHTML wrote it, ``<a name="x" />``."""
_MARK = re.compile("\x00(\\d+)\x00")


def named_anchors(body: str) -> tuple[str, list[str]]:
    """``body`` (``tidy``) without its HTML anchors (their text kept), its links to each (``#name``)
    leading to the heading at it or the section around it; and a note for each anchor that
    was not at a heading."""
    names: list[str] = []

    def mark(part: str) -> str:
        def one(match: re.Match[str]) -> str:
            names.append(next(group for group in match.groups()[:3] if group is not None))
            return f"\x00{len(names) - 1}\x00{match.group(4) or ''}"

        return _NAMED.sub(one, part)

    marked = outside_code(body, mark)
    if not names:
        return body, []
    lines = marked.split("\n")
    headings = parsed_headings(_MARK.sub("", marked))
    targets: dict[str, str] = {}
    notes: list[str] = []
    for number, line in enumerate(lines):
        for found in _MARK.finditer(line):
            name = names[int(found.group(1))]
            target, exact = _place(number, lines, headings)
            targets.setdefault(name, target)
            if not exact:
                notes.append(
                    f"its HTML anchor '{name}' is at no heading, and Markdown gives ids to "
                    f"headings only: links to #{name} lead to #{target}, the "
                    + ("top of the page" if target == "top" else "heading of its section")
                )
    kept = [_MARK.sub("", line) for line in lines if not _anchors_alone(line)]
    return tidy(_relinked("\n".join(kept), targets)), notes


def _anchors_alone(line: str) -> bool:
    """Whether ``line`` held only anchors, so that it goes with them."""
    return _MARK.search(line) is not None and not _MARK.sub("", line).strip()


def _place(number: int, lines: list[str], headings: dict[int, str]) -> tuple[str, bool]:
    """The id an anchor on line ``number`` leads to, and whether it is its heading's (the
    anchor inside the heading, or alone on lines just before it)."""
    if number in headings:
        return headings[number], True
    if _anchors_alone(lines[number]):
        after = number + 1
        while after < len(lines) and not lines[after].strip():
            after += 1
        if after in headings:
            return headings[after], True
    before = [line for line in headings if line < number]
    return (headings[max(before)] if before else "top"), False


def _relinked(body: str, targets: dict[str, str]) -> str:
    """``body`` with its links to ``#name`` (inline or by a reference definition) leading to
    ``#target``."""
    names = "|".join(re.escape(name) for name in sorted(targets, key=len, reverse=True))
    link = re.compile(rf"(\]\(\s*<?|^ {{0,3}}\[[^\]\n]+\]:[ \t]*<?)#({names})(?=[\s>)]|$)", re.M)

    def change(part: str) -> str:
        return link.sub(lambda m: f"{m.group(1)}#{targets[m.group(2)]}", part)

    return outside_code(body, change)


def parsed_headings(body: str) -> dict[int, str]:
    """The line (from 0) of each heading of ``body`` that has an id, and that id, as the
    build's parser gives them."""
    tokens = markdown_parser().parse(body, {"first_line": 1, "path": None, "problems": []})
    return {
        token.map[0]: str(token.attrs["id"])
        for token in tokens
        if token.type == "heading_open" and token.map and "id" in token.attrs
    }
