"""A ``{{`` or ``{%`` whose closing ``}}`` or ``%}`` is missing, with HTML after it.

Jinja reads on past the missing ``}}`` and takes the HTML that follows as more of the value:
``{{ article.title </h1>`` is ``article.title < / h1 >`` to it, and its error is about
whatever it met last ("unexpected '/'", "unexpected char \"'\""), at the line where it
gave up, which may be lines below. The fix goes where the tag opened: this finds that tag
from Jinja's own tokens of the template and says what to write.
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2
import jinja2.lexer as lex

_LEXER = jinja2.Environment().lexer
"""Jinja's lexer for the default delimiters, which the theme and site templates use."""
_OPENERS = {lex.TOKEN_VARIABLE_BEGIN: "}}", lex.TOKEN_BLOCK_BEGIN: "%}"}
_CLOSERS = frozenset({lex.TOKEN_VARIABLE_END, lex.TOKEN_BLOCK_END})


@dataclass(frozen=True)
class UnclosedTag:
    """The tag left open: where it opened, and the words of the error about it."""

    line: int
    message: str
    hint: str


@dataclass
class _Open:
    opener: str
    closer: str
    line: int
    tokens: list[tuple[str, str]]


def unclosed_tag(exc: jinja2.TemplateSyntaxError) -> UnclosedTag | None:
    """The ``{{`` or ``{%`` left open that Jinja's error at ``exc.lineno`` comes from: one
    open over that line whose inside, as Jinja read it, holds an HTML tag (``<p``,
    ``</h1``); None for any other error."""
    if exc.source is None or exc.lineno is None:
        return None
    found = _open_over(exc.source, exc.lineno)
    if found is None:
        return None
    return _described(found)


def _open_over(source: str, lineno: int) -> _Open | None:
    """The tag open on line ``lineno`` (opened on it or before, not closed before it)."""
    current: _Open | None = None
    try:
        for line, kind, value in _LEXER.tokeniter(source, None):
            if current is not None and line > lineno:
                return current
            if kind in _OPENERS:
                current = _Open(value, _OPENERS[kind], line, [])
            elif kind in _CLOSERS:
                if current is not None and line >= lineno:
                    return current
                current = None
            elif current is not None:
                current.tokens.append((kind, value))
    except jinja2.TemplateSyntaxError:  # the lexer's own error, inside the open tag
        pass
    return current if current is not None and current.line <= lineno else None


def _described(tag: _Open) -> UnclosedTag | None:
    """The error for ``tag`` if an HTML tag follows its value; else None."""
    tokens = tag.tokens
    for index, (kind, value) in enumerate(tokens):
        if kind == lex.TOKEN_OPERATOR and value == "<" and _html_follows(tokens[index + 1 :]):
            written = "".join(value for _, value in tokens[:index]).strip()
            html = _html_text(tokens[index:])
            closer = tag.closer
            return UnclosedTag(
                tag.line,
                f"the '{tag.opener}' here has no '{closer}' before the HTML after it ({html}),"
                " which is read as more of it",
                f"close it before the HTML: {tag.opener} {written} {closer}"
                if written
                else f"close it with '{closer}' before the HTML",
            )
    return None


def _html_follows(tokens: list[tuple[str, str]]) -> bool:
    """Whether the tokens after a ``<`` begin an HTML tag: ``/name`` or ``name`` then ``>``,
    ``/`` or an attribute (``a < b`` is a comparison, also when it is not closed)."""
    significant = [(kind, value) for kind, value in tokens[:3] if kind != lex.TOKEN_WHITESPACE]
    if len(significant) < 2 or tokens[0][0] == lex.TOKEN_WHITESPACE:
        return False
    (first_kind, first), (second_kind, second) = significant[:2]
    if first_kind == lex.TOKEN_OPERATOR and first == "/":
        return second_kind == lex.TOKEN_NAME
    return first_kind == lex.TOKEN_NAME and (
        (second_kind == lex.TOKEN_OPERATOR and second in (">", "/"))
        or (second_kind == lex.TOKEN_NAME and tokens[1][0] == lex.TOKEN_WHITESPACE)
    )


def _html_text(tokens: list[tuple[str, str]]) -> str:
    """The HTML tag as written, from its ``<`` to its ``>`` (its first 40 characters)."""
    text = ""
    for kind, value in tokens:
        text += value
        if (kind == lex.TOKEN_OPERATOR and value == ">") or "\n" in value:
            break
    text = text.strip()
    return text if len(text) <= 40 else text[:39] + "…"
