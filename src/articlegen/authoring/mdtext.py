"""Writing Markdown from text that is not Markdown: escaping, and the block syntax importers use.

Imported text must read back as exactly the words it had: a ``*`` or ``[[`` in
a pasted article is a character, not emphasis or a wiki-link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_URL = re.compile(r"https?://[^\s<>\"\x00-\x1f\x7f]+")
"""A web address as CommonMark can autolink it: no space, ``<``, ``>`` or ASCII control."""
_URL_TRAILER = ".,;:!?)'\""
_INLINE_SPECIAL = re.compile(r"([\\`*_\[<~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_BLOCK_START = re.compile(r"([#>+\-=:|])|(\d+)([.)])")


def escape_markdown(text: str, *, autolink: bool = False) -> str:
    """Markdown that shows exactly ``text``; with ``autolink``, web addresses become links."""
    if not autolink:
        return _escape_inline(text)
    parts: list[str] = []
    position = 0
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(_URL_TRAILER)
        parts.append(_escape_inline(text[position : match.start()]))
        parts.append(f"<{url}>")
        position = match.start() + len(url)
    parts.append(_escape_inline(text[position:]))
    return "".join(parts)


def escape_block_start(line: str) -> str:
    """``line`` with a first character that would start a heading, list or quote escaped."""
    match = _BLOCK_START.match(line)
    if match is None:
        return line
    if match.group(1):
        return "\\" + line
    return f"{match.group(2)}\\{line[match.end(2) :]}"


def _escape_inline(text: str) -> str:
    return _ENTITY.sub("\\\\&", _INLINE_SPECIAL.sub(r"\\\1", text))


def link_target(url: str) -> str:
    """A URL as a link destination: in ``<…>``, so spaces and parentheses are safe."""
    return "<" + url.replace("<", "%3C").replace(">", "%3E").replace("\n", "") + ">"


def indent_item(marker: str, text: str) -> str:
    """A list item: ``marker`` before the first line, the next lines indented under it."""
    if not text:
        return marker.rstrip()
    pad = " " * len(marker)
    lines = text.split("\n")
    return marker + "\n".join([lines[0], *(pad + line if line else "" for line in lines[1:])])


def quoted(text: str) -> str:
    """A block quote of ``text`` (Markdown blocks)."""
    return "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))


def fenced(code: str, language: str = "") -> str:
    """A fenced code block, its fence longer than any run of backticks inside."""
    longest = max((len(run) for run in re.findall("`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{code.rstrip(chr(10))}\n{fence}"


def code_span(code: str) -> str:
    """Inline code, its backtick fence longer than any run inside."""
    if not code:
        return ""
    longest = max((len(run) for run in re.findall("`+", code)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {code} {fence}" if longest else f"`{code}`"


def table(rows: Sequence[Sequence[str]]) -> str:
    """A pipe table of inline Markdown cells; the first row is the header, short rows padded."""
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    padded = [
        [cell.replace("|", "\\|") for cell in [*row, *[""] * (width - len(row))]] for row in rows
    ]
    lines = ["| " + " | ".join(padded[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(row) + " |" for row in padded[1:]]
    return "\n".join(lines)


def merged_levels_note(levels: Iterable[int], shift: int) -> str | None:
    """The warning for headings moved down ``shift`` levels (so the top one is ``##``) where
    two written ``levels`` both land on ``######``, Markdown's deepest: the difference between
    them is lost, and only the author can say what it was. None where none merge."""
    merged = sorted({level for level in levels if level + shift >= 6})
    if len(merged) < 2:
        return None
    written = ", ".join(str(level) for level in merged[:-1]) + f" and {merged[-1]}"
    return (
        f"its headings move down {shift} level{'s' if shift != 1 else ''} so that the top one"
        f" is ##, and levels {written} all become ###### (there is no deeper level): check its"
        " deepest headings, and make the lesser ones bold text where they must stay apart"
    )


FOOTNOTES_NOTE = (
    "its footnotes became a '## Notes' list: make those that cite a source entries of "
    "'references:' (cited as [^id])"
)


def note_mark(label: str) -> str:
    """A footnote's mark in the text: its label, linked to the ``## Notes`` list (a
    ``[^id]`` here cites an entry of ``references:``, which an old post's footnote is not)."""
    return f"[\\[{escape_markdown(label)}\\]](#notes)"


def with_notes(body: str, notes: Iterable[tuple[str, str]]) -> str:
    """``body`` with its footnotes (label, Markdown text) listed under ``## Notes`` at its
    end, where their marks lead."""
    listed = "\n".join(f"- \\[{escape_markdown(label)}\\] {text}" for label, text in notes)
    return body.rstrip("\n") + "\n\n## Notes\n\n" + listed + "\n"
