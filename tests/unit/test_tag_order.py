"""Tags in the order a reader counts: numbers in their names by value."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from articlegen.core.model import Article, FrontMatter
from articlegen.core.slugs import natural_order
from articlegen.render.site import collect_tags


def _tagged(slug: str, tags: list[str]) -> Article:
    meta = FrontMatter(title=slug.title(), date=dt.date(2024, 1, 1), tags=tags)
    return Article(source=f"content/{slug}.md", slug=slug, meta=meta, body="")


def test_numbers_in_tags_sort_by_value() -> None:
    articles = [
        _tagged("a", ["Vitamin B12", "10-minute drills", "Zinc"]),
        _tagged("b", ["Vitamin B6", "2-minute drills"]),
    ]
    assert [tag.name for tag in collect_tags(articles)] == [
        "2-minute drills",
        "10-minute drills",
        "Vitamin B6",
        "Vitamin B12",
        "Zinc",
    ]


def test_the_same_number_written_two_ways_keeps_one_order() -> None:
    assert sorted(["b2", "b02", "b2a", "b"], key=natural_order) == ["b", "b02", "b2", "b2a"]


@given(st.lists(st.text(alphabet="ab-09", max_size=8), max_size=12))
def test_any_slugs_sort_into_one_order(slugs: list[str]) -> None:
    """A total order: sorting never compares a number with text, and its result does not
    depend on the order the slugs came in."""
    assert sorted(slugs, key=natural_order) == sorted(reversed(slugs), key=natural_order)
