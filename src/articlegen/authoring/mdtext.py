"""Writing Markdown from text that is not Markdown: escaping, and the block syntax importers use.

Imported text must read back as exactly the words it had: a ``*`` or ``[[`` in
a pasted article is a character, not emphasis or a wiki-link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_URL = re.compile(
    r"(?:https?://|(?<![\w.@/:-])www\.(?=[\w-]+\.\w))[^\s<>\"\x00-\x1f\x7f]+", re.IGNORECASE
)
"""A web address as CommonMark can autolink it (no space, ``<``, ``>`` or ASCII control),
or one starting ``www.`` without its scheme, which GitHub's autolinker links too."""
_URL_TRAILER = ".,;:!?'\""
_INLINE_SPECIAL = re.compile(r"([\\`*_\[<~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_BLOCK_START = re.compile(r"([#>+\-=:|])|(\d+)([.)])")
_ITEM_MARK = re.compile(r"^(?:[-*]|\d+[.)])(?= |$)", re.M)
"""A list item's marker, at the start of a line of a list block (its other lines are
indented under it)."""
_OTHER_MARK = {"-": "*", "*": "-", ".": ")", ")": "."}
_SCRIPTED = "0123456789+-−=()"
_SUPERSCRIPT = str.maketrans(_SCRIPTED, "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾")
_SUBSCRIPT = str.maketrans(_SCRIPTED, "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")
_ORDINALS = frozenset(("st", "nd", "rd", "th", "e", "er", "re", "o", "a"))
"""What a superscript after a number says that plain text says as well (1st, 2e, 1º)."""


def escape_markdown(text: str, *, autolink: bool = False) -> str:
    """Markdown that shows exactly ``text``; with ``autolink``, web addresses become links."""
    if not autolink:
        return _escape_inline(text)
    parts: list[str] = []
    position = 0
    for match in _URL.finditer(text):
        url = _url_end(match.group(0))
        parts.append(_escape_inline(text[position : match.start()]))
        if url.lower().startswith("www."):
            shown = _escape_inline(url).replace("]", "\\]")
            parts.append(f"[{shown}](<https://{url}>)")
        else:
            parts.append(f"<{url}>")
        position = match.start() + len(url)
    parts.append(_escape_inline(text[position:]))
    return "".join(parts)


def _url_end(url: str) -> str:
    """``url`` without the punctuation that closes the sentence around it, as GitHub's
    autolinker ends one: a ``)`` is the address's only where it closes a ``(`` within it
    (``https://example.org/a_(b)``)."""
    while True:
        trimmed = url.rstrip(_URL_TRAILER)
        if trimmed.endswith(")") and trimmed.count(")") > trimmed.count("("):
            trimmed = trimmed[:-1]
        if trimmed == url:
            return url
        url = trimmed


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


def lists_apart(blocks: list[str]) -> list[str]:
    """Lists side by side kept two lists (a list, then a gallery's): Markdown makes one
    loose list of two with the same marker, so a list right after another of its kind takes
    the other marker (``*`` for ``-``, ``1)`` for ``1.``)."""
    for number, block in enumerate(blocks[1:], 1):
        kind = _ITEM_MARK.match(block)
        before = _ITEM_MARK.match(blocks[number - 1])
        if kind and before and kind.group(0)[-1] == before.group(0)[-1]:
            blocks[number] = _ITEM_MARK.sub(
                lambda m: m.group(0)[:-1] + _OTHER_MARK[m.group(0)[-1]], block
            )
    return blocks


def scripted(text: str, tag: str) -> tuple[str, list[str]]:
    """The text ``text`` of a ``<sub>`` or ``<sup>`` (``tag``) written in Unicode's subscript
    or superscript characters where each of its characters has one (CO₂, kg/m², 10⁻³: as
    plain text it would say CO2, kg/m2), else as it is; and ``[text]`` where that loses
    what it said (not an ordinal's ``st``, or a ``®``)."""
    if text and set(text) <= set(_SCRIPTED):
        return script_text(text, tag), []
    lost = text.casefold() not in _ORDINALS and any(c.isalnum() for c in text)
    return text, [text] if lost else []


def script_text(text: str, tag: str) -> str:
    """``text`` with its digits, signs and brackets in the characters of ``tag`` (``sub``
    or ``sup``); for each piece of text of an element ``scripted`` says can be written so,
    rather than the Markdown it became, whose links and images hold digits too."""
    return text.translate(_SUBSCRIPT if tag == "sub" else _SUPERSCRIPT)


def flattened_note(flattened: list[str]) -> list[str]:
    """The warning for subscripts and superscripts left plain text, naming the first."""
    if not flattened:
        return []
    names = list(dict.fromkeys(flattened))
    shown = ", ".join(f"'{name}'" for name in names[:3]) + (" …" if len(names) > 3 else "")
    return [
        f"subscripts or superscripts became plain text ({shown}): check that each still "
        "reads right (Unicode writes only digits, signs and brackets so)"
    ]


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
