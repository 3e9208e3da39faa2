"""misnamed.py: which names in content/ are articles' but for their endings, and what the
preview's watcher rebuilds for."""

from __future__ import annotations

import pytest

from articlegen.content.misnamed import may_be_misnamed, meant_name, renamed
from articlegen.serve.watch import ChangeKind, classify, is_editor_temp


@pytest.mark.parametrize(
    ("name", "meant"),
    [
        ("walking.markdown", "walking.md"),
        ("Walking.MD", "Walking.md"),
        ("walking.md.txt", "walking.md"),
        ("walking.MD.Text", "walking.md"),
        ("walking.markdown.txt", "walking.md"),
        ("walking.md ", "walking.md"),
        ("walking.md.", "walking.md"),
        ("walking.md . ", "walking.md"),
        ("walking.md.txt ", "walking.md"),
    ],
)
def test_names_of_articles_saved_otherwise(name: str, meant: str) -> None:
    assert meant_name(name) == meant
    assert may_be_misnamed(name)
    assert classify(f"content/{name}") is ChangeKind.CONTENT


@pytest.mark.parametrize(
    "name",
    [
        "walking.md",  # an article
        "walking.md~",  # editors' backups, swap files, locks and autosaves
        "walking.md.bak",
        "walking.md.orig",
        "walking.md.swp",
        ".walking.md.swp",
        "#walking.md#",
        ".#walking.md",
        "~walking.md.txt",
        "_walking.md.txt",  # the build never reads a name starting with "_"
        ".md.txt",
        "walking.html",
        "photo.jpg",
    ],
)
def test_other_names_are_no_misnamed_articles(name: str) -> None:
    assert meant_name(name) is None
    assert not may_be_misnamed(name)
    if name != "walking.md":
        assert classify(f"content/{name}") is ChangeKind.IGNORED


@pytest.mark.parametrize("name", ["notes.txt", "Notes.TEXT", "notes.txt "])
def test_a_text_file_is_looked_at_for_its_header(name: str) -> None:
    """Whether it is an article saved as text only its first lines tell: the preview
    rebuilds for it, and the build reads them."""
    assert meant_name(name) is None
    assert may_be_misnamed(name) and not is_editor_temp(name)
    assert classify(f"content/{name}") is ChangeKind.CONTENT


def test_the_path_once_renamed() -> None:
    assert renamed("content/2024/walking.md.txt") == "content/2024/walking.md"
    assert renamed("content/pages/about.txt") == "content/pages/about.md"
    assert renamed("content/Walking.MD") == "content/Walking.md"
    assert renamed("content/walking.md.bak") is None
