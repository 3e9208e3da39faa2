"""Where a template's block left open was opened.

Jinja's error for an ``{% if %}`` (``for``, ``block``, …) that is never closed names the line
where it noticed, often far below: the ``{% endblock %}`` at the end of the template, or its
last line ("Unexpected end of template … The innermost block that needs to be closed is
'if'"). The fix goes after the tag that opened it, which Jinja does not name. This reads the
template's tags as Jinja's lexer gives them, pairing each ``end…`` with its opening tag, and
names the line of the one still open where the error was found.
"""

from __future__ import annotations

import difflib
import re

import jinja2
import jinja2.lexer

_NEEDS_CLOSING = re.compile(r"The innermost block that needs to be closed is '(\w+)'")
"""Jinja's words for a block left open, with its tag's name."""
_UNKNOWN_TAG = re.compile(r"Encountered unknown tag '(\w+)'")
"""Jinja's words for a tag it did not expect where it stands (an ``end…`` of another block)."""
_PAIRED = frozenset({"for", "if", "block", "macro", "call", "filter", "with", "autoescape", "set"})
"""The tags an ``end…`` tag closes (``set`` only as a block, ``{% set x %}…{% endset %}``)."""
_LEXER = jinja2.Environment().lexer
"""Jinja's lexer for the default delimiters, which the theme and site templates use."""


def open_block_hint(exc: jinja2.TemplateSyntaxError) -> str:
    """For Jinja's error about a block left open, where it was opened and how to close it;
    else empty (also where the template's text cannot be read again)."""
    needs = _NEEDS_CLOSING.search(exc.message or "")
    if needs is None or exc.source is None or exc.lineno is None:
        return ""
    unknown = _UNKNOWN_TAG.match(exc.message or "")
    opened = _open_at(exc.source, exc.lineno, unknown.group(1) if unknown else None)
    if opened is None or opened[0] != needs.group(1):
        return ""
    name, line = opened
    if unknown and _misspelt(unknown.group(1), f"end{name}"):
        return (
            f"'{{% {unknown.group(1)} %}}' is misspelt: write '{{% end{name} %}}', which closes"
            f" the '{name}' tag opened on line {line}"
        )
    hint = (
        f"the '{name}' tag opened on line {line} is not closed before here:"
        f" add '{{% end{name} %}}' where its part ends"
    )
    if unknown:
        hint += f", or remove this '{{% {unknown.group(1)} %}}' if it is one too many"
    return hint


def _misspelt(tag: str, meant: str) -> bool:
    """Whether ``tag``, which Jinja did not know there, is ``meant`` misspelt (``endblok``,
    ``endfi``): not the end of another tag (``endfor`` where an ``if`` is open is one too
    many, or misplaced)."""
    if tag.startswith("end") and tag[3:] in _PAIRED:
        return False
    return difflib.SequenceMatcher(None, tag, meant).ratio() >= _MISSPELT


_MISSPELT = 0.8
"""How alike a tag Jinja did not know and the ``end…`` tag expected must be to be taken for
it: ``endblok`` and ``endblock`` are 0.93, ``endfi`` and ``endif`` 0.8."""


def _open_at(source: str, lineno: int, unknown: str | None = None) -> tuple[str, int] | None:
    """The innermost tag still open (its name and line) at Jinja's error on ``lineno``: at the
    tag Jinja did not expect there (``unknown``, a misspelt ``{% endblok %}`` too, which is
    no ``end…`` of a tag and was passed over, so that the tag named was the template's last
    block), or at the first ``end…`` tag from that line on that closes another tag than the
    innermost, else at the end of the template."""
    stack: list[tuple[str, int]] = []
    try:
        for name, line, assigns in _tags(source):
            if name.startswith("end") and name[3:] in _PAIRED:
                if stack and stack[-1][0] == name[3:]:
                    stack.pop()
                elif line >= lineno:
                    break
            elif name == unknown and line >= lineno:
                break
            elif name in _PAIRED and not (name == "set" and assigns):
                stack.append((name, line))
    except jinja2.TemplateSyntaxError:
        return None
    return stack[-1] if stack else None


def _tags(source: str) -> list[tuple[str, int, bool]]:
    """Each ``{% tag … %}`` of ``source``: its name, its line, and whether an ``=`` follows
    the name inside it (a ``set`` that assigns a value, and needs no ``endset``)."""
    tags: list[tuple[str, int, bool]] = []
    inside = opening = False
    for line, kind, value in _LEXER.tokeniter(source, None):
        if kind == jinja2.lexer.TOKEN_BLOCK_BEGIN:
            inside = opening = True
        elif kind == jinja2.lexer.TOKEN_BLOCK_END:
            inside = opening = False
        elif opening and kind == jinja2.lexer.TOKEN_NAME:
            tags.append((value, line, False))
            opening = False
        elif inside and kind == jinja2.lexer.TOKEN_OPERATOR and value == "=" and tags:
            tags[-1] = (tags[-1][0], tags[-1][1], True)
    return tags
