"""The golden site builds to exactly the expected tree, file by file (``tests/golden.py``).

A failure means the output changed: if the change is intended, regenerate the tree with
``PYTHONPATH=src python -m tests.golden --update`` and commit it, so the diff shows the change.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from tests import golden

EXPECTED = golden.tree(golden.EXPECTED)
REGENERATE = "if intended, run 'PYTHONPATH=src python -m tests.golden --update'"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return golden.tree(golden.build(tmp_path_factory.mktemp("golden")))


def test_the_build_writes_exactly_the_expected_files(built: dict[str, bytes]) -> None:
    assert sorted(built) == sorted(EXPECTED), REGENERATE


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_file_is_as_expected(built: dict[str, bytes], name: str) -> None:
    assert built.get(name) == EXPECTED[name], f"{name} differs; {REGENERATE}"


def test_the_theme_files_left_out_are_published_unchanged(tmp_path: Path) -> None:
    """The expected tree omits the theme's own files only because the build copies them
    byte for byte: each is in the output, and the same as the theme's."""
    output = golden.build(tmp_path)
    theme = sorted(p for p in golden.THEME_STATIC.rglob("*") if p.is_file())
    assert theme
    for path in theme:
        name = path.relative_to(golden.THEME_STATIC)
        assert (output / name).read_bytes() == path.read_bytes(), name


def test_the_fixture_shows_every_feature_it_is_kept_for() -> None:
    """The golden site is worth its place only while it exercises these."""
    page = HTMLParser(EXPECTED["sleep-and-testosterone/index.html"].decode())
    hrefs = {node.attributes.get("href") for node in page.css("article a")}
    assert {"/training-basics/", "/training-basics/#rest-days", "/tags/hormones/"} <= hrefs
    assert page.css_first("article img").attributes["src"] == "/images/sleep-chart.png"
    for selector in (".see-also a", "sup.citation a", "a.internal", "figure.video a"):
        assert page.css_first(selector) is not None, selector
