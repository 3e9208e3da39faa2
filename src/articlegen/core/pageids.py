"""The element ids an article page gives itself, so that body headings never take one.

An article page holds the theme's own ids (``main``, the section labels) and the ids of
citations and references (``cite-1``, ``ref-1``) beside the ids of its body headings. A heading
that took one of them would make two elements with one id: invalid HTML, and the skip link or
a section's label would point at the heading. This list is the one place those ids are named;
``tests/unit/test_pageids.py`` scans the theme's templates and scripts so a new id cannot be
added there without being added here.
"""

from __future__ import annotations

import re

THEME_IDS = frozenset(
    {
        "main",
        "toc-title",
        "references-title",
        "disclaimer-title",
        "see-also-title",
        "linked-from-title",
        "comments",
        "comments-title",
        "written-title",
        "reviewed-title",
        "search-input",
        "isso-thread",
        "remark42",
        "Unlinked",
    }
)
"""Fixed ids in the theme's templates (``id="…"``) and set by its scripts (``comments.js``)."""

_NUMBERED = re.compile(r"(?:ref|cite)-\d+(?:-\d+)?")
"""Ids of references (``ref-N``) and citations (``cite-N``, ``cite-N-K``)."""


def reference_anchor(number: int) -> str:
    """Id of reference ``number`` in the list under the article."""
    return f"ref-{number}"


def citation_anchor(number: int, occurrence: int) -> str:
    """Id of the ``occurrence``-th citation of reference ``number`` (1-based; the first plain)."""
    return f"cite-{number}" + (f"-{occurrence}" if occurrence > 1 else "")


def is_reserved(anchor: str) -> bool:
    """Whether the page itself may use ``anchor``, so a body heading must not."""
    return anchor in THEME_IDS or _NUMBERED.fullmatch(anchor) is not None
