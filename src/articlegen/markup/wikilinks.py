"""``[[Title]]``, ``[[slug]]`` and ``[[slug|text]]``: links to other articles, and a ``[[``
that starts none.

A wiki link becomes a ``wikilink`` token whose target later stages resolve (its href, and its
text if it has none of its own, are placeholders). A ``[[`` that no ``]]`` closes is a
problem: a typo (``[[Title]``) or a ``[[slug|text]]`` in a table, whose ``|`` ends the cell,
would otherwise publish its brackets as text while every other link of the site is checked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline import link as link_rule
from markdown_it.token import Token

from ..core.errors import MarkupError
from .placeholders import Slot, escape, placeholder

if TYPE_CHECKING:  # markdown-it-py 3 names these; the floor, 2.0, has no EnvType
    from markdown_it.utils import EnvType, OptionsDict

WIKILINK = re.compile(r"\[\[([^\[\]\n|]+)(?:\|([^\[\]\n]*))?\]\]")
"""A wiki link: its target, and its text after a ``|``. Text that is empty (``[[slug|]]``,
as MediaWiki's pipe trick writes it) or blank shows the target's title, as ``[[slug]]``:
``[[slug|]]`` was told it was never closed."""
UNCLOSED = "wikilink_unclosed"
"""The token type of a ``[[`` that starts no wiki link: its first ``[``, shown as written."""
EMPTY = re.compile(r"\[\[[^\S\n]*(?:\|[^\[\]\n]*)?\]\]")
"""``[[]]``, ``[[ ]]`` or ``[[|text]]``: brackets that name nothing. Blank is what
``str.strip`` removes (``\\s``: a no-break space, an ideographic space too), as the rule
and the compiled path test it."""
EMPTY_MESSAGE = "link names no article: nothing is written between its '[[' and its ']]' or '|'"
EMPTY_HINT = (
    "write the article's slug or title between the brackets, [[slug]] or [[slug|text]]; to "
    "show the brackets as text, write '\\[['"
)
_SHOWN = 60
"""Characters of the text after an unclosed ``[[`` that its problem quotes."""


def wikilink_plugin(md: MarkdownIt) -> None:
    """Read ``[[…]]`` before Markdown links (``[[a]]`` is no link to ``[a]``)."""
    md.inline.ruler.before("link", "wikilink", _wikilink_rule)
    md.add_render_rule("wikilink", _render_wikilink)
    md.add_render_rule(UNCLOSED, _render_unclosed)


def note_starts(md: MarkdownIt) -> None:
    """Have ``md``'s wiki-link tokens, closed or not, note where they start in their inline
    token's text (``meta['start']``): the import finds them in its text so, read by this very
    rule."""

    def noting(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        read = _wikilink_rule(state, silent)
        if read and len(state.tokens) > count:
            state.tokens[-1].meta["start"] = start
        return read

    md.inline.ruler.at("wikilink", noting)


def _wikilink_rule(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("[[", state.pos):
        return False
    match = WIKILINK.match(state.src, state.pos)
    if match is None or not match.group(1).strip():  # [[ ]] names nothing: a problem too
        return not silent and _unclosed_wikilink(state)
    if not silent:
        token = state.push("wikilink", "a", 0)
        target, text = match.group(1).strip(), (match.group(2) or "").strip()
        token.meta = {"target": target, "text": text}
        token.content = text or target
    state.pos = match.end()
    return True


def _unclosed_wikilink(state: StateInline) -> bool:
    """A ``[[`` that starts no wiki link: its first ``[`` becomes a token of its own, shown as
    written, that ``unclosed_wikilink_problems`` reports. Where a Markdown link starts
    (``[[a] b](url)``), markdown-it's link rule reads it as before; in silent mode (a link's
    text being measured) nothing is read here, as before."""
    start = state.pos
    is_link = link_rule(state, True)
    state.pos = start
    if is_link:
        return False
    token = state.push(UNCLOSED, "", 0)
    token.content = "["
    empty = EMPTY.match(state.src, start)
    token.meta = {
        "text": state.src[start:].split("\n", 1)[0].strip(),
        "empty": empty is not None,
    }
    state.pos += 1
    return True


def _render_wikilink(
    renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return wikilink_html(tokens[idx].meta["index"], tokens[idx].meta["text"])


def _render_unclosed(
    renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return escape(tokens[idx].content)


def wikilink_html(index: int, text: str) -> str:
    """Body link ``index`` written ``[[target|text]]``: its href, and its text if it has
    none of its own, are placeholders."""
    shown = escape(text) if text else placeholder(Slot.LINK_TEXT, index)
    return f'<a class="internal" href="{placeholder(Slot.LINK_HREF, index)}">{shown}</a>'


def unclosed_wikilink_problems(
    children: Sequence[tuple[Token, int]], path: str | None
) -> list[MarkupError]:
    """A problem for each ``[[`` that starts no wiki link, at its line, quoting what follows
    (or the empty brackets, ``[[]]``, which are closed but name nothing)."""
    return [
        MarkupError(EMPTY_MESSAGE, path, line, EMPTY_HINT)
        if child.meta["empty"]
        else MarkupError(
            f"link '{_quoted(child.meta['text'])}' is never closed with ']]', so the page would "
            "show it as text",
            path,
            line,
            "close it, [[slug]] or [[slug|text]] (in a table, write that '|' as '\\|'); to show "
            "the brackets as text, write '\\[['",
        )
        for child, line in children
        if child.type == UNCLOSED
    ]


def _quoted(text: str) -> str:
    return text if len(text) <= _SHOWN else text[:_SHOWN].rstrip() + "…"
