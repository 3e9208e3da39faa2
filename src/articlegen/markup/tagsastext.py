"""HTML tags in an article's Markdown on a site that allows no raw HTML (``allow_html``
off, the default): markdown-it shows them as text, so ``H<sub>2</sub>O`` was published as
``H&lt;sub&gt;2&lt;/sub&gt;O`` and readers saw the tags, without a word. Each is a warning,
with the Markdown (or the Unicode character) that does the same.

Both engines find them the same way, in each text token of the body and each wiki link's
text (``[[slug|<b>x</b>]]``, shown as written) with the file line it is on
(``markdown.render_body``, ``fastmarkup._Render._text``; the compiled path leaves a wiki
link holding a ``<`` to the reference, ``_CLOSES_OTHER_SYNTAX``): code spans, code blocks and
autolinks make no text token, and an image's alt text is not looked at. A token's text has
escapes and entities decoded, so a tag counts only where the token's source line writes it
too, outside code spans and not escaped (``\\<br>`` and ``&lt;br&gt;`` are text on
purpose). Only tags of HTML's own elements count, written as CommonMark reads a tag
(``<br>``, ``</p>``, ``<div class="x">``): ``a < b``, ``<5 mg``, ``<name>`` or an
``<email@x>`` are text a writer meant.

Of what CommonMark reads as a tag, only what is unlikely to be prose counts: the element's
name in lowercase, as writers of HTML write it today (``group <A> vs <B>`` labels groups),
and each attribute with a value (``<div class="x">``, ``<a href=x>``): a bare word after the
name is prose (``if a<b and c>d``, ``values <a few> here``). An element that takes bare
attributes (``<details open>``, ``<iframe … allowfullscreen>``) is still found by its closing
tag, which pasted HTML writes too; ``<br>``, ``<br/>`` and ``<br />`` count. A bare opening
tag of another element counts only beside its closing tag (``_names``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from markdown_it.common.html_re import attr_name, attr_value
from markdown_it.token import Token

from ..core.errors import Diagnostic

_ELEMENT_NAMES = """
    a abbr acronym address area article aside audio b base bdi bdo big blink blockquote body
    br button canvas caption center cite code col colgroup data datalist dd del details dfn
    dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset
    h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li
    link main map mark marquee math menu meta meter nav nobr noscript object ol optgroup
    option output p param picture pre progress q rp rt ruby s samp script search section
    select slot small source span strike strong style sub summary sup svg table tbody td
    template textarea tfoot th thead time title tr track tt u ul var video wbr
"""
ELEMENTS = frozenset(_ELEMENT_NAMES.split())
"""HTML's elements, with the obsolete ones pasted text still holds (``<center>``, ``<font>``):
a tag of another name (``<name>``, ``<T>``) is more likely text meant as written."""

_OPEN = rf"<[a-z][a-z0-9]*(?:\s+{attr_name}\s*=\s*{attr_value})*\s*/?>"
_CLOSE = r"</[a-z][a-z0-9]*\s*>"
_TAG = re.compile(f"(?=({_OPEN}|{_CLOSE}))</?([a-z][a-z0-9]*)")
"""A tag as CommonMark reads one (markdown-it's own patterns of a name and an attribute),
but with a lowercase name and a value to each attribute: the tag, and its element's name."""
_BARE = re.compile(r"<[a-z][a-z0-9]*\s*/?>")
"""An opening tag of a name alone (``<p>``, ``<small>``): prose as often as HTML."""
_VOID = frozenset({"br", "hr", "wbr"})
"""Elements whose bare tag is HTML whatever follows it: they have no closing tag."""
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
"""A code span on one line: a run of backticks, its text, the same run again."""

_MARKDOWN_FOR = {
    "br": "a line ending in \\ for a line break",
    "p": "a blank line between paragraphs",
    "sub": "Unicode's sub- and superscript characters (H₂O, m²)",
    "sup": "Unicode's sub- and superscript characters (H₂O, m²)",
    "b": "**bold**",
    "strong": "**bold**",
    "i": "*italics*",
    "em": "*italics*",
    "a": "[a link](https://…)",
    "code": "`code`",
    "img": "![what it shows](images/…)",
    "s": "~~struck through~~",
    "del": "~~struck through~~",
    "strike": "~~struck through~~",
    "blockquote": "> a quote",
    "hr": "--- for a rule",
    "ul": "- a list",
    "ol": "1. a list",
    "li": "- a list",
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), "## a heading"),
    **dict.fromkeys(("table", "thead", "tbody", "tr", "th", "td"), "a table (| a | b |)"),
}
"""What a writer of each common tag may write instead."""
_NOT_IN_A_CELL = frozenset(
    {"br", "p", "blockquote", "hr", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"table", "thead", "tbody", "tr", "th", "td"}
)
"""The tags whose Markdown a table's cell cannot hold: a row is one line of the file."""
_IN_A_CELL = (
    "the text over more rows or cells (a table's row is one line, so no Markdown line break,"
    " paragraph, list or heading fits in a cell)"
)


