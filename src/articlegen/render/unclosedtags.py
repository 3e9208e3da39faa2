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
    closed: bool = False


def unclosed_tag(exc: jinja2.TemplateSyntaxError) -> UnclosedTag | None:
    """The ``{{`` or ``{%`` that Jinja's error at ``exc.lineno`` comes from: the last one
    open over that line whose inside, as Jinja read it, holds an HTML tag (``<p``,
    ``</h1``) before its ``}}`` or ``%}``, if any; None for any other error."""
    if exc.source is None or exc.lineno is None:
        return None
    for tag in reversed(_open_over(exc.source, exc.lineno)):
        if found := _described(tag):
            return found
    return None


def _open_over(source: str, lineno: int) -> list[_Open]:
    """The tags open over line ``lineno`` (opened on it or before, closed on it or after, or
    never), in order: a tag closed before it on that line is among them, and is no HTML."""
    tags: list[_Open] = []
    current: _Open | None = None
    try:
        for line, kind, value in _LEXER.tokeniter(source, None):
            if line > lineno and current is None:
                break
            if kind in _OPENERS:
                current = _Open(value, _OPENERS[kind], line, [])
            elif kind in _CLOSERS and current is not None:
                current.closed = True
                if line >= lineno:
                    tags.append(current)
                current = None
            elif current is not None:
                current.tokens.append((kind, value))
    except jinja2.TemplateSyntaxError:  # the lexer's own error, inside the open tag
        pass
    if current is not None and current.line <= lineno:
        tags.append(current)
    return tags


def _described(tag: _Open) -> UnclosedTag | None:
    """The error for ``tag`` if an HTML tag follows its value; else None."""
    tokens = tag.tokens
    for index, (kind, value) in enumerate(tokens):
        if kind == lex.TOKEN_OPERATOR and value == "<" and _html_follows(tokens[index + 1 :]):
            written = "".join(
                " " if kind == lex.TOKEN_WHITESPACE else value for kind, value in tokens[:index]
            ).strip()
            where = (
                f"is closed only after the HTML after its value ({_html_text(tokens[index:])})"
                if tag.closed
                else f"has no '{tag.closer}' before the HTML after it"
                f" ({_html_text(tokens[index:])})"
            )
            return UnclosedTag(
                tag.line,
                f"the '{tag.opener}' here {where}, which is read as more of it",
                f"close it before the HTML: {tag.opener} {written} {tag.closer}"
                if written
                else f"close it with '{tag.closer}' before the HTML",
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
