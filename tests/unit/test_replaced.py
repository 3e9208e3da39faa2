"""The files a build removes by replacing whole an output folder without a record."""

from __future__ import annotations

from pathlib import Path

from articlegen.core.layout import OUTPUT_FILES, OUTPUT_MARKER
from articlegen.output.outputrecord import record_bytes
from articlegen.output.replaced import replaced_files
from articlegen.output.search import INDEX_FOLDER

_FILES = [OUTPUT_MARKER, "index.html", "About/index.html", "pagefind/pagefind.js", "notes.txt"]


def _output(tmp_path: Path) -> Path:
    output = tmp_path / "public"
    for name in _FILES:
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_text(name)
    return output


def test_only_what_the_build_does_not_write_is_named(tmp_path: Path) -> None:
    """Not the mark, nor the search index a build that indexes makes whole, nor a page
    written again under a name that differs only in case (one file, on a disk that ignores
    case)."""
    output = _output(tmp_path)
    building = ["index.html", "about/index.html"]
    assert replaced_files(output, building, INDEX_FOLDER, tmp_path) == ["notes.txt"]


def test_without_search_the_index_folder_is_named(tmp_path: Path) -> None:
    """A build that does not index (``search: false``) makes no ``pagefind/``: the files
    there go like any other it does not write."""
    output = _output(tmp_path)
    building = ["index.html", "about/index.html"]
    assert replaced_files(output, building, None, tmp_path) == [
        "notes.txt",
        "pagefind/pagefind.js",
    ]


def test_a_folder_with_its_record_loses_nothing(tmp_path: Path) -> None:
    output = _output(tmp_path)
    (output / OUTPUT_FILES).write_bytes(record_bytes(["index.html"]))
    assert replaced_files(output, ["index.html"], None, tmp_path) == []
    assert replaced_files(tmp_path / "absent", ["index.html"], None, tmp_path) == []