def shown_tags(text: str, source: str | None) -> list[str]:
    """The names of HTML's elements whose tags the text token ``text`` shows as
    text, written as tags on its ``source`` line (None: not known, so none)."""
    if source is None or "<" not in text:
        return []
    found = _names(text)
    return [name for name in _names(_written(source)) if name in found] if found else []


def _names(text: str) -> dict[str, None]:
    """The elements ``text`` holds a tag of, in order. A bare opening tag counts only for
    an element without a closing tag (``<br>``) or with its closing tag in ``text`` too
    (``H<sub>2</sub>O``): ``<date>, <time>`` in a template to fill in, ``<i> improved`` as a
    score's label or ``the <small> cuff`` are prose."""
    return dict.fromkeys(
        name
        for tag, name in _TAG.findall(text)
        if name in ELEMENTS and (name in _VOID or f"</{name}" in text or not _BARE.fullmatch(tag))
    )


def _written(source: str) -> str:
    """``source`` with what code spans hold blanked and each escaped ``<`` made a space."""
    if "`" in source:
        source = _CODE_SPAN.sub(lambda m: m[1] + " " * len(m[2]) + m[1], source)
    if "\\" in source:
        source = re.sub(r"\\(.)", lambda m: " " + (" " if m[1] == "<" else m[1]), source)
    return source


SHOWN_LINES = 5
"""Lines of an article warned of one by one; the lines after are one warning, so that a
pasted HTML article does not print hundreds."""

_NOT_ALLOWED = "this site does not allow raw HTML (allow_html: false)"
_ALLOW = "set markdown: {allow_html: true} in site.yaml"


def table_lines(tokens: Sequence[Token], first_line: int) -> set[int]:
    """The file lines of the body's tables (``tokens``: markdown-it's, the body starting on
    ``first_line``): a text on one is in a cell."""
    return {
        first_line + line
        for token in tokens
        if token.type == "table_open" and token.map
        for line in range(*token.map)
    }


Found = tuple[str, int, bool]
"""A tag's element, the file line it is written on, and whether it is in a table's cell."""


def each_once(found: Iterable[Found]) -> tuple[Found, ...]:
    """Each of ``found`` once per line it is found on, in order."""
    return tuple(dict.fromkeys(found))


def tags_as_text_warnings(tags: Iterable[Found], source: str) -> list[Diagnostic]:
    """One warning per line of the article ``source`` that writes some of ``tags``
    (``RenderedBody.html_as_text``), naming them and the Markdown to write instead: the
    first ``SHOWN_LINES`` lines so, and the rest, if more than one, in one warning."""
    lines: dict[int, list[str]] = {}
    cells = set()
    for name, line, in_cell in tags:
        lines.setdefault(line, []).append(name)
        if in_cell:
            cells.add(line)
    listed = list(lines.items())
    if len(listed) > SHOWN_LINES + 1:
        rest = listed[SHOWN_LINES:]
        listed = listed[:SHOWN_LINES]
    else:
        rest = []
    warnings = [_line_warning(names, source, line, line in cells) for line, names in listed]
    if rest:
        warnings.append(
            Diagnostic(
                f"HTML tags on {len(rest)} more lines, from this one to line {rest[-1][0]}, are"
                f" shown as text, not as HTML: {_NOT_ALLOWED}",
                source,
                rest[0][0],
                f"write them in Markdown, or {_ALLOW}",
            )
        )
    return warnings


def _line_warning(names: list[str], source: str, line: int, in_cell: bool) -> Diagnostic:
    """The warning for the tags ``names`` on one line (``in_cell``: a table's row): the
    Markdown for each, or a word."""
    shown = " and ".join(f"<{name}>" for name in names)
    verb = "is" if len(names) == 1 else "are"
    markdown = dict.fromkeys(
        _IN_A_CELL if in_cell and name in _NOT_IN_A_CELL else _MARKDOWN_FOR[name]
        for name in names
        if name in _MARKDOWN_FOR
    )
    instead = f"instead write {', '.join(markdown)};" if markdown else "write it in Markdown,"
    return Diagnostic(
        f"{shown} {verb} shown as text, not as HTML: {_NOT_ALLOWED}",
        source,
        line,
        f"{instead} or {_ALLOW}",
    )
