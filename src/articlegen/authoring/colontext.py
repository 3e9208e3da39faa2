"""``:::`` lines an imported Markdown post holds that open no video block: a callout as
markdown-it's container plugins write one (``::: tip``), or a ``:::`` closing none. Jekyll
and Hugo showed them as text, and the build refuses them (the page would show them as
text, where a writer meant a block), so they are escaped, ``\\:::``, as the old site
showed them, and the import says where.

The build's own parser finds them, so code blocks and fences are left as they are.
"""

from __future__ import annotations

from ..core.problems import Diagnostic
from ..markup.embeds import COLON_LINE, SYNTAX
from .mdcode import parsed_tokens
from .wikitext import escaped_as_text


def colons_as_text(body: str, *, allow_html: bool) -> tuple[str, list[tuple[int, str]]]:
    """``body`` with each ``:::`` line of a paragraph escaped, and those lines (from 1, as
    written)."""
    lines = body.split("\n")
    tokens = parsed_tokens(body, allow_html=allow_html)
    numbers = [
        number
        for token in tokens
        if token.type == "paragraph_open" and token.map
        for number in range(*token.map)
        if COLON_LINE.match(lines[number])
    ]
    escaped = []
    for number in numbers:
        line = lines[number]
        escaped.append((number + 1, line.strip()))
        at = line.index(":::")
        lines[number] = line[:at] + "\\" + line[at:]
    return "\n".join(lines), escaped


def colons_warning(escaped: list[tuple[int, str]], path: str, first_line: int) -> Diagnostic:
    """One warning for a file's escaped ``:::`` lines; ``first_line`` is the file's line the
    body starts on."""
    return escaped_as_text(
        "':::' line",
        "\\:::",
        "blocks it does not have",
        [f"line {first_line + n - 1} '{text}'" for n, text in escaped],
        (path, first_line + escaped[0][0] - 1),
        f"to show a video there instead, write {SYNTAX} and remove the '\\'",
    )
