"""Where each value of a YAML mapping is written (``Span``), for editing a file in place
without rewriting it (its comments, order and quoting stay), and how a text is written as a
scalar that reads back as itself."""

from __future__ import annotations

import json
import re

import yaml

from .curlypairs import curly_inside
from .errors import ArticlegenError
from .records import record
from .yamlloader import Loader, syntax_error


@record
class Span:
    """Where a value is written in the file, for editing it in place: the 1-based file
    line and 0-based column of its first character and of the character after its last."""

    start: tuple[int, int]
    end: tuple[int, int]
    key_line: int
    """File line of its key (of the item itself, for an item)."""
    kind: str
    """``scalar``, ``flow`` (``[a, b]``, ``{a: b}``) or ``block`` (a list or mapping written
    one entry a line)."""
    empty: bool = False
    """A scalar with nothing written (``key:`` alone) or YAML's null (``~``, ``null``)."""
    style: str = ""
    """A scalar's quoting: ``'``, ``"``, ``|``, ``>``, or empty for a plain one."""
    items: tuple[Span, ...] = ()
    """A list's items, in order."""


def value_spans(
    text: str, path: str, error: type[ArticlegenError], *, first_line: int = 1
) -> dict[str, Span]:
    """Where each top-level key's value of the mapping ``text`` (which starts on file line
    ``first_line``) is written; a syntax error raises as in ``load_mapping``."""
    loader = Loader(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.YAMLError as exc:
            raise syntax_error(exc, text, path, error, first_line) from None
        if not isinstance(root, yaml.MappingNode):
            return {}
        return {
            key.value: _span(value, key.start_mark.line + first_line, first_line)
            for key, value in root.value
            if isinstance(key, yaml.ScalarNode)
        }
    finally:
        loader.dispose()


def _span(node: yaml.Node, key_line: int, first_line: int) -> Span:
    start = (node.start_mark.line + first_line, node.start_mark.column)
    end = (node.end_mark.line + first_line, node.end_mark.column)
    if isinstance(node, yaml.ScalarNode):
        empty = node.tag == "tag:yaml.org,2002:null"
        return Span(start, end, key_line, "scalar", empty, node.style or "")
    kind = "flow" if getattr(node, "flow_style", False) else "block"
    items: tuple[Span, ...] = ()
    if isinstance(node, yaml.SequenceNode):
        items = tuple(
            _span(item, item.start_mark.line + first_line, first_line) for item in node.value
        )
    return Span(start, end, key_line, kind, items=items)


def as_scalar(text: str) -> str:
    """``text`` written as a YAML scalar that reads back as itself in a block or a flow
    list: plain where it can be (a slug), else double-quoted (``"2024"``, ``"yes"``,
    ``"“Walk”"``)."""
    plain = (
        text == text.strip() and not _FLOW_UNSAFE.search(text) and curly_inside(text) is None
    )  # between curly quotes, plain, it would read as a mistake (curlyquotes)
    if plain:
        try:
            plain = yaml.load(text, Loader=Loader) == text
        except yaml.YAMLError:
            plain = False
    return text if plain else json.dumps(text, ensure_ascii=False)


_FLOW_UNSAFE = re.compile(r"[,\[\]{}#&*!|>'\"%@`]|: |^[-?:]|\n")
"""What may not start or stand in a plain scalar inside a flow list."""
