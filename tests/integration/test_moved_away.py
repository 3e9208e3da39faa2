"""A build says which addresses the last build published an article at and it no longer
serves (``incremental/movedaway.py``): links from other sites to them now fail."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from articlegen.build import build_with_saved_cache
from tests.conftest import article

ARTICLES = {
    "sleep.md": article("Sleep Basics", "Sleep matters."),
    "zinc.md": article("Zinc and You", "Zinc, briefly."),
    "pages/about.md": "---\ntitle: About Us\n---\n\nWho we are.\n",
}


@pytest.fixture
def built(site: Callable[..., Path]) -> Path:
    root = site(ARTICLES)
    assert build_with_saved_cache(root).notes == ()
    return root


def _moved(root: Path) -> list[str]:
    return [note for note in build_with_saved_cache(root).notes if "lead nowhere" in note]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_new_slug_names_the_old_address_and_its_alias(built: Path) -> None:
    _edit(built / "content/sleep.md", "title:", "slug: sleep-guide\ntitle:")
    (note,) = _moved(built)
    assert note.startswith("content/sleep.md: its address changed from /sleep/ to /sleep-guide/")
    assert "add 'aliases: [/sleep/]' to its front-matter" in note
    assert _moved(built) == []  # said once: the next build knows only the new address


def test_an_alias_for_the_old_address_says_nothing(built: Path) -> None:
    _edit(built / "content/sleep.md", "title:", "slug: sleep-guide\naliases: [/sleep/]\ntitle:")
    assert _moved(built) == []
    assert (built / "public/sleep/index.html").is_file()  # the redirect page


def test_a_renamed_file_is_matched_by_its_title(built: Path) -> None:
    (built / "content/sleep.md").rename(built / "content/sleep-basics.md")
    (note,) = _moved(built)
    assert note.startswith("content/sleep.md is gone, and with it the page at /sleep/")
    assert "if content/sleep-basics.md (at /sleep-basics/) is the same article" in note
    assert "add 'aliases: [/sleep/]' to its front-matter" in note


def test_a_deleted_article_or_page_is_said_without_a_guess(built: Path) -> None:
    (built / "content/zinc.md").unlink()
    (built / "content/pages/about.md").unlink()
    notes = sorted(_moved(built))
    assert [n.split(" is gone")[0] for n in notes] == ["content/pages/about.md", "content/zinc.md"]
    assert all("if the article moved to another file" in n for n in notes)


def test_an_article_left_out_on_purpose_is_no_move(built: Path) -> None:
    _edit(built / "content/zinc.md", "title:", "draft: true\ntitle:")
    _edit(built / "content/sleep.md", "date: 2024-01-01", "date: 2999-01-01")
    result = build_with_saved_cache(built)
    assert [n for n in result.notes if "lead nowhere" in n] == []
    assert any("skipped" in n for n in result.notes)  # the build says why instead


def test_another_output_folder_has_nothing_to_compare(built: Path) -> None:
    from articlegen.core.model import BuildOptions

    _edit(built / "content/sleep.md", "title:", "slug: sleep-guide\ntitle:")
    result = build_with_saved_cache(built, BuildOptions(output=built / "elsewhere"))
    assert [n for n in result.notes if "lead nowhere" in n] == []
