"""The record of what builds wrote into an output folder, and someone's own files in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from articlegen.core.errors import OutputError
from articlegen.output.outputrecord import (
    WrittenFiles,
    files_under,
    load_written,
    own_files,
    save_written,
)


def _tree(folder: Path, names: list[str]) -> Path:
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(name)
    return folder


def test_a_record_is_kept_per_output_folder(tmp_path: Path) -> None:
    written = WrittenFiles(frozenset({"index.html", "a/index.html"}), frozenset({"pagefind"}))
    save_written(tmp_path, tmp_path / "public", written)
    assert load_written(tmp_path, tmp_path / "public") == written
    assert load_written(tmp_path, tmp_path / "www") is None


@pytest.mark.parametrize(
    "text", ["", "{", "[]", '{"version": 1}', '{"version": 1, "files": [1], "folders": []}']
)
def test_a_damaged_record_is_no_record(tmp_path: Path, text: str) -> None:
    save_written(tmp_path, tmp_path / "public", WrittenFiles(frozenset({"a"})))
    (record,) = (tmp_path / ".articlegen-cache" / "outputs").iterdir()
    record.write_text(text)
    assert load_written(tmp_path, tmp_path / "public") is None


def test_files_in_a_folder_the_build_made_whole_are_the_builds() -> None:
    written = WrittenFiles(frozenset({"index.html"}), frozenset({"pagefind"}))
    assert written.wrote("pagefind/fragment/en_1.pf_fragment")
    assert not written.wrote("pagefinder.txt") and not written.wrote("notes/pagefind")


def test_own_files_are_those_no_build_wrote(tmp_path: Path) -> None:
    output = _tree(tmp_path / "public", ["index.html", "a/index.html", "a/notes.txt", "x/y/z"])
    written = WrittenFiles(frozenset({"index.html", "a/index.html"}))
    assert files_under(output) == ["a/index.html", "a/notes.txt", "index.html", "x/y/z"]
    assert own_files(output, written, {"index.html"}, tmp_path) == ["a/notes.txt", "x/y/z"]
    assert own_files(output, None, {"index.html"}, tmp_path) == []


@pytest.mark.parametrize(
    ("building", "where"),
    [
        ({"a/notes.txt"}, "at its place"),
        ({"a/notes.txt/index.html"}, "at public/a/notes.txt/index.html, where this file's name"),
        ({"a"}, "at public/a, where this file's folder is"),
    ],
)
def test_a_file_the_build_would_displace_is_an_error_at_it(
    tmp_path: Path, building: set[str], where: str
) -> None:
    output = _tree(tmp_path / "public", ["a/notes.txt"])
    with pytest.raises(OutputError) as raised:
        own_files(output, WrittenFiles(frozenset()), building, tmp_path)
    assert raised.value.path == "public/a/notes.txt"
    assert f"this build writes a file of the site {where}" in str(raised.value)
