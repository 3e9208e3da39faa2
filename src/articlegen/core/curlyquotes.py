"""Values written between curly quotes, ``title: “Sleep Basics”``, as a word processor, a
phone's keyboard or a web page pasted from turns an author's straight ones. YAML takes only
``"`` and ``'`` as quotes, so it keeps the curly ones as letters of the value: the title
published with quotes around it, a tag page of its own for ``“sleep”``, a See Also item that
names no article. Each such value is an error at its line saying so, with the line to write.
Only an unquoted value is looked at: one the author put between straight quotes
(``title: '“Walk more”'``) is text as written, curly quotes and all, which is how to keep
them when they are meant. Which values are between curly quotes, ``curlypairs`` decides."""

from __future__ import annotations

from .curlypairs import curly_inside
from .errors import ArticlegenError
from .yamlentry import Entry
from .yamlquoting import double_quoted


def curly_problems(
    entry: Entry, name: str, path: str, error: type[ArticlegenError], *, item: bool = False
) -> list[ArticlegenError]:
    """An error for each unquoted value of ``entry`` (nested ones, list items too) written
    between curly quotes. ``name`` is its key, dotted under its mapping (``image.alt``)."""
    problems: list[ArticlegenError] = []
    if isinstance(entry.written, str) and (inner := curly_inside(entry.written)) is not None:
        problems.append(_problem(entry, name, inner, path, error, item))
    for each in entry.items:
        problems += curly_problems(each, name, path, error, item=True)
    for key, child in (entry.children or {}).items():
        problems += curly_problems(child, f"{name}.{key}", path, error)
    return problems


def _problem(
    entry: Entry, name: str, inner: str, path: str, error: type[ArticlegenError], item: bool
) -> ArticlegenError:
    written = str(entry.written)
    kept = "'" + written.replace("'", "''") + "'"
    straight = double_quoted(inner)
    what = f"an item of '{name}'" if item else f"'{name}'"
    key = "" if item else name.rsplit(".", 1)[-1] + ": "
    return error(
        f"{what} is written between curly quotes, {written}, and YAML takes only straight"
        " quotes (\" and ') as quotes: the curly ones would be part of the text",
        path,
        entry.line,
        f"write straight quotes, {key}{straight}; to show the curly quotes, put the whole"
        f" {'item' if item else 'value'} in straight ones, {key}{kept}",
    )


def unwrapped(entry: Entry) -> Entry:
    """``entry`` with each unquoted value between curly quotes read as the text inside them,
    as its author meant it: a header that failed on such a value still names its title and
    links, so that they are not reported on top of its own error."""
    if isinstance(entry.written, str) and (inner := curly_inside(entry.written)) is not None:
        return Entry(inner, entry.line, written=inner)
    if entry.items:
        items = tuple(unwrapped(each) for each in entry.items)
        return Entry([each.value for each in items], entry.line, None, entry.item_lines, items)
    if entry.children:
        children = {key: unwrapped(child) for key, child in entry.children.items()}
        value = dict(entry.value) if isinstance(entry.value, dict) else entry.value
        if isinstance(value, dict):
            value.update({key: child.value for key, child in children.items()})
        return Entry(value, entry.line, children)
    return entry
