"""A key written with no space after its colon on a line indented under the key above, which
YAML reads as more words of that key's value, not as a key.

``title: Sleep and Stress`` followed by ``    date:2026-01-02`` is no YAML error: a plain
value goes on over the lines indented under its key, and ``date:2026-01-02`` has no space
after its colon, so it is text. The title becomes ``Sleep and Stress date:2026-01-02`` and
the writer hears only that ``date`` is missing, from a header that plainly holds it. Such a
line, naming a key the header may hold and does not, is an error at its own line.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from ..core.errors import FrontMatterError
from ..core.yamlentry import Entry
from ..core.yamlindent import GLUED_KEY

_TOP_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:[ \t]+(?![|>&*!\[{\"'#])\S")
"""A top-level key with a plain value on its own line, which indented lines may go on."""
_ANY_GLUED = re.compile(r"\n[ \t]+[A-Za-z_][\w-]*:[^\s:/]")
"""``GLUED_KEY`` indented, on any line but the first (which continues nothing): one search, 1 µs a
header, which finds none in nearly every header and spares looking at its lines one by one."""


def glued_key_problems(
    header: str, written: Mapping[str, Entry], keys: Collection[str], path: str, first_line: int
) -> dict[str, FrontMatterError]:
    """By the key it names, an error for each line of ``header`` (its first on file line
    ``first_line``) that YAML read as more of the plain value above it, though it starts one
    of ``keys`` not ``written`` with no space after its colon: the key is written, and a
    caller that reports missing keys leaves it out."""
    problems: dict[str, FrontMatterError] = {}
    if not _ANY_GLUED.search(header):
        return problems
    above: str | None = None  # the top-level key whose plain value the lines below go on
    for number, line in enumerate(header.splitlines()):
        if not line[:1].isspace():
            top = _TOP_KEY.match(line)
            above = top.group(1) if top else None
            continue
        glued = GLUED_KEY.match(line)  # indented: a tab before a key is YAML's error
        if above is None or glued is None:
            continue
        name, value = glued.group(3), line[glued.end() :]
        if name in keys and name not in written and name not in problems:
            problems[name] = _problem(name, value, above, path, first_line + number)
    return problems


def _problem(name: str, value: str, above: str, path: str, line: int) -> FrontMatterError:
    return FrontMatterError(
        f"'{name}:{value}' is indented under '{above}' and has no space after its ':', so YAML"
        f" reads it as more of '{above}', not as the key '{name}'",
        path,
        line,
        f"start the line with the key and put a space after its ':': {name}: {value.strip()}",
    )
