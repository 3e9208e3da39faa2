"""PyYAML's safe loader as articlegen reads YAML, and its syntax errors as an author can act on
them: at the line where the fix goes (the opening quote or bracket left open, a tab), with
the fix in words. Every reader of YAML here (``yamldoc``, ``yamlsize``, ``yamlspans``)
starts from these two."""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable
from typing import Any, ClassVar

import yaml

from .curlypairs import curly_inside
from .errors import ArticlegenError
from .yamlindent import list_item_problem, misindented
from .yamlquoting import double_quoted, quoting_problem

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"


class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader (C parser where present) without YAML's timestamp resolver: an
    unquoted date stays the text it was written as, for ``dates`` to read. The resolver
    knows only some of the forms authors write, and some PyYAML versions turn a written
    offset into naive UTC. An explicit ``!!timestamp`` is still constructed.

    Nor does ``<<`` merge: PyYAML merged a nested mapping's keys in place before they were
    read, so an override (``<<: *ref`` then ``id: b``) was a "duplicate key" at a line the
    author never wrote it on. ``<<`` stays a plain key, which ``yamldoc`` refuses."""

    yaml_implicit_resolvers: ClassVar = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag not in (_TIMESTAMP, _MERGE)]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        if not self.yaml_path_resolvers:
            # Without path resolvers, PyYAML's two do nothing, but the C composer calls both
            # for every node, as Python functions: builtins that ignore what they are given
            # cost less (a tenth of composing a header).
            self.descend_resolver = _TWO_IGNORED
            self.ascend_resolver = _NONE_IGNORED

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        """PyYAML's tag for a node, remembered for plain scalars (``plain_tag``): the C
        composer asks for every node, and a site's headers write the same keys, dates,
        tags and slugs again and again (a third of composing a header went to matching
        each against the resolvers' expressions). Any other node without path resolvers
        gets its kind's default, as PyYAML's resolver gives it."""
        if self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        if kind is yaml.ScalarNode and implicit[0]:
            return plain_tag(value)
        return _DEFAULT_TAGS[kind]


_TWO_IGNORED: Callable[[Any, Any], object] = operator.is_
"""A builtin that takes two arguments and does nothing that matters: ``descend_resolver``."""
_NONE_IGNORED: Callable[[], object] = tuple
"""A builtin that takes none and does nothing that matters: ``ascend_resolver``."""
_DEFAULT_TAGS = {
    yaml.ScalarNode: yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
    yaml.SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
}


class _Resolver(yaml.resolver.Resolver):
    """PyYAML's resolver with ``Loader``'s implicit resolvers, for ``plain_tag``."""

    yaml_implicit_resolvers = Loader.yaml_implicit_resolvers


_RESOLVER: Any = _Resolver()  # PyYAML's resolver is untyped


STR_TAG = "tag:yaml.org,2002:str"
SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "null", "bool", "int", "float")
)
"""Tags of the scalars ``yamldoc`` and ``yamlsimple`` construct themselves, each with
PyYAML's own constructor (text as it is)."""


@functools.lru_cache(maxsize=8192)
def plain_tag(value: str) -> str:
    """The tag ``Loader`` gives the plain scalar ``value``: it depends on nothing else
    (there are no path resolvers)."""
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
    return tag


def syntax_error(
    exc: yaml.YAMLError, text: str, path: str, error: type[ArticlegenError], first_line: int
) -> ArticlegenError:
    """PyYAML's ``exc`` for ``text`` (which starts on file line ``first_line``) as ``error``,
    at the line to fix and with what to do. Raised ``from None``: as its cause, PyYAML's own
    words ("caused by: ScannerError: while scanning…") told an author nothing more."""
    if isinstance(exc, yaml.reader.ReaderError):
        return _reader_error(exc, text, path, error, first_line)
    if (read_on := _quote_read_on(exc, text)) is not None:
        return _read_on_error(read_on, text, path, error, first_line)
    if (said := _missing_colon(exc, text) or list_item_problem(exc, text)) is not None:
        return error(said[1], path, said[0] + first_line, said[2])
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    message = f"invalid YAML: {problem}" + (f" ({context})" if context else "")
    if context == "while scanning a quoted scalar" and "end of stream" in problem:
        # PyYAML points at the end of the header; the author needs the opening quote.
        mark = getattr(exc, "context_mark", None) or mark
        message = "invalid YAML: the quote opened on this line is never closed"
    opened = getattr(exc, "context_mark", None)
    bracket = _FLOW_BRACKETS.get(context or "")
    if bracket and opened is not None and mark is not None and opened.line < mark.line:
        # A '[' or '{' left open shows where the next key no longer fits: point at the opening.
        mark = opened
        message = f"invalid YAML: the '{bracket[0]}' opened on this line is never closed"
    line = mark.line + first_line if mark is not None else None
    hint = "check quotes, colons and indentation (spaces, not tabs)"
    before, after = _around(text, mark)
    if _apostrophe(before, after):
        message = "invalid YAML: the value in single quotes ends at the apostrophe before here"
        hint = (
            "write an apostrophe inside single quotes twice ('Men''s health'), or use double quotes"
        )
    elif problem.startswith("mapping values are not allowed") and ": " in before:
        # A second ': ' on the line: YAML reads it as a key inside the value.
        message, hint = _colon_in_value(before + after)
    elif "tab character" in problem or (before + after)[:1] == "\t":
        message = "invalid YAML: a tab where YAML takes only spaces"
        hint = "indent with spaces, not tabs"
    elif mark is not None and (indented := misindented(text, mark.line, problem)):
        message, hint = indented
    elif problem.startswith("did not find expected key") and (
        flow := _FLOW_THEN_TEXT.match(before + after)
    ):
        # title: [Draft] Beta: YAML reads the bracketed part as a list, then stumbles on the rest.
        key, opener = flow.group(1), flow.group(2)
        kind = "a list" if opener == "[" else "a mapping"
        message = f"invalid YAML: a value starting with '{opener}' is read as {kind}"
        value = (before + after)[flow.end(1) :].lstrip(" \t").removeprefix(":").strip(" \t")
        hint = f"put the value in quotes: {key}: {double_quoted(value)}"
    elif (quoting := quoting_problem(problem, context, before, after)) is not None:
        message, hint = quoting
    elif bracket and "never closed" in message and _COMMENT.search(after):
        hint = (
            "' #' starts a comment in YAML, which hid the rest of the line, its "
            f"'{bracket[1]}' included: put the item holding the '#' in quotes"
        )
    elif bracket and "never closed" in message:
        hint = f"end the value with '{bracket[1]}'"
    elif "never closed" in message and mark is not None:
        line_text = line_of(text, mark.line)
        hint = close_quote(line_text, line_text[mark.column : mark.column + 1])
    return error(message, path, line, hint)


def _reader_error(
    exc: yaml.reader.ReaderError,
    text: str,
    path: str,
    error: type[ArticlegenError],
    first_line: int,
) -> ArticlegenError:
    """A character YAML does not read (a control character), at its line."""
    return error(
        f"invalid YAML: character U+{exc.character:04X} is not allowed",
        path,
        text.count("\n", 0, max(exc.position, 0)) + first_line,
        "remove the control character (often pasted in by accident)",
    )


def _quote_read_on(exc: yaml.YAMLError, text: str) -> yaml.ScalarToken | None:
    """The quoted value whose quote was left open, if that is what went wrong: YAML then reads
    on over the next lines to the next quote of the same kind and stumbles right after it,
    on that line. PyYAML names only the line it stumbled on ("did not find expected key",
    or an unclosed bracket when the value was in a list), which is not where the fix goes.
    Only a syntax error is looked into, so valid YAML costs nothing."""
    mark = getattr(exc, "problem_mark", None)
    if mark is None:
        return None
    last: yaml.ScalarToken | None = None
    try:
        for token in yaml.scan(text, Loader=Loader):
            if token.start_mark.index >= mark.index:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"'):
                last = token
    except yaml.YAMLError:
        pass
    if last is None or not last.start_mark.line < last.end_mark.line == mark.line:
        return None
    if not _KEY_LINE.search(text, last.start_mark.index, last.end_mark.index):
        return None  # a value written over several lines on purpose
    return last


_KEY_LINE = re.compile(
    r"\n[ \t]*(?:-[ \t]+)?\{?[ \t]*" r"""[^\s:#'"{\[-][^:\n]*:(?:[ \t]|$)""", re.MULTILINE
)
"""A line that starts a ``key:`` (in a list item or a ``{…}`` too): read into a quoted value,
it was meant as the next entry."""


def _read_on_error(
    read_on: yaml.ScalarToken,
    text: str,
    path: str,
    error: type[ArticlegenError],
    first_line: int,
) -> ArticlegenError:
    """The error for a quote left open (``_quote_read_on``), at the line it opens on."""
    opened, closed, quote = read_on.start_mark, read_on.end_mark, read_on.style
    kind = "double" if quote == '"' else "single"
    return error(
        f"invalid YAML: the {kind} quote opened on this line is not closed on it, so YAML"
        f" read the lines after it, up to the next one on line {closed.line + first_line},"
        " as part of the value",
        path,
        opened.line + first_line,
        close_quote(line_of(text, opened.line), quote),
    )


def _missing_colon(exc: yaml.YAMLError, text: str) -> tuple[int, str, str] | None:
    """A key written without its ':' (``date 2024-05-14``, or ``tags`` above its list), as
    ``(line from 0, message, fix)``. PyYAML stumbles a line further on: "could not find
    expected ':'" at the next line, or, where the next line is indented under the key (a
    mapping's keys), "mapping values are not allowed" at that line's colon, having read the
    two lines as one text. Both name the line after the one to fix."""
    problem = getattr(exc, "problem", None) or ""
    mark = getattr(exc, "problem_mark", None)
    opened = getattr(exc, "context_mark", None)
    if mark is None:
        return None
    if problem == "could not find expected ':'" and opened is not None:
        start = opened.line if opened.line < mark.line else None
    elif problem.startswith("mapping values are not allowed"):
        start = _plain_from_line_start(text, mark)
    else:
        return None
    written = line_of(text, start).rstrip() if start is not None else ""
    if start is not None and (unspaced := _KEY_NO_SPACE.fullmatch(written)):
        return start, *_no_space_after_colon(unspaced)
    found = _KEY_THEN_VALUE.fullmatch(written)
    if start is None or found is None or ": " in written:
        return None
    if found.group(1).strip() and not found.group(3):
        return None  # '- b' over an indented 'c: d': a key, or the item's text? Not said.
    item, key, value = found.group(1).strip(), found.group(2), found.group(3) or ""
    fixed = f"{item} {key}:".lstrip() + (f" {value}" if value else "")
    hint = f"write {fixed} (a key ends with ':')"
    if " " in value or (not value[:1].isdigit() and _may_go_on_above(text, start)):
        hint += "; if the line goes on the value above it, indent it"
    return start, f"invalid YAML: no ':' after '{key}' on this line", hint


_KEY_NO_SPACE = re.compile(r"""([ \t]*(?:-[ \t]+)?)([A-Za-z_][\w-]*):([^\s:/].*)""")
"""``date:2024-05-14``: a key and its value with no space after the ':', which YAML reads as
one text (a ':' ends a key only before a space), and so stumbles on the line after it."""


def _no_space_after_colon(found: re.Match[str]) -> tuple[str, str]:
    """The message and fix for ``key:value`` (``_KEY_NO_SPACE``): the line with a space after
    the ':'. (A value holding a ': ' of its own makes no error: YAML reads the line as the key
    ``key:value`` up to that ': ', which the keys' check names.)"""
    item, key, value = found.group(1).strip(), found.group(2), found.group(3)
    fixed = f"{item} {key}: {value}".lstrip()
    return (
        f"invalid YAML: no space after the ':' of '{key}' on this line",
        f"write {fixed} (YAML ends a key only at a ':' followed by a space)",
    )


_VALUE_LINE = re.compile(r"""([ \t]*)[^\s:#'"\[\]{},&*!|>%@`-][^:#]*:[ \t]+[^\s#'"\[{|>&*!]""")
"""``key: value`` with an unquoted value, which a line under it may go on."""


def _may_go_on_above(text: str, start: int) -> bool:
    """Whether line ``start`` (from 0) may be words wrapped from the unquoted value of the
    line above, written without an indent (``description: … and your`` over ``health.``):
    that line is ``key: value`` at the same indent, and the next one is not indented under
    this one, as the keys or items of a key would be. A one-word tail gives no other sign."""
    above, here, below = (line_of(text, number) for number in (start - 1, start, start + 1))
    found = _VALUE_LINE.match(above) if start > 0 else None
    indent = len(here) - len(here.lstrip(" \t"))
    return (
        found is not None
        and len(found.group(1)) == indent
        and len(below) - len(below.lstrip(" \t")) <= indent
    )


_KEY_THEN_VALUE = re.compile(
    r"""([ \t]*(?:-[ \t]+)?)([^\s:#'"\[\]{},&*!|>%@`-][^\s:]*)(?:[ \t]+(.*))?"""
)
"""A line that ``_missing_colon`` reads as a key and its value without the ':' between."""


def _plain_from_line_start(text: str, mark: yaml.error.Mark) -> int | None:
    """The line (from 0) where the unquoted text that runs on to ``mark``'s line starts, if
    it starts a line (after its indent, or a list item's '- '): a key whose ':' is missing,
    read with the next line as one text. None if no such text reaches ``mark``."""
    last: yaml.ScalarToken | None = None
    try:
        for token in yaml.scan(text, Loader=Loader):
            if token.start_mark.index >= mark.index:
                break
            if isinstance(token, yaml.ScalarToken):
                last = token
    except yaml.YAMLError:
        pass
    if last is None or last.style or not last.start_mark.line < last.end_mark.line == mark.line:
        return None
    start = last.start_mark
    return start.line if line_of(text, start.line)[: start.column].strip() in ("", "-") else None


_CURLY_VALUE = re.compile(r"""([ \t]*(?:-[ \t]+)?[^\s:#'"{\[-][^:]*?)[ \t]*:[ \t]+([“„‘‚”’].*)""")
"""``key: “text”``: a value opening with a curly quote, which YAML does not take as a quote."""


def _colon_in_value(line: str) -> tuple[str, str]:
    """The message and fix for a ': ' inside an unquoted value on ``line``: a quote, and
    straight quotes where the value is already between curly ones (pasted from a word
    processor, or typed on a phone), which YAML reads as letters. Whether it is,
    ``curlypairs`` decides, as for a value YAML reads (``’Tis …’`` opens with an apostrophe)."""
    found = _CURLY_VALUE.fullmatch(line.rstrip())
    inner = curly_inside(found.group(2)) if found is not None else None
    if found is None or inner is None:
        return (
            "invalid YAML: a value holding ': ' (a colon and a space) must be in quotes",
            f"put the value in double quotes: {_quoted_line(line)}",
        )
    key = found.group(1).strip()
    return (
        "invalid YAML: a value holding ': ' (a colon and a space) must be in quotes, and"
        " YAML takes only straight quotes (\" and ') as quotes, not the curly ones around it",
        f"write straight quotes: {key}: {double_quoted(inner)}",
    )


def _quoted_line(line: str) -> str:
    """The writer's own ``key: value`` line with its value in double quotes, for the fix to
    show what to type; an example where the line is not that simple (a list item, a
    comment after the value, a value already opening with a quote or a bracket)."""
    found = _PLAIN_VALUE.fullmatch(line.strip())
    if found is None or _COMMENT.search(found.group(2)):
        return 'e.g. title: "Ketamine: A New Frontier"'
    return f"{found.group(1)}: {double_quoted(found.group(2))}"


_PLAIN_VALUE = re.compile(r"""([^\s:#'"{\[\]},&*!|>%@`-][^:]*?)[ \t]*:[ \t]+([^\s'"\[{].*)""")
"""``key: value``: a key, then a value that opens with no quote, bracket or space."""


def line_of(text: str, number: int) -> str:
    """Line ``number`` (from 0) of ``text``, or empty past its end."""
    lines = text.splitlines()
    return lines[number] if 0 <= number < len(lines) else ""


_QUOTED_TO_END = re.compile(r"""[ \t]*(?:-[ \t]+)?[^\s:#'"{\[-][^:{\[]*:[ \t]+(["'])[^"'#]*""")
"""``key: "text`` with nothing after it that a quote at the end of the line would change."""


def close_quote(line: str, quote: str) -> str:
    """How to close a quote left open on ``line``: the line with it closed, where its value
    runs to the end of the line, or else in words."""
    hint = "end the value with the same quote it starts with"
    if (found := _QUOTED_TO_END.fullmatch(line.rstrip())) and found.group(1) == quote:
        return f"{hint}: {line.strip()}{quote}"
    return hint


_FLOW_THEN_TEXT = re.compile(
    r"[ \t]*-?[ \t]*([^\s:#'\"][^:]*?)[ \t]*:[ \t]+([\[{])[^\]}]*[\]}][ \t]*[^\s#]"
)
"""``key: [text] more``: a value that opens with a bracket and goes on after its closing one."""


_COMMENT = re.compile(r"[ \t]#")
"""Where a comment starts on a line: a ``#`` after white space."""
_FLOW_BRACKETS = {"while parsing a flow sequence": "[]", "while parsing a flow mapping": "{}"}
"""PyYAML's context for an unclosed ``[`` or ``{``: its brackets."""


def _around(text: str, mark: yaml.error.Mark | None) -> tuple[str, str]:
    """The line YAML stumbled on, split at where it did: what came before, what comes after
    (empty where it names no line). A tab at its start, a ': ' before the spot (a second one
    in ``title: A: B``, where a line indented under a value gives the same PyYAML error) and
    an apostrophe just before it tell what went wrong better than PyYAML says."""
    lines = text.splitlines()
    if mark is None or not 0 <= mark.line < len(lines):
        return "", ""
    line = lines[mark.line]
    return line[: mark.column], line[mark.column :]


def _apostrophe(before: str, after: str) -> bool:
    """Whether YAML stumbled right after a single quote and before a letter, with another
    single quote earlier on the line: an apostrophe (``'Men's health'``) that closed the
    single-quoted value it was written in."""
    return before[-1:] == "'" and after[:1].isalpha() and "'" in before[:-1]
