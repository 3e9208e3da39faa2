from __future__ import annotations

import stat
import sys
import types
from pathlib import Path

import pytest

from articlegen import search
from articlegen.errors import OutputError


def fake_program(tmp_path: Path, script: str) -> Path:
    program = tmp_path / "pagefind"
    program.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    return program


def test_the_wheel_binary_is_preferred(monkeypatch, tmp_path: Path) -> None:
    binary = tmp_path / "pagefind_extended"
    wheel = types.SimpleNamespace(get_executable=lambda: binary)
    monkeypatch.setitem(sys.modules, "pagefind_bin_extended", wheel)
    assert search.find_pagefind() == binary


def test_missing_everywhere_is_none(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pagefind_bin_extended", None)
    monkeypatch.setitem(sys.modules, "pagefind_bin", None)
    monkeypatch.setenv("PATH", "")
    assert search.find_pagefind() is None


def test_path_is_the_fallback(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "pagefind_bin_extended", None)
    monkeypatch.setitem(sys.modules, "pagefind_bin", None)
    program = fake_program(tmp_path, "exit 0")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert search.find_pagefind() == program


def test_index_site_runs_pagefind_on_the_folder(tmp_path: Path) -> None:
    program = fake_program(tmp_path, 'echo "$@" > "$2/args.txt"')
    site = tmp_path / "site"
    site.mkdir()
    search.index_site(site, program)
    assert (site / "args.txt").read_text().split() == [
        "--site",
        str(site),
        "--output-subdir",
        "pagefind",
        "--silent",
    ]


def test_a_failing_index_is_an_output_error_with_its_last_line(tmp_path: Path) -> None:
    program = fake_program(tmp_path, 'echo "first" >&2; echo "Error: bad page" >&2; exit 3')
    with pytest.raises(OutputError) as caught:
        search.index_site(tmp_path, program)
    assert caught.value.message == "the search index failed (Pagefind exit code 3): Error: bad page"
    assert "search: false" in (caught.value.hint or "")


def test_a_program_that_cannot_run_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot build the search index"):
        search.index_site(tmp_path, tmp_path / "no-such-program")
