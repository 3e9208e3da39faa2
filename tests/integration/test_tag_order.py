"""End-to-end: the tags index lists tags in the order a reader looks for them (case folded,
numbers by value), the same after any rebuild as after a clean build. (The sitemap lists
every page by its address, for crawlers, who read no order into it.)"""

from __future__ import annotations

from pathlib import Path

from articlegen.build import build_site, build_with_saved_cache
from articlegen.core.model import BuildOptions
from articlegen.incremental.cache import BuildCache
from tests.conftest import article, parse
from tests.helpers import same_as_clean

ORDER = [
    "2-minute drills",
    "10-minute drills",
    "Apple cider",
    "banana",
    "Vitamin B6",
    "vitamin B12",
    "Zinc",
]


def _tagged_site(site) -> Path:
    return site(
        {
            "a.md": article("Alpha", tags="[Zinc, vitamin B12, 10-minute drills, banana]"),
            "b.md": article("Beta", tags="[Vitamin B6, 2-minute drills, Apple cider]"),
        }
    )


def _tags_index(root: Path) -> list[str]:
    page = parse(root / "public/tags/index.html")
    return [node.text() for node in page.css(".tag-list .tag-name")]


def test_the_tags_index_lists_tags_by_folded_case_and_number_value(site) -> None:
    root = _tagged_site(site)
    build_site(root, BuildOptions(output=root / "public"))
    assert _tags_index(root) == ORDER
    # an article's own tags stay in the order its author wrote them
    chips = parse(root / "public/a/index.html").css("ul.tags a")
    assert [chip.text() for chip in chips] == ["Zinc", "vitamin B12", "10-minute drills", "banana"]


def _add_tags(root: Path) -> None:
    path = root / "content/b.md"
    text = path.read_text()
    path.write_text(text.replace("Apple cider]", "Apple cider, 3-minute drills, Vitamin B9]"))


def test_a_tag_added_in_a_rebuild_takes_its_place_as_in_a_clean_build(site, tmp_path) -> None:
    root = _tagged_site(site)
    cache = BuildCache()
    build_site(root, cache=cache)
    _add_tags(root)
    build_site(root, cache=cache)
    same_as_clean(root, tmp_path)
    assert _tags_index(root)[:3] == ["2-minute drills", "3-minute drills", "10-minute drills"]
    assert _tags_index(root)[-4:] == ["Vitamin B6", "Vitamin B9", "vitamin B12", "Zinc"]


def test_a_tag_added_between_command_builds_gives_a_clean_build_s_output(site, tmp_path) -> None:
    """The command's builds plan from the record the last one saved (``recordplanning``)."""
    root = _tagged_site(site)
    build_with_saved_cache(root)
    _add_tags(root)
    build_with_saved_cache(root)
    same_as_clean(root, tmp_path)
    assert "3-minute drills" in _tags_index(root)
