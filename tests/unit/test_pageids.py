"""The page's own ids: every one the theme uses is reserved, so no body heading can take it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from articlegen.core.pageids import THEME_IDS, citation_anchor, is_reserved, reference_anchor

THEME = Path(__file__).parents[2] / "src" / "articlegen" / "theme"
_ID_ATTRIBUTE = re.compile(r"""\bid=["']([^"']*)["']""")
_SCRIPT_ID = re.compile(r"""\.id\s*=\s*["']([^"']+)["']""")
TEMPLATED_IDS = {
    ("article.html", "{{ item.anchor }}"): "a reference: reference_anchor, a reserved pattern",
    ("archive.html", "year-{{ group.year }}"): "the archive shows no article body",
    ("_index_entry.html", "entry-{{ entry.slug }}"): (
        "the See Also index shows no article body; behind 'entry-' no slug meets a theme id"
    ),
    ("see_also.html", "{{ group.anchor }}"): (
        "the See Also index shows no article body; an initial's heading is 'Initial-' and a number"
    ),
}
"""Ids built from data, each with the reason it cannot meet a body heading's id."""


def theme_ids() -> list[tuple[str, str]]:
    """``(file, id)`` for every id the theme's templates write and its scripts set."""
    found = [
        (path.name, value)
        for path in sorted((THEME / "templates").glob("*.html"))
        for value in _ID_ATTRIBUTE.findall(path.read_text(encoding="utf-8"))
    ]
    found += [
        (path.name, value)
        for path in sorted((THEME / "static").rglob("*.js"))
        for value in _SCRIPT_ID.findall(path.read_text(encoding="utf-8"))
    ]
    return found


def test_the_scan_sees_the_theme_ids() -> None:
    assert ("base.html", "main") in theme_ids() and ("comments.js", "remark42") in theme_ids()


def test_every_fixed_theme_id_is_reserved() -> None:
    fixed = {value for _, value in theme_ids() if "{" not in value}
    assert fixed - THEME_IDS == set(), "add the new id to pageids.THEME_IDS"
    assert THEME_IDS - fixed == set(), "the theme no longer uses these ids"


def test_every_templated_id_is_accounted_for() -> None:
    templated = {(name, value) for name, value in theme_ids() if "{" in value}
    assert templated == set(TEMPLATED_IDS)


@pytest.mark.parametrize(
    ("anchor", "reserved"),
    [
        ("main", True),
        ("comments", True),
        ("toc-title", True),
        (reference_anchor(3), True),
        (citation_anchor(2, 1), True),
        (citation_anchor(2, 4), True),
        ("ref", False),
        ("ref-1a", False),
        ("main-section", False),
        ("cite-2-section", False),
    ],
)
def test_reserved_ids(anchor: str, reserved: bool) -> None:
    assert is_reserved(anchor) is reserved


def test_citation_anchors_number_repeats_from_the_second() -> None:
    assert [citation_anchor(5, k) for k in (1, 2, 3)] == ["cite-5", "cite-5-2", "cite-5-3"]
    assert reference_anchor(5) == "ref-5"
