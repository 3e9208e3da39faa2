"""Values PyYAML stumbles on because they needed quotes, told in a writer's words, with the
line to write: one starting with a character YAML reads as its own syntax (``*Sleep*`` an
alias, ``@home`` and `` `code` `` reserved, ``%`` a directive, ``|`` a block of text), and a
quoted one followed by more text on its line (``"He said "hi" to me"``, ``"Sleep" and
more``), which PyYAML tells only as "did not find expected key".
"""

from __future__ import annotations

import re

_BEFORE_VALUE = r"([ \t]*(?:-[ \t]+)?(?:[^\s:#'\"-][^:]*?:[ \t]+)?)"
"""A line up to its value: its indent, a list item's ``- ``, a ``key:`` (each if any)."""
_STARTED = re.compile(_BEFORE_VALUE + r"([*@`%|])(.*)")
"""A line whose value (of a key, or a list item) starts with one of YAML's indicators that no
plain value may start with: the line up to it, the indicator, the rest."""
_READ_AS = {
    "*": ("while scanning an alias", "YAML reads '*' as an alias, a reference to an '&' anchor"),
    "@": ("cannot start any token", "YAML reserves '@'"),
    "`": ("cannot start any token", "YAML reserves '`'"),
    "%": ("cannot start any token", "YAML reads '%' as a directive"),
    "|": ("while scanning a block scalar", "YAML reads '|' as a block of text on the lines below"),
}
"""Each indicator: words of PyYAML's error it gives, and why it needs quotes."""
_QUOTED_THEN_TEXT = re.compile(_BEFORE_VALUE + r"([\"'])(.*)")
"""A line whose value opens with a quote: the line up to it, the quote, the rest."""


def quoting_problem(
    problem: str, context: str | None, before: str, after: str
) -> tuple[str, str] | None:
    """The message and fix for a value that needed quotes, on the line PyYAML stumbled on
    (``before`` and ``after`` the spot), given its ``problem`` and ``context``; None if that
    is not what went wrong."""
    line = (before + after).rstrip()
    started = _STARTED.fullmatch(line)
    if started is not None and started.group(2) in _READ_AS:
        words, why = _READ_AS[started.group(2)]
        if words in f"{problem} {context}":
            value = double_quoted(line[started.end(1) :])
            return (
                f"invalid YAML: a value starting with '{started.group(2)}' must be in quotes:"
                f" {why}",
                f"put the value in quotes: {started.group(1)}{value}",
            )
    quoted = _QUOTED_THEN_TEXT.fullmatch(line)
    if (
        quoted is None
        or not problem.startswith("did not find expected")
        or before.rstrip()[-1:] != quoted.group(2)
        or not after.strip()
        or after.lstrip().startswith("#")
    ):
        return None
    return _text_after_quote(quoted.group(1), quoted.group(2), quoted.group(3), after.strip())


def _text_after_quote(start: str, quote: str, rest: str, after: str) -> tuple[str, str]:
    """The message and fix for a quoted value followed by ``after`` on its line: the value
    written whole in the other quotes (``'He said "hi" to me'``), its own outer quotes taken
    as the value's where it ends with one; in double quotes, escaped, if it holds both."""
    inner = rest[:-1] if rest.endswith(quote) else quote + rest
    other = "'" if quote == '"' else '"'
    fixed = f"{other}{inner}{other}" if other not in inner else double_quoted(inner)
    kind = "double" if quote == '"' else "single"
    return (
        f"invalid YAML: the value in {kind} quotes ends at the quote before '{after}', and"
        " YAML reads no more of the line",
        f"write the whole value in one pair of quotes: {start}{fixed}",
    )


def double_quoted(value: str) -> str:
    """``value`` in double quotes, as YAML reads it back (its backslashes and quotes escaped)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
