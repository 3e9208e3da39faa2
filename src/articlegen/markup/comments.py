"""HTML comments in an article's Markdown (``<!-- TODO: check the dose -->``): notes for the
site's writers, left out of the page.

With raw HTML off, markdown-it shows every ``<`` as text, so a comment was published as
visible text: a note to a colleague about a claim still to check would appear in the article.
Other generators hide comments (Hugo leaves them out, Jekyll passes them through as HTML
comments), and writers pasting from them expect the same. Here a comment is left out of the
HTML altogether, not passed through, so a note never reaches the page's source either. With
raw HTML on (``allow_html``), markdown-it's own HTML rules pass comments through as written.

A comment is read where CommonMark reads one: a block starting with ``<!--`` at a line's start
and ending on a line whose ``-->`` ends it, or within a paragraph's text. An unclosed ``<!--``
stays text, as before: hiding the rest of the article would lose more than it keeps private.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

if TYPE_CHECKING:
    from markdown_it.utils import EnvType, OptionsDict

OPENER = "<!--"
_INLINE = re.compile(r"<!--(?:-?>|.*?-->)", re.DOTALL)
"""A comment as CommonMark reads one inline: ``<!-->``, ``<!--->``, or up to the first ``-->``."""
_CLOSER = "-->"


def comments_plugin(md: MarkdownIt) -> None:
    """Read HTML comments, in blocks and in text, as tokens that render to nothing."""
    md.block.ruler.before(
        "paragraph",
        "html_comment",
        _comment_block,
        {"alt": ["paragraph", "reference", "blockquote"]},
    )
    md.inline.ruler.before("autolink", "html_comment", _comment_inline)
    md.add_render_rule("html_comment", _render_nothing)


def _comment_block(state: StateBlock, startLine: int, endLine: int, silent: bool) -> bool:
    """A comment filling whole lines: from a line starting ``<!--`` to the line whose ``-->``
    closes it with nothing after. Text after the ``-->`` makes it part of a paragraph, read
    by the inline rule, so that text stays."""
    if state.sCount[startLine] - state.blkIndent >= 4:  # an indented code block
        return False
    start = state.bMarks[startLine] + state.tShift[startLine]
    if not state.src.startswith(OPENER, start):
        return False
    close = state.src.find(_CLOSER, start + 2)  # <!--> and <!---> close at once
    if close < 0:
        return False
    line = startLine
    while line < endLine and state.eMarks[line] < close:
        line += 1
    if line >= endLine or state.src[close + len(_CLOSER) : state.eMarks[line]].strip():
        return False
    if not silent:
        token = state.push("html_comment", "", 0)
        token.map = [startLine, line + 1]
    state.line = line + 1
    return True


def _comment_inline(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith(OPENER, state.pos):
        return False
    match = _INLINE.match(state.src, state.pos)
    if match is None:
        return False
    if not silent:
        state.push("html_comment", "", 0)
    state.pos = match.end()
    return True


def _render_nothing(
    renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return ""
