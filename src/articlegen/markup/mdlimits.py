"""markdown-it's limits made errors: where it would drop text or spend minutes, the body
gets a problem at the line instead.

At its nesting limit markdown-it stops reading the block it is in and skips to the end
of the article without a word: a list ten levels deep followed by a dosage line would
publish without the dosage. Inline nesting never loses text (markdown-it reads the rest
as plain characters), so only blocks are guarded. A table is measured from its two first
lines before it is read, since its cost grows with every cell.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.parser_block import ParserBlock
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.table import table

from ..core.errors import MarkupError
from ..core.limits import MAX_NESTING, MAX_TABLE_COLUMNS


def limits_plugin(md: MarkdownIt) -> None:
    """Nesting up to ``MAX_NESTING`` levels, tables up to ``MAX_TABLE_COLUMNS`` columns;
    past either, a ``MarkupError`` in ``env["problems"]`` (see ``markup.render_body``)."""
    md.options["maxNesting"] = MAX_NESTING + 1  # it reads nothing inside the level it names
    guarded = _GuardedBlock()
    guarded.ruler = md.block.ruler  # the same rules, as enabled so far and added later
    md.block = guarded
    if "table" in md.block.ruler.get_all_rules():
        md.block.ruler.at("table", _limited_table, {"alt": ["paragraph", "reference"]})


class _GuardedBlock(ParserBlock):
    """The block parser, noting where a nested block starts past the nesting limit: every
    nested block (a list item, a quote, a container) is read by a call of ``tokenize``."""

    def tokenize(self, state: StateBlock, startLine: int, endLine: int) -> None:
        if state.level >= state.md.options.maxNesting:
            line = state.skipEmptyLines(startLine)
            if line < endLine and state.sCount[line] >= state.blkIndent:
                _problem(
                    state,
                    line,
                    f"lists and quotes nested too deeply (more than {MAX_NESTING} levels, a "
                    "list counting two): the text from here on could not be read",
                    "nest fewer lists or quotes in each other",
                )
        super().tokenize(state, startLine, endLine)


def _limited_table(state: StateBlock, startLine: int, endLine: int, silent: bool) -> bool:
    """markdown-it's table rule, for tables of at most ``MAX_TABLE_COLUMNS`` columns; a wider
    one is a problem, and its lines are left to be read as a paragraph."""
    if not table(state, startLine, endLine, True):
        return False
    delimiter = state.getLines(startLine + 1, startLine + 2, state.blkIndent, False)
    columns = sum(1 for cell in delimiter.split("|") if cell.strip())
    if columns > MAX_TABLE_COLUMNS:
        _problem(
            state,
            startLine,
            f"a table of {columns} columns, more than the limit of {MAX_TABLE_COLUMNS}",
            "split it into several tables, or turn rows into columns",
        )
        return False
    return silent or table(state, startLine, endLine, False)


def _problem(state: StateBlock, line: int, message: str, hint: str) -> None:
    """One problem per place: a rule may look at the same line more than once."""
    env = state.env
    where = env.get("first_line", 1) + line
    seen = env.setdefault("limit_lines", set())
    if (where, message) not in seen:
        seen.add((where, message))
        env.setdefault("problems", []).append(MarkupError(message, env.get("path"), where, hint))
