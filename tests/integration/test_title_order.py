"""End-to-end: every list a reader reads in title order (the See Also index, an article's
"Linked from", the authors page by name) puts titles where a reader looks for them: case
folded, numbers by value ("2 tips" before "10 tips"), the same after any rebuild as after a
clean build."""

from __future__ import annotations

from pathlib import Path

from articlegen.build import build_site, build_with_saved_cache
from articlegen.incremental.cache import BuildCache
from tests.conftest import SITE_YAML, article, parse
from tests.helpers import same_as_clean

TITLES = {
    "ten": "10 placeholder tips",
    "two": "2 placeholder tips",
    "apple": "apple placeholder",
    "banana": "Banana placeholder",
    "b12": "Vitamin B12 placeholder",
    "b6": "vitamin B6 placeholder",
}
ORDER = [
    "2 placeholder tips",
    "10 placeholder tips",
    "apple placeholder",
    "Banana placeholder",
    "vitamin B6 placeholder",
    "Vitamin B12 placeholder",
]
PEOPLE = """\
authors:
  author-10:
    name: "Example Author 10"
  author-2:
    name: "Example Author 2"
  author-b:
    name: "example author B"
reviewers:
  reviewer-a:
    name: "Example Reviewer A"
    credentials: "MD"
"""


def _site(site) -> Path:
    """Every article links to ``hub``, which links back to them all: ``hub``'s "Linked from"
    and the index list them all."""
    files = {
        f"{slug}.md": article(title, "Text.", see_also="[hub]") for slug, title in TITLES.items()
    }
    files["hub.md"] = article("Hub", "Text.", see_also=f"[{', '.join(TITLES)}]")
    site_yaml = SITE_YAML.replace('author: "Example Author"', "author: author-2")
    return site(files, site_yaml=site_yaml + PEOPLE)


def _index(root: Path) -> list[str]:
    page = parse(root / "public/see-also/index.html")
    return [h.text() for h in page.css("ul.link-index > li h3") if h.text() != "Hub"]


def _linked_from(root: Path) -> list[str]:
    return [a.text() for a in parse(root / "public/hub/index.html").css(".linked-from a")]


def test_titles_and_names_are_listed_case_folded_with_numbers_by_value(site) -> None:
    root = _site(site)
    build_site(root)
    assert _index(root) == ORDER
    assert _linked_from(root) == ORDER
    people = parse(root / "public/authors/index.html").css(".people-list li > a")
    assert [a.text() for a in people] == [
        "Example Author 2",
        "Example Author 10",
        "example author B",
        "Example Reviewer A",
    ]


def _retitle(root: Path) -> None:
    """ "apple placeholder" becomes "3 placeholder tips": it moves between 2 and 10."""
    path = root / "content/apple.md"
    path.write_text(path.read_text().replace("apple placeholder", "3 placeholder tips"))


RETITLED = [ORDER[0], "3 placeholder tips", ORDER[1], *ORDER[3:]]


def test_a_title_changed_in_a_rebuild_takes_its_place_as_in_a_clean_build(site, tmp_path) -> None:
    root = _site(site)
    cache = BuildCache()
    build_site(root, cache=cache)
    _retitle(root)
    build_site(root, cache=cache)
    same_as_clean(root, tmp_path)
    assert _index(root) == _linked_from(root) == RETITLED


def test_a_title_changed_between_command_builds_gives_a_clean_build_s_output(
    site, tmp_path
) -> None:
    """The command's builds plan from the record the last one saved (``recordplanning``)."""
    root = _site(site)
    build_with_saved_cache(root)
    _retitle(root)
    build_with_saved_cache(root)
    same_as_clean(root, tmp_path)
    assert _index(root) == _linked_from(root) == RETITLED
