"""Which files of content/ are articles, in which order: listed as text, as ``Path.rglob``
found them."""

from __future__ import annotations

import os
from pathlib import Path

from articlegen.content.articles import find_sources


def by_rglob(root: Path) -> list[Path]:
    """The listing as it was made before: every ``*.md`` ``Path.rglob`` finds, hidden and
    editor temp files left out, sorted as paths sort."""
    content = root / "content"
    return sorted(
        path
        for path in content.rglob("*.md")
        if not any(part.startswith((".", "_")) for part in path.relative_to(content).parts)
        and not path.name.startswith(("#", "~"))
    )


def test_articles_are_found_and_sorted_as_paths_sort(tmp_path: Path) -> None:
    files = [
        "a.md", "a-b.md", "a/b.md", "a/c/d.md", "A.md", "b.MD", "notes.txt", "x.markdown",
        ".hidden.md", "_draft.md", "#autosave.md", "~lock.md", "a/#x.md", "a/~y.md",
        ".git/config.md", "_drafts/z.md", "a/.cache/w.md", "#folder/in.md", "deep/er/est/e.md",
        "a.md.bak", "zz/_inner/q.md", "with space/s.md",
    ]  # fmt: skip
    content = tmp_path / "content"
    for name in files:
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text("x", encoding="utf-8")
    (content / "folder.md").mkdir()  # a folder named like an article: listed, as before
    (content / "folder.md" / "inner.md").write_text("x", encoding="utf-8")
    os.symlink(content / "a", content / "linked")  # a link to a folder: not followed
    os.symlink(content / "a.md", content / "alias.md")  # a link to a file: listed
    os.symlink(tmp_path / "missing", content / "broken.md")
    found = find_sources(tmp_path)
    assert found == by_rglob(tmp_path)
    assert [p.relative_to(content).as_posix() for p in found][:4] == [
        "#folder/in.md",
        "A.md",
        "a/b.md",
        "a/c/d.md",
    ]


def test_no_content_folder_lists_nothing(tmp_path: Path) -> None:
    assert find_sources(tmp_path) == []
