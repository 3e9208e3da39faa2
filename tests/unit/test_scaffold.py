"""scaffold.create_file: the errors name the file once, as their location."""

from pathlib import Path

import pytest

from articlegen.authoring.scaffold import create_file
from articlegen.core.errors import ArticlegenError


def test_a_file_that_cannot_be_written_is_named_once(tmp_path, monkeypatch) -> None:
    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(ArticlegenError) as caught:
        create_file(tmp_path / "content" / "a.md", "text", tmp_path)
    assert str(caught.value) == (
        "content/a.md: cannot create the file: Permission denied"
        " — check that the folder exists and that you may write to it"
    )


def test_an_existing_file_is_kept_and_named_once(tmp_path) -> None:
    existing = tmp_path / "content" / "a.md"
    existing.parent.mkdir()
    existing.write_text("mine", encoding="utf-8")
    with pytest.raises(ArticlegenError) as caught:
        create_file(existing, "text", tmp_path)
    assert str(caught.value) == (
        "content/a.md: the file exists already — choose another title or edit the existing file"
    )
    assert existing.read_text(encoding="utf-8") == "mine"
