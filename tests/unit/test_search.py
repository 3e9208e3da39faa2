from __future__ import annotations

import json
import os
import shutil
import stat
import sys
import tempfile
import types
from collections.abc import Iterable
from pathlib import Path

import pytest

from articlegen.core.errors import OutputError
from articlegen.core.programs import find_pagefind
from articlegen.output import search
from tests.helpers import fake_pagefind, snapshot


def fake_program(tmp_path: Path, script: str) -> Path:
    program = tmp_path / "pagefind"
    program.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    return program


def test_the_wheel_binary_is_preferred(monkeypatch, tmp_path: Path) -> None:
    binary = tmp_path / "pagefind_extended"
    wheel = types.SimpleNamespace(get_executable=lambda: binary)
    monkeypatch.setitem(sys.modules, "pagefind_bin_extended", wheel)
    assert find_pagefind() == binary


def test_missing_everywhere_is_none(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pagefind_bin_extended", None)
    monkeypatch.setitem(sys.modules, "pagefind_bin", None)
    monkeypatch.setenv("PATH", "")
    assert find_pagefind() is None


def test_path_is_the_fallback(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "pagefind_bin_extended", None)
    monkeypatch.setitem(sys.modules, "pagefind_bin", None)
    program = fake_program(tmp_path, "exit 0")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_pagefind() == program


INDEXED = '<!DOCTYPE html><html lang="en"><body><article data-pagefind-body><h1>{title}</h1>'
TEXT = "<p>{words}</p></article></body></html>"
WORDS = ["testosterone", "sleep", "zinc", "ketamine", "dosage", "review", "liver", "heart"]


def write_pages(folder: Path, numbers: Iterable[int]) -> None:
    """One page per number, made in the given order: tmpfs lists the newest first."""
    for number in numbers:
        page = folder / f"p{number:02d}" / "index.html"
        page.parent.mkdir(parents=True)
        words = " ".join(WORDS[(number * k) % len(WORDS)] for k in range(1, 30))
        page.write_text(INDEXED.format(title=f"Page {number}") + TEXT.format(words=words))


def listing(folder: Path) -> list[str]:
    return [path.name for path in folder.iterdir()]


@pytest.fixture
def pagefind() -> Path:
    found = find_pagefind()
    if found is None:
        pytest.skip("Pagefind is not installed: pip install 'articlegen[search]'")
    return found


def tmpfs_or(tmp_path: Path) -> Path:
    """A fresh folder on tmpfs (/dev/shm) when there is one, else under ``tmp_path``."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        return Path(tempfile.mkdtemp(dir=shm))
    return tmp_path / "other"


def test_the_index_is_the_same_bytes_whatever_order_the_file_system_lists(
    tmp_path: Path, pagefind: Path
) -> None:
    first, second = tmp_path / "disk", tmpfs_or(tmp_path)
    try:
        first.mkdir()
        second.mkdir(exist_ok=True)
        write_pages(first, range(40))
        write_pages(second, reversed(range(40)))
        search.index_site(first, pagefind, expected_pages=40)
        search.index_site(second, pagefind, expected_pages=40)
        assert snapshot(first) == snapshot(second)
    finally:
        shutil.rmtree(second, ignore_errors=True)


def test_pages_made_in_opposite_orders_are_listed_differently_on_tmpfs(tmp_path: Path) -> None:
    """What makes the test above meaningful where it runs: tmpfs lists newest first."""
    folder = tmpfs_or(tmp_path)
    if not str(folder).startswith("/dev/shm"):
        pytest.skip("no tmpfs at /dev/shm")
    try:
        write_pages(folder / "a", range(5))
        write_pages(folder / "b", reversed(range(5)))
        assert listing(folder / "a") == list(reversed(listing(folder / "b")))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_index_site_writes_pagefind_folder_with_every_page(tmp_path: Path, pagefind) -> None:
    write_pages(tmp_path, range(3))
    search.index_site(tmp_path, pagefind, expected_pages=3)
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 3


def test_no_articles_gives_an_empty_index_not_one_of_every_page(tmp_path: Path, pagefind) -> None:
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html lang="en"><body><h1>Home</h1><p>Listing text</p></body></html>'
    )
    search.index_site(tmp_path, pagefind, expected_pages=0)
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"] == {}


def test_a_page_count_other_than_expected_is_an_error(tmp_path: Path, pagefind) -> None:
    write_pages(tmp_path, range(3))
    (tmp_path / "p00" / "index.html").write_text("<html><body></body></html>")  # no words
    with pytest.raises(OutputError) as caught:
        search.index_site(tmp_path, pagefind, expected_pages=3)
    assert caught.value.message == (
        "the search index holds 2 pages, expected 3 (one per article and page)"
    )


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"pagefind-entry.json": b"", "pagefind.js": b"", "index/en_1.pf_index": b""},
            "the search index is incomplete: empty files: index/en_1.pf_index, "
            "pagefind-entry.json, pagefind.js",
        ),
        ({"pagefind.js": b"x"}, "the search index is incomplete: pagefind-entry.json is missing"),
        (
            {"pagefind-entry.json": b'{"languages": {"en": {}}}'},
            "the search index is unreadable: pagefind/pagefind-entry.json: 'page_count'",
        ),
    ],
    ids=["zero-byte files", "no entry file", "entry without counts"],
)
def test_an_index_written_wrong_with_exit_code_0_is_an_error(
    tmp_path: Path, files: dict[str, bytes], message: str
) -> None:
    site = tmp_path / "site"
    write_pages(site, range(2))
    with pytest.raises(OutputError) as caught:
        search.index_site(site, fake_pagefind(tmp_path, files), expected_pages=2)
    assert caught.value.message == message
    assert "disk space" in (caught.value.hint or "")


def test_a_failing_index_is_an_output_error_with_its_last_line(tmp_path: Path) -> None:
    program = fake_program(tmp_path, 'echo "first" >&2; echo "Error: bad page" >&2; exit 3')
    with pytest.raises(OutputError) as caught:
        search.index_site(tmp_path, program, expected_pages=1)
    assert caught.value.message == "the search index failed (Pagefind exit code 3): Error: bad page"
    assert "search: false" in (caught.value.hint or "")


def test_a_program_that_stops_answering_with_0_is_an_error(tmp_path: Path) -> None:
    write_pages(tmp_path / "site", range(2))
    with pytest.raises(OutputError) as caught:
        search.index_site(tmp_path / "site", fake_program(tmp_path, "exit 0"), expected_pages=2)
    assert caught.value.message == "the search index failed: Pagefind stopped before writing it"


def test_a_program_that_cannot_run_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot build the search index"):
        search.index_site(tmp_path, tmp_path / "no-such-program", expected_pages=1)


def test_html_files_lists_every_page_in_path_order_part_by_part(tmp_path: Path) -> None:
    for relative in ("index.html", "a-b/index.html", "a/index.html", "a/page/2/index.html"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "a" / "feed.xml").write_text("<feed/>", encoding="utf-8")
    (tmp_path / "odd.html").mkdir()  # a folder named like a page is no page
    assert search.html_files(tmp_path) == [
        "a/index.html",
        "a/page/2/index.html",
        "a-b/index.html",
        "index.html",
    ]
