"""A ``see_also`` item that is a list YAML read as one text, and the error that says so.

Two ways of writing a list give one text, and no YAML error: ``see_also: zinc, sleep``
(commas without brackets), and a block list whose second ``- `` line is indented further
than the first (``  - zinc`` then ``    - sleep``), which YAML reads as more words of the
first item, ``zinc - sleep``. Such an item names no article, and the closest title offered
for it ("did you mean") would mislead: when each of its parts names one article, the error
says what YAML read and how to write the list.
"""

from __future__ import annotations

from collections.abc import Callable

from ..core.errors import LinkError
from ..core.model import LinkRef


def listed_problem(ref: LinkRef, path: str, names_one: Callable[[str], bool]) -> LinkError | None:
    """The error for ``ref``, a ``see_also`` item of ``path`` that names no article, when
    it is a list read as one text: its parts between commas, or between `` - ``, each name
    one article (``names_one``); else None."""
    name = ref.target.strip()
    for separator in (",", " - "):
        parts = [part.strip() for part in name.split(separator)]
        if len(parts) > 1 and all(part and names_one(part) for part in parts):
            break
    else:
        return None
    written = f"see_also: [{', '.join(parts)}]"
    if separator == ",":
        return LinkError(
            f"see_also '{ref.target}' matches no article, but each part between its commas does",
            path,
            ref.line,
            f"for several articles write a list: {written}",
        )
    rest = ", ".join(f"'- {part}'" for part in parts[1:])
    return LinkError(
        f"see_also '{ref.target}' is one item to YAML, not {len(parts)}: {rest} is indented"
        f" further than the '- {parts[0]}' above it, so YAML reads it as more words of that"
        " item (each part names an article)",
        path,
        ref.line,
        f"start each '- ' of the list at the same indent as the first, or write {written}",
    )
