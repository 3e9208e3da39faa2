"""A Markdown post's inline HTML of plain text (``<strong>``, ``<em>``, ``<del>``, ``<code>``)
written as Markdown, for a site that shows HTML as text.

Writers on old themes mixed the two (``Take it <b>with</b> food``). Markdown says the same
with ``**``, ``*``, ``~~`` and backticks, but its delimiters depend on what is around them
(``<em> a</em>`` is no ``* a*``, ``<b>5*3</b>`` no ``**5*3**``): each element is converted
only where the site's parser reads the line so converted as it reads the HTML, else it stays
a tag, which the warning names.
"""

from __future__ import annotations

import functools
import html
import re

from markdown_it import MarkdownIt

INLINE_TAG = re.compile(
    r"(?<!\\)<(strong|b|em|i|del|s|strike|code|tt)(?:\s[^<>]*)?>([^<\n]*)</\1>",
    re.IGNORECASE,
)
"""A simple inline element holding plain text (an element converted already counts as such,
so ``<b><i>x</i></b>`` goes from inside out)."""
_MARKS = {"strong": "**", "b": "**", "em": "*", "i": "*", "del": "~~", "s": "~~", "strike": "~~"}
_SAME = {"b": "strong", "i": "em", "del": "s", "strike": "s", "tt": "code"}
"""What each tag is as the parser renders Markdown's (``~~`` is ``<s>``). ``<kbd>``, ``<u>``,
``<mark>`` have no Markdown and stay."""
_OPENING = re.compile(r"<(/?)([a-z]+)(?:\s[^<>]*)?>", re.IGNORECASE)


def inline_as_markdown(line: str, before: list[str], after: list[str]) -> str:
    """``line`` with each simple inline element Markdown can write so written: innermost
    first, each kept as a tag where its Markdown would read otherwise, read with the lines of
    its paragraph ``before`` and ``after`` it (a ``*`` may pair with one on another line)."""
    shown = _rendered(line, before, after)
    while True:
        changes = (
            line[: match.start()] + markdown + line[match.end() :]
            for match in INLINE_TAG.finditer(line)
            for markdown in _markdowns(match)
        )
        changed = next((text for text in changes if _rendered(text, before, after) == shown), None)
        if changed is None:
            return line
        line = changed


def _markdowns(match: re.Match[str]) -> list[str]:
    """The element ``match`` in Markdown, the likeliest first: its text between the tag's
    delimiters as it is (it may hold an element converted already), between ``_`` (``__*x*__``
    is ``<b><i>x</i></b>``, ``***x***`` the other way round), and with ``*``, ``_`` and ``~``
    escaped; a code span's entities decoded (a span shows its text as written)."""
    tag, text = match.group(1).lower(), match.group(2)
    if mark := _MARKS.get(tag):
        escaped = re.sub(r"([*_~])", r"\\\1", text)
        other = mark.replace("*", "_")
        return [mark + text + mark, other + text + other, mark + escaped + mark]
    text = html.unescape(text)
    ticks = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return [f"{ticks}{pad}{text}{pad}{ticks}"]


def _rendered(line: str, before: list[str], after: list[str]) -> str:
    """``line`` with its paragraph's other lines as HTML, its HTML let through, each tag as
    the Markdown for it renders (``<b class="x">`` as ``<strong>``), so that a line and its
    conversion compare."""
    paragraph = "\n".join([*before, line, *after])
    return _OPENING.sub(_as_parsed, _parser().renderInline(paragraph))


def _as_parsed(match: re.Match[str]) -> str:
    name = match.group(2).lower()
    if name not in _MARKS and name not in _SAME and name != "code":
        return match.group(0)
    return f"<{match.group(1)}{_SAME.get(name, name)}>"


@functools.cache
def _parser() -> MarkdownIt:
    """The site's inline syntax (CommonMark with strikethrough), HTML let through."""
    return MarkdownIt("commonmark", {"html": True}).enable("strikethrough")
