"""The record a build leaves in its output of the files it wrote, and someone's own files."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlegen.core.layout import OUTPUT_FILES, OUTPUT_MARKER
from articlegen.output.outputrecord import files_under, load_written, own_files, record_bytes


def _tree(folder: Path, names: list[str], written: list[str]) -> Path:
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(name)
    (folder / OUTPUT_FILES).write_bytes(record_bytes(written))
    return folder


def test_a_record_is_read_back(tmp_path: Path) -> None:
    output = _tree(tmp_path / "public", ["index.html"], ["index.html", "a/index.html"])
    written = load_written(output)
    assert written is not None
    assert written.wrote("index.html") and written.wrote("a/index.html")
    assert written.wrote(OUTPUT_MARKER) and not written.wrote("notes.txt")


@pytest.mark.parametrize("data", [b"", b"not a record\n", record_bytes([]) + b"zz\n"])
def test_a_damaged_record_is_no_record(tmp_path: Path, data: bytes) -> None:
    (tmp_path / OUTPUT_FILES).write_bytes(data)
    assert load_written(tmp_path) is None


def test_a_linked_record_is_no_record(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").write_bytes(record_bytes(["a"]))
    (tmp_path / OUTPUT_FILES).symlink_to(tmp_path / "elsewhere")
    assert load_written(tmp_path) is None


def test_own_files_are_those_no_build_wrote(tmp_path: Path) -> None:
    names = ["index.html", "a/index.html", "a/notes.txt", "x/y/z"]
    output = _tree(tmp_path / "public", names, ["index.html", "a/index.html"])
    (output / "empty").mkdir()
    files, folders = files_under(output, tmp_path)
    assert files == sorted([*names, OUTPUT_FILES]) and folders == ["a", "empty", "x", "x/y"]
    own, errors = own_files(output, {"index.html"}, None, tmp_path)
    assert (own.files, own.folders, errors) == (("a/notes.txt", "x/y/z"), ("empty", "x", "x/y"), [])


def test_without_a_record_there_are_no_own_files(tmp_path: Path) -> None:
    output = _tree(tmp_path / "public", ["notes.txt"], [])
    (output / OUTPUT_FILES).unlink()
    own, errors = own_files(output, set(), None, tmp_path)
    assert (own.files, own.folders, errors) == ((), (), [])


@pytest.mark.parametrize(
    ("building", "index", "where"),
    [
        ({"a/notes.txt"}, None, "a file of the site at its place"),
        ({"A/Notes.txt"}, None, "a file of the site at its place"),
        (
            {"a/notes.txt/index.html"},
            None,
            "a file of the site at public/a/notes.txt/index.html, where",
        ),
        ({"a"}, None, "a file of the site at public/a, where its folder is"),
        (set(), "a", "its search index in public/a/, whole"),
    ],
)
def test_a_file_the_build_would_displace_is_an_error_at_it(
    tmp_path: Path, building: set[str], index: str | None, where: str
) -> None:
    output = _tree(tmp_path / "public", ["a/notes.txt", "b.txt"], [])
    [error] = [e for e in own_files(output, building, index, tmp_path)[1] if e.path.endswith("txt")]
    assert error.path == "public/a/notes.txt"
    assert f"this build writes {where}" in str(error)


@given(st.lists(st.text(min_size=1, max_size=12), max_size=20), st.text(min_size=1, max_size=12))
def test_a_record_is_the_same_for_the_same_files_and_knows_each(
    names: list[str], other: str
) -> None:
    data = record_bytes(names)
    assert data == record_bytes(list(reversed(names)) + names)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / OUTPUT_FILES).write_bytes(data)
        written = load_written(Path(folder))
    assert written is not None and all(written.wrote(name) for name in names)
    assert written.wrote(other) == (other in names or other in (OUTPUT_MARKER, OUTPUT_FILES))
