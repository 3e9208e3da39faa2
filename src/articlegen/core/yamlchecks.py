"""Checks on what ``yamldoc.load_mapping`` read, shared by every reader of a YAML file: a
value's type, keys the format does not know (with the closest one it does), and characters
no value may hold, each an error at the line of its key."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .characters import value_problem
from .errors import ArticlegenError, did_you_mean
from .yamldoc import Entry


def check_characters(
    entries: dict[str, Entry], path: str, error: type[ArticlegenError]
) -> tuple[dict[str, Entry], list[ArticlegenError]]:
    """Text values (nested ones too) holding a character ``characters`` refuses, each
    reported at the line of its key or list item: YAML escapes such as ``"\\x01"`` write what
    the file's own text cannot hold, and a value reaches HTML, feeds and JSON-LD as it is.

    Such entries come back ``broken``: the key counts as written, its value is not checked
    again (one message per mistake)."""
    checked: dict[str, Entry] = {}
    problems: list[ArticlegenError] = []
    for key, entry in entries.items():
        found = [] if entry.broken else _value_problems(entry, key, path, error)
        problems += found
        checked[key] = Entry(None, entry.line, broken=True) if found else entry
    return checked, problems


def _value_problems(
    entry: Entry, name: str, path: str, error: type[ArticlegenError]
) -> list[ArticlegenError]:
    problems: list[ArticlegenError] = []
    if isinstance(entry.value, str) and (
        problem := value_problem(name, entry.value, path, entry.line, error)
    ):
        problems.append(problem)
    for item in entry.items:
        problems += _value_problems(item, name, path, error)
    for key, child in (entry.children or {}).items():
        problems += _value_problems(child, f"{name}.{key}", path, error)
    return problems


_TYPE_NAMES = {
    str: "text",
    bool: "true or false",
    int: "a whole number",
    list: "a list",
    dict: "a mapping",
}


def as_written(value: object) -> str:
    """A value as YAML spells it, for messages: ``true``, ``false``, ``nothing`` for null,
    text quoted, numbers as they are (Python's ``True``/``None`` are not what was typed)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "nothing" if value is None else repr(value)


def type_problem(
    key: str, entry: Entry, expected: type, path: str, error: type[ArticlegenError]
) -> ArticlegenError | None:
    """An error if ``entry.value`` is not of ``expected`` type (bool is not an int here),
    saying what was found in YAML's words: authors write YAML, not Python."""
    value = entry.value
    ok = isinstance(value, expected) and not (expected is int and isinstance(value, bool))
    if ok:
        return None
    quoted_flag = isinstance(value, str) and value.strip().lower() in _FLAG_WORDS
    return error(
        f"'{key}' must be {_TYPE_NAMES.get(expected, expected.__name__)}, found {found(value)}",
        path,
        entry.line,
        "write true or false without quotes" if expected is bool and quoted_flag else None,
    )


_FLAG_WORDS = frozenset({"true", "false", "yes", "no", "on", "off"})
_SHOWN_TEXT = 40


def found(value: object) -> str:
    """A value as an author would name what they wrote: ``the text 'false'``, ``a list``."""
    if value is None or isinstance(value, bool):
        return as_written(value)
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= _SHOWN_TEXT else value[: _SHOWN_TEXT - 1] + "…"
        return f"the text '{shown}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def unknown_key_problems(
    entries: dict[str, Entry],
    allowed: Iterable[str],
    path: str,
    error: type[ArticlegenError],
    *,
    section: str = "",
    nested: Mapping[str, Iterable[str]] | None = None,
) -> list[ArticlegenError]:
    """One error per key not in ``allowed``, each with the closest valid key; or, where
    none is close, the section of ``nested`` (section → its keys) the key belongs under
    (``accent:`` written at the top where ``theme:`` holds it)."""
    allowed = sorted(allowed)
    prefix = f"{section}." if section else ""
    problems = []
    for key, entry in entries.items():
        if key in allowed:
            continue
        owner = next((name for name, keys in (nested or {}).items() if key in keys), None)
        if owner is not None:  # its very name in a mapping: surer than a near spelling
            problems.append(
                error(
                    f"unknown key '{prefix}{key}' (did you mean '{owner}.{key}'?)",
                    path,
                    entry.line,
                    _under(key, owner, entries.get(owner)),
                )
            )
            continue
        problems.append(
            error(
                f"unknown key '{prefix}{key}'{did_you_mean(key, allowed)}",
                path,
                entry.line,
                "valid keys: " + ", ".join(allowed),
            )
        )
    return problems


def _under(key: str, owner: str, written: Entry | None) -> str:
    """How to move ``key`` under ``owner:``, which the file has already (``written``) or not."""
    if written is not None:
        return f"'{key}' belongs under '{owner}:' (line {written.line}): move it there, indented"
    return (
        f"'{key}' belongs under '{owner}:': write '{owner}:' on a line of its own, then"
        f" '  {key}: …' indented below it"
    )
